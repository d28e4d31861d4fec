// Bytes → Table: picks the reader by content (XLSX zip magic, else text), not only by file extension.
import { isMainThread } from 'node:worker_threads';
import { ImportError } from './import-problems';
import { readXlsxOnWorker } from './xlsx-thread';
import { parseCsv } from './csv';
import { decodeText, type ChosenEncoding } from './decode';
import type { Table } from './table';
import { readXlsx } from './xlsx';

export type AccountsFormat = 'csv' | 'xlsx';

export interface LoadedTable {
  table: Table;
  format: AccountsFormat;
  /** Text encoding of a CSV; "utf-8" for XLSX (its XML is always Unicode). */
  encoding: string;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HTML_START = /^\s*<(?:!doctype\s+html|html|table)\b/i;

/**
 * From this size an XLSX is read on a worker thread (about 5,000 rows), so the thread that serves the window keeps
 * answering; smaller ones are read in well under 100 ms, less than starting a worker and loading exceljs there takes.
 */
export const XLSX_THREAD_MIN_BYTES = 256 * 1024;

export interface ReadTableOptions {
  /** XLSX worksheet name; the first worksheet when omitted. */
  sheet?: string;
  /** What the export holds, for messages, e.g. "the exceptions" ("the billing accounts" when omitted). */
  what?: string;
  /** How to read a CSV that mixes UTF-8 with other bytes (refused without it). */
  encoding?: ChosenEncoding;
}

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): Promise<LoadedTable> {
  const what = options.what ?? 'the billing accounts';
  if (bytes.length === 0) {
    throw ImportError.file(`${fileName} is empty. Export ${what} from CocoonOPS again and import the new file.`);
  }
  if (startsWith(bytes, ZIP)) {
    const xlsxOptions = { sheet: options.sheet, what };
    const table =
      isMainThread && bytes.length >= XLSX_THREAD_MIN_BYTES
        ? await readXlsxOnWorker({ bytes, fileName, options: xlsxOptions })
        : await readXlsx(bytes, fileName, xlsxOptions);
    return { table, format: 'xlsx', encoding: 'utf-8' };
  }
  if (startsWith(bytes, OLE2)) {
    throw ImportError.file(
      `${fileName} is an old Excel 97–2003 (.xls) workbook, which cannot be read. Open it in Excel and save it as .xlsx or CSV.`,
    );
  }
  const { text, encoding } = decodeText(bytes, fileName, what, options.encoding);
  if (HTML_START.test(text.slice(0, 1024))) {
    throw ImportError.file(`${fileName} is a web page (HTML), not a CSV or XLSX file. Open it in Excel and save it as .xlsx or CSV.`);
  }
  return { table: parseCsv(text, fileName, { what }), format: 'csv', encoding };
}
