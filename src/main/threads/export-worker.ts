// The export worker: reads the table (from the workspace, on its own connection, or as handed over), writes it as
// CSV or XLSX and hands the bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../db';
import { setNativeBinding } from '../db/native-binding';
import { exportTableFor } from '../exports/tables';
import { renderTable } from '../exports/render';
import type { ExportTable } from '../exports/table';
import type { WorkerEnvelope } from './start-worker';
import type { ExportJob, ExportMessage } from './export-thread';

const { job } = workerData as WorkerEnvelope<ExportJob>;

function readTable(): ExportTable {
  if ('table' in job) return job.table;
  setNativeBinding(job.workspace.nativeBinding);
  const ws = openWorkspace(job.workspace.path);
  try {
    return exportTableFor(ws, job.request, job.now);
  } finally {
    ws.close();
  }
}

const table = readTable();
const bytes = await renderTable(table, job.format);
const message: ExportMessage = { type: 'done', bytes, rows: table.rows.length };
parentPort!.postMessage(message, [bytes.buffer as ArrayBuffer]);
