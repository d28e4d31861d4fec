// Choosing links globally: a Xero contact is the counterpart of at most one billing account.
// First every account keeps the holder of its code when the holder is the same business; then the
// remaining pairs are linked best first across all accounts (not account by account).
import type { PairScore } from './score';

export interface ScoredPair {
  contact: number;
  isHolder: boolean;
  score: PairScore;
}

/** Orders pairs best first; ties broken by contact index so the result never depends on input order of the candidates. */
export function byScore(a: ScoredPair, b: ScoredPair): number {
  return b.score.logOdds - a.score.logOdds || Number(b.isHolder) - Number(a.isHolder) || a.contact - b.contact;
}

/** An archived contact is a less likely counterpart than an active one: it ranks this many log2 units lower. */
const ARCHIVED_PENALTY = 2;

/** For each account, the index of its pair in `scored[account]` that is linked, or -1. */
export function assignLinks(
  scored: readonly ScoredPair[][],
  threshold: number,
  isArchived: (contact: number) => boolean = () => false,
): number[] {
  const link = scored.map(() => -1);
  const taken = new Set<number>();
  scored.forEach((pairs, a) => {
    const k = pairs.findIndex((p) => p.isHolder && p.score.probability >= threshold && !taken.has(p.contact));
    if (k >= 0) {
      link[a] = k;
      taken.add(pairs[k]!.contact);
    }
  });
  const open: { a: number; k: number; pair: ScoredPair }[] = [];
  scored.forEach((pairs, a) => {
    if (link[a] !== -1) return;
    pairs.forEach((pair, k) => {
      if (!pair.isHolder && pair.score.probability >= threshold) open.push({ a, k, pair });
    });
  });
  const rank = (p: ScoredPair) => p.score.logOdds - (isArchived(p.contact) ? ARCHIVED_PENALTY : 0);
  open.sort((x, y) => rank(y.pair) - rank(x.pair) || byScore(x.pair, y.pair) || x.a - y.a);
  for (const { a, k, pair } of open) {
    if (link[a] !== -1 || taken.has(pair.contact)) continue;
    link[a] = k;
    taken.add(pair.contact);
  }
  return link;
}
