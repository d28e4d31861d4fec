// The stand-in's daily and per-minute budgets over loopback (docs/xero-behaviour.md, "Daily and per-minute budgets"):
// the X-*Limit-Remaining headers on every answer, a day budget of each organisation's own (Xero's Starter tier:
// 1,000), a day window that resets at a fixed time of day per organisation, and the day 429 with a long Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { adminClient, apiClient, pkceLogin } from '../../src/sandbox/testing/sandbox-client.js';

let sb: RunningSandbox;
afterEach(async () => sb?.close());

const HOUR = 3_600_000;
type Day = { limit: number; used: number; remaining: number; resetsAtMs: number | null };

async function twoOrganisations(now: () => number) {
  sb = await startSandbox({
    autoApprove: true,
    clock: now,
    limits: { accessTokenTtlSeconds: 3 * 86_400 },
    tenants: [{ tenantName: 'Standard Co' }, { tenantName: 'Starter Co', perDay: 1000, dayResetUtc: '06:30' }],
  });
  const tokens = await pkceLogin(sb);
  const [standard, starter] = [...sb.state.tenants.keys()];
  return {
    standard: apiClient(sb, tokens.access_token, standard!),
    starter: apiClient(sb, tokens.access_token, starter!),
    ids: [standard!, starter!],
    admin: adminClient(sb),
  };
}

describe('daily and per-minute budgets', () => {
  it('sends the three X-*Limit-Remaining headers on every answer, counting each organisation against its own day budget', async () => {
    const now = Date.UTC(2026, 2, 16, 9, 0);
    const { standard, starter } = await twoOrganisations(() => now);
    const a = await standard('GET', '/Contacts');
    expect([
      a.headers.get('x-daylimit-remaining'),
      a.headers.get('x-minlimit-remaining'),
      a.headers.get('x-appminlimit-remaining'),
    ]).toEqual(['4999', '59', '9999']);
    const b = await starter('GET', '/Contacts');
    // the Starter organisation has 1,000 a day; the app's minute budget is shared by both
    expect([
      b.headers.get('x-daylimit-remaining'),
      b.headers.get('x-minlimit-remaining'),
      b.headers.get('x-appminlimit-remaining'),
    ]).toEqual(['999', '59', '9998']);
    const missing = await starter('GET', `/Contacts/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`);
    expect(missing.status).toBe(404); // errors count and carry the headers too
    expect(missing.headers.get('x-daylimit-remaining')).toBe('998');
  });

  it("refuses with 429, X-Rate-Limit-Problem: day and a Retry-After up to the organisation's reset time, then resets at that time every day", async () => {
    let now = Date.UTC(2026, 2, 16, 9, 0); // 09:00 UTC; the Starter organisation resets at 06:30 UTC
    const { starter, standard, ids, admin } = await twoOrganisations(() => now);
    await admin('PATCH', `/tenants/${ids[1]}/limits`, { perDay: 3 }); // a day budget nearly spent, for the test
    for (let i = 0; i < 3; i++) expect((await starter('GET', '/Contacts')).status).toBe(200);
    const refused = await starter('GET', '/Contacts');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-rate-limit-problem')).toBe('day');
    expect(refused.headers.get('x-daylimit-remaining')).toBe('0');
    expect(refused.headers.get('retry-after')).toBe(String(21.5 * 3600)); // until 06:30 tomorrow
    expect((await standard('GET', '/Contacts')).status).toBe(200); // another organisation is not affected
    const day = (await admin<Day>('GET', `/tenants/${ids[1]}/limits`)).body;
    expect(day).toMatchObject({ limit: 3, used: 3, remaining: 0, resetsAtMs: Date.UTC(2026, 2, 17, 6, 30) });

    now = Date.UTC(2026, 2, 17, 6, 29);
    expect((await starter('GET', '/Contacts')).headers.get('retry-after')).toBe('60');
    now = Date.UTC(2026, 2, 17, 6, 30);
    const next = await starter('GET', '/Contacts');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-daylimit-remaining')).toBe('2');
    // two days later, mid-afternoon: still the 06:30 window (fixed windows, no drift to the time of the first call)
    now = Date.UTC(2026, 2, 19, 15, 0);
    await starter('GET', '/Contacts');
    expect((await admin<Day>('GET', `/tenants/${ids[1]}/limits`)).body.resetsAtMs).toBe(Date.UTC(2026, 2, 20, 6, 30));
  });

  it("starts an organisation's day window at its first call when no reset time is set, and shows it in /admin/state", async () => {
    let now = Date.UTC(2026, 2, 16, 14, 7);
    const { standard, admin, ids } = await twoOrganisations(() => now);
    await standard('GET', '/Contacts');
    now += 5 * HOUR;
    const state = (await admin<{ tenants: { tenantName: string; day: Day }[] }>('GET', '/state')).body;
    expect(state.tenants.find((t) => t.tenantName === 'Standard Co')!.day).toEqual({
      limit: 5000,
      used: 1,
      remaining: 4999,
      resetsAtMs: Date.UTC(2026, 2, 17, 14, 7),
    });
    expect(state.tenants.find((t) => t.tenantName === 'Starter Co')!.day).toEqual({
      limit: 1000,
      used: 0,
      remaining: 1000,
      resetsAtMs: null,
    });
    expect((await admin('PATCH', `/tenants/${ids[0]}/limits`, { dayResetUtc: '25:00' })).status).toBe(400);
  });
});
