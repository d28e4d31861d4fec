// `reconciler match` on two files: the billing accounts and the Xero contacts read side by side, then matched.
// (A worker thread for either file was tried: on this project's 2-core target it saved under 0.1 s of 4, for
// 50 MB more memory: the cores are already busy with the collector.)
import type { MatchResult, XeroContact } from '../../shared/domain';
import { parseAccountsFile, type ImportOptions, type ParsedAccounts } from '../cocoon/import-accounts';
import { matchAccounts, type MatchOptions } from '../matching';
import { readContactsFile } from '../xero/contacts-file';

export interface MatchedFiles {
  parsed: ParsedAccounts;
  contacts: XeroContact[];
  result: MatchResult;
}

export async function matchFiles(cocoon: { path: string } & ImportOptions, xero: string, options: MatchOptions = {}): Promise<MatchedFiles> {
  // Only the contacts are kept: their JSON (hundreds of MB of objects for a large organisation) is let go as it is read.
  const [parsed, { contacts }] = await Promise.all([parseAccountsFile(cocoon.path, cocoon), readContactsFile(xero, { keepRaw: false })]);
  return { parsed, contacts, result: matchAccounts(parsed.accounts, contacts, options) };
}
