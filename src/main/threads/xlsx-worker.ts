// The XLSX worker: checks and reads one workbook (readXlsx) and hands the table back.
import { parentPort, workerData } from 'node:worker_threads';
import { readXlsx } from '../cocoon/xlsx';
import { ImportError } from '../cocoon/import-problems';
import type { WorkerEnvelope } from './start-worker';
import type { XlsxJob, XlsxMessage } from '../cocoon/xlsx-thread';

const { job } = workerData as WorkerEnvelope<XlsxJob>;
const post = (m: XlsxMessage) => parentPort!.postMessage(m);

try {
  post({ type: 'done', table: await readXlsx(job.bytes, job.fileName, job.options) });
} catch (e) {
  if (e instanceof ImportError) post({ type: 'refused', message: e.message, problems: e.problems });
  else throw e;
}
