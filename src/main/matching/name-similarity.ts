// Name similarity on canonical tokens: rare tokens weigh more, near-equal tokens (typos, abbreviations
// cut short) count in part, and the spacing-blind edit distance catches "Fairy Land" vs "Fairyland".
import { distance } from 'fastest-levenshtein';

export type TokenWeight = (token: string) => number;

/** Similarity of two tokens in [0, 1]: equal, one cut short from the other, or one or two typos apart. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 4 && long.startsWith(short)) return 0.85;
  if (long.length < 5 || long.length - short.length > 2) return 0;
  const d = distance(a, b);
  if (d === 1) return 1 - 1 / long.length;
  if (d === 2 && long.length >= 8) return 1 - 2 / long.length;
  return 0;
}

export interface NameSimilarity {
  /** Weighted Dice coefficient of the two token sets. */
  dice: number;
  /** Matched weight over the lighter name's weight: 1 when one name is contained in the other. */
  containment: number;
  /** Edit-distance similarity of the names with spaces removed. */
  compact: number;
  /** The weight of the rarest token the names share (0 when they share none). */
  heaviestShared: number;
  /** The weight of the rarest token each name has that the other lacks: distinctive words that disagree. */
  heaviestUnmatched: [number, number];
}

function unique(tokens: readonly string[]): string[] {
  return tokens.length < 2 ? [...tokens] : [...new Set(tokens)];
}

export function nameSimilarity(a: readonly string[], b: readonly string[], weight: TokenWeight): NameSimilarity {
  const ta = unique(a);
  const tb = unique(b);
  let wa = 0;
  let wb = 0;
  for (const t of ta) wa += weight(t);
  for (const t of tb) wb += weight(t);
  // Greedy pairing of tokens, best pairs first (the sets are small: a handful of tokens each).
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const s = tokenSimilarity(ta[i]!, tb[j]!);
      if (s > 0) pairs.push({ i, j, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  let heaviestShared = 0;
  for (const { i, j, s } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const w = s * Math.min(weight(ta[i]!), weight(tb[j]!));
    matched += w;
    if (s >= 0.8) heaviestShared = Math.max(heaviestShared, w);
  }
  let unmatchedA = 0;
  let unmatchedB = 0;
  ta.forEach((t, i) => usedA.has(i) || (unmatchedA = Math.max(unmatchedA, weight(t))));
  tb.forEach((t, j) => usedB.has(j) || (unmatchedB = Math.max(unmatchedB, weight(t))));
  const ca = ta.join('');
  const cb = tb.join('');
  const longest = Math.max(ca.length, cb.length);
  return {
    dice: wa + wb > 0 ? (2 * matched) / (wa + wb) : 0,
    containment: Math.min(wa, wb) > 0 ? matched / Math.min(wa, wb) : 0,
    compact: longest > 0 ? 1 - distance(ca, cb) / longest : 0,
    heaviestShared,
    heaviestUnmatched: [unmatchedA, unmatchedB],
  };
}
