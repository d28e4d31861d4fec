// The Exceptions Manager export import end to end, on real files and a real workspace: formats, tolerant headers,
// the mapping preview, and bad input (nothing is imported).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import {
  importExceptionsFile,
  listExceptions,
  parseExceptionsBuffer,
  parseExceptionsFile,
  previewExceptions,
  setExceptionResolved,
} from '../../src/main/exceptions';
import { ExceptionImportSummary, ExceptionsPreview } from '../../src/shared/exceptions';
import { importError, tempFolder } from '../support/import-files';

const FIXTURE = new URL('../fixtures/exceptions/exceptions.csv', import.meta.url).pathname;
const { dir, file } = tempFolder('exceptions-import-');

const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parsing an exceptions export', () => {
  it('reads the CocoonOPS-style CSV: tolerant headers, dates, totals, types, the exception timestamp kept apart', async () => {
    const parsed = await parseExceptionsFile(FIXTURE);
    expect(parsed.items).toHaveLength(13);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.columns.mapping).toEqual({
      message: 'Exception',
      invoiceNumber: null,
      creditNoteNumber: null,
      document: 'Document Number',
      accountCode: 'Billing Account',
      contactName: 'Organisation',
      type: 'Type',
      date: 'Invoice Date',
      total: 'Total',
      currency: 'Currency',
      state: 'Invoice State',
      raisedAt: 'Exception Date',
    });
    expect(parsed.items[0]).toEqual({
      row: 2,
      input: {
        message: 'Invoice # must be unique',
        docType: 'invoice',
        number: 'INV-0001',
        accountCode: 'ACME01',
        contactName: 'Acme Freight Pty Ltd',
        date: '2025-03-03',
        total: 1250,
        currency: 'AUD',
        state: 'Issued',
        raisedAt: '2025-06-02 09:14',
      },
    });
    expect(parsed.items[3]!.input).toMatchObject({ docType: 'credit_note', number: 'CN-0001', total: -125 });
  });

  it('reads XLSX with real dates and numbers, and separate invoice / credit note number columns', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Exceptions');
    sheet.addRow(['Error Message', 'Invoice No', 'Credit Note No', 'Account Code', 'Date', 'Amount']);
    sheet.addRow(['Invoice # must be unique.', 'INV-0001', null, 'ACME01', new Date(Date.UTC(2025, 2, 3)), 1250]);
    sheet.addRow(['Invoice # must be unique.', null, 'CN-0001', 'ACME01', new Date(Date.UTC(2025, 2, 20)), 125]);
    const parsed = await parseExceptionsBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'exceptions.xlsx');
    expect(parsed.format).toBe('xlsx');
    expect(parsed.items.map((i) => [i.row, i.input.docType, i.input.number, i.input.date, i.input.total])).toEqual([
      [2, 'invoice', 'INV-0001', '2025-03-03', 1250],
      [3, 'credit_note', 'CN-0001', '2025-03-20', 125],
    ]);
  });

  it('decodes Windows-1252 and semicolon-separated files, and takes a currency written beside the total', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Message;Invoice Number;Total\r\n'),
      Buffer.from([0x54, 0x68, 0x65, 0x20, 0x63, 0x6f, 0x64, 0x65, 0x20, 0x91, 0x58, 0x92, 0x20, 0x69, 0x73, 0x20, 0x62, 0x61, 0x64]),
      Buffer.from(';INV-1;NZD 150.00\r\n'),
    ]);
    const parsed = await parseExceptionsBuffer(new Uint8Array(bytes), 'win.csv');
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.items[0]!.input).toMatchObject({ message: 'The code ‘X’ is bad', number: 'INV-1', total: 150, currency: 'NZD' });
  });

  it('uses an explicit column mapping over detection', async () => {
    const parsed = await parseExceptionsBuffer(csv('Problem,Ref,Notes\nInvoice # must be unique,INV-9,x\n'), 'm.csv', {
      mapping: { message: 'Problem', document: 'ref' },
    });
    expect(parsed.items[0]!.input).toMatchObject({ message: 'Invoice # must be unique', number: 'INV-9' });
    expect(parsed.columns.unknown).toEqual(['Notes']);
  });

  it('keeps a repeated row once, with a warning; skips empty rows', async () => {
    const parsed = await parseExceptionsBuffer(
      csv('Exception,Invoice Number\nInvoice # must be unique,INV-1\n,\nInvoice # must be unique.,inv-1\nOther,INV-2\n'),
      'd.csv',
    );
    expect(parsed.items.map((i) => i.row)).toEqual([2, 5]);
    expect(parsed.warnings.map((w) => [w.row, w.message])).toEqual([
      [3, 'empty row skipped'],
      [4, 'the same exception as row 2: kept once'],
    ]);
  });
});

