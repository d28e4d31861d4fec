// The product against Xero's day budget (docs/xero-behaviour.md, "Daily and per-minute budgets"), over loopback:
// the CLI refuses a sync the organisation's calls left today cannot finish, before sending anything, saying when
// Xero's day resets; a push stopped midway by a day 429 leaves the rest queued, is refused up front for the rest of
// that day, and the next day (both clocks moved on) finishes without writing any contact twice; a sync stopped by a
// day 429 keeps its pages and cursor and carries on the next day.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/app-error';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { outboxHandlersOver, type OutboxServices } from '../../src/main/app/handlers/outbox-handlers';
import { applyBulk } from '../../src/main/review/decide';
import { recomputeFindings } from '../../src/main/findings/recompute';
import {
  createFileSecretStore,
  createMemorySecretStore,
  openXeroSession,
  RateLimiterRegistry,
  systemClock,
  XERO_RATE_LIMITS,
  XeroDayBudgetError,
  type Clock,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { withinDayBudget } from '../../src/main/xero/budget';
import { readCursor } from '../../src/main/xero/sync/cursor';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { outboxContract, type OutboxOutput } from '../../src/shared/contract-outbox';
import type { OutboxChannel } from '../../src/shared/channels-outbox';
import { runCliAsync } from '../support/cli-async';
import { billingAccount, codeOf, countWrites, importAccounts, planned, sandboxContact, TENANT, xeroContact } from '../support/outbox-setup';
import { rejection, sandbox, tempDir, signIn } from '../support/xero-sandbox';

type Day = { limit: number; used: number; remaining: number; resetsAtMs: number | null };
const pad = (n: number): string => String(n).padStart(2, '0');
/** The local HH:MM of an instant, and of the minute after (the client saw the first answer a moment later). */
const hhmm = (ms: number): string[] => [ms, ms + 60_000].map((t) => `${pad(new Date(t).getHours())}:${pad(new Date(t).getMinutes())}`);
const apiCalls = (sb: { state: { requests: { path: string }[] } }): number =>
  sb.state.requests.filter((r) => r.path.startsWith('/api.xro/')).length;

/** A clock both the stand-in and the app read, moved on together ("the next day" on this computer too). */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, sleep: (ms, signal) => systemClock.sleep(ms, signal), advance: (ms) => void (offset += ms) };
}

