// The push plan, the checklist, and a bulk preview and apply, on a worker thread once the workspace is large: each
// takes a second or more at 10,000 decisions, during which the thread that serves the window must keep answering. The
// worker opens the workspace on its own connection (writes commit there: materialise, the bulk's decisions). Aborting
// the signal stops the worker; a write it had not committed is rolled back. The worker is kept while the workspace is
// open.
import type { ApiErrorCode } from '../../shared/api-client';
import type { BulkApplied, BulkPreview } from '../../shared/contract';
import { AppError } from '../../shared/app-error';
import type { Checklist, CorrectionView, PushPlan } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { Worker } from 'node:worker_threads';
import { nativeBinding } from '../db/native-binding';
import type { BulkRequest } from '../review/decide';
import { startWorker } from './start-worker';

export type OutboxTask =
  | { kind: 'plan' }
  | { kind: 'checklist'; actor: string }
  | { kind: 'bulkPreview'; request: BulkRequest }
  | { kind: 'bulkApply'; request: BulkRequest }
  /** The outbox brought up to date with the decisions (a push's first step): how many corrections it added. */
  | { kind: 'materialise'; actor: string }
  /** The Push screen's results (listCorrections with `results`). */
  | { kind: 'results'; limit: number }
  | { kind: 'warm' };
/** What each task answers. */
export type OutboxAnswer = {
  plan: PushPlan;
  checklist: Checklist;
  bulkPreview: BulkPreview;
  bulkApply: BulkApplied;
  materialise: number;
  results: CorrectionView[];
  warm: null;
};

export interface OutboxJob {
  path: string;
  nativeBinding?: string;
}

export interface OutboxRequest {
  id: number;
  nowIso: string;
  task: OutboxTask;
}

export type OutboxMessage = { id: number } & (
  | { type: 'done'; value: unknown }
  | { type: 'failed'; name: string; code?: string; message: string }
  /** How far the task has got: `done` of `total` (decisions diffed, corrections written, accounts checked). */
  | { type: 'progress'; done: number; total: number }
);

/** From this many decisions (or accounts in a bulk) on, the work runs on a worker: below, it is quicker than starting one. */
export const WORKER_FROM = 2000;

const currentDecisions = new WeakMap<Workspace, { get(): unknown }>();
/** Whether `task` on this workspace is large enough to run off the serving thread (a workspace on disk only). */
export function runsOffThread(ws: Workspace, task: OutboxTask, from = WORKER_FROM): boolean {
  if (ws.path === '' || ws.path === ':memory:') return false;
  if (task.kind === 'bulkApply' || task.kind === 'bulkPreview') return task.request.accountCodes.length >= from;
  if (task.kind === 'warm') return ws.accounts.count() >= from;
  let count = currentDecisions.get(ws);
  if (!count)
    currentDecisions.set(ws, (count = ws.db.prepare('SELECT count(DISTINCT account_code) FROM decisions WHERE undone_at IS NULL').pluck()));
  return Number(count.get()) >= from;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void; progress?: (done: number, total: number) => void };
/**
 * One worker per open workspace, kept between calls: its connection, its copy of the Xero side (perXeroSide) and its
 * compiled code stay warm, so the second plan is as quick as on the serving thread. Another workspace (or the same
 * file opened again) starts a new one.
 */
let kept: { ws: Workspace; worker: Worker; pending: Map<number, Pending>; next: number } | null = null;

