// Worker threads for long work in the app. A bundle (Electron's main, the built CLI) ships each worker as a script
// beside its entry and says where (useBundledWorkers); run from TypeScript source (npm run web, the tests), the
// worker's .ts entry is loaded through tsx, as bin/reconciler.js loads the CLI.
import { Worker, type ResourceLimits } from 'node:worker_threads';

export type WorkerName = 'recompute' | 'accounts' | 'xlsx' | 'export' | 'outbox';

/** What every worker receives: its job, and (from source) the entry that tsx-boot.mjs imports. */
export interface WorkerEnvelope<T> {
  entry?: string;
  job: T;
}

let bundled: { dir: URL; extension: string } | null = null;

/** Called by a bundle's entry point: its workers lie beside it as `<name>-worker<extension>`. */
export function useBundledWorkers(dir: URL, extension: '.js' | '.mjs'): void {
  bundled = { dir, extension };
}

/** Starts the worker `name` with `job`; `resourceLimits` caps its heap (past it the worker stops, not the app). */
export function startWorker<T>(name: WorkerName, job: T, resourceLimits?: ResourceLimits): Worker {
  if (bundled) {
    const envelope: WorkerEnvelope<T> = { job };
    return new Worker(new URL(`./${name}-worker${bundled.extension}`, bundled.dir), { workerData: envelope, resourceLimits });
  }
  const envelope: WorkerEnvelope<T> = { entry: new URL(`./${name}-worker.ts`, import.meta.url).href, job };
  return new Worker(new URL('./tsx-boot.mjs', import.meta.url), { workerData: envelope, resourceLimits });
}
