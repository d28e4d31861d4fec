// Recomputing the findings off the main thread: matching a large workspace takes seconds, during which the window
// must keep answering, progress must reach it, and Cancel must work. One run at a time: a newer one (after another
// import) supersedes the running one, whose result would be out of date anyway.
import { nativeBinding } from '../db/native-binding';
import type { RecomputeSummary } from '../findings/recompute';
import { startWorker } from './start-worker';

export interface RecomputeJob {
  path: string;
  /** The better-sqlite3 build the main thread uses (Electron's ABI), for the worker's own connection. */
  nativeBinding?: string;
}

export type RecomputeMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; summary: RecomputeSummary };

export class RecomputeCancelledError extends Error {
  constructor() {
    super('Matching was cancelled: the findings are those of the previous run.');
    this.name = 'RecomputeCancelledError';
  }
}

export class BackgroundRecompute {
  #running: AbortController | null = null;

  /** Recomputes the workspace at `path` in a worker; rejects with RecomputeCancelledError when cancelled or superseded. */
  async run(path: string, onProgress?: (done: number, total: number) => void): Promise<RecomputeSummary> {
    this.#running?.abort();
    const controller = new AbortController();
    this.#running = controller;
    try {
      return await recomputeInWorker({ path, nativeBinding: nativeBinding() }, controller.signal, onProgress);
    } finally {
      if (this.#running === controller) this.#running = null;
    }
  }

  get running(): boolean {
    return this.#running !== null;
  }

  /** Stops the running recompute, if any; the stored findings stay as they were. */
  cancel(): boolean {
    if (!this.#running) return false;
    this.#running.abort();
    return true;
  }
}

function recomputeInWorker(
  job: RecomputeJob,
  signal: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<RecomputeSummary> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RecomputeCancelledError());
    const worker = startWorker('recompute', job);
    let summary: RecomputeSummary | undefined;
    const stop = () => void worker.terminate();
    signal.addEventListener('abort', stop, { once: true });
    worker.on('message', (m: RecomputeMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else summary = m.summary;
    });
    worker.once('error', (error) => {
      signal.removeEventListener('abort', stop);
      reject(error);
    });
    worker.once('exit', (code) => {
      signal.removeEventListener('abort', stop);
      if (summary) resolve(summary);
      else if (signal.aborted) reject(new RecomputeCancelledError());
      else reject(new Error(`the matching worker stopped (exit code ${code}) before it finished`));
    });
  });
}
