// `reconciler exceptions` end to end through bin/reconciler.js, on a workspace synced from the sandbox.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { importCocoonFile } from '../../src/main/imports/import-files';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_DATA_DIR } from '../../src/sandbox/index.js';
import { FIXTURES, runCli, tempDir } from '../support/cli';
import { sandbox, signIn } from '../support/xero-sandbox';

const fixture = (name: string): string => join(FIXTURES, 'exceptions', name);

/** A workspace file with the billing accounts, and a sync of the demo organisation (contacts, invoices, credit notes). */
async function demoWorkspace(): Promise<{ path: string; sync: () => Promise<void> }> {
  const path = join(tempDir(), 'demo.reconciler');
  const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
  const secrets = createMemorySecretStore();
  const ws = openWorkspace(path, { create: true });
  try {
    await signIn(ws, sb, { secrets });
    await importCocoonFile(ws, fixture('accounts.csv'));
  } finally {
    ws.close();
  }
  const sync = async (): Promise<void> => {
    const w = openWorkspace(path);
    try {
      await syncWorkspace(w, openXeroSession(w, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() }).client);
    } finally {
      w.close();
    }
  };
  return { path, sync };
}

describe('reconciler exceptions FILE', () => {
  it('imports the export, and after a Xero sync --recheck prints every verdict with what to do', async () => {
    const { path: ws, sync } = await demoWorkspace();
    const before = runCli(['exceptions', '--workspace', ws, fixture('exceptions.csv')]);
    expect(before.stderr).toContain('imported 13 exceptions from');
    expect(before.code).toBe(0);
    expect(before.stdout.split('\n')[0]).toBe(
      'id,row,document_type,number,billing_account,playbook,verdict,resolved,check,what_to_do,message',
    );
    const unsynced = parse(before.stdout, { columns: true }) as Record<string, string>[];
    expect(unsynced.filter((x) => x.verdict === 'cannot_check')).toHaveLength(7);
    expect(unsynced[0]!.check).toContain('sync Xero first');

    await sync();
    const r = runCli(['exceptions', '--workspace', ws, '--recheck']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('checked 7 invoice numbers: 4 exists_matches, 2 exists_differs, 1 not_found');
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [x.number, x.billing_account, x.playbook, x.verdict])).toEqual([
      ['INV-0001', 'ACME01', 'invoice_number_unique', 'exists_matches'],
      ['INV-0003', 'SCT01', 'invoice_number_unique', 'exists_differs'],
      ['INV-0099', 'ACME01', 'invoice_number_unique', 'not_found'],
      ['CN-0001', 'ACME01', 'invoice_number_unique', 'exists_matches'],
      ['INV-0007', 'GSRF', 'invoice_number_unique', 'exists_matches'],
      ['INV-0005', 'CCCB1', 'invoice_number_unique', 'exists_differs'],
      ['CO-9', 'SCT01', 'account_number_exists', ''],
      ['CO-10', 'OHL01', 'contact_archived', ''],
      ['CO-11', 'ACME01', 'tax_type_invalid', ''],
      ['CO-12', 'PRF01', 'currency_not_subscribed', ''],
      ['CO-13', 'ACME01', 'lock_date', ''],
      ['INV-0002', 'BOS01', 'document_locked', 'exists_matches'],
      ['CO-14', 'ACME01', 'unknown', ''],
    ]);
    expect(rows[0]!.what_to_do).toMatch(/^1\. Close the exception for invoice INV-0001 in CocoonOPS/);
    expect(rows[1]!.check).toContain('total: 2300.00 in CocoonOPS, 2200.00 in Xero');
    expect(rows[2]!.what_to_do).toMatch(
      /^1\. Invoice INV-0099: set the invoice state to something other than issued.* 3\. Invoice INV-0099: set the invoice state back to "Approved"/,
    );
    expect(rows[6]!.what_to_do).toMatch(/^1\. Fix billing account SCT01 first \(Name mismatch/);

    // again, as JSON: the same exceptions (refreshed, not duplicated)
    const out = join(tempDir(), 'exceptions.json');
    const again = runCli(['exceptions', '--workspace', ws, fixture('exceptions.csv'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('(read as UTF-8; 0 new, 13 seen before)');
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      exception: { id: number; verdict: string | null };
      playbook: { id: string };
      steps: unknown[];
    }[];
    expect(json.map((d) => d.exception.id)).toEqual(rows.map((x) => Number(x.id)));
    expect(json[0]).toMatchObject({ playbook: { id: 'invoice_number_unique' }, exception: { verdict: 'exists_matches' } });
  });

  it('refuses a bad export with exit code 3, listing what to fix by row', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Exception,Invoice Number,Total\nInvoice # must be unique,INV-1,lots\n');
    const r = runCli(['exceptions', '--workspace', join(dir, 'w.reconciler'), bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2 (Total): "lots" is not an amount');
    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'Ref,Problem\nINV-1,Invoice # must be unique\n');
    expect(runCli(['exceptions', '--workspace', join(dir, 'w.reconciler'), wrong]).stderr).toContain('no column for the exception text');
    const mapped = runCli([
      'exceptions',
      '--workspace',
      join(dir, 'w.reconciler'),
      wrong,
      '--map',
      'message=Problem',
      '--map',
      'document=Ref',
    ]);
    expect(mapped.code).toBe(0);
    expect(parse(mapped.stdout, { columns: true })).toMatchObject([
      { number: 'INV-1', playbook: 'invoice_number_unique', verdict: 'cannot_check' },
    ]);
  });
});

describe('reconciler exceptions --message', () => {
  it('classifies one pasted message and says what to do', () => {
    const ws = join(tempDir(), 'm.reconciler');
    const r = runCli([
      'exceptions',
      '--workspace',
      ws,
      '--message',
      'The Account Number already exists. Please enter a different Account Number',
      '--account',
      'SCT01',
      '--number',
      'CO-9',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('playbook  account_number_exists: The billing account code is already held by another Xero contact');
    expect(r.stdout).toContain('re-send   after_fix');
    expect(r.stdout).toContain('[cocoonops] Invoice CO-9: set the invoice state to issued to trigger the sync operation.');

    const unknown = runCli(['exceptions', '--workspace', ws, '--message', 'Computer says no', '--out', '-']);
    expect(unknown.code).toBe(0);
    expect(parse(unknown.stdout, { columns: true })).toMatchObject([{ playbook: 'unknown', message: 'Computer says no' }]);

    const unsynced = runCli([
      'exceptions',
      '--workspace',
      ws,
      '--message',
      'Invoice # must be unique.',
      '--number',
      'INV-1',
      '--type',
      'credit note',
      '--total',
      '$12.50',
    ]);
    expect(unsynced.stdout).toContain('verdict   cannot_check: Cannot check INV-1: no invoices synced yet (sync Xero first).');
  });

  it('--number alone: "exists in Xero: compare it", with what to compare and Xero\'s values, never "matches"', async () => {
    const { path: ws, sync } = await demoWorkspace();
    await sync();
    const r = runCli(['exceptions', '--workspace', ws, '--message', 'Invoice # must be unique', '--number', 'INV-0001']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "verdict   exists_unverified: The invoice INV-0001 exists in Xero: compare it with CocoonOPS's invoice before closing — its type, contact, date, total and currency (not in the exception).",
    );
    expect(r.stdout).toContain('in Xero   invoice INV-0001 (ACCREC): Acme Freight Pty Ltd (ACME01), 2025-03-03, 1250.00 AUD, AUTHORISED');
    expect(r.stdout).toContain(
      "[xero] Open invoice INV-0001 in Xero and compare its type, contact, date, total and currency with CocoonOPS's",
    );
    expect(r.stdout).not.toMatch(/matches|safe to close/);
    // With the contact, date and total given, it says what matched, and only that.
    const full = runCli([
      'exceptions',
      '--workspace',
      ws,
      '--message',
      'Invoice # must be unique',
      '--number',
      'INV-0001',
      '--account',
      'ACME01',
      '--date',
      '2025-03-03',
      '--total',
      '1250',
    ]);
    expect(full.stdout).toContain(
      'verdict   exists_matches: The invoice INV-0001 exists in Xero and matches on contact, date and total (type and currency not compared: not in the exception): safe to close',
    );
  });

  it('explains wrong usage with exit code 2', () => {
    const ws = join(tempDir(), 'u.reconciler');
    const none = runCli(['exceptions', '--workspace', ws]);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('Give an exceptions file to import, or --message') });
    expect(runCli(['exceptions', '--workspace', ws, fixture('exceptions.csv'), '--message', 'x']).code).toBe(2);
    const type = runCli(['exceptions', '--workspace', ws, '--message', 'x', '--type', 'bill']);
    expect(type).toMatchObject({ code: 2, stderr: expect.stringContaining('--type: "bill" is not a document type') });
    expect(runCli(['exceptions', '--workspace', ws, fixture('exceptions.csv'), '--map', 'colour=Red']).code).toBe(2);
  });

  it('exit code 3 for an empty message, 4 for a file that is not a workspace', () => {
    expect(runCli(['exceptions', '--workspace', join(tempDir(), 'e.reconciler'), '--message', ' ']).code).toBe(3);
    const notWs = join(tempDir(), 'notes.txt');
    writeFileSync(notWs, 'hello');
    expect(runCli(['exceptions', '--workspace', notWs, '--message', 'x']).code).toBe(4);
  });
});
