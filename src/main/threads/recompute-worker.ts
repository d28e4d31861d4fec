// The recompute worker: opens the workspace on its own connection, matches, and replaces the findings in one
// transaction. Terminating it before that transaction commits leaves the stored findings as they were.
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../db';
import { setNativeBinding } from '../db/native-binding';
import { recomputeFindings } from '../findings/recompute';
import type { WorkerEnvelope } from './start-worker';
import type { RecomputeJob, RecomputeMessage } from './recompute-thread';

const { job } = workerData as WorkerEnvelope<RecomputeJob>;
const post = (m: RecomputeMessage) => parentPort!.postMessage(m);

setNativeBinding(job.nativeBinding);
const ws = openWorkspace(job.path);
try {
  post({ type: 'done', summary: recomputeFindings(ws, { onProgress: (done, total) => post({ type: 'progress', done, total }) }) });
} finally {
  ws.close();
}
