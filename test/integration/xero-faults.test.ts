// A sync through faults: a 429 storm (Xero's limits tightened under a client that expects the real ones), 500s,
// a 503 maintenance page, connections cut mid-response, a hung response, then a cancel mid-sync and a resume.
// It must end with exactly the sandbox's records in the workspace. Time runs 60× faster on both sides.
import { describe, expect, it } from 'vitest';
import {
  createMemorySecretStore,
  openXeroSession,
  RateLimiterRegistry,
  scaledClock,
  seededRandom,
  SyncCancelledError,
  XERO_RATE_LIMITS,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { differences, makeContacts, makeCreditNotes, makeInvoices, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { rejection, sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

describe('sync through faults', () => {
  it('survives 429s, 5xx, cut and hung connections, a cancel, and resumes to exactly what Xero holds', async () => {
    const clock = scaledClock(60);
    const sb = await sandbox({ clock: () => clock.now() });
    sb.state.seed(
      DEMO_TENANT_ID,
      { Contacts: makeContacts(600), Invoices: makeInvoices(300, 600), CreditNotes: makeCreditNotes(100, 600) },
      'replace',
    );
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets, clock });
    const retries: { label: string; status: number; decision: string }[] = [];
    const session = openXeroSession(ws, {
      standIn: sb.url,
      secrets,
      clock,
      limiters: new RateLimiterRegistry(XERO_RATE_LIMITS, clock),
      random: seededRandom(42),
      requestTimeoutMs: 1500,
      onRetry: (e) => retries.push(e),
    });

    // Xero allows fewer calls than the client expects: 429s for the concurrent and the minute limit
    await sb.admin('POST', '/settings', { limits: { concurrent: 2, perMinute: 20 } });
    for (const f of [
      { kind: 'status', status: 500, count: 2, path: '/Contacts' },
      { kind: 'cut', count: 2, path: '/Contacts' },
      { kind: 'status', status: 429, count: 8, path: '/Contacts' },
      { kind: 'status', status: 429, count: 4, path: '/Invoices' },
      { kind: 'status', status: 503, count: 1, path: '/Invoices' },
      { kind: 'delay', delayMs: 4000, count: 1, path: '/Invoices' },
      { kind: 'cut', count: 1, path: '/CreditNotes' },
    ]) {
      expect((await sb.admin('POST', '/faults', f)).status).toBe(201);
    }

    // 1. cancel once six pages of contacts are in
    const stop = new AbortController();
    const cancelled = await rejection(
      syncWorkspace(ws, session.client, {
        pageSize: 50,
        clock,
        signal: stop.signal,
        onProgress: (p) => p.entity === 'contacts' && p.page >= 6 && stop.abort(new Error('Ctrl-C')),
      }),
    );
    expect(cancelled).toBeInstanceOf(SyncCancelledError);
    const saved = ws.contacts.count();
    expect(saved).toBeGreaterThanOrEqual(300);
    expect(saved % 50).toBe(0); // whole pages only
    expect(JSON.parse(ws.syncState.get('xero.sync.contacts.cursor')!)).toMatchObject({
      nextPage: saved / 50 + 1,
      records: saved,
      full: true,
    });
    expect(ws.imports.latest('xero_sync')).toMatchObject({ status: 'failed', detail: { error: 'cancelled' } });
    expect(ws.findings.computedAt()).toBeUndefined(); // no findings from half a Xero side

    // 2. Xero changes meanwhile: one contact already saved, one not yet, and a new one
    const committedId = '00000001-0000-4000-8000-000000000003';
    const laterId = '00000001-0000-4000-8000-000000000550';
    await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${committedId}`, { Name: 'Renamed While Paused Pty Ltd' });
    await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${laterId}`, { AccountNumber: 'LATE-1' });
    await sb.admin('POST', `/tenants/${DEMO_TENANT_ID}/data`, { Contacts: makeContacts(1, 600) });

    // 3. resume: continues after the saved pages, through the rest of the faults
    const resumed = await syncWorkspace(ws, session.client, { pageSize: 50, clock });
    expect(resumed.entities.contacts).toMatchObject({ resumed: true, full: true });
    expect(resumed.entities.contacts.records).toBe(601 - saved);
    expect(ws.contacts.get(laterId)!.accountNumber).toBe('LATE-1');
    expect(resumed.findings).not.toBeNull();

    // 4. the next incremental run picks up the change made to a page saved before the pause
    const incremental = await syncWorkspace(ws, session.client, { pageSize: 50, clock });
    expect(incremental.entities.contacts.full).toBe(false);
    expect(ws.contacts.get(committedId)!.name).toBe('Renamed While Paused Pty Ltd');

    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    const have = workspaceRecords(ws);
    expect(have.contacts.size).toBe(601);
    expect(differences(want.contacts, have.contacts)).toEqual([]);
    expect(differences(want.documents, have.documents)).toEqual([]);
    expect(
      ws.imports
        .list()
        .filter((r) => r.kind === 'xero_sync')
        .map((r) => r.status),
    ).toEqual(['complete', 'complete', 'failed']);

    const seen = (pred: (r: (typeof retries)[number]) => boolean) => retries.filter(pred).length;
    expect(seen((r) => r.status === 429 && r.decision === 'pause')).toBeGreaterThanOrEqual(12);
    // each fault shows up as what it is (a slow machine may turn one of them into a timeout, status 0)
    expect(seen((r) => r.status === 500 && r.decision === 'retry')).toBeGreaterThanOrEqual(1);
    expect(seen((r) => r.status === 503 && r.decision === 'retry')).toBeGreaterThanOrEqual(1);
    expect(seen((r) => r.status === 200 && r.decision === 'retry')).toBeGreaterThanOrEqual(1); // cut mid-response
    expect(seen((r) => r.status === 0 && r.decision === 'retry')).toBeGreaterThanOrEqual(1); // timed out
    expect(seen((r) => [500, 503, 200, 0].includes(r.status) && r.decision === 'retry')).toBeGreaterThanOrEqual(7);
    expect(retries.every((r) => r.decision !== 'fail')).toBe(true);
  });
});
