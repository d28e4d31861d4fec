import { describe, expect, it } from 'vitest';
import { ReviewColumns, type ReviewRow } from './review';
import { columnsFromRows, rowsFromColumns } from './review-columns';

const rows: ReviewRow[] = [
  {
    code: 'A1',
    row: 2,
    name: 'Acme',
    kind: 'name_mismatch',
    score: 0.9,
    fix: 'rename_in_xero_or_cocoon',
    xeroId: 'c1',
    xeroName: 'ACME',
    xeroNumber: 'A1',
    xeroStatus: 'ACTIVE',
    decision: null,
    look: 'Xero name lost a character',
  },
  {
    code: 'B2',
    row: 3,
    name: 'Beta',
    kind: null,
    score: 0,
    fix: null,
    xeroId: null,
    xeroName: '',
    xeroNumber: '',
    xeroStatus: null,
    decision: { action: 'ignore', source: 'manual', note: 'n', xeroContactId: null, attention: null, pending: null },
    look: null,
  },
];

describe('review columns', () => {
  it('carry rows column by column and back, decisions by index', () => {
    const columns = columnsFromRows(rows);
    expect(ReviewColumns.parse(columns)).toEqual(columns);
    expect(columns.decisions).toEqual([[1, rows[1]!.decision]]);
    expect(rowsFromColumns(columns)).toEqual(rows);
  });
});
