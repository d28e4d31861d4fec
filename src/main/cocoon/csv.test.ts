import { describe, expect, it } from 'vitest';
import { ImportError } from './import-problems';
import { detectDelimiter, parseCsv } from './csv';

describe('detectDelimiter', () => {
  it.each([
    ['Organisation Name,Billing Account Code,Email', ','],
    ['Organisation Name;Billing Account Code;Email', ';'],
    ['Organisation Name\tBilling Account Code\tEmail', '\t'],
    ['Organisation Name|Billing Account Code|Email', '|'],
    ['"Name, with comma";Code;Email', ';'],
    ['Name', ','],
  ])('%j → %j', (line, expected) => {
    expect(detectDelimiter(line)).toBe(expected);
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF and values spanning lines; rows count records', () => {
    const t = parseCsv('Name,Code\r\n"Smith, Jones & Co",SJ1\r\n"Say ""hi""",Q1\r\n"Two\nlines",T1\r\nLast,L1');
    expect(t.header).toEqual(['Name', 'Code']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['Smith, Jones & Co', 'SJ1'] },
      { row: 3, cells: ['Say "hi"', 'Q1'] },
      { row: 4, cells: ['Two\nlines', 'T1'] },
      { row: 5, cells: ['Last', 'L1'] },
    ]);
    expect(t.delimiter).toBe(',');
  });

  it('keeps a stray quote inside an unquoted value', () => {
    expect(parseCsv('Name;Code\nO"Brien;C1\n').rows[0]?.cells).toEqual(['O"Brien', 'C1']);
  });

  it('keeps empty lines as rows so that row numbers match a spreadsheet', () => {
    const t = parseCsv('Name,Code\n\nA,1\n');
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('takes the delimiter from an Excel "sep=" line and hides that line', () => {
    const t = parseCsv('sep=;\nName,x;Code\nA,b;1\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['Name,x', 'Code']);
    expect(t.rows[0]).toEqual({ row: 2, cells: ['A,b', '1'] });
  });

  it('reports ragged rows per row instead of failing', () => {
    const t = parseCsv('Name,Code,Email\nAcme, Pty Ltd,A1,a@x.com\nShort,S1\nTrailing,T1,t@x.com,,\n');
    expect(t.rows).toHaveLength(3);
    expect(t.problems).toEqual([
      expect.objectContaining({ row: 2, severity: 'error', message: expect.stringMatching(/4 values but the header has 3.*unquoted ","/) }),
      expect.objectContaining({ row: 3, severity: 'warning', message: expect.stringMatching(/2 values/) }),
    ]);
  });

  it('fails fast with a clear message on a huge single line', () => {
    const started = Date.now();
    expect(() => parseCsv('x'.repeat(3 * 1024 * 1024), 'one-line.csv')).toThrow(
      /one-line\.csv does not look like a CSV export: its first line is longer than 1024 KB/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('names the row of an over-long record and of a quote that is never closed', () => {
    expect(() => parseCsv(`Name,Code\nA,1\n${'y'.repeat(2000)}\n`, 'f.csv', { maxRecordBytes: 1000 })).toThrow(
      /f\.csv: row 3 .*longer than/,
    );
    expect(() => parseCsv('Name,Code\nA,1\n"B,2\nC,3\n', 'q.csv')).toThrow(/q\.csv: a quoted value in row 3 is never closed/);
  });

  it('throws ImportError for a file with no header', () => {
    expect(() => parseCsv('\n\n', 'blank.csv')).toThrow(ImportError);
    expect(() => parseCsv('', 'blank.csv')).toThrow(/blank\.csv is empty/);
  });
});
