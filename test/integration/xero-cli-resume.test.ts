// A `reconciler sync` cancelled with Ctrl-C, then killed outright, that still ends with exactly the sandbox's records.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { createFileSecretStore } from '../../src/main/xero';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { finished, runCliAsync, startCli } from '../support/cli-async';
import { differences, makeContacts, makeInvoices, sandboxRecords } from '../support/xero-data';
import { sandbox, tempDir, signIn } from '../support/xero-sandbox';

type Raw = Record<string, unknown>;

function workspaceHolds(path: string): { contacts: Map<string, Raw>; documents: Map<string, Raw>; imports: string[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = (sql: string) =>
      db
        .prepare<[], { id: string; raw: string }>(sql)
        .all()
        .map((r) => [r.id, JSON.parse(r.raw) as Raw] as const);
    return {
      contacts: new Map(rows('SELECT contact_id AS id, raw_json AS raw FROM xero_contacts')),
      documents: new Map(rows('SELECT invoice_id AS id, raw_json AS raw FROM xero_invoices')),
      imports: db
        .prepare<[], { status: string }>("SELECT status FROM imports WHERE kind = 'xero_sync' ORDER BY id")
        .all()
        .map((r) => r.status),
    };
  } finally {
    db.close();
  }
}

/** The page a sync in another process will fetch next (0 when none is in progress). */
function nextContactsPage(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const v = db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'xero.sync.contacts.cursor'").get()?.value;
      return v ? (JSON.parse(v) as { nextPage: number }).nextPage : 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

async function until(pred: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('reconciler sync, interrupted', () => {
  it('a sync cancelled with Ctrl-C, then killed, resumes to exactly the sandbox records', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const dir = tempDir();
    const ws = join(dir, 'books.reconciler');
    const config = join(dir, 'config');
    const env = { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: sb.url };
    const workspace = openWorkspace(ws, { create: true });
    await signIn(workspace, sb, { secrets: createFileSecretStore({ dir: config }) });
    workspace.close();
    await sb.admin('POST', '/faults', { kind: 'delay', delayMs: 300, count: 100, path: '/Contacts' });

    const first = startCli(['sync', '--workspace', ws, '--page-size', '1'], env);
    await until(() => nextContactsPage(ws) >= 4);
    first.kill('SIGINT');
    const cancelled = await finished(first);
    expect(cancelled.code).toBe(130);
    expect(cancelled.stderr).toMatch(/Sync cancelled: \d+ pages? saved; the next sync continues from there/);
    const saved = nextContactsPage(ws);

    const second = startCli(['sync', '--workspace', ws, '--page-size', '1'], env);
    await until(() => nextContactsPage(ws) >= saved + 3);
    second.kill('SIGKILL');
    await finished(second);
    await sb.admin('DELETE', '/faults');

    const last = await runCliAsync(['sync', '--workspace', ws, '--page-size', '1'], env);
    expect(last.code).toBe(0);
    expect(last.stderr).toContain('resumed');
    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    const have = workspaceHolds(ws);
    expect(differences(want.contacts, have.contacts)).toEqual([]);
    expect(differences(want.documents, have.documents)).toEqual([]);
    expect(have.imports).toEqual(['failed', 'failed', 'complete']);
  });

  // RECONCILER_RESUME_CONTACTS=3000 is the long version (`npm run bench -- --only kills`).
  const N = Number(process.env.RECONCILER_RESUME_CONTACTS ?? 300);
  it(
    `a sync of ${N} contacts killed five times while Xero changed in between ends equal to Xero, with no sync after it`,
    { timeout: 300_000 },
    async () => {
      const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
      const contacts = makeContacts(N);
      sb.state.seed(DEMO_TENANT_ID, { Contacts: contacts, Invoices: makeInvoices(Math.round(N * 0.4), N) }, 'replace');
      const dir = tempDir();
      const ws = join(dir, 'books.reconciler');
      const config = join(dir, 'config');
      const env = { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: sb.url };
      const workspace = openWorkspace(ws, { create: true });
      await signIn(workspace, sb, { secrets: createFileSecretStore({ dir: config }) });
      workspace.close();
      await sb.admin('POST', '/faults', { kind: 'delay', delayMs: 100, count: 1000, path: '/Contacts' });

      const id = (i: number) => String(contacts[i]!.ContactID);
      let made = 0;
      for (let round = 0; round < 5; round++) {
        const from = nextContactsPage(ws);
        const child = startCli(['sync', '--workspace', ws, '--page-size', '20'], env);
        await until(() => nextContactsPage(ws) >= from + 2);
        child.kill('SIGKILL');
        await finished(child);
        // Meanwhile in Xero, mostly on pages already read: renames, an archive, new contacts whose ids sort early.
        for (const i of [round * 7 + 1, round * 7 + 2, N - 50 + round])
          await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${id(i)}`, { Name: `Renamed ${i} In Round ${round}` });
        await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${id(round * 7 + 3)}`, { ContactStatus: 'ARCHIVED' });
        const fresh = [(round * 2 + 1) * 10, (round * 2 + 2) * 10].map((i) => ({
          ...makeContacts(1, 1000 + made++)[0]!,
          ContactID: `${id(i).slice(0, -1)}f`, // sorts right after contact i, on a page already read
          UpdatedDateUTC: `/Date(${Date.now()}+0000)/`,
        }));
        await sb.admin('POST', `/tenants/${DEMO_TENANT_ID}/data`, { Contacts: fresh });
      }
      await sb.admin('DELETE', '/faults');

      const last = await runCliAsync(['sync', '--workspace', ws, '--page-size', '20'], env);
      expect(last.code, last.stderr).toBe(0);
      const want = sandboxRecords(sb, DEMO_TENANT_ID);
      const have = workspaceHolds(ws);
      expect(want.contacts.size).toBe(N + 10);
      expect(differences(want.contacts, have.contacts)).toEqual([]);
      expect(differences(want.documents, have.documents)).toEqual([]);
      expect(last.stderr).toMatch(/resumed.*records changed in Xero while it was stopped read again/);
    },
  );
});
