// `reconciler match` reads a large export's accounts on a worker thread: the accounts, their prepared columns and
// the findings are what the main thread alone gives; a refused export is the same ImportError; aborting stops it.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate-synthetic';
import { parseAccountsFile } from '../../src/main/cocoon/import-accounts';
import { DEFAULT_CONFIG, matchAccounts, prepareAccounts } from '../../src/main/matching';
import { ACCOUNTS_THREAD_MIN_BYTES, matchFiles } from '../../src/main/findings/match-files';
import { prepareAccountsFile } from '../../src/main/findings/accounts-thread';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';
import { importError, tempFolder } from '../support/import-files';

const { dir, file } = tempFolder('accounts-thread-');
// Large enough for matchFiles to use the thread.
generate(dir, 3, { accounts: 5000, contacts: 2000 });
const cocoon = join(dir, 'cocoon.csv');
const xero = join(dir, 'xero-contacts.json');

describe('accounts read and prepared on a worker thread', () => {
  it('gives the accounts and the columns that this thread gives', async () => {
    const parsed = await parseAccountsFile(cocoon);
    const got = await prepareAccountsFile({ path: cocoon, options: {}, config: DEFAULT_CONFIG });
    expect(got.parsed).toEqual(parsed);
    expect(got.side).toEqual(prepareAccounts(parsed.accounts, DEFAULT_CONFIG));
    expect(got.side.size).toBe(5000);
  });

  it('rejects a refused export with the ImportError this thread gives', async () => {
    const bad = await file('bad.csv', 'Organisation Name,Billing Account Code\nAcme,A1\nBeta,A1\n');
    const here = await importError(parseAccountsFile(bad));
    const there = await importError(prepareAccountsFile({ path: bad, options: {}, config: DEFAULT_CONFIG }));
    expect(there.message).toBe(here.message);
    expect(there.message).toContain('"A1" is used twice: rows 2 and 3');
    expect(there.problems).toEqual(here.problems);
  });

  it('stops when aborted', async () => {
    const stop = new AbortController();
    const running = prepareAccountsFile({ path: cocoon, options: {}, config: DEFAULT_CONFIG }, stop.signal);
    stop.abort();
    await expect(running).rejects.toThrow(/accounts worker stopped/);
  });

  it('matchFiles: the same findings as matching on one thread', async () => {
    expect(statSync(cocoon).size).toBeGreaterThanOrEqual(ACCOUNTS_THREAD_MIN_BYTES);
    const { contacts } = await readContactsFile(xero);
    const expected = matchAccounts((await parseAccountsFile(cocoon)).accounts, contacts);
    const { result } = await matchFiles({ path: cocoon }, xero);
    expect(result.findings).toEqual(expected.findings);
    expect(result.xeroFindings).toEqual(expected.xeroFindings);
  });
});
