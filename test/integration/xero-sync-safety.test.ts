// A sync that must not believe a broken answer (issue 17): an empty 200, or a page that contradicts its own
// pagination, never removes stored contacts and leaves the Xero side marked incomplete; a full sync that would
// remove most contacts stops and asks (CLI --allow-shrink, the app's allowShrink); a small genuine shrink goes through.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import { createApp } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import { createXeroLink } from '../../src/main/xero/link';
import { xeroFreshness } from '../../src/main/review/freshness';
import { createFileSecretStore, createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { readWatermark } from '../../src/main/xero/sync/cursor';
import { DEMO_DATA_DIR, DEMO_TENANT_ID, type Json } from '../../src/sandbox/index.js';
import { runCliAsync } from '../support/cli-async';
import { differences, makeContacts, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { headlessBrowser, rejection, sandbox, tempDir, tempWorkspace, signIn } from '../support/xero-sandbox';

/** A 200 that lists no contacts, with no pagination to say otherwise (the incident). */
const EMPTY_200 = { kind: 'patch', path: '/Contacts', json: { Contacts: [], pagination: null } };
/** A 200 that lists no contacts while its pagination still counts them. */
const EMPTY_PAGE = { kind: 'patch', path: '/Contacts', json: { Contacts: [] } };

async function connected(o: { dataDir?: string; retry?: { baseDelayMs: number; maxDelayMs: number } } = {}) {
  const sb = await sandbox(o);
  const ws = tempWorkspace();
  const secrets = createMemorySecretStore();
  await signIn(ws, sb, { secrets });
  const session = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry(), retry: o.retry });
  return { sb, ws, client: session.client };
}

