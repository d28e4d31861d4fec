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

/**
 * The most heap a workbook may take to read. exceljs holds a whole workbook; a file that unpacks to far more than it
 * weighs (or a hostile one) stops its worker there, with a message, instead of taking the app's memory with it.
 */
export const XLSX_HEAP_MB = 2048;

/**
 * readXlsx on a worker thread; a refused workbook rejects with its ImportError, as does one that needs more than
 * `heapMb` to read. The bytes are copied to the worker.
 */
export function readXlsxOnWorker(job: XlsxJob, heapMb = XLSX_HEAP_MB): Promise<XlsxTable> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('xlsx', job, { maxOldGenerationSizeMb: heapMb });
    worker.once('message', (m: XlsxMessage) => {
      if (m.type === 'done') resolve(m.table);
      else reject(ImportError.revive(m.message, m.problems));
    });
    worker.once('error', (e: Error & { code?: string }) =>
      reject(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? ImportError.file(
              `${job.fileName} takes more memory to read than Reconciler allows for one file (${heapMb.toLocaleString('en')} MB): it is larger than any ` +
                `CocoonOPS export should be, or damaged. Open it in Excel and save it as CSV (CSV UTF-8), then import that file. ` +
                `Nothing was imported.`,
              e,
            )
          : e,
      ),
    );
    worker.once('exit', (code) => reject(new Error(`the XLSX worker stopped (exit code ${code}) before it finished`)));
  });
}
