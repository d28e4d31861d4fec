// Fuzzy search over both sides of the review table (CocoonOPS name and code, Xero name and AccountNumber),
// fast enough to answer as you type on 50,000 rows: a trigram index picks the rows that share enough of the
// query's trigrams, then Fuse.js scores and ranks only those (on a slice of one prebuilt Fuse index).
// The index is built in slices (buildReviewSearch yields between them), so typing and scrolling stay smooth.
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { ReviewRow } from '../../../shared/review';
import { normalise } from './normalise';
import { TrigramBuilder, type TrigramIndex } from './trigram-index';

interface SearchDoc {
  a: string;
  b: string;
  codes: string;
}

/** Rows Fuse.js scores at most (the best by trigram overlap). */
export const MAX_CANDIDATES = 1500;
/** Rows per slice while building. */
const SLICE = 4000;

const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'a', weight: 2 },
    { name: 'b', weight: 2 },
    { name: 'codes', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.35,
  shouldSort: true,
};

interface FuseRecord {
  i: number;
}

export class ReviewSearch {
  constructor(
    private readonly docs: readonly SearchDoc[],
    private readonly haystacks: readonly string[],
    private readonly trigrams: TrigramIndex,
    private readonly fuseKeys: unknown,
    private readonly records: readonly FuseRecord[],
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** Row indices that match `query`, best first; null when the query is empty (no search). */
  search(query: string): number[] | null {
    const q = normalise(query);
    if (q === '') return null;
    const candidates = q.length < 3 ? substringMatches(this.haystacks, q, MAX_CANDIDATES) : this.trigrams.candidates(q, MAX_CANDIDATES);
    if (candidates.length === 0) return [];
    const subset = Fuse.parseIndex<SearchDoc>({ keys: this.fuseKeys, records: candidates.map((i) => this.records[i]) } as never);
    const ranked = new Fuse(this.docs as SearchDoc[], FUSE_OPTIONS, subset).search(q).map((r) => r.refIndex);
    // Rows that hold the query as typed come first, in Fuse's order.
    const exact = ranked.filter((i) => this.haystacks[i]!.includes(q));
    if (exact.length === 0 || exact.length === ranked.length) return ranked;
    const first = new Set(exact);
    return [...exact, ...ranked.filter((i) => !first.has(i))];
  }
}

/** Rows whose text contains `q` (normalised), in row order: the answer while the index is still being built. */
export function substringMatches(haystacks: readonly string[], q: string, limit = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < haystacks.length && out.length < limit; i++) if (haystacks[i]!.includes(q)) out.push(i);
  return out;
}

export function searchText(row: Pick<ReviewRow, 'name' | 'xeroName' | 'code' | 'xeroNumber'>): SearchDoc {
  return { a: normalise(row.name), b: normalise(row.xeroName), codes: normalise(`${row.code} ${row.xeroNumber}`) };
}

/** Builds the index in slices, awaiting `pause()` between them (a macrotask in the browser; nothing in tests). */
export async function buildReviewSearch(
  rows: readonly ReviewRow[],
  pause: () => Promise<void> = () => Promise.resolve(),
  signal?: AbortSignal,
): Promise<ReviewSearch> {
  const docs: SearchDoc[] = new Array(rows.length);
  const haystacks: string[] = new Array(rows.length);
  const trigrams = new TrigramBuilder();
  const records: FuseRecord[] = [];
  let keys: unknown = null;
  for (let start = 0; start < rows.length; start += SLICE) {
    const end = Math.min(rows.length, start + SLICE);
    for (let i = start; i < end; i++) {
      const d = searchText(rows[i]!);
      docs[i] = d;
      haystacks[i] = `${d.a} ${d.b} ${d.codes}`;
      trigrams.add(haystacks[i]!);
    }
    const part = Fuse.createIndex(FUSE_OPTIONS.keys!, docs.slice(start, end)).toJSON() as { keys: unknown; records: FuseRecord[] };
    keys ??= part.keys;
    for (const r of part.records) {
      r.i += start;
      records.push(r);
    }
    await pause();
    signal?.throwIfAborted();
  }
  keys ??= Fuse.createIndex(FUSE_OPTIONS.keys!, []).toJSON().keys;
  return new ReviewSearch(docs, haystacks, trigrams.finish(), keys, records);
}

/** The quick answer before the index exists: plain substring over both names and codes. */
export function quickSearch(rows: readonly ReviewRow[], query: string): number[] | null {
  const q = normalise(query);
  if (q === '') return null;
  const out: number[] = [];
  rows.forEach((r, i) => {
    const d = searchText(r);
    if (`${d.a} ${d.b} ${d.codes}`.includes(q)) out.push(i);
  });
  return out;
}
