// Xero's own contacts export as the Xero side of a workspace (issue 18, point 7): imported from the app and the CLI
// (All contacts, Customers, Archived; together or one after the other), findings from it, the review and push saying
// what it cannot know, and a later sync with Xero (the stand-in on loopback) taking over from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import { createApp } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import { createXeroLink } from '../../src/main/xero/link';
import { importCocoonFile, importXeroContactsFile } from '../../src/main/imports/import-files';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { xeroExportSide } from '../../src/main/review/freshness';
import { isExportContactId } from '../../src/main/xero/export-ids';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_TENANT_ID, type Json } from '../../src/sandbox/index.js';
import { EXPORT_PUSH_REFUSAL } from '../../src/shared/xero-export';
import { runCliAsync } from '../support/cli-async';
import { differences, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { headlessBrowser, sandbox, tempDir, tempWorkspace, signIn } from '../support/xero-sandbox';

const FIXTURES = new URL('../fixtures/xero/export/', import.meta.url).pathname;
const at = (name: string) => join(FIXTURES, name);
/** What the stand-in's organisation holds: the contacts the three export fixtures were exported from. */
const XERO_HOLDS = (JSON.parse(readFileSync(at('xero-holds.json'), 'utf8')) as { Contacts: Json[] }).Contacts;

/** The same findings a GET /Contacts file of these contacts gives (test/fixtures/small/expected.csv), and the accents. */
const COMPLETE = {
  B001: 'ok',
  A001: 'name_mismatch',
  N001: 'name_mismatch',
  E001: 'code_conflict',
  F001: 'archived_holder',
  G001: 'not_customer',
  D001: 'code_missing',
  H001: 'not_in_xero',
  C001: 'name_mismatch', // 'Crème Brûlée Transport' in CocoonOPS, 'Creme Brulee Transport' in Xero: not the same name to Xero
  S001: 'archived_holder', // 'Société Lumière', archived in Xero
};

const kinds = (ws: ReturnType<typeof tempWorkspace>) => Object.fromEntries(ws.findings.list().map((f) => [f.accountCode, f.kind]));

describe("Xero's contacts export in a workspace", () => {
  it('All contacts alone: findings, with archived contacts and customers unknown; then Archived and Customers complete the picture', async () => {
    const ws = tempWorkspace();
    await importCocoonFile(ws, at('cocoon.csv'));
    const all = await importXeroContactsFile(ws, at('all-contacts.csv'));
    expect(all).toMatchObject({ rows: 9, readAs: 'UTF-8' });
    recomputeFindings(ws);
    // archived contacts are not in this export: F001 and S001 look new, which the review says it cannot know
    expect(kinds(ws)).toEqual({ ...COMPLETE, F001: 'not_in_xero', S001: 'not_in_xero', G001: 'ok' });
    expect(xeroExportSide(ws)).toEqual({
      views: ['all'],
      caveats: [
        expect.stringContaining('no ContactIDs, so nothing can be pushed'),
        expect.stringContaining('Archived contacts are missing'),
        expect.stringContaining('"not a customer" is not checked'),
      ],
    });
    const crème = ws.findings.get('C001')!;
    expect(ws.contacts.get(crème.xeroContactId!)).toMatchObject({
      name: 'Creme Brulee Transport',
      phone: '61 2 9000 8000',
      postcode: '2010',
      status: 'ACTIVE',
    });

    await importXeroContactsFile(ws, at('archived.csv')); // the file name says Archived
    await importXeroContactsFile(ws, at('customers.csv'));
    recomputeFindings(ws);
    expect(ws.contacts.count()).toBe(11);
    expect(kinds(ws)).toEqual(COMPLETE);
    expect(xeroExportSide(ws)).toEqual({ views: ['all', 'customers', 'archived'], caveats: [expect.stringContaining('no ContactIDs')] });
    expect(ws.contacts.list().every((c) => isExportContactId(c.contactId))).toBe(true);

    // a newer All contacts export replaces the All contacts it had, and leaves the archived ones
    await importXeroContactsFile(ws, at('all-contacts.csv'));
    expect(ws.contacts.count()).toBe(11);
    expect(
      ws.contacts
        .list()
        .filter((c) => c.status === 'ARCHIVED')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Foxtrot Movers', 'Société Lumière']);
  });

  it('the Archived export first, then All contacts: the same contacts; a refused file changes nothing', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    // Xero downloads every list under the same name: the view is said, not inferred
    const { copyFileSync, writeFileSync } = await import('node:fs');
    copyFileSync(at('archived.csv'), join(dir, 'Contacts.csv'));
    await importXeroContactsFile(ws, join(dir, 'Contacts.csv'), 'user', { view: 'archived' });
    await importXeroContactsFile(ws, at('all-contacts.csv'));
    expect(ws.contacts.count()).toBe(11);
    expect(ws.contacts.list().filter((c) => c.status === 'ARCHIVED')).toHaveLength(2);
    writeFileSync(join(dir, 'broken.csv'), 'ContactName,AccountNumber,EmailAddress\nAcme,A1,\nacme,A2,\n');
    await expect(importXeroContactsFile(ws, join(dir, 'broken.csv'))).rejects.toThrow(
      /broken\.csv was not read: 1 problem in Xero's contacts export[^]*row 3: "acme" is listed again/,
    );
    expect(ws.contacts.count()).toBe(11);
  });
});

function startApp(dataDir: string, xeroUrl?: string) {
  const xero = xeroUrl
    ? createXeroLink({
        secrets: createMemorySecretStore(),
        configDir: join(dataDir, 'config'),
        settings: { xeroBaseUrl: xeroUrl, clientId: 'reconciler-dev', redirectPort: 0 },
        openBrowser: headlessBrowser,
      })
    : undefined;
  const app = createApp({
    host: 'web',
    dataDir,
    demoDir: join(import.meta.dirname, '../../demo'),
    settings: memorySettings(),
    validateOutput: true,
    xero,
  });
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown = {}) =>
    (await app.dispatch(channel as never, input)) as Envelope<T>;
  const value = async <T = Record<string, unknown>>(channel: string, input: unknown = {}) => {
    const r = await call<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  const upload = (name: string, view?: string) => ({
    fileName: name,
    content: readFileSync(at(name)).toString('base64'),
    ...(view ? { view } : {}),
  });
  return { app, call, value, upload };
}

describe('the app and the CLI with an export, and the sync that takes over', () => {
  it("the app imports the exports (the view said or inferred), says what it cannot know, refuses to push; a sync replaces them with Xero's contacts", async () => {
    const sb = await sandbox();
    sb.state.seed(DEMO_TENANT_ID, { Contacts: XERO_HOLDS }, 'replace');
    const { app, call, value, upload } = startApp(tempDir(), sb.url);
    try {
      await value('imports.cocoon', upload('cocoon.csv'));
      expect(await value('imports.xeroFile', upload('all-contacts.csv'))).toMatchObject({ rows: 9, readAs: 'UTF-8' });
      expect(await value('workspace.status')).toMatchObject({
        xeroTrust: 'complete',
        xeroExport: { views: ['all'] },
        counts: { not_in_xero: 3 },
      });
      await value('imports.xeroFile', upload('archived.csv', 'archived'));
      await value('imports.xeroFile', upload('customers.csv')); // inferred from the name
      const status = await value<{ xeroExport: unknown; counts: Record<string, number>; contacts: number }>('workspace.status');
      expect(status).toMatchObject({
        contacts: 11,
        xeroExport: { views: ['all', 'customers', 'archived'], caveats: [expect.stringContaining('no ContactIDs')] },
      });
      expect(status.counts).toMatchObject({
        ok: 1,
        name_mismatch: 3,
        archived_holder: 2,
        not_customer: 1,
        code_missing: 1,
        code_conflict: 1,
        not_in_xero: 1,
      });

      // a decision is recorded, but nothing can be pushed: the Push screen says why
      expect((await call('decisions.apply', { accountCode: 'A001', action: 'rename_in_xero' })).ok).toBe(true);
      expect((await call('decisions.apply', { accountCode: 'S001', action: 'restore_in_xero', note: 'still trading' })).ok).toBe(true);
      expect(await value('outbox.plan')).toMatchObject({ notReady: EXPORT_PUSH_REFUSAL });
      expect(await call('outbox.push', { batchSize: 50 })).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: EXPORT_PUSH_REFUSAL },
      });

      // connected and synced: Xero's contacts replace the export's (a full sync, whose sweep removes every exported contact)
      expect((await call('xero.connect')).ok).toBe(true);
      expect((await call('xero.sync')).ok).toBe(true);
      const synced = await value<{ xeroExport: unknown; counts: Record<string, number>; contacts: number }>('workspace.status');
      expect(synced).toMatchObject({ contacts: 11, xeroExport: null, xeroTrust: 'complete' });
      const { ws } = app.session.require();
      expect(ws.contacts.list().some((c) => isExportContactId(c.contactId))).toBe(false);
      expect(differences(sandboxRecords(sb, DEMO_TENANT_ID).contacts, workspaceRecords(ws).contacts)).toEqual([]);
      expect(kinds(ws)).toEqual(COMPLETE);
      expect(ws.findings.get('A001')?.xeroContactId).toBe('00000000-0000-4000-8000-000000000002');
      // the decisions made on exported contacts (an active one, an archived one) are made again on Xero's, and can be pushed now
      expect(ws.decisions.listCurrent()).toEqual([
        expect.objectContaining({ accountCode: 'A001', action: 'rename_in_xero', xeroContactId: '00000000-0000-4000-8000-000000000002' }),
        expect.objectContaining({
          accountCode: 'S001',
          action: 'restore_in_xero',
          xeroContactId: '00000000-0000-4000-8000-000000000011',
          note: 'still trading',
        }),
      ]);
      const plan = await value<{ notReady: string | null; toSend: number; failed: number; items: { contactId: string; kind: string }[] }>(
        'outbox.plan',
      );
      expect(plan).toMatchObject({ notReady: null, toSend: 2, failed: 0 });
      expect(plan.items.map((i) => [i.contactId, i.kind]).sort()).toEqual([
        ['00000000-0000-4000-8000-000000000002', 'rename'],
        ['00000000-0000-4000-8000-000000000011', 'restore'],
      ]);
      expect((await call('outbox.push', { batchSize: 50 })).ok).toBe(true);
      const after = sandboxRecords(sb, DEMO_TENANT_ID).contacts;
      expect(after.get('00000000-0000-4000-8000-000000000002')).toMatchObject({ Name: 'Acme Freight Pty Ltd' });
      expect(after.get('00000000-0000-4000-8000-000000000011')).toMatchObject({ ContactStatus: 'ACTIVE' });
    } finally {
      await app.close();
    }
  });

  it('an All contacts export alone, then a sync: the archived contacts arrive with it', async () => {
    const sb = await sandbox();
    sb.state.seed(DEMO_TENANT_ID, { Contacts: XERO_HOLDS }, 'replace');
    const ws = tempWorkspace();
    await importCocoonFile(ws, at('cocoon.csv'));
    await importXeroContactsFile(ws, at('all-contacts.csv'));
    recomputeFindings(ws);
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets });
    const { client } = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() });
    const summary = await syncWorkspace(ws, client, { pageSize: 5 });
    expect(summary.entities.contacts).toMatchObject({ full: true, records: 11, removed: 9 });
    expect(xeroExportSide(ws)).toBeNull();
    expect(kinds(ws)).toEqual(COMPLETE);
  });

  it('the CLI: import xero with --view, status lists the caveats, push refuses (exit 5) and says how to go on', async () => {
    const dir = tempDir();
    const path = join(dir, 'books.reconciler');
    expect((await runCliAsync(['import', 'cocoon', at('cocoon.csv'), '--workspace', path])).code).toBe(0);
    const imported = await runCliAsync(['import', 'xero', at('all-contacts.csv'), '--workspace', path, '--view', 'all']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('imported 9 Xero contacts from');
    expect(imported.stderr).toContain("(Xero's contacts export, All contacts; read as UTF-8)");
    expect(imported.stderr).toMatch(/note: Archived contacts are missing/);
    expect((await runCliAsync(['import', 'xero', at('archived.csv'), '--workspace', path, '--view', 'nope'])).stderr).toMatch(
      /--view must be one of all, customers, archived/,
    );
    const status = await runCliAsync(['status', '--workspace', path]);
    expect(status.stdout).toMatch(/Xero side {13}Xero's contacts export \(All contacts\)\n {2}From Xero's contacts export: no ContactIDs/);
    const push = await runCliAsync(['push', '--workspace', path, '--yes']);
    expect(push.code).toBe(5);
    expect(push.stderr).toContain(`not pushed: ${EXPORT_PUSH_REFUSAL} Run reconciler connect --workspace ${path}, then reconciler sync.`);
    const ws = openWorkspace(path);
    try {
      expect(ws.contacts.count()).toBe(9);
    } finally {
      ws.close();
    }
  });
});
