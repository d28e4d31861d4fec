// An export table as the bytes of a file: CSV (csv.ts) or XLSX (xlsx.ts). Run on a worker thread by the app
// (threads/export-thread.ts) so that a 50,000-row workbook never holds the thread that serves the window.
import { tableCsv } from './csv';
import type { ExportFormat, ExportTable } from './table';
import { tableXlsx } from './xlsx';

export async function renderTable(table: ExportTable, format: ExportFormat): Promise<Uint8Array> {
  return format === 'xlsx' ? tableXlsx(table) : new Uint8Array(Buffer.from(tableCsv(table), 'utf8'));
}
