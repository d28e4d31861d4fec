// The outbox worker: opens the workspace on its own connection, then for each request builds the push plan or the
// checklist, or previews or makes a bulk apply, and hands the answer back (see outbox-thread.ts). Kept while the workspace is open.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/app-error';
import { openWorkspace } from '../db';
import { setNativeBinding } from '../db/native-binding';
import { buildPlan, listedPlan, preparePlan } from '../outbox/plan';
import { currentChecklist } from '../outbox/checklist';
import { materialise } from '../outbox/materialise';
import { listCorrections } from '../outbox/views';
import { applyBulk, prepareBulk, previewBulk } from '../review/decide';
import type { WorkerEnvelope } from './start-worker';
import type { OutboxJob, OutboxMessage, OutboxRequest } from './outbox-thread';

const { job } = workerData as WorkerEnvelope<OutboxJob>;

setNativeBinding(job.nativeBinding);
const ws = openWorkspace(job.path);

function answer({ id, task, nowIso }: OutboxRequest): unknown {
  // Posted while the work goes on: the serving thread shows the counts on the progress line.
  const progress = (done: number, total: number): void =>
    parentPort!.postMessage({ id, type: 'progress', done, total } satisfies OutboxMessage);
  if (task.kind === 'warm') {
    prepareBulk(ws);
    preparePlan(ws);
    return null;
  }
  // The Push screen's plan: what it lists, not the 10,000 changes it counts (a smaller answer to hand over).
  if (task.kind === 'plan') return listedPlan(buildPlan(ws, nowIso, progress));
  if (task.kind === 'checklist') return currentChecklist(ws, nowIso, task.actor, progress);
  if (task.kind === 'bulkPreview') return previewBulk(ws, task.request, progress);
  if (task.kind === 'materialise') return materialise(ws, nowIso, task.actor, progress).length;
  if (task.kind === 'results') return listCorrections(ws, { results: true, limit: task.limit });
  return applyBulk(ws, task.request, progress);
}

parentPort!.on('message', (request: OutboxRequest) => {
  let m: OutboxMessage;
  try {
    m = { id: request.id, type: 'done', value: answer(request) };
  } catch (e) {
    m = {
      id: request.id,
      type: 'failed',
      name: e instanceof AppError ? 'AppError' : 'Error',
      code: e instanceof AppError ? e.code : undefined,
      message: e instanceof Error ? e.message : String(e),
    };
  }
  parentPort!.postMessage(m);
});
