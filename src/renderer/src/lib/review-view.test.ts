import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../shared/review';
import { CLOSE, CONTAINS, type SearchHits } from './review-search';
import { ALL_ROWS, countAttention, searchCounts, sortOrder, visibleRows } from './review-view';

const row = (i: number, over: Partial<ReviewRow> = {}): ReviewRow => ({
  code: `C${i}`,
  row: i + 2,
  name: `Name ${String.fromCharCode(90 - i)}`,
  kind: 'ok',
  score: i / 10,
  fix: 'none',
  xeroId: null,
  xeroName: '',
  xeroNumber: '',
  xeroStatus: null,
  decision: null,
  look: null,
  ...over,
});

const rows = [
  row(0, { kind: 'name_mismatch' }),
  row(1),
  row(2, {
    kind: 'name_mismatch',
    decision: { action: 'rename_in_xero', source: 'manual', note: '', xeroContactId: null, attention: null, pending: null },
  }),
  row(3, { kind: null }),
  row(4, { kind: 'not_in_xero' }),
  row(5, {
    kind: 'name_mismatch',
    decision: {
      action: 'set_account_number',
      source: 'bulk',
      note: '',
      xeroContactId: null,
      attention: 'Pushed; still fails: names differ',
      pending: null,
    },
  }),
];

describe('review view', () => {
  it('filters by kind, score range and decision state', () => {
    const order = sortOrder(rows, { key: 'row', descending: false });
    expect(visibleRows(rows, order, ALL_ROWS, null)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(visibleRows(rows, order, { ...ALL_ROWS, kinds: ['name_mismatch'] }, null)).toEqual([0, 2, 5]);
    expect(visibleRows(rows, order, { ...ALL_ROWS, minScore: 0.15, maxScore: 0.35 }, null)).toEqual([2, 3]);
    expect(visibleRows(rows, order, { ...ALL_ROWS, decided: 'decided' }, null)).toEqual([2]);
  });

  it('counts a decision that needs attention as open: undecided, and in its own filter', () => {
    const order = sortOrder(rows, { key: 'row', descending: false });
    expect(visibleRows(rows, order, { ...ALL_ROWS, decided: 'undecided', kinds: ['name_mismatch'] }, null)).toEqual([0, 5]);
    expect(visibleRows(rows, order, { ...ALL_ROWS, decided: 'attention' }, null)).toEqual([5]);
    expect(countAttention(rows)).toBe(1);
  });

  it('sorts, failing kinds first', () => {
    expect([...sortOrder(rows, { key: 'kind', descending: false })]).toEqual([0, 2, 5, 4, 1, 3]);
    expect([...sortOrder(rows, { key: 'score', descending: true })]).toEqual([5, 4, 3, 2, 1, 0]);
    expect([...sortOrder(rows, { key: 'name', descending: false })]).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('lists the search hits in relevance order, or in the chosen order, filtered either way, and counts both tiers', () => {
    // rows 2 and 0 contain the query, row 4 is a close match
    const tier = new Uint8Array(rows.length);
    tier[2] = tier[0] = CONTAINS;
    tier[4] = CLOSE;
    const hits: SearchHits = { query: 'name', rows: [2, 0, 4], exact: 2, tier };
    const byRow = sortOrder(rows, { key: 'row', descending: false });
    expect(visibleRows(rows, byRow, ALL_ROWS, hits)).toEqual([2, 0, 4]);
    expect(visibleRows(rows, byRow, ALL_ROWS, hits, false)).toEqual([0, 2, 4]);
    expect(visibleRows(rows, sortOrder(rows, { key: 'score', descending: true }), ALL_ROWS, hits, false)).toEqual([4, 2, 0]);
    const mismatches = visibleRows(rows, byRow, { ...ALL_ROWS, kinds: ['name_mismatch'] }, hits);
    expect(mismatches).toEqual([2, 0]);
    expect(searchCounts(mismatches, hits)).toEqual({ contains: 2, close: 0, hidden: 1 });
    expect(searchCounts(visibleRows(rows, byRow, ALL_ROWS, hits), hits)).toEqual({ contains: 2, close: 1, hidden: 0 });
  });
});
