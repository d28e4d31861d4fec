// A worker started from TypeScript source: registers tsx's loader in this thread, then runs the worker's .ts entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