describe('bad input is refused as a whole, with what to fix', () => {
  it.each([
    ['empty.csv', '', /empty.csv is empty. Export the exceptions from CocoonOPS again/],
    ['header.csv', 'Exception,Invoice Number\n', /header.csv has a header row but no exceptions/],
    ['blank.csv', 'Exception,Invoice Number\n,\n,\n', /blank.csv holds no exceptions \(every row is empty\)/],
    ['page.csv', '<!DOCTYPE html><html><body>Login</body></html>', /is a web page \(HTML\)/],
  ])('%s', async (name, content, message) => {
    expect((await importError(parseExceptionsFile(await file(name, content)))).message).toMatch(message);
  });

  it('binary data and old .xls workbooks', async () => {
    const binary = await file('junk.csv', new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8, 9]));
    expect((await importError(parseExceptionsFile(binary))).message).toBe(
      'junk.csv does not look like a CSV or XLSX file (it holds binary data). Export the exceptions from CocoonOPS as CSV or XLSX and import that file.',
    );
    const xls = await file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect((await importError(parseExceptionsFile(xls))).message).toMatch(/Excel 97–2003 \(\.xls\)/);
    expect((await importError(parseExceptionsFile(join(dir, 'nope.csv')))).message).toMatch(/nope\.csv does not exist/);
    expect((await importError(parseExceptionsFile(dir))).message).toMatch(/is a folder/);
  });

  it('wrong columns: names the columns found and how to map them', async () => {
    const e = await importError(parseExceptionsBuffer(csv('Organisation Name,Billing Account Code\nAcme,A1\n'), 'accounts.csv'));
    expect(e.message).toMatch(/^accounts.csv was not imported: its columns could not be matched/);
    expect(e.problems).toEqual([
      expect.objectContaining({
        row: 1,
        severity: 'error',
        message: expect.stringMatching(
          /no column for the exception text .*Columns found: "Organisation Name", "Billing Account Code".*--map message=/,
        ),
      }),
    ]);
    const mapped = await importError(parseExceptionsBuffer(csv('Exception\nx\n'), 'm.csv', { mapping: { document: 'Invoice' } }));
    expect(mapped.problems[0]!.message).toMatch(/uses "Invoice" for the document number, but the file has no such column/);
  });

  it('row errors: every bad cell by row and column, nothing imported', async () => {
    const text = [
      'Exception,Invoice Number,Credit Note Number,Type,Date,Total,Currency',
      'Invoice # must be unique,INV-1,,Invoice,31/02/2025,100,AUD',
      ',INV-2,,Invoice,2025-03-01,100,AUD',
      'Invoice # must be unique,INV-3,,Bill,2025-03-01,a lot,$',
      'Invoice # must be unique,INV-4,CN-4,,2025-03-01,100,AUD',
      '=HYPERLINK("http://x"),INV-5,,,,,',
      'Invoice # must be unique,INV-6,,,,,',
    ].join('\n');
    const e = await importError(parseExceptionsBuffer(csv(text), 'rows.csv'));
    expect(e.message.split('\n')[0]).toBe(
      'rows.csv was not imported: 5 rows have errors. Fix them in the file (or choose other columns), then import it again (nothing was imported).',
    );
    expect(e.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'Date', '"31/02/2025" is not a date (expected e.g. 2025-03-31 or 31/03/2025)'],
      [3, 'Exception', 'the exception text is empty'],
      [4, 'Type', '"Bill" is not a document type (expected Invoice or Credit Note)'],
      [4, 'Total', '"a lot" is not an amount (expected e.g. 1250.00 or $1,250.00)'],
      [4, 'Currency', '"$" is not a three-letter currency code (e.g. AUD)'],
      [5, 'Credit Note Number', 'the row has both an invoice number ("INV-4") and a credit note number ("CN-4")'],
      [6, 'Exception', expect.stringContaining('looks like a formula')],
    ]);

    const ws = openWorkspace(join(dir, 'refused.reconciler'), { create: true });
    try {
      await importError(importExceptionsFile(ws, await file('rows.csv', text)));
      expect(ws.exceptions.count()).toBe(0);
    } finally {
      ws.close();
    }
  });
});

