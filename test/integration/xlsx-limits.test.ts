// An XLSX is a ZIP: one that would unpack to far more than any export (a zip bomb, too many parts, a list of contents
// that understates its parts) is refused before exceljs reads it, quickly and in bounded memory, and nothing is stored.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAccountsBuffer } from '../../src/main/cocoon/import-accounts';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { parseExceptionsBuffer } from '../../src/main/exceptions';
import { importCocoonBytes, importCocoonFile } from '../../src/main/imports/import-files';
import { FIXTURES } from '../support/cli';
import { importError, tempFolder } from '../support/import-files';
import { buildZip, readZipParts, type ZipPart } from '../support/zip';

const { dir, file } = tempFolder('xlsx-limits-');
const SHEET = 'xl/worksheets/sheet1.xml';

/** A real exceljs workbook's parts: one sheet of billing accounts. */
async function workbookParts(): Promise<ZipPart[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Billing Accounts');
  ws.addRow(['Organisation Name', 'Billing Account Code']);
  ws.addRow(['Acme Freight Pty Ltd', 'ACME01']);
  ws.addRow(['Beta Logistics', 'BETA02']);
  return readZipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The sheet's rows replaced by `megabytes` of one row repeated: packs well over 100:1. */
function hugeSheet(parts: ZipPart[], megabytes: number): string {
  const sheet = Buffer.from(parts.find((p) => p.name === SHEET)!.data as Uint8Array).toString();
  const row = '<row><c t="inlineStr"><is><t>Acme Freight Pty Ltd</t></is></c><c t="inlineStr"><is><t>ACME01</t></is></c></row>';
  const rows = row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length));
  return sheet.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows}</sheetData>`);
}

const withSheet = (parts: ZipPart[], sheet: ZipPart): ZipPart[] => parts.map((p) => (p.name === SHEET ? sheet : p));

let parts: ZipPart[];
let bomb: Uint8Array;
let liar: Uint8Array;
let ws: Workspace;

function stored(w: Workspace) {
  return { accounts: w.accounts.list(), imports: w.imports.list() };
}

beforeAll(async () => {
  parts = await workbookParts();
  const sheet = hugeSheet(parts, 64);
  bomb = buildZip(withSheet(parts, { name: SHEET, data: sheet }));
  liar = buildZip(withSheet(parts, { name: SHEET, data: sheet, declaredSize: 1024 * 1024 }));
  ws = openWorkspace(join(dir, 'w.reconciler'), { create: true });
  await importCocoonFile(ws, join(FIXTURES, 'small', 'cocoon.csv'));
});

describe('XLSX packages that are refused before they are read', () => {
  it('a normal workbook, rewritten by the same ZIP writer, still imports', async () => {
    const parsed = await parseAccountsBuffer(buildZip(parts), 'normal.xlsx');
    expect(parsed.accounts.map((a) => a.code)).toEqual(['ACME01', 'BETA02']);
  });

  // Speed and memory are not asserted here (they are the bench's business): the refusal names the part before it is
  // parsed (measured when written: under 2 s and 100 MB of RSS for the bomb, under 1 s and 50 MB for the liar).
  it('a zip bomb (64 MB of sheet in a few hundred KB) is refused before it is read, and nothing is stored', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = stored(ws);
    const e = await importError(importCocoonBytes(ws, bomb, 'bomb.xlsx'));
    expect(e.message).toMatch(
      /^bomb\.xlsx was not imported: its part "xl\/worksheets\/sheet1\.xml" unpacks from .* to 64 MB, \d+ times its size .* zip bomb looks\. Export the billing accounts from CocoonOPS again as CSV, or split the workbook/,
    );
    const path = await file('bomb.xlsx', bomb);
    expect((await importError(importCocoonFile(ws, path))).message).toBe(e.message);
    expect(stored(ws)).toEqual(before);
  });

  it('an exceptions export that is a zip bomb is refused the same way', async () => {
    const e = await importError(parseExceptionsBuffer(bomb, 'exceptions.xlsx'));
    expect(e.message).toMatch(/^exceptions\.xlsx was not imported: .* zip bomb looks\. Export the exceptions from CocoonOPS again as CSV/);
  });

  it('a list of contents that understates a part is caught while inflating, after little more than the declared size', async () => {
    const e = await importError(importCocoonBytes(ws, liar, 'liar.xlsx'));
    expect(e.message).toMatch(
      /^liar\.xlsx was not imported: it is damaged or crafted: its part "xl\/worksheets\/sheet1\.xml" unpacks to more than the 1\.0 MB the file's list of contents declares\. Export .* as CSV/,
    );
  });

  it('a workbook declared to unpack to over 128 MB is refused', async () => {
    const big = buildZip(withSheet(parts, { ...parts.find((p) => p.name === SHEET)!, declaredSize: 200 * 1024 * 1024 }));
    const e = await importError(parseAccountsBuffer(big, 'big.xlsx'));
    expect(e.message).toMatch(
      /^big\.xlsx was not imported: it unpacks to 200 MB, over the 128 MB an XLSX may hold \(50,000 accounts are about 35 MB\)\. Export .* as CSV, or split/,
    );
  });

  it('a workbook with more than 500 parts is refused', async () => {
    const many = buildZip([...parts, ...Array.from({ length: 600 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: `picture ${i}` }))]);
    const before = stored(ws);
    const e = await importError(importCocoonBytes(ws, many, 'many.xlsx'));
    expect(e.message).toMatch(
      /^many\.xlsx was not imported: it holds more than 500 parts, where an export holds about 15\. Export .* as CSV/,
    );
    expect(stored(ws)).toEqual(before);
  });
});
