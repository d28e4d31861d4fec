// A large sync against the sandbox with Xero's real limits (60/min, 5 at once, 5,000/day) compressed in time:
// both sides run on a clock 60 times faster than real time, so a Xero minute passes in one real second.
// Default: 20,000 contacts and 8,000 sales invoices. RECONCILER_BIG_SYNC=1 runs the 50,000 contacts + 20,000 invoices (about
// 9 s here, sandbox included).
import { describe, expect, it } from 'vitest';
import {
  createMemorySecretStore,
  limitFloorMs,
  openXeroSession,
  RateLimiterRegistry,
  scaledClock,
  XERO_RATE_LIMITS,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { differences, makeContacts, makeCreditNotes, makeInvoices, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

const SCALE = 60;
const BIG = process.env.RECONCILER_BIG_SYNC === '1';
const CONTACTS = BIG ? 50_000 : 20_000;
const INVOICES = BIG ? 20_000 : 8_000;

describe('a large sync', () => {
  it(`brings ${CONTACTS} contacts and ${INVOICES} sales invoices (and credit notes) across within the limits, and prints the time against the floor they allow`, async () => {
    const clock = scaledClock(SCALE);
    const sb = await sandbox({ clock: () => clock.now() });
    // INVOICES sales invoices plus one bill for every ten (left out by the sync), and a tenth as many credit notes
    const invoices = makeInvoices(INVOICES * 1.1, CONTACTS, 11);
    sb.state.seed(
      DEMO_TENANT_ID,
      { Contacts: makeContacts(CONTACTS), Invoices: invoices, CreditNotes: makeCreditNotes(INVOICES / 10, CONTACTS) },
      'replace',
    );
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets, clock });
    const limiters = new RateLimiterRegistry(XERO_RATE_LIMITS, clock);
    const session = openXeroSession(ws, { standIn: sb.url, secrets, clock, limiters });

    const t0 = performance.now();
    const s = await syncWorkspace(ws, session.client, { clock });
    const realMs = performance.now() - t0;

    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    const have = workspaceRecords(ws);
    expect(have.contacts.size).toBe(CONTACTS);
    expect(ws.invoices.count()).toBe(INVOICES + (INVOICES / 10) * 0.8);
    expect(differences(want.contacts, have.contacts)).toEqual([]);
    expect(differences(want.documents, have.documents)).toEqual([]);
    expect(s.rateLimited).toBe(0); // our limiter kept us inside Xero's limits
    const floorMs = limitFloorMs(s.calls, XERO_RATE_LIMITS.perMinute, XERO_RATE_LIMITS.minuteMs);
    const line = {
      contacts: CONTACTS,
      documents: have.documents.size,
      calls: s.calls,
      xeroMinutes: Math.round((s.ms / 60_000) * 100) / 100,
      floorMinutes: Math.round((floorMs / 60_000) * 100) / 100,
      ratio: floorMs > 0 ? Math.round((s.ms / floorMs) * 100) / 100 : null,
      realMs: Math.round(realMs),
    };
    console.log(`sync benchmark ${JSON.stringify(line)}`);
  });
});
