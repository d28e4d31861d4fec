import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../support/cli';

const small = (f: string) => join(FIXTURES, 'small', f);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const expected = parse(readFileSync(small('expected.csv')), { columns: true }) as { billing_account_code: string; finding: string }[];

describe('reconciler match', () => {
  it('writes one row per billing account, in input order, with the documented columns', () => {
    const out = join(tempDir(), 'findings.csv');
    const r = runCli(['match', '--cocoon', small('cocoon.csv'), '--xero', small('xero-contacts.json'), '--out', out]);
    expect(r.stderr).toContain('8 accounts, 9 Xero contacts');
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('billing_account_code,xero_contact_id,finding,score,code_holder_id,explanation');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.billing_account_code, r.finding])).toEqual(expected.map((e) => [e.billing_account_code, e.finding]));
    const conflict = rows.find((r) => r.finding === 'code_conflict')!;
    expect(conflict.code_holder_id).toBe('00000000-0000-4000-8000-000000000004');
    expect(conflict.xero_contact_id).toBe('00000000-0000-4000-8000-000000000005');
    expect(rows.find((r) => r.billing_account_code === 'A001')!.explanation).toContain("names differ only by legal form 'Pty Ltd'");
  });

  it('is deterministic: the same inputs give byte-identical output', () => {
    const dir = tempDir();
    for (const name of ['a.json', 'b.json'])
      runCli(['match', '--cocoon', small('cocoon.csv'), '--xero', small('xero-contacts.json'), '--out', join(dir, name)]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
    expect(sha(join(dir, 'a.json'))).toBe(sha(join(dir, 'b.json')));
    const json = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(json.findings[1].contributions.map((c: { field: string }) => c.field)).toContain('name');
    expect(json.xeroFindings[0].kind).toBe('duplicate_contact');
  });

  it('--check exits 10 when accounts will fail', () => {
    const r = runCli([
      'match',
      '--cocoon',
      small('cocoon.csv'),
      '--xero',
      small('xero-contacts.json'),
      '--out',
      join(tempDir(), 'f.csv'),
      '--check',
    ]);
    expect(r.code).toBe(10);
  });

  it('refuses a bad export with exit code 3 and says what to fix', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Organisation Name,Billing Account Code\nAcme,A1\nBeta,A1\n');
    const r = runCli(['match', '--cocoon', bad, '--xero', small('xero-contacts.json'), '--out', join(dir, 'f.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"A1" is used twice: rows 2 and 3');
    // Findings are written as they are made, to a file renamed into place when complete: nothing is left behind.
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('explains usage errors with exit code 2, and documents exit codes in --help', () => {
    expect(runCli(['match', '--cocoon', 'x.csv']).code).toBe(2);
    expect(runCli(['match', '--cocoon', small('cocoon.csv'), '--xero', small('xero-contacts.json'), '--out', 'f.txt']).stderr).toContain(
      'name the file .csv or .json',
    );
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });
});

describe('workspace commands', () => {
  it('findings --check matches again first when the stored findings are out of date (an older version computed them)', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.reconciler');
    expect(runCli(['import', 'cocoon', small('cocoon.csv'), '--workspace', path]).code).toBe(0);
    expect(runCli(['import', 'xero', small('xero-contacts.json'), '--workspace', path]).code).toBe(0);
    // As an older version left it: every account 'ok', computed by another model of the sync.
    const { openWorkspace } = await import('../../src/main/db');
    const ws = openWorkspace(path);
    ws.db.prepare("UPDATE findings SET kind = 'ok'").run();
    ws.db.prepare("DELETE FROM sync_state WHERE key = 'findings.model'").run();
    ws.close();
    expect(JSON.parse(runCli(['status', '--workspace', path, '--json']).stdout).findingsOutdated).toBe(true);
    const check = runCli(['findings', '--workspace', path, '--check']);
    expect(check.stderr).toContain('the findings are out of date');
    expect(check.code).toBe(10);
    const again = runCli(['findings', '--workspace', path, '--check']);
    expect(again.stderr).not.toContain('out of date');
    expect(again.code).toBe(10);
    expect(JSON.parse(runCli(['status', '--workspace', path, '--json']).stdout).findingsOutdated).toBe(false);
  });

  it('imports both sides, computes findings, reports status, and keeps everything when a later import is bad', () => {
    const dir = tempDir();
    const ws = join(dir, 'acme.reconciler');
    const c = runCli(['import', 'cocoon', small('cocoon.csv'), '--workspace', ws]);
    expect(c.code).toBe(0);
    expect(c.stderr).toContain('findings wait for the Xero side');
    const x = runCli(['import', 'xero', small('xero-contacts.json'), '--workspace', ws]);
    expect(x.code).toBe(0);
    expect(x.stderr).toContain('5 will fail on the next sync');
    // The counts in the app's words, not the findings file's codes.
    expect(x.stderr).toMatch(/\d+ name mismatch/);
    expect(x.stderr).not.toContain('name_mismatch');

    const findings = runCli(['findings', '--workspace', ws]);
    expect(findings.code).toBe(0);
    const rows = parse(findings.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.finding)).toEqual(expected.map((e) => e.finding));
    const only = parse(runCli(['findings', '--workspace', ws, '--kind', 'name_mismatch']).stdout, { columns: true }) as unknown[];
    expect(only).toHaveLength(2);

    const status = JSON.parse(runCli(['status', '--workspace', ws, '--json']).stdout);
    expect(status).toMatchObject({ accounts: 8, contacts: 9, invoices: 0, failing: 5 });
    expect(status.findings.name_mismatch).toBe(2);
    expect(status.lastCocoonImport.fileName).toBe('cocoon.csv');
    expect(status.xeroConnection).toBeNull();

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Customer,Phone\nAcme,1\n');
    const r = runCli(['import', 'cocoon', bad, '--workspace', ws]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Billing Account Code');
    expect(JSON.parse(runCli(['status', '--workspace', ws, '--json']).stdout)).toEqual(status);
  });

  it('says which encoding it read a file in, and refuses UTF-8 mixed with stray bytes until --encoding is given', () => {
    const dir = tempDir();
    const ws = join(dir, 'enc.reconciler');
    const good = runCli(['import', 'cocoon', small('cocoon.csv'), '--workspace', ws]);
    expect(good.stderr).toContain('imported 8 billing accounts from');
    expect(good.stderr).toContain('(read as UTF-8)');
    const status = JSON.parse(runCli(['status', '--workspace', ws, '--json']).stdout);

    const mixed = join(dir, 'mixed.csv');
    writeFileSync(
      mixed,
      Buffer.concat([
        Buffer.from('Organisation Name,Billing Account Code\nAcmé Pty Ltd,A1\nBeta'),
        Buffer.from([0xa0]),
        Buffer.from('Freight,B2\n'),
      ]),
    );
    const refused = runCli(['import', 'cocoon', mixed, '--workspace', ws]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('mixed.csv mixes UTF-8 with bytes that are not UTF-8 (line 3)');
    expect(refused.stderr).toContain('Save the export as UTF-8');
    expect(JSON.parse(runCli(['status', '--workspace', ws, '--json']).stdout)).toEqual(status);

    const chosen = runCli(['import', 'cocoon', mixed, '--workspace', ws, '--encoding', 'windows-1252']);
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toContain('imported 2 billing accounts from');
    expect(chosen.stderr).toContain('(read as Windows-1252)');
    expect(runCli(['import', 'cocoon', mixed, '--workspace', ws, '--encoding', 'latin9']).stderr).toContain(
      '--encoding must be one of utf-8, windows-1252',
    );
  });

  it('refuses a file that is not a workspace, with exit code 4, leaving it untouched', () => {
    const dir = tempDir();
    const notWs = join(dir, 'notes.txt');
    writeFileSync(notWs, 'just some notes\n');
    const before = sha(notWs);
    const r = runCli(['status', '--workspace', notWs]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('is not a Reconciler workspace');
    expect(sha(notWs)).toBe(before);
    expect(runCli(['status', '--workspace', join(dir, 'missing.reconciler')]).code).toBe(4);
  });
});
