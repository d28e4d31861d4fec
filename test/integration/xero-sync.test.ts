// Sync of contacts, sales invoices and credit notes into a workspace: paging, incremental runs, --full.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry, type SyncProgress } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { differences, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { sandbox, signIn, tempWorkspace } from '../support/xero-sandbox';

async function setup() {
  const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
  const ws = tempWorkspace();
  const secrets = createMemorySecretStore();
  await signIn(ws, sb, { secrets });
  const session = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() });
  return { sb, ws, session };
}

describe('sync', () => {
  it('pages through contacts (archived too), sales invoices and sales credit notes into the workspace', async () => {
    const { sb, ws, session } = await setup();
    const progress: SyncProgress[] = [];
    const s = await syncWorkspace(ws, session.client, { pageSize: 5, onProgress: (p) => progress.push(p) });
    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    const have = workspaceRecords(ws);
    expect(differences(want.contacts, have.contacts)).toEqual([]);
    expect(differences(want.documents, have.documents)).toEqual([]);
    expect(have.contacts.size).toBe(22);
    expect(ws.contacts.list().filter((c) => c.status === 'ARCHIVED')).toHaveLength(3);
    expect(ws.invoices.findByNumber('KC-5531')).toEqual([]); // bills stay out
    expect(s.entities.contacts).toMatchObject({ full: true, resumed: false, pages: 5, records: 22 });
    expect(progress.filter((p) => p.entity === 'contacts').map((p) => [p.page, p.pageCount, p.records, p.total])).toEqual([
      [1, 5, 5, 22],
      [2, 5, 10, 22],
      [3, 5, 15, 22],
      [4, 5, 20, 22],
      [5, 5, 22, 22],
    ]);
    expect(progress.at(-1)!.etaMs).toBe(0);
    expect(ws.imports.latest('xero_sync')).toMatchObject({ status: 'complete', rowCount: s.records, fileName: 'Demo Company (AU)' });
    expect(s.findings?.waitingFor).toBe('cocoon'); // recomputed: the Xero side is there now
  });

  it('fetches only what changed on the next run, and everything with --full', async () => {
    const { sb, ws, session } = await setup();
    await syncWorkspace(ws, session.client, { pageSize: 5 });
    const acme = ws.contacts.list().find((c) => c.name === 'Acme Freight Pty Ltd')!;
    await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${acme.contactId}`, { Name: 'Acme Freight Australia Pty Ltd' });

    const inc = await syncWorkspace(ws, session.client, { pageSize: 5 });
    expect(inc.entities.contacts).toMatchObject({ full: false, records: 1, pages: 1 });
    expect(inc.entities.contacts.since).not.toBeNull();
    expect(inc.entities.invoices).toMatchObject({ full: false, records: 0 });
    expect(ws.contacts.get(acme.contactId)!.name).toBe('Acme Freight Australia Pty Ltd');

    // a contact Xero does not have (e.g. left over from a file) goes on a full sync
    ws.contacts.upsertMany([{ contact: { ...acme, contactId: 'not-in-xero', accountNumber: 'ZZZ' }, raw: { ContactID: 'not-in-xero' } }]);
    const full = await syncWorkspace(ws, session.client, { full: true, pageSize: 5 });
    expect(full.entities.contacts).toMatchObject({ full: true, records: 22, removed: 1 });
    expect(ws.contacts.get('not-in-xero')).toBeUndefined();
    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    expect(differences(want.contacts, workspaceRecords(ws).contacts)).toEqual([]);
    expect(
      ws.imports
        .list()
        .filter((r) => r.kind === 'xero_sync')
        .map((r) => r.status),
    ).toEqual(['complete', 'complete', 'complete']);
  });

  it("refuses to sync while another live process syncs the workspace, and takes over a dead one's lock", async () => {
    const { ws, session } = await setup();
    const lock = (pid: number) => JSON.stringify({ pid, host: hostname(), since: new Date().toISOString() });
    ws.syncState.set('xero.sync.lock', lock(process.ppid)); // alive: the test runner's parent
    await expect(syncWorkspace(ws, session.client)).rejects.toThrow(/A sync of this workspace is already running \(process \d+/);
    ws.syncState.set('xero.sync.lock', lock(2 ** 22 + 12345)); // no such process
    expect((await syncWorkspace(ws, session.client)).entities.contacts.records).toBe(22);
    expect(ws.syncState.get('xero.sync.lock')).toBe('');
  });
});