describe("Xero's day budget", () => {
  it('CLI: a sync the calls left today cannot finish is refused before anything is sent, saying when it can run; status shows the budget', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const dir = tempDir();
    const path = join(dir, 'books.reconciler');
    const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: sb.url };
    const cli = async (args: string[], code = 0) => {
      const r = await runCliAsync(args, env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      return r;
    };
    await cli(['connect', '--workspace', path, '--port', '0']);
    const first = await cli(['sync', '--workspace', path]);
    const firstDay = (await sb.admin<Day>('GET', `/tenants/${DEMO_TENANT_ID}/limits`)).body;
    expect(first.stderr).toContain(`Xero: ${(5000 - firstDay.used).toLocaleString('en-GB')} calls left today`);

    // Other programs used most of the organisation's calls today: 3 are left, enough for a sync of the changes.
    await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/limits`, { perDay: firstDay.used + 3 });
    const changes = await cli(['sync', '--workspace', path]);
    expect(changes.stderr).toMatch(/about 3 calls/);
    expect(changes.stderr).toContain('Xero: 0 calls left today');
    const status = await cli(['status', '--workspace', path]);
    expect(status.stdout).toMatch(/Xero calls today +0 calls left today \(Xero said so at \d\d:\d\d\); resets by \d\d:\d\d tomorrow/);

    const before = apiCalls(sb);
    const refused = await cli(['sync', '--workspace', path, '--full'], 7);
    const day = (await sb.admin<Day>('GET', `/tenants/${DEMO_TENANT_ID}/limits`)).body;
    expect(refused.stderr).toMatch(
      /^Not started: this sync needs about \d+ calls to Xero, and Demo Company \(AU\) has 0 of today's left \(Xero allows 5,000 calls a day per organisation, 1,000 on its Starter plan\)\. Xero's day for it resets by (\d\d:\d\d) tomorrow \(in about 24 h\): sync then\. To start now anyway/m,
    );
    expect(hhmm(day.resetsAtMs!)).toContain(/resets by (\d\d:\d\d)/.exec(refused.stderr)![1]);
    expect(refused.stderr).toContain(`reconciler sync --workspace ${path} --ignore-budget`);
    expect(apiCalls(sb)).toBe(before); // nothing was sent
    const ws = openWorkspace(path);
    try {
      expect(
        ws.imports
          .list()
          .filter((r) => r.kind === 'xero_sync')
          .map((r) => r.status),
      ).toEqual(['complete', 'complete']); // no run begun
    } finally {
      ws.close();
    }
  });

  it('a push stopped midway by a day 429 leaves the rest queued, is refused for the rest of the day, and the next day finishes without writing anything twice', async () => {
    const clock = movableClock();
    const sb = await sandbox({ clock: () => clock.now(), limits: { accessTokenTtlSeconds: 30 * 86_400 } });
    const n = 120;
    const all = Array.from({ length: n }, (_, i) => i);
    sb.state.seed(TENANT, { Contacts: all.map(xeroContact) }, 'replace');
    const ws: Workspace = openWorkspace(join(tempDir(), 'books.reconciler'), { create: true });
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets, clock });
    const session = openXeroSession(ws, { standIn: sb.url, secrets, clock, limiters: new RateLimiterRegistry(XERO_RATE_LIMITS, clock) });
    importAccounts(
      ws,
      all.map((i) => billingAccount(i, i + 1)),
    );
    await syncWorkspace(ws, session.client, { clock });
    applyBulk(ws, { accountCodes: all.map(codeOf), action: 'suggested' });

    // The app's own handlers for the Push screen, on the workspace's Xero session.
    const services: OutboxServices = {
      workspace: () => ({ ws, name: 'books' }),
      xeroClient: () => session.client,
      pushUnavailable: () => null,
      emitProgress: () => {},
      dataChanged: () => {},
      recompute: async (w) => recomputeFindings(w),
      now: () => new Date(clock.now()).toISOString(),
    };
    const h = outboxHandlersOver(services);
    const call = async <C extends OutboxChannel>(channel: C, raw: unknown): Promise<OutboxOutput<C>> => {
      const out = await (h[channel] as (i: unknown) => Promise<unknown>)(outboxContract[channel].input.parse(raw));
      return outboxContract[channel].output.parse(out) as OutboxOutput<C>;
    };
    const plan = await call('outbox.plan', {});
    expect(plan).toMatchObject({ toSend: n, contacts: n, notReady: null, calls: { needed: 2 * 3 + 3 } });
    expect(plan.calls!.budget).toMatch(/^4,99\d calls left today/);

    // Another program used the day: 3 calls are left, so the second batch's write meets Xero's day 429.
    const used = (await sb.admin<Day>('GET', `/tenants/${TENANT}/limits`)).body.used;
    await sb.admin('PATCH', `/tenants/${TENANT}/limits`, { perDay: used + 3 });
    const writes = countWrites(sb);
    const stopped = await rejection(call('outbox.push', {}));
    expect(stopped).toBeInstanceOf(AppError);
    expect(stopped.message).toMatch(
      /^Xero's daily limit of calls for Demo Company \(AU\) is used up \(Xero allows 5,000 calls a day per organisation, 1,000 on its Starter plan\), so the push stopped\. The 70 changes not yet written to Xero stay queued; push again after \d\d:\d\d tomorrow \(in about 24 h\) and it finishes them without writing anything twice\.$/,
    );
    expect(writes.counts.size).toBe(50); // the first batch; the second was refused whole, the third never sent
    const statuses = (s: string) => ws.outbox.list().filter((c) => c.target === 'xero' && c.status === s).length;
    expect([statuses('done'), statuses('sending'), statuses('queued'), statuses('failed')]).toEqual([50, 50, 20, 0]);

    // The rest of that day: the Push screen says why and when, and a push is refused before anything is sent.
    const later = await call('outbox.plan', {});
    expect(later.calls!.budget).toMatch(/^0 calls left today \(Xero said so at \d\d:\d\d\); resets at \d\d:\d\d tomorrow/);
    expect(later.notReady).toMatch(
      /^Not started: this push needs about \d+ calls to Xero, and Demo Company \(AU\) has 0 of today's left .*Xero's day for it resets \d\d:\d\d tomorrow/,
    );
    const before = apiCalls(sb);
    const refused = await rejection(call('outbox.push', {}));
    expect(refused.message).toMatch(/^Not started: this push needs about/);
    expect(apiCalls(sb)).toBe(before);

    // The next day at Xero (and on this computer), with its whole budget: the push finishes the interrupted batch and the rest.
    const reset = (await sb.admin<Day>('GET', `/tenants/${TENANT}/limits`)).body.resetsAtMs!;
    await sb.admin('PATCH', `/tenants/${TENANT}/limits`, { perDay: null });
    const ms = reset - clock.now() + 1000;
    await sb.admin('POST', '/clock/advance', { ms });
    clock.advance(ms);
    const done = await call('outbox.push', {});
    expect(done).toMatchObject({ failed: 0, conflicts: 0 });
    expect(statuses('done')).toBe(n);
    for (const i of all) expect(sandboxContact(sb, i)).toMatchObject(planned(i));
    expect(writes.counts.size).toBe(n);
    expect([...writes.counts.values()].every((k) => k === 1)).toBe(true); // no contact written twice
    writes.stop();
  });

  it('a sync stopped by a day 429 keeps its pages and cursor, says when, and carries on the next day', async () => {
    const clock = movableClock();
    const sb = await sandbox({ clock: () => clock.now(), limits: { accessTokenTtlSeconds: 30 * 86_400 } });
    sb.state.seed(TENANT, { Contacts: Array.from({ length: 2500 }, (_, i) => xeroContact(i)) }, 'replace');
    const dir = tempDir();
    const ws = openWorkspace(join(dir, 'books.reconciler'), { create: true });
    const secrets = createFileSecretStore({ dir: join(dir, 'config') });
    await signIn(ws, sb, { secrets, clock });
    const session = openXeroSession(ws, { standIn: sb.url, secrets, clock, limiters: new RateLimiterRegistry(XERO_RATE_LIMITS, clock) });
    await sb.admin('PATCH', `/tenants/${TENANT}/limits`, { perDay: 2 }); // two pages of contacts, then Xero's day is spent
    const guard = { work: 'sync' as const, needed: 1, organisation: 'Demo Company (AU)', kept: () => 'The 2,000 records it read are kept' };
    const run = () =>
      withinDayBudget(session.client, guard, () =>
        syncWorkspace(ws, session.client, { clock, pageSize: 1000, parallelPages: 1, recompute: false }),
      );
    const stopped = await rejection(run());
    expect(stopped).toBeInstanceOf(XeroDayBudgetError);
    expect(stopped.message).toMatch(
      /so the sync stopped\. The 2,000 records it read are kept; sync again after \d\d:\d\d tomorrow \(in about 24 h\) and it carries on where it stopped\.$/,
    );
    expect(readCursor(ws, 'contacts')).toMatchObject({ nextPage: 3, records: 2000 });
    expect(ws.contacts.count()).toBe(2000);

    const reset = (await sb.admin<Day>('GET', `/tenants/${TENANT}/limits`)).body.resetsAtMs!;
    await sb.admin('PATCH', `/tenants/${TENANT}/limits`, { perDay: null });
    const ms = reset - clock.now() + 1000;
    await sb.admin('POST', '/clock/advance', { ms });
    clock.advance(ms);
    const summary = await run();
    expect(summary.entities.contacts).toMatchObject({ resumed: true, records: 500 });
    expect(ws.contacts.count()).toBe(2500);
    expect(readCursor(ws, 'contacts')).toBeUndefined();
  });
});
