// One worksheet as XLSX bytes (exceljs, loaded only when a workbook is written): a bold, frozen header row with an
// autofilter, column widths that fit the text, wrapped text where it runs long, dates as real dates. Shared by the
// exports that offer XLSX beside CSV. Values are written as values, never as formulas.
export type SheetValue = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** Characters; by default from the longest value (10–60). */
  width?: number;
  /** Excel number format, e.g. 'dd/mm/yyyy hh:mm' for a date column. */
  numFmt?: string;
}

export interface Sheet {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly SheetValue[])[];
}

const widthOf = (v: SheetValue): number => (v instanceof Date ? 16 : v === null ? 0 : Math.max(...String(v).split('\n').map((l) => l.length)));

export async function xlsxBytes(sheet: Sheet): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.created = new Date(0); // the file says nothing about when or where it was made
  const ws = book.addWorksheet(sheet.name.slice(0, 31).replace(/[[\]*?/\\:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2, ...sheet.rows.slice(0, 2000).map((r) => widthOf(r[i] ?? null) + 2))),
    style: { alignment: { vertical: 'top', wrapText: true }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow([...row]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