describe('encodings', () => {
  const mixed = Uint8Array.from([
    ...Buffer.from('Exception,Invoice Number,Contact\nInvoice # must be unique,INV-1,Acmé\nInvoice # must be unique,INV-2,Beta'),
    0xa0,
    ...Buffer.from('Freight\n'),
  ]);

  it('refuses UTF-8 mixed with stray bytes (nothing stored), and imports it in the encoding chosen, saying which', async () => {
    const ws = openWorkspace(join(dir, 'mixed.reconciler'), { create: true });
    try {
      const path = await file('mixed.csv', mixed);
      const e = await importError(importExceptionsFile(ws, path));
      expect(e.message).toMatch(/^mixed\.csv mixes UTF-8 with bytes that are not UTF-8 \(line 3\)/);
      expect(ws.exceptions.count()).toBe(0);
      expect((await importExceptionsFile(ws, path, { encoding: 'windows-1252' })).readAs).toBe('Windows-1252');
      expect(ws.exceptions.count()).toBe(2);
      expect((await importExceptionsFile(ws, FIXTURE)).readAs).toBe('UTF-8');
    } finally {
      ws.close();
    }
  });

  it('the preview reports the refusal as a problem, and reads the file once an encoding is chosen', async () => {
    const refused = await previewExceptions(mixed, 'mixed.csv');
    expect(refused).toMatchObject({
      encoding: null,
      problems: [expect.objectContaining({ row: 0, severity: 'error', message: expect.stringContaining('(line 3)') })],
    });
    const chosen = await previewExceptions(mixed, 'mixed.csv', { encoding: 'utf-8' });
    expect(chosen).toMatchObject({ encoding: 'utf-8', problems: [] });
    expect(chosen.rows).toHaveLength(2);
  });
});

describe('preview for the column mapping', () => {
  it('shows the first rows as mapped and every problem, without throwing', async () => {
    const bytes = csv('Error,Invoice #,Total\nInvoice # must be unique,INV-1,100\n\nInvoice # must be unique,INV-2,lots\n');
    const p = await previewExceptions(bytes, 'p.csv', { limit: 1 });
    expect(p.columns.mapping).toMatchObject({ message: 'Error', invoiceNumber: 'Invoice #', total: 'Total' });
    expect(p.rows).toEqual([
      expect.objectContaining({ row: 2, message: 'Invoice # must be unique', invoiceNumber: 'INV-1', total: '100' }),
    ]);
    expect(p.totalRows).toBe(3);
    expect(p.problems.map((x) => [x.row, x.severity])).toEqual([
      [3, 'warning'],
      [4, 'error'],
    ]);
    expect(ExceptionsPreview.parse(p)).toEqual(p); // what the contract will check
  });

  it('reports unreadable files and unmatched columns as problems', async () => {
    const binary = await previewExceptions(new Uint8Array([0, 0, 1, 2]), 'b.csv');
    expect(binary).toMatchObject({
      header: [],
      rows: [],
      format: null,
      problems: [expect.objectContaining({ row: 0, severity: 'error' })],
    });
    const wrong = await previewExceptions(csv('A,B\n1,2\n'), 'w.csv');
    expect(wrong.problems).toEqual([
      expect.objectContaining({ row: 1, message: expect.stringContaining('no column for the exception text') }),
    ]);
    expect(wrong.rows).toHaveLength(1);
  });
});

describe('importing into a workspace', () => {
  it('refreshes exceptions seen again instead of duplicating them, and reports resolved ones still open in CocoonOPS', async () => {
    const ws = openWorkspace(join(dir, 'again.reconciler'), { create: true });
    try {
      const first = await importExceptionsFile(ws, FIXTURE);
      expect(first).toMatchObject({ rows: 13, added: 13, updated: 0 });
      expect(ExceptionImportSummary.parse(first)).toEqual(first);
      setExceptionResolved(ws, first.ids[0]!, true);
      const second = await importExceptionsFile(ws, FIXTURE);
      expect(second).toMatchObject({ rows: 13, added: 0, updated: 13, stillOpen: [first.ids[0]] });
      expect(second.ids).toEqual(first.ids);
      expect(ws.exceptions.count()).toBe(13);
      expect(ws.exceptions.get(first.ids[0]!)!.resolvedAt).not.toBeNull();
      expect(listExceptions(ws, { resolved: false })).toHaveLength(12);
      expect(ws.audit.list({ limit: 1 })[0]).toMatchObject({
        action: 'exceptions.import',
        subject: 'exceptions.csv',
        detail: { added: 0, updated: 13 },
      });
    } finally {
      ws.close();
    }
  });
});
