// The export worker: writes one table as CSV or XLSX and hands the bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { renderTable } from '../exports/render';
import type { WorkerEnvelope } from './start-worker';
import type { ExportJob, ExportMessage } from './export-thread';

const { job } = workerData as WorkerEnvelope<ExportJob>;
const bytes = await renderTable(job.table, job.format);
const message: ExportMessage = { type: 'done', bytes };
parentPort!.postMessage(message, [bytes.buffer as ArrayBuffer]);
