// The outbox worker: opens the workspace on its own connection and builds the push plan or the checklist, or makes a
// bulk apply, and hands the answer back (see outbox-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../app-error';
import { openWorkspace } from '../db';
import { setNativeBinding } from '../db/native-binding';
import { buildPlan } from '../outbox/plan';
import { currentChecklist } from '../outbox/checklist';
import { applyBulk } from '../review/decide';
import type { WorkerEnvelope } from './start-worker';
import type { OutboxJob, OutboxMessage } from './outbox-thread';

const { job } = workerData as WorkerEnvelope<OutboxJob>;
const post = (m: OutboxMessage) => parentPort!.postMessage(m);

setNativeBinding(job.nativeBinding);
const ws = openWorkspace(job.path);
try {
  const { task } = job;
  const value = task.kind === 'plan' ? buildPlan(ws, job.nowIso) : task.kind === 'checklist' ? currentChecklist(ws, job.nowIso, task.actor) : applyBulk(ws, task.request);
  post({ type: 'done', value });
} catch (e) {
  if (e instanceof AppError) post({ type: 'failed', name: 'AppError', code: e.code, message: e.message });
  else throw e;
} finally {
  ws.close();
}
