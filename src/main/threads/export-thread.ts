// Writing an export (CSV or XLSX) on a worker thread (see export-worker.ts): reading 50,000 review rows takes about
// a second and exceljs builds their workbook in seconds, during which the thread that serves the window must keep
// answering. The worker reads the table itself, from the workspace on its own connection (an export request), or
// is handed one ready made; the file's bytes come back without a copy.
import { nativeBinding } from '../db/native-binding';
import type { ExportFormat, ExportTable } from '../exports/table';
import type { ExportRequest } from '../../shared/contract-exports';
import { startWorker } from './start-worker';

export type ExportJob =
  | { format: ExportFormat; table: ExportTable }
  | {
      format: ExportFormat;
      /** The workspace file, and the better-sqlite3 build the main thread uses (Electron's ABI). */
      workspace: { path: string; nativeBinding?: string };
      request: ExportRequest;
      now: string;
    };

export type ExportMessage = { type: 'done'; bytes: Uint8Array; rows: number };

export function renderOnWorker(job: ExportJob): Promise<{ bytes: Uint8Array; rows: number }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('export', job);
    worker.once('message', (m: ExportMessage) => resolve({ bytes: m.bytes, rows: m.rows }));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the export worker stopped (exit code ${code}) before it finished`)));
  });
}

/** The request's table from the workspace at `path`, written as a file on a worker thread. */
export function exportOnWorker(
  path: string,
  request: ExportRequest,
  now = new Date().toISOString(),
): Promise<{ bytes: Uint8Array; rows: number }> {
  return renderOnWorker({ format: request.format, workspace: { path, nativeBinding: nativeBinding() }, request, now });
}
