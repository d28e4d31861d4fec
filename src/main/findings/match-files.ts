// `reconciler match` on two files. A large export's billing accounts are read and prepared on a worker thread
// while this thread reads and prepares the Xero contacts, then both are matched here (below
// ACCOUNTS_THREAD_MIN_BYTES, starting a thread costs more than it saves).
import { stat } from 'node:fs/promises';
import type { MatchResult, XeroContact } from '../../shared/domain';
import { parseAccountsFile, type ImportOptions, type ParsedAccounts } from '../cocoon/import-accounts';
import {
  matchPrepared,
  prepareAccounts,
  prepareContacts,
  resolveConfig,
  type MatchConfig,
  type MatchOptions,
  type PreparedContacts,
  type PreparedSide,
} from '../matching';
import { prepareAccountsFile, type AccountsJob } from './accounts-thread';
import { readContactsFile } from '../imports/xero-contacts-file';

export const ACCOUNTS_THREAD_MIN_BYTES = 512 * 1024;

export interface MatchedFiles {
  parsed: ParsedAccounts;
  contacts: XeroContact[];
  result: MatchResult;
}

async function readAccounts(job: AccountsJob, signal: AbortSignal): Promise<{ parsed: ParsedAccounts; side: PreparedSide }> {
  const size = await stat(job.path).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  if (size >= ACCOUNTS_THREAD_MIN_BYTES) return prepareAccountsFile(job, signal);
  const parsed = await parseAccountsFile(job.path, job.options);
  return { parsed, side: prepareAccounts(parsed.accounts, job.config) };
}

/** Both files read and prepared for matching (matchPrepared, or matchEach to have the findings one at a time). */
export interface PreparedFiles {
  parsed: ParsedAccounts;
  side: PreparedSide;
  /** The contacts as read. */
  contacts: XeroContact[];
  prepared: PreparedContacts;
  config: MatchConfig;
}

export async function prepareFiles(
  cocoon: { path: string } & ImportOptions,
  xero: string,
  given?: Partial<MatchConfig>,
): Promise<PreparedFiles> {
  const config = resolveConfig(given);
  const { path, ...importOptions } = cocoon;
  const stopAccounts = new AbortController();
  const accountsRead = readAccounts({ path, options: importOptions, config }, stopAccounts.signal);
  // The contacts are prepared as soon as they are read, while the accounts' thread may still be at work. Only the
  // contacts are kept: their JSON (hundreds of MB of objects for a large organisation) is let go as it is read.
  const contactsPrepared = readContactsFile(xero, { keepRaw: false }).then(({ contacts }) => ({
    contacts,
    prepared: prepareContacts(contacts, config),
  }));
  contactsPrepared.catch(() => stopAccounts.abort());
  const [{ parsed, side }, { contacts, prepared }] = await Promise.all([accountsRead, contactsPrepared]);
  return { parsed, side, contacts, prepared, config };
}

export async function matchFiles(
  cocoon: { path: string } & ImportOptions,
  xero: string,
  options: MatchOptions = {},
): Promise<MatchedFiles> {
  const { parsed, side, contacts, prepared, config } = await prepareFiles(cocoon, xero, options.config);
  return { parsed, contacts, result: matchPrepared(parsed.accounts, side, prepared, { ...options, config }) };
}
