// A `reconciler sync` cancelled with Ctrl-C, then killed outright, that still ends with exactly the sandbox's records.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { connectWorkspace, createFileSecretStore } from '../../src/main/xero';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { finished, runCliAsync, startCli } from '../support/cli-async';
import { differences, sandboxRecords } from '../support/xero-data';
import { headlessBrowser, sandbox, tempDir } from '../support/xero-sandbox';

type Raw = Record<string, unknown>;

function workspaceHolds(path: string): { contacts: Map<string, Raw>; documents: Map<string, Raw>; imports: string[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = (sql: string) => db.prepare<[], { id: string; raw: string }>(sql).all().map((r) => [r.id, JSON.parse(r.raw) as Raw] as const);
    return {
      contacts: new Map(rows('SELECT contact_id AS id, raw_json AS raw FROM xero_contacts')),
      documents: new Map(rows('SELECT invoice_id AS id, raw_json AS raw FROM xero_invoices')),
      imports: db.prepare<[], { status: string }>("SELECT status FROM imports WHERE kind = 'xero_sync' ORDER BY id").all().map((r) => r.status),
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
    await connectWorkspace(workspace, { baseUrl: sb.url, standIn: sb.url, clientId: 'reconciler-dev', redirectPort: 0, secrets: createFileSecretStore({ dir: config }), openBrowser: headlessBrowser });
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
});
