// Sync benchmark: 50,000 contacts and 20,000 sales invoices (plus credit notes) from the sandbox, through the
// real client, with Xero's real limits (60 calls/min, 5 at once) on a clock 60× faster than real time. Prints
// the sync's time against the floor those limits allow (calls ÷ 60 per minute) as a ratio.
import {
  connectWorkspace,
  createMemorySecretStore,
  limitFloorMs,
  openXeroSession,
  RateLimiterRegistry,
  scaledClock,
  XERO_RATE_LIMITS,
} from '../src/main/xero';
import { syncWorkspace } from '../src/main/findings/sync-workspace';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db';
import { DEFAULT_CLIENT, DEMO_TENANT_ID, startSandbox } from '../src/sandbox/index.js';
import { headlessBrowser } from '../src/sandbox/testing/sandbox-client.js';
import { makeContacts, makeCreditNotes, makeInvoices } from '../test/support/xero-data';

export interface SyncBenchResult {
  contacts: number;
  invoices: number;
  calls: number;
  rateLimited: number;
  xeroMinutes: number;
  floorMinutes: number;
  ratio: number | null;
  realMs: number;
}

export async function runSyncBench(contacts = 50_000, invoices = 20_000, scale = 60): Promise<SyncBenchResult> {
  const clock = scaledClock(scale);
  const sb = await startSandbox({ autoApprove: true, clients: [{ ...DEFAULT_CLIENT, loopbackAnyPort: true }], clock: () => clock.now() });
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-sync-bench-'));
  try {
    sb.state.seed(
      DEMO_TENANT_ID,
      {
        Contacts: makeContacts(contacts),
        Invoices: makeInvoices(invoices * 1.1, contacts, 11),
        CreditNotes: makeCreditNotes(invoices / 10, contacts),
      },
      'replace',
    );
    const ws = openWorkspace(join(dir, 'bench.reconciler'), { create: true });
    const secrets = createMemorySecretStore();
    await connectWorkspace(ws, {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: 'reconciler-dev',
      redirectPort: 0,
      secrets,
      openBrowser: headlessBrowser,
      clock,
    });
    const session = openXeroSession(ws, { standIn: sb.url, secrets, clock, limiters: new RateLimiterRegistry(XERO_RATE_LIMITS, clock) });
    const t0 = performance.now();
    const s = await syncWorkspace(ws, session.client, { clock });
    const realMs = performance.now() - t0;
    ws.close();
    const floorMs = limitFloorMs(s.calls, XERO_RATE_LIMITS.perMinute, XERO_RATE_LIMITS.minuteMs);
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      contacts,
      invoices,
      calls: s.calls,
      rateLimited: s.rateLimited,
      xeroMinutes: round(s.ms / 60_000),
      floorMinutes: round(floorMs / 60_000),
      ratio: floorMs > 0 ? round(s.ms / floorMs) : null,
      realMs: Math.round(realMs),
    };
  } finally {
    await sb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSyncBench(r: SyncBenchResult): void {
  console.log(
    `\n== Xero sync: ${r.contacts.toLocaleString('en')} contacts + ${r.invoices.toLocaleString('en')} sales invoices (limits 60/min, clock ×60) ==`,
  );
  console.log(
    `calls ${r.calls}, 429s ${r.rateLimited}; ${r.xeroMinutes} Xero-minutes against a floor of ${r.floorMinutes} (calls ÷ 60/min): ratio ${r.ratio ?? '—'}× (real ${r.realMs} ms)`,
  );
}
