// Writing an export (CSV or XLSX) on a worker thread (see export-worker.ts): exceljs builds a 50,000-row workbook
// in seconds, during which the thread that serves the window must keep answering. The table is copied to the
// worker; the file's bytes come back without a copy.
import type { ExportFormat, ExportTable } from '../exports/table';
import { startWorker } from './start-worker';

export interface ExportJob {
  table: ExportTable;
  format: ExportFormat;
}

export type ExportMessage = { type: 'done'; bytes: Uint8Array };

export function renderOnWorker(job: ExportJob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('export', job);
    worker.once('message', (m: ExportMessage) => resolve(m.bytes));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the export worker stopped (exit code ${code}) before it finished`)));
  });
}
