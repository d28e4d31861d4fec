// What the table shows: rows filtered by kind, score range and decision state (undecided, decided, needs
// attention), in the chosen order (or in relevance order while searching, unless a column sort was chosen). Works on
// row indices so 50,000 rows are never copied.
import type { FindingKind } from '../../../shared/domain';
import { rankOf } from '../../../shared/decision-rules';
import type { ReviewRow } from '../../../shared/review';
import { CONTAINS, type SearchHits } from './review-search';

export interface ReviewFilter {
  /** Empty = every kind. */
  kinds: readonly FindingKind[];
  /** Score range in [0, 1], inclusive. */
  minScore: number;
  maxScore: number;
  /** 'undecided' includes the decisions that need attention (carried out, still failing: open again). */
  decided: 'all' | 'undecided' | 'decided' | 'attention';
}

export const ALL_ROWS: ReviewFilter = { kinds: [], minScore: 0, maxScore: 1, decided: 'all' };

export type SortKey = 'row' | 'code' | 'name' | 'kind' | 'score' | 'xeroName';
export const SORT_LABELS: Record<SortKey, string> = {
  row: 'file row',
  code: 'Code',
  name: 'CocoonOPS name',
  kind: 'Finding',
  score: 'Score',
  xeroName: 'Xero name',
};
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export function rowMatches(r: ReviewRow, f: ReviewFilter, kinds: ReadonlySet<FindingKind> | null): boolean {
  if (kinds && (r.kind === null || !kinds.has(r.kind))) return false;
  if (r.score < f.minScore || r.score > f.maxScore) return false;
  const open = !r.decision || r.decision.attention !== null;
  if (f.decided === 'decided' && open) return false;
  if (f.decided === 'undecided' && !open) return false;
  if (f.decided === 'attention' && !r.decision?.attention) return false;
  return true;
}

/** How many rows need attention (the "Needs attention" filter's count). */
export function countAttention(rows: readonly ReviewRow[]): number {
  let n = 0;
  for (const r of rows) if (r.decision?.attention) n++;
  return n;
}

/** Row indices in sort order (ties by file row, then position): typed keys, no per-comparison lookups. */
export function sortOrder(rows: readonly ReviewRow[], sort: Sort): Int32Array {
  const n = rows.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const dir = sort.descending ? -1 : 1;
  const rowNo = new Float64Array(n);
  for (let i = 0; i < n; i++) rowNo[i] = rows[i]!.row;
  if (sort.key === 'code' || sort.key === 'name' || sort.key === 'xeroName') {
    const field = sort.key;
    const keys = rows.map((r) => r[field].toLowerCase());
    order.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return (x < y ? -dir : x > y ? dir : 0) || rowNo[a]! - rowNo[b]! || a - b;
    });
    return order;
  }
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    key[i] = sort.key === 'row' ? r.row : sort.key === 'score' ? r.score : rankOf(r.kind);
  }
  order.sort((a, b) => dir * (key[a]! - key[b]!) || rowNo[a]! - rowNo[b]! || a - b);
  return order;
}

/**
 * The visible row indices, filtered: while searching, the matches in relevance order (`sort` null) or in `order`;
 * else `order`.
 */
export function visibleRows(
  rows: readonly ReviewRow[],
  order: ArrayLike<number>,
  filter: ReviewFilter,
  hits: SearchHits | null,
  byRelevance = true,
): number[] {
  const kinds = filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const source = hits && byRelevance ? hits.rows : order;
  const tier = hits && !byRelevance ? hits.tier : null;
  const out: number[] = [];
  for (let k = 0; k < source.length; k++) {
    const i = source[k]!;
    if ((tier === null || tier[i] !== 0) && rowMatches(rows[i]!, filter, kinds)) out.push(i);
  }
  return out;
}

export interface SearchCounts {
  /** Rows shown that contain the query. */
  contains: number;
  /** Rows shown that are close matches. */
  close: number;
  /** Matches the filters hide. */
  hidden: number;
}

/** Of the visible rows, how many contain the query and how many are close matches; and the matches filters hide. */
export function searchCounts(visible: readonly number[], hits: SearchHits): SearchCounts {
  let contains = 0;
  for (const i of visible) if (hits.tier[i] === CONTAINS) contains++;
  const close = visible.length - contains;
  return { contains, close, hidden: hits.rows.length - visible.length };
}
