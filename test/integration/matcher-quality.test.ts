// A guard on matching quality: the Chicago-derived benchmark set (real organisation names) must stay above
// the bar, with no account ever linked to an unrelated holder of its code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate-chicago';
import { evaluate, truthFromRows, type Metrics } from '../../bench/metrics';
import { parseAccountsFile } from '../../src/main/cocoon/import-accounts';
import { matchAccounts } from '../../src/main/matching';
import { readContactsFile } from '../../src/main/imports/xero-contacts-file';

describe('matching quality on the Chicago-derived set', () => {
  let dir: string;
  let metrics: Metrics;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quality-'));
    generate(dir, 1);
    const { accounts } = await parseAccountsFile(join(dir, 'cocoon.csv'));
    const { contacts } = await readContactsFile(join(dir, 'xero-contacts.json'));
    const truth = truthFromRows(parse(readFileSync(join(dir, 'truth.csv')), { columns: true }));
    const { findings } = matchAccounts(accounts, contacts);
    metrics = evaluate(
      findings.map((f) => ({ accountCode: f.accountCode, kind: f.kind, xeroContactId: f.xeroContactId ?? '' })),
      truth,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reaches F1 ≥ 0.97 over accounts', () => {
    expect(metrics.microF1).toBeGreaterThanOrEqual(0.97);
  });

  it('never links an account to an unrelated holder of its code', () => {
    expect(metrics.wrongUnrelatedHolderLinks).toBe(0);
  });
});