describe('a sync through a broken answer', () => {
  it('an empty 200 during a full sync removes nothing, fails the sync, and a plain sync afterwards completes', async () => {
    const { sb, ws, client } = await connected({ dataDir: DEMO_DATA_DIR });
    await syncWorkspace(ws, client, { pageSize: 5 });
    expect(ws.contacts.count()).toBe(22);

    expect((await sb.admin('POST', '/faults', EMPTY_200)).status).toBe(201);
    const refused = await rejection(syncWorkspace(ws, client, { full: true, pageSize: 5 }));
    expect(refused.name).toBe('SyncShrinkRefusedError');
    expect(refused.message).toMatch(/stopped before removing 22 of the 22 contacts stored: Xero listed only 0\. Nothing was removed/);
    expect(ws.contacts.count()).toBe(22);
    expect(ws.imports.latest('xero_sync')).toMatchObject({ status: 'failed' });
    expect(xeroFreshness(ws)).toMatchObject({
      trust: 'stale',
      reason: expect.stringContaining('the last sync failed (The full sync stopped before removing 22'),
    });

    const again = await syncWorkspace(ws, client, { pageSize: 5 }); // resumes the full run; Xero answers properly now
    expect(again.entities.contacts).toMatchObject({ full: true, resumed: true, removed: 0 });
    expect(differences(sandboxRecords(sb, DEMO_TENANT_ID).contacts, workspaceRecords(ws).contacts)).toEqual([]);
    expect(xeroFreshness(ws).trust).toBe('complete');
  });

  it('a page whose pagination does not add up fails the sync with what is wrong, and removes nothing', async () => {
    const { sb, ws, client } = await connected({ dataDir: DEMO_DATA_DIR });
    await syncWorkspace(ws, client, { pageSize: 5 });
    const findingsAt = ws.findings.computedAt();

    await sb.admin('POST', '/faults', EMPTY_PAGE);
    const empty = await rejection(syncWorkspace(ws, client, { full: true, pageSize: 5 }));
    expect(empty.name).toBe('XeroPagingError');
    expect(empty.message).toBe(
      "Xero's answer for contacts page 1 does not add up: it holds 0 records, but its pagination (22 records in pages of 5) says page 1 holds 5. " +
        'The sync stopped; nothing from this page was saved and no stored contact was removed. Sync again in a while (the pages already saved are kept).',
    );
    expect(ws.contacts.count()).toBe(22);
    expect(ws.findings.computedAt()).toBe(findingsAt); // no findings from a failed sync
    expect(xeroFreshness(ws).trust).toBe('stale');

    // itemCount 22 while the pages hold 0; the wrong page answered; a pageCount that does not fit
    for (const [json, says] of [
      [
        { Contacts: [], pagination: { page: 1, pageSize: 5, pageCount: 5, itemCount: 22 } },
        /holds 0 records, but its pagination \(22 records/,
      ],
      [{ pagination: { page: 2 } }, /page 2 came back where page 1 was asked for/],
      [{ pagination: { pageCount: 2 } }, /counts 2 pages for 22 records in pages of 5 \(that is 5\)/],
    ] as const) {
      await sb.admin('POST', '/faults', { kind: 'patch', path: '/Contacts', json });
      expect((await rejection(syncWorkspace(ws, client, { full: true, pageSize: 5 }))).message).toMatch(says);
      expect(ws.contacts.count()).toBe(22);
    }
  });

  it('a full sync that stops half way keeps a contact Xero no longer has; it goes only once every page arrived', async () => {
    const { sb, ws, client } = await connected({ dataDir: DEMO_DATA_DIR });
    await syncWorkspace(ws, client, { pageSize: 5 });
    const acme = ws.contacts.list()[0]!;
    ws.contacts.upsertMany([{ contact: { ...acme, contactId: 'not-in-xero', accountNumber: 'ZZZ' }, raw: { ContactID: 'not-in-xero' } }]);

    // page 3 comes back empty (its pagination still counts 22)
    const failed = await rejection(
      syncWorkspace(ws, client, {
        full: true,
        pageSize: 5,
        parallelPages: 1,
        onProgress: (p) =>
          p.entity === 'contacts' && p.page === 2 && sb.state.faults.add({ kind: 'patch', path: '/Contacts', json: { Contacts: [] } }),
      }),
    );
    expect(failed.message).toMatch(/contacts page 3 does not add up/);
    expect(ws.contacts.get('not-in-xero')).toBeDefined();
    expect(ws.contacts.count()).toBe(23);

    const done = await syncWorkspace(ws, client, { pageSize: 5 });
    expect(done.entities.contacts).toMatchObject({ resumed: true, removed: 1 }); // a small genuine shrink
    expect(ws.contacts.get('not-in-xero')).toBeUndefined();
    expect(ws.contacts.count()).toBe(22);
  });
});

describe('an incremental contacts sync through an empty answer', () => {
  // Retried as a broken connection (quickly here), then the sync stops.
  const QUICK = { baseDelayMs: 1, maxDelayMs: 5 };
  const EVERY_TRY = 10;
  const cases = [
    ['an empty body', { kind: 'status', status: 200, body: '', path: '/Contacts', count: EVERY_TRY }],
    ['a body without the Contacts list', { kind: 'patch', path: '/Contacts', json: { Contacts: null }, count: EVERY_TRY }],
  ] as const;
  for (const [what, fault] of cases)
    it(`${what}: the sync stops and says so, the stored contacts and the last-sync stamp stay as they were`, async () => {
      const { sb, ws, client } = await connected({ dataDir: DEMO_DATA_DIR, retry: QUICK });
      await syncWorkspace(ws, client, { pageSize: 5 });
      const stamp = readWatermark(ws, 'contacts');
      const stored = workspaceRecords(ws).contacts;
      expect(stamp).toBeDefined();
      expect(stored).toHaveLength(22);

      expect((await sb.admin('POST', '/faults', fault)).status).toBe(201);
      const failed = await rejection(syncWorkspace(ws, client, { pageSize: 5 }));
      expect(failed.name).toBe('XeroEmptyAnswerError');
      expect(failed.message).toBe(
        'Xero answered contacts page 1 with an empty answer or one without its list of contacts, on every try: that is not "nothing changed". ' +
          'The sync stopped; nothing stored was changed or removed, and the next sync starts from where the last complete one left off. Sync again in a while.',
      );
      expect(readWatermark(ws, 'contacts')).toEqual(stamp);
      expect(workspaceRecords(ws).contacts).toEqual(stored);
      expect(xeroFreshness(ws).trust).toBe('stale');

      await sb.admin('DELETE', '/faults');
      await syncWorkspace(ws, client, { pageSize: 5 });
      expect(xeroFreshness(ws).trust).toBe('complete');
      expect(workspaceRecords(ws).contacts).toEqual(stored);
    });

  it('{"Contacts": []} is a normal "nothing changed"', async () => {
    const { sb, ws, client } = await connected({ dataDir: DEMO_DATA_DIR, retry: QUICK });
    await syncWorkspace(ws, client, { pageSize: 5 });
    const stored = workspaceRecords(ws).contacts;
    await sb.admin('POST', '/faults', EMPTY_200);
    const r = await syncWorkspace(ws, client, { pageSize: 5 });
    expect(r.entities.contacts).toMatchObject({ full: false, records: 0 });
    expect(workspaceRecords(ws).contacts).toEqual(stored);
    expect(xeroFreshness(ws).trust).toBe('complete');
  });
});

describe('reconciler sync: broken answers and shrinking', () => {
  const CLEAN = [0, 1, 2, 4, 5, 6, 8, 10, 11, 13]; // customers, not archived (see makeContacts)

  async function setup(contacts: Json[]) {
    const sb = await sandbox();
    sb.state.seed(DEMO_TENANT_ID, { Contacts: contacts }, 'replace');
    const dir = tempDir();
    const ws = join(dir, 'books.reconciler');
    const config = join(dir, 'config');
    const workspace = openWorkspace(ws, { create: true });
    await signIn(workspace, sb, { secrets: createFileSecretStore({ dir: config }) });
    workspace.close();
    const run = (...args: string[]) =>
      runCliAsync([...args, '--workspace', ws], { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: sb.url });
    const contactsIn = () => {
      const w = openWorkspace(ws);
      try {
        return w.contacts.count();
      } finally {
        w.close();
      }
    };
    return { sb, dir, ws, run, contactsIn };
  }

  it('an empty 200 during sync --full keeps every contact, exits 6 saying what to do, and findings --check does not pass', async () => {
    const { sb, dir, run, contactsIn } = await setup(makeContacts(30));
    const csv = join(dir, 'cocoon.csv');
    writeFileSync(
      csv,
      ['Organisation Name,Billing Account Code', ...CLEAN.map((i) => `Customer ${i} Freight Pty Ltd,C${String(i).padStart(6, '0')}`)].join(
        '\n',
      ),
    );
    expect((await run('import', 'cocoon', csv)).code).toBe(0);
    expect((await run('sync')).code).toBe(0);
    expect((await run('findings', '--check', '--out', join(dir, 'before.csv'))).code).toBe(0); // every account passes

    await sb.admin('POST', '/faults', EMPTY_200);
    const sync = await run('sync', '--full');
    expect(sync.stderr).toContain(
      'The full sync stopped before removing 30 of the 30 contacts stored: Xero listed only 0. Nothing was removed.',
    );
    expect(sync.stderr).toContain('sync again in a while');
    expect(sync.stderr).toMatch(/To remove them: reconciler sync --workspace \S+ --full --allow-shrink/);
    expect(sync.code).toBe(6);
    expect(contactsIn()).toBe(30);

    const check = await run('findings', '--check', '--out', join(dir, 'after.csv'));
    expect(check.stderr).toMatch(/check not passed: Xero data may be incomplete: the last sync failed \(The full sync stopped/);
    expect(check.code).toBe(11);
    expect((await run('status')).stdout).toMatch(/Xero data {13}Xero data may be incomplete: the last sync failed/);

    // Xero answers properly again: a plain sync finishes the run, and the check passes again
    const again = await run('sync');
    expect(again.code).toBe(0);
    expect(contactsIn()).toBe(30);
    expect((await run('findings', '--check', '--out', join(dir, 'again.csv'))).code).toBe(0);
    expect((await run('status')).stdout).toMatch(/Xero data {13}complete/);
  });

  it('a page that contradicts its pagination fails sync --full with exit 5', async () => {
    const { sb, run, contactsIn } = await setup(makeContacts(30));
    expect((await run('sync')).code).toBe(0);
    await sb.admin('POST', '/faults', { kind: 'patch', path: '/Contacts', json: { pagination: { itemCount: 300 } } });
    const sync = await run('sync', '--full', '--page-size', '10');
    expect(sync.stderr).toContain(
      "Xero's answer for contacts page 1 does not add up: its pagination counts 3 pages for 300 records in pages of 10 (that is 30).",
    );
    expect(sync.code).toBe(5);
    expect(contactsIn()).toBe(30);
  });

  it('a small genuine shrink goes through; a large one only with --allow-shrink', async () => {
    const { sb, run, contactsIn } = await setup(makeContacts(30));
    expect((await run('sync')).code).toBe(0);

    sb.state.seed(DEMO_TENANT_ID, { Contacts: makeContacts(27) }, 'replace');
    const small = await run('sync', '--full');
    expect(small.stderr).toContain('3 contacts no longer in Xero removed');
    expect(small.code).toBe(0);
    expect(contactsIn()).toBe(27);

    sb.state.seed(DEMO_TENANT_ID, { Contacts: makeContacts(10) }, 'replace');
    const refused = await run('sync', '--full');
    expect(refused.stderr).toContain('stopped before removing 17 of the 27 contacts stored: Xero listed only 10');
    expect(refused.code).toBe(6);
    expect(contactsIn()).toBe(27);

    const confirmed = await run('sync', '--full', '--allow-shrink');
    expect(confirmed.stderr).toContain('17 contacts no longer in Xero removed');
    expect(confirmed.code).toBe(0);
    expect(contactsIn()).toBe(10);
    expect((await run('sync', '--help')).stdout).toContain('--allow-shrink');
  });
});

describe('the app: a sync that would remove most contacts', () => {
  it('answers needs_confirmation with what it would remove, keeps everything, and goes through once confirmed', async () => {
    const sb = await sandbox();
    sb.state.seed(DEMO_TENANT_ID, { Contacts: makeContacts(4) }, 'replace');
    const dataDir = tempDir();
    const xero = createXeroLink({
      secrets: createMemorySecretStore(),
      configDir: join(dataDir, 'config'),
      settings: { xeroBaseUrl: sb.url, clientId: 'reconciler-dev', redirectPort: 0 },
      openBrowser: headlessBrowser,
    });
    const app = createApp({
      host: 'web',
      dataDir,
      demoDir: join(import.meta.dirname, '../../demo'),
      settings: memorySettings(),
      validateOutput: true,
      xero,
    });
    try {
      const call = async (channel: string, input: unknown = {}) =>
        (await app.dispatch(channel as never, input)) as Envelope<Record<string, unknown>>;
      const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');
      // a workspace made from files (20 contacts other than Xero's), then connected: its first sync is full
      expect(
        (
          await call('imports.cocoon', {
            fileName: 'cocoon.csv',
            content: b64('Organisation Name,Billing Account Code\nCustomer 1 Freight Pty Ltd,C000001\n'),
          })
        ).ok,
      ).toBe(true);
      expect((await call('imports.xeroFile', { fileName: 'xero.json', content: b64({ Contacts: makeContacts(20, 100) }) })).ok).toBe(true);
      expect((await call('xero.connect')).ok).toBe(true);

      const asked = await call('xero.sync');
      expect(asked).toEqual({
        ok: false,
        error: {
          code: 'needs_confirmation',
          message: expect.stringContaining(
            'stopped before removing 20 of the 24 contacts stored: Xero listed only 4. Nothing was removed.',
          ),
        },
      });
      expect(await call('workspace.status')).toMatchObject({ ok: true, value: { contacts: 24, xeroTrust: 'stale' } });

      expect((await call('xero.sync', { allowShrink: true })).ok).toBe(true); // finishes the run it stopped
      expect(await call('workspace.status')).toMatchObject({ ok: true, value: { contacts: 4, xeroTrust: 'complete' } });
    } finally {
      await app.close();
    }
  });
});
