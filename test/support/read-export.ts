// Reads an exported file back as a spreadsheet would: an XLSX through exceljs (values, number formats, the frozen
// header, column widths), a CSV through csv-parse (UTF-8 byte-order mark removed).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface ReadSheet {
  name: string;
  header: string[];
  /** Data rows, cell values as exceljs gives them (Date for dates, number for numbers, string for text; null empty). */
  rows: ExcelJS.CellValue[][];
  /** The number format of each column's first data cell. */
  numFmts: (string | undefined)[];
  widths: (number | undefined)[];
  frozenRows: number;
  autoFilter: unknown;
  /** True when any cell holds a formula. */
  hasFormula: boolean;
  headerBold: boolean;
  wrapped: boolean[];
}

export async function readXlsx(bytes: Uint8Array | Buffer): Promise<ReadSheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const width = sheet.columnCount;
  const cells = (r: number) => Array.from({ length: width }, (_, i) => sheet.getRow(r).getCell(i + 1));
  let hasFormula = false;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    rows.push(
      cells(r).map((c) => {
        if (c.type === ExcelJS.ValueType.Formula) hasFormula = true;
        return c.value ?? null;
      }),
    );
  }
  const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
  return {
    name: sheet.name,
    header: cells(1).map((c) => String(c.value)),
    rows,
    numFmts: cells(2).map((c) => c.numFmt),
    widths: Array.from({ length: width }, (_, i) => sheet.getColumn(i + 1).width),
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    autoFilter: sheet.autoFilter,
    hasFormula,
    headerBold: cells(1).every((c) => c.font?.bold === true),
    wrapped: cells(2).map((c) => c.alignment?.wrapText === true),
  };
}

export function readCsv(bytes: Uint8Array | Buffer | string): { bom: boolean; header: string[]; rows: string[][] } {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  const [header, ...rows] = parse(text, { bom: true, relax_column_count: false }) as string[][];
  return { bom: text.startsWith('\uFEFF'), header: header!, rows };
}

/** The wall-clock time of an instant in this process's time zone, as exceljs gives back a date cell (UTC fields). */
export function wallClockDate(iso: string): Date {
  const t = new Date(iso);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}
