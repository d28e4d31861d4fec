// Reading a large XLSX on a worker thread (see threads/xlsx-worker.ts): exceljs parses a workbook in one go, which for
// 20,000 rows held the thread that serves the window for most of a second.
import type { XlsxOptions, XlsxTable } from './xlsx';
import { ImportError, type Problem } from './import-problems';
import { startWorker } from '../threads/start-worker';

export interface XlsxJob {
  bytes: Uint8Array;
  fileName: string;
  options: XlsxOptions;
}

export type XlsxMessage = { type: 'done'; table: XlsxTable } | { type: 'refused'; message: string; problems: Problem[] };

/** readXlsx on a worker thread; a refused workbook rejects with its ImportError. The bytes are copied to the worker. */
export function readXlsxOnWorker(job: XlsxJob): Promise<XlsxTable> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('xlsx', job);
    worker.once('message', (m: XlsxMessage) => {
      if (m.type === 'done') resolve(m.table);
      else reject(ImportError.revive(m.message, m.problems));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the XLSX worker stopped (exit code ${code}) before it finished`)));
  });
}