function keptWorker(ws: Workspace): NonNullable<typeof kept> {
  if (kept?.ws === ws) return kept;
  stopOutboxWorker();
  const job: OutboxJob = { path: ws.path, nativeBinding: nativeBinding() };
  const k = { ws, worker: startWorker('outbox', job), pending: new Map<number, Pending>(), next: 1 };
  k.worker.unref();
  const fail = (e: unknown) => {
    for (const p of k.pending.values()) p.reject(e);
    k.pending.clear();
    if (kept === k) kept = null;
  };
  k.worker.on('message', (m: OutboxMessage) => {
    const p = k.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m.done, m.total);
    k.pending.delete(m.id);
    if (k.pending.size === 0) k.worker.unref(); // idle: it does not keep the process alive
    if (m.type === 'done') p.resolve(m.value);
    else p.reject(m.name === 'AppError' ? new AppError(m.code as ApiErrorCode, m.message) : new Error(m.message));
  });
  k.worker.once('error', fail);
  k.worker.once('exit', (code) => fail(new Error(`the outbox worker stopped (exit code ${code}) before it finished`)));
  kept = k;
  return k;
}

/**
 * Starts the workspace's worker and has it read and index the whole of both sides, as the first bulk apply or plan
 * would, while the bookkeeper looks at the review: a large workspace only (as runsOffThread decides). Resolves when
 * done (at once when the workspace is small); a failure or a Cancel only means the first call builds them itself.
 */
export function warmOutboxWorker(ws: Workspace, from = WORKER_FROM): Promise<void> {
  if (!runsOffThread(ws, { kind: 'warm' }, from)) return Promise.resolve();
  return runOutboxTask(ws, { kind: 'warm' }, new Date().toISOString()).then(
    () => undefined,
    () => undefined,
  );
}

/** Stops the kept worker (the app closing, another workspace opened); what it was doing is rejected. */
export function stopOutboxWorker(): void {
  const k = kept;
  kept = null;
  if (k) void k.worker.terminate();
}

/**
 * Runs the task on the workspace's worker; rejects with the worker's error (an AppError keeps its code). Aborting
 * `signal` stops the worker (a write it had not committed is rolled back), rejecting with the signal's reason.
 */
export function runOutboxTask<K extends OutboxTask['kind']>(
  ws: Workspace,
  task: Extract<OutboxTask, { kind: K }>,
  nowIso: string,
  signal?: AbortSignal,
  progress?: (done: number, total: number) => void,
): Promise<OutboxAnswer[K]> {
  const k = keptWorker(ws);
  const id = k.next++;
  return new Promise<OutboxAnswer[K]>((resolve, reject) => {
    const stop = () => {
      reject(signal?.reason ?? new Error('cancelled'));
      if (kept === k) stopOutboxWorker();
    };
    signal?.addEventListener('abort', stop, { once: true });
    const done =
      <T>(f: (v: T) => void) =>
      (v: T) => {
        signal?.removeEventListener('abort', stop);
        f(v);
      };
    k.pending.set(id, { resolve: done((v) => resolve(v as OutboxAnswer[K])), reject: done(reject), progress });
    const message: OutboxRequest = { id, nowIso, task };
    k.worker.ref();
    k.worker.postMessage(message);
  });
}

/**
 * The tasks running on the worker, each reported on the progress line while it runs, and stopped together by
 * Cancel (outbox.cancel): the worker goes, the task rejects with AppError 'cancelled', and nothing it had not
 * committed is kept.
 */
export class OffThreadWork {
  readonly #running = new Set<AbortController>();

  constructor(private readonly report: (message: string, finished: boolean, done?: number, total?: number) => void) {}

  async run<K extends OutboxTask['kind']>(
    ws: Workspace,
    task: Extract<OutboxTask, { kind: K }>,
    nowIso: string,
    message: string,
  ): Promise<OutboxAnswer[K]> {
    const controller = new AbortController();
    this.#running.add(controller);
    this.report(message, false);
    try {
      return await runOutboxTask(ws, task, nowIso, controller.signal, (done, total) => this.report(message, false, done, total));
    } finally {
      this.#running.delete(controller);
      this.report(controller.signal.aborted ? 'Cancelled' : 'Done', true);
    }
  }

  /** Stops every running task; false when none ran. */
  cancel(): boolean {
    if (this.#running.size === 0) return false;
    for (const c of this.#running) c.abort(new AppError('cancelled', 'Cancelled: nothing was changed.'));
    return true;
  }
}
