// XLSX bytes → Table (exceljs): the first worksheet, or one named by the caller, once the package passes xlsx-limits.ts.
import type ExcelJS from 'exceljs';
import { ImportError } from './import-problems';
import { cellText } from './cell-text';
import { isBlankRow, type Table, type TableRow } from './table';
import { checkXlsxPackage } from './xlsx-limits';

export interface XlsxOptions {
  /** Worksheet name (exact, else case-insensitive); the first worksheet when omitted. */
  sheet?: string;
  /** What the export holds, for messages ("the billing accounts" when omitted). */
  what?: string;
}

export interface XlsxTable extends Table {
  sheet: string;
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  // exceljs takes half a second to load: only when an XLSX file is read.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw ImportError.file(
      `${fileName} could not be read as an XLSX workbook (${reason}). Open it in Excel and save it again as .xlsx, or export CSV.`,
      e,
    );
  }
  return workbook;
}

function pickSheet(workbook: ExcelJS.Workbook, fileName: string, what: string, wanted?: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  if (wanted === undefined) {
    const first = sheets[0];
    if (!first) throw ImportError.file(`${fileName} has no worksheets. Export ${what} from CocoonOPS again.`);
    return first;
  }
  const key = wanted.trim().toLowerCase();
  const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === key);
  if (!found) throw ImportError.file(`${fileName} has no worksheet named "${wanted}". Its worksheets are: ${names}.`);
  return found;
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // A merged range's text lives in its top-left cell only.
    if (cell.isMerged && cell.master !== cell) return;
    const value = cell.value;
    const isFormula = typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
    const text = cellText(value, typeof value === 'number' ? cell.numFmt : undefined, isFormula ? cell.formula : undefined);
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = text;
  });
  return cells;
}

/**
 * Reads one worksheet. The header is the first row with any text; row numbers are the worksheet's own.
 * Formula cells come back as "=formula" text for validation to report.
 */
export async function readXlsx(bytes: Uint8Array, fileName = 'The file', options: XlsxOptions = {}): Promise<XlsxTable> {
  const what = options.what ?? 'the billing accounts';
  await checkXlsxPackage(bytes, fileName, what);
  const workbook = await loadWorkbook(bytes, fileName);
  const sheet = pickSheet(workbook, fileName, what, options.sheet);
  let header: TableRow | null = null;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = rowCells(row);
    if (header) rows.push({ row: rowNumber, cells });
    else if (!isBlankRow(cells)) header = { row: rowNumber, cells };
  });
  const head = header as TableRow | null;
  if (!head) {
    throw ImportError.file(`${fileName}: worksheet "${sheet.name}" is empty (no header row). Export ${what} again.`);
  }
  return { header: head.cells, headerRow: head.row, rows, problems: [], sheet: sheet.name };
}
