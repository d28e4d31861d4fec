// The accounts worker: reads a CocoonOPS export and prepares its accounts for matching, while the thread that
// started it reads the Xero contacts. The prepared columns are handed over, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { parseAccountsFile } from '../cocoon/import-accounts';
import { ImportError } from '../cocoon/import-problems';
import { prepareAccounts } from '../matching/prepare';
import type { AccountsJob, AccountsMessage } from '../findings/accounts-thread';
import type { WorkerEnvelope } from './start-worker';

const { job } = workerData as WorkerEnvelope<AccountsJob>;
const post = (m: AccountsMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

try {
  const parsed = await parseAccountsFile(job.path, job.options);
  const side = prepareAccounts(parsed.accounts, job.config);
  post({ type: 'done', parsed, side }, columnBuffers(side));
} catch (e) {
  if (e instanceof ImportError) post({ type: 'refused', message: e.message, problems: e.problems });
  else throw e;
}

/** The buffers behind the side's columns (typed arrays, and the two arrays of each ragged column). */
function columnBuffers(side: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(side)) {
    for (const column of ArrayBuffer.isView(value) ? [value] : typeof value === 'object' && value !== null ? Object.values(value) : []) {
      if (ArrayBuffer.isView(column)) buffers.add(column.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}
