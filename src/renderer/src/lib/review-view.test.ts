import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../shared/review';
import { ALL_ROWS, countAttention, sortOrder, visibleRows } from './review-view';

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
  row(2, { kind: 'name_mismatch', decision: { action: 'rename_in_xero', source: 'manual', note: '', xeroContactId: null, attention: null } }),
  row(3, { kind: null }),
  row(4, { kind: 'not_in_xero' }),
  row(5, { kind: 'name_mismatch', decision: { action: 'set_account_number', source: 'bulk', note: '', xeroContactId: null, attention: 'Pushed; still fails: names differ' } }),
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

  it('sorts, failing kinds first, and keeps search rank while searching', () => {
    expect([...sortOrder(rows, { key: 'kind', descending: false })]).toEqual([0, 2, 5, 4, 1, 3]);
    expect([...sortOrder(rows, { key: 'score', descending: true })]).toEqual([5, 4, 3, 2, 1, 0]);
    expect([...sortOrder(rows, { key: 'name', descending: false })]).toEqual([5, 4, 3, 2, 1, 0]);
    const order = sortOrder(rows, { key: 'row', descending: false });
    expect(visibleRows(rows, order, { ...ALL_ROWS, kinds: ['name_mismatch'] }, [2, 1, 0])).toEqual([2, 0]);
  });
});
