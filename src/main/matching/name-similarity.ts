// Name similarity on canonical tokens: rare tokens weigh more, near-equal tokens (typos, abbreviations
// cut short) count in part, and the spacing-blind edit distance catches "Fairy Land" vs "Fairyland".
import { distance } from 'fastest-levenshtein';
import { fingerprint } from './columns';

/** Below this, the spacing-blind similarity is not used. */
export const COMPACT_USEFUL = 0.92;

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

/**
 * One reading of a name: its unique tokens are tokens[from] … tokens[to - 1] (fingerprints), with their text
 * and weight at the same places of `text` and `weight`; `total` is their summed weight, `compact` the tokens joined.
 */
export interface ReadingRef {
  tokens: Float64Array;
  text: readonly string[];
  weight: Float64Array;
  from: number;
  to: number;
  total: number;
  compact: string;
}

/** A reading from tokens and a weight function (tests and ad-hoc comparisons). */
export function reading(tokens: readonly string[], weightOf: TokenWeight): ReadingRef {
  const text = [...new Set(tokens)];
  const weight = Float64Array.from(text, weightOf);
  return {
    tokens: Float64Array.from(text, fingerprint),
    text,
    weight,
    from: 0,
    to: text.length,
    total: weight.reduce((s, w) => s + w, 0),
    compact: text.join(''),
  };
}

// Scratch buffers reused by every call (names have a handful of tokens; longer ones are truncated).
const MAX_TOKENS = 32;
const sims = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const usedA = new Uint8Array(MAX_TOKENS);
const usedB = new Uint8Array(MAX_TOKENS);

/** A NameSimilarity to write into. */
export const emptySimilarity = (): NameSimilarity => ({
  dice: 0,
  containment: 0,
  compact: 0,
  heaviestShared: 0,
  heaviestUnmatched: [0, 0],
});

/** How alike two readings are, written into `into` (scoring passes one it reuses: it compares pairs by the million). */
export function nameSimilarity(a: ReadingRef, b: ReadingRef, into = emptySimilarity()): NameSimilarity {
  const na = Math.min(a.to - a.from, MAX_TOKENS);
  const nb = Math.min(b.to - b.from, MAX_TOKENS);
  let candidates = 0;
  for (let i = 0; i < na; i++) {
    usedA[i] = 0;
    const ta = a.tokens[a.from + i]!;
    for (let j = 0; j < nb; j++) {
      const s = ta === b.tokens[b.from + j] ? 1 : tokenSimilarity(a.text[a.from + i]!, b.text[b.from + j]!);
      sims[i * MAX_TOKENS + j] = s;
      if (s > 0) candidates++;
    }
  }
  for (let j = 0; j < nb; j++) usedB[j] = 0;
  // Greedy pairing, best pair first (ties: lowest i, then j).
  let matched = 0;
  let heaviestShared = 0;
  for (; candidates > 0; candidates--) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < na; i++) {
      if (usedA[i]) continue;
      for (let j = 0; j < nb; j++) {
        const s = sims[i * MAX_TOKENS + j]!;
        if (s > best && !usedB[j]) {
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedA[bi] = 1;
    usedB[bj] = 1;
    const w = best * Math.min(a.weight[a.from + bi]!, b.weight[b.from + bj]!);
    matched += w;
    if (best >= 0.8) heaviestShared = Math.max(heaviestShared, w);
  }
  let unmatchedA = 0;
  let unmatchedB = 0;
  for (let i = 0; i < na; i++) if (!usedA[i]) unmatchedA = Math.max(unmatchedA, a.weight[a.from + i]!);
  for (let j = 0; j < nb; j++) if (!usedB[j]) unmatchedB = Math.max(unmatchedB, b.weight[b.from + j]!);
  const ca = a.compact;
  const cb = b.compact;
  const longest = Math.max(ca.length, cb.length);
  // The edit distance only matters when it could reach the "very similar" level; skip it otherwise.
  const compact = longest === 0 ? 0 : Math.abs(ca.length - cb.length) > longest * (1 - COMPACT_USEFUL) ? 0 : 1 - distance(ca, cb) / longest;
  const lighter = Math.min(a.total, b.total);
  into.dice = a.total + b.total > 0 ? (2 * matched) / (a.total + b.total) : 0;
  into.containment = lighter > 0 ? matched / lighter : 0;
  into.compact = compact;
  into.heaviestShared = heaviestShared;
  into.heaviestUnmatched[0] = unmatchedA;
  into.heaviestUnmatched[1] = unmatchedB;
  return into;
}
