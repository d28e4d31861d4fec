// The push plan, the checklist and a bulk apply on a worker thread once the workspace is large: each takes a second
// or more at 10,000 decisions, during which the thread that serves the window must keep answering. The worker opens
// the workspace on its own connection (writes commit there: materialise, the bulk's decisions). Aborting the signal
// stops the worker; a write it had not committed is rolled back.
import type { ApiErrorCode } from '../../shared/api-client';
import type { BulkApplied } from '../../shared/contract';
import { AppError } from '../app-error';
import type { Checklist, PushPlan } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import { nativeBinding } from '../db/native-binding';
import type { BulkRequest } from '../review/decide';
import { startWorker } from './start-worker';

export type OutboxTask = { kind: 'plan' } | { kind: 'checklist'; actor: string } | { kind: 'bulkApply'; request: BulkRequest };
type Answer = { plan: PushPlan; checklist: Checklist; bulkApply: BulkApplied };

export interface OutboxJob {
  path: string;
  nativeBinding?: string;
  nowIso: string;
  task: OutboxTask;
}

export type OutboxMessage = { type: 'done'; value: unknown } | { type: 'failed'; name: string; code?: string; message: string };

/** From this many decisions (or accounts in a bulk) on, the work runs on a worker: below, it is quicker than starting one. */
export const WORKER_FROM = 2000;

const currentDecisions = new WeakMap<Workspace, { get(): unknown }>();
/** Whether `task` on this workspace is large enough to run off the serving thread (a workspace on disk only). */
export function runsOffThread(ws: Workspace, task: OutboxTask, from = WORKER_FROM): boolean {
  if (ws.path === '' || ws.path === ':memory:') return false;
  if (task.kind === 'bulkApply') return task.request.accountCodes.length >= from;
  let count = currentDecisions.get(ws);
  if (!count) currentDecisions.set(ws, (count = ws.db.prepare('SELECT count(DISTINCT account_code) FROM decisions WHERE undone_at IS NULL').pluck()));
  return Number(count.get()) >= from;
}

/** Runs the task on a worker over the workspace's file; rejects with the worker's error (an AppError keeps its code). */
export function runOutboxTask<K extends OutboxTask['kind']>(ws: Workspace, task: Extract<OutboxTask, { kind: K }>, nowIso: string, signal?: AbortSignal): Promise<Answer[K]> {
  return new Promise((resolve, reject) => {
    const job: OutboxJob = { path: ws.path, nativeBinding: nativeBinding(), nowIso, task };
    const worker = startWorker('outbox', job);
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (m: OutboxMessage) => {
      settled = true;
      if (m.type === 'done') resolve(m.value as Answer[K]);
      else reject(m.name === 'AppError' ? new AppError(m.code as ApiErrorCode, m.message) : new Error(m.message));
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      if (!settled) reject(signal?.aborted ? (signal.reason ?? new Error('cancelled')) : new Error(`the outbox worker stopped (exit code ${code}) before it finished`));
    });
  });
}
