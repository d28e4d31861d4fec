// Reading and preparing the billing accounts on a worker thread (see threads/accounts-worker.ts), so that `reconciler
// match` reads the Xero contacts on the main thread meanwhile: on two cores, both files are ready sooner.
import type { ParsedAccounts, ImportOptions } from '../cocoon/import-accounts';
import { ImportError, type Problem } from '../cocoon/import-problems';
import type { MatchConfig } from '../matching/config';
import type { PreparedSide } from '../matching/prepare';
import { startWorker } from '../threads/start-worker';

export interface AccountsJob {
  path: string;
  options: ImportOptions;
  config: MatchConfig;
}

export type AccountsMessage =
  { type: 'done'; parsed: ParsedAccounts; side: PreparedSide } | { type: 'refused'; message: string; problems: Problem[] };

/**
 * parseAccountsFile and prepareAccounts on a worker thread; an export that is refused rejects with its
 * ImportError. Aborting `signal` stops the worker (when the other file failed, say).
 */
export function prepareAccountsFile(job: AccountsJob, signal?: AbortSignal): Promise<{ parsed: ParsedAccounts; side: PreparedSide }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('accounts', job);
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (m: AccountsMessage) => {
      if (m.type === 'done') resolve({ parsed: m.parsed, side: m.side });
      else reject(ImportError.revive(m.message, m.problems));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      reject(new Error(`the accounts worker stopped (exit code ${code}) before it finished`));
    });
  });
}
