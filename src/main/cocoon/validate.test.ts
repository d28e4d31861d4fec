import { describe, expect, it } from 'vitest';
import { resolveColumns } from './header-fields';
import { hasControlChar, validateRows } from './validate';

const HEADER = ['Organisation Name', 'Billing Account Code', 'Contact Name', 'Email', 'Phone'];
const { columns } = resolveColumns(HEADER);
const rows = (...cells: string[][]) => cells.map((c, i) => ({ row: i + 2, cells: c }));
const validate = (...cells: string[][]) => validateRows(rows(...cells), columns);

describe('validateRows', () => {
  it('returns trimmed accounts with spreadsheet row numbers', () => {
    const r = validate(['  Acme Pty Ltd ', 'A1', ' Jane ', 'jane@acme.com', '+61 2 9999 0000']);
    expect(r.problems).toEqual([]);
    expect(r.accounts).toEqual([
      {
        row: 2,
        code: 'A1',
        name: 'Acme Pty Ltd',
        contactName: 'Jane',
        email: 'jane@acme.com',
        phone: '+61 2 9999 0000',
        address: '',
        postcode: '',
        status: '',
      },
    ]);
  });

  it('errors on a missing code and a missing name', () => {
    const r = validate(['Acme', '  '], ['', 'B1']);
    expect(r.problems).toEqual([
      { row: 2, column: 'Billing Account Code', severity: 'error', message: 'the billing account code is empty' },
      { row: 3, column: 'Organisation Name', severity: 'error', message: 'the organisation name is empty' },
    ]);
    expect(r.accounts).toEqual([]);
  });

  it('errors on a duplicate code (trimmed, any case), naming both rows', () => {
    const r = validate(['Acme', 'abc1'], ['Beta', 'X'], [' Acme 2', ' ABC1 ']);
    const error = r.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({ row: 4, column: 'Billing Account Code' });
    expect(error?.message).toMatch(/"abc1" \/ "ABC1" is used twice: rows 2 and 4/);
    expect(r.accounts.map((a) => a.code)).toEqual(['abc1', 'X']);
  });

  it('errors on codes Xero rejects: over 50 characters, control characters', () => {
    const r = validate(['Acme', 'C'.repeat(51)], ['Beta', 'B\u00071'], ['Gamma', 'C'.repeat(50)]);
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [2, 'the code is 51 characters long; Xero allows at most 50 in an account number'],
      [3, expect.stringContaining('control characters')],
    ]);
    expect(hasControlChar('a\tb')).toBe(true);
    expect(hasControlChar('plain')).toBe(false);
  });

  it('errors on formula-looking values in any mapped column, not on phone numbers', () => {
    const r = validate(['=HYPERLINK("http://evil")', 'A1', '', '', '+61 2 9999 0000'], ['Beta', 'B1', '@Jane', '', '-1']);
    expect(r.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'Organisation Name', 'error'],
      [3, 'Contact Name', 'error'],
    ]);
    expect(r.problems[0]?.message).toMatch(/looks like a formula/);
  });

  it('warns about spaces around a code and trims it', () => {
    const r = validate(['Acme', ' A1\t']);
    expect(r.problems).toEqual([
      { row: 2, column: 'Billing Account Code', severity: 'warning', message: 'spaces around the code "A1" were removed' },
    ]);
    expect(r.accounts[0]?.code).toBe('A1');
  });

  it('skips empty rows with one warning per run', () => {
    const r = validate(['Acme', 'A1'], ['', ' '], [], ['Beta', 'B1'], ['', ''], ['']);
    expect(r.problems).toEqual([
      { row: 3, severity: 'warning', message: 'rows 3–4 are empty and were skipped' },
      { row: 6, severity: 'warning', message: 'rows 6–7 are empty and were skipped' },
    ]);
    expect(r.accounts.map((a) => a.row)).toEqual([2, 5]);
  });

  it('validates 50,000 rows quickly', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({
      row: i + 2,
      cells: [`Company ${i}`, `C${i}`, 'Jane', `j${i}@x.com`, '+61 2 9999 0000'],
    }));
    const started = performance.now();
    const r = validateRows(many, columns);
    expect(r.accounts).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
