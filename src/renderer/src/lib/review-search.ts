// Search over both sides of the review table (CocoonOPS name and code, Xero name and AccountNumber), answering as
// you type on 50,000 rows. Every row is tried, nothing is capped, and the answer comes in two counted tiers:
// 1. the rows that contain the query (after normalising: case, accents, punctuation), most relevant first: the
//    whole name or code, then whole words, then the start of a name or a word, then anywhere; shorter names first;
// 2. then the close matches: rows whose CocoonOPS or Xero name holds the query with a typo or two (spaces aside:
//    "blue sky" finds "Bluesky"), fewest typos first, then those with more of the query's words as typed. Codes are
//    matched exactly: a code one digit off is another account, not a typo.
// The normalised texts are prepared in slices (buildReviewSearch yields between them) so the table paints first.
import type { ReviewRow } from '../../../shared/review';
import { normalise } from './normalise';
import { MAX_PATTERN, TypoMatcher } from './typo-match';

interface SearchDoc {
  a: string;
  b: string;
  codes: string;
}

/** Rows per slice while building. */
const SLICE = 4000;

/** Per row: whether, and how, it matches the search. */
export const CONTAINS = 1;
export const CLOSE = 2;

/** What a search found: the rows containing the query, most relevant first, then the close matches. */
export interface SearchHits {
  /** The query as compared (normalised). */
  query: string;
  /** Every matching row: the first `exact` contain the query, the rest are close matches, best first. */
  rows: number[];
  exact: number;
  /** Per row: CONTAINS, CLOSE, or 0 (no match). */
  tier: Uint8Array;
}

/** Typos a close match may have: none under 5 characters (spaces aside), 1 up to 9, 2 from 10. */
export function typosAllowed(length: number): number {
  return length < 5 ? 0 : length < 10 ? 1 : 2;
}

export class ReviewSearch {
  constructor(
    private readonly docs: readonly SearchDoc[],
    private readonly haystacks: readonly string[],
    /** Per row, the CocoonOPS and the Xero name without spaces. */
    private readonly names: readonly (readonly [string, string])[],
  ) {}

  get size(): number {
    return this.docs.length;
  }

  /** Every row that matches `query`; null when the query is empty (no search). */
  search(query: string): SearchHits | null {
    const q = normalise(query);
    if (q === '') return null;
    const hits = containing(this.docs, this.haystacks, q);
    const pattern = q.replaceAll(' ', '');
    const allowed = typosAllowed(pattern.length);
    if (allowed === 0 || pattern.length > MAX_PATTERN) return hits;
    const matcher = new TypoMatcher(pattern);
    const words = q.split(' ').slice(0, 63);
    const keys: number[] = [];
    for (let i = 0; i < this.names.length; i++) {
      if (hits.tier[i] !== 0) continue;
      const [a, b] = this.names[i]!;
      const da = matcher.distanceIn(a);
      const db = a === b ? da : matcher.distanceIn(b);
      const d = Math.min(da, db);
      if (d > allowed) continue;
      hits.tier[i] = CLOSE;
      // Fewest typos first, then the most words of the query as typed, then the shorter name.
      const missing = words.filter((w) => !this.haystacks[i]!.includes(w)).length;
      const length = Math.min(da === d ? a.length : Infinity, db === d ? b.length : Infinity, 1023);
      keys.push(((d * 64 + missing) * 1024 + length) * ROW_SPACE + i);
    }
    for (const i of byKey(keys)) hits.rows.push(i);
    return hits;
  }
}

/** Row indices below this fit beside a relevance key in one float64 (the contract allows 200,000 accounts). */
const ROW_SPACE = 1 << 22;

/** Every row whose text contains `q` (normalised), most relevant first (ties in row order). */
export function containing(docs: readonly SearchDoc[], haystacks: readonly string[], q: string): SearchHits {
  const tier = new Uint8Array(haystacks.length);
  const keys: number[] = [];
  for (let i = 0; i < haystacks.length; i++) {
    if (!haystacks[i]!.includes(q)) continue;
    tier[i] = CONTAINS;
    keys.push(relevance(docs[i]!, q) * ROW_SPACE + i);
  }
  const rows = byKey(keys);
  return { query: q, rows, exact: rows.length, tier };
}

/** The row indices of `keys` (each a rank times ROW_SPACE plus the row), in key order. */
function byKey(keys: readonly number[]): number[] {
  const sorted = Float64Array.from(keys).sort();
  const rows: number[] = new Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) rows[k] = sorted[k]! % ROW_SPACE;
  return rows;
}

/**
 * How well a text that contains `q` matches it, lower is better: the best of its fields by where `q` sits (the whole
 * name or a whole code; whole words at the name's start, then elsewhere; the start of the name, then of a word;
 * inside a word), then by how much of the field it covers. A query that spans the two names (rare) ranks last.
 */
export function relevance(doc: SearchDoc, q: string): number {
  let best = 6 * 1024;
  for (const field of [doc.a, doc.b, doc.codes]) {
    if (!field.includes(q)) continue;
    const spaced = ` ${field} `;
    const place =
      field === q || (field === doc.codes && spaced.includes(` ${q} `))
        ? 0
        : spaced.startsWith(` ${q} `)
          ? 1
          : spaced.includes(` ${q} `)
            ? 2
            : field.startsWith(q)
              ? 3
              : spaced.includes(` ${q}`)
                ? 4
                : 5;
    best = Math.min(best, place * 1024 + Math.round(1023 * (1 - q.length / field.length)));
  }
  return best;
}

export function searchText(row: Pick<ReviewRow, 'name' | 'xeroName' | 'code' | 'xeroNumber'>): SearchDoc {
  return { a: normalise(row.name), b: normalise(row.xeroName), codes: normalise(`${row.code} ${row.xeroNumber}`) };
}

function haystack(d: SearchDoc): string {
  return `${d.a} ${d.b} ${d.codes}`;
}

/** Prepares the texts in slices, awaiting `pause()` between them (a macrotask in the browser; nothing in tests). */
export async function buildReviewSearch(
  rows: readonly ReviewRow[],
  pause: () => Promise<void> = () => Promise.resolve(),
  signal?: AbortSignal,
): Promise<ReviewSearch> {
  const docs: SearchDoc[] = new Array(rows.length);
  const haystacks: string[] = new Array(rows.length);
  const names: [string, string][] = new Array(rows.length);
  for (let start = 0; start < rows.length; start += SLICE) {
    const end = Math.min(rows.length, start + SLICE);
    for (let i = start; i < end; i++) {
      const d = searchText(rows[i]!);
      docs[i] = d;
      haystacks[i] = haystack(d);
      names[i] = [d.a.replaceAll(' ', ''), d.b.replaceAll(' ', '')];
    }
    await pause();
    signal?.throwIfAborted();
  }
  return new ReviewSearch(docs, haystacks, names);
}

/** The answer before the texts are prepared: the rows that contain the query (no close matches yet). */
export function quickSearch(rows: readonly ReviewRow[], query: string): SearchHits | null {
  const q = normalise(query);
  if (q === '') return null;
  const docs = rows.map(searchText);
  return containing(docs, docs.map(haystack), q);
}
