// Rate limits, Idempotency-Key, scripted faults and the admin API, over loopback HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startSandbox,
  DEMO_DATA_DIR,
  DEMO_TENANT_ID,
  type Json,
  type RunningSandbox,
  type SandboxOptions,
} from '../../src/sandbox/index.js';
import { adminClient, apiClient, connect, pkceLogin, tokenRequest } from '../../src/sandbox/testing/sandbox-client.js';

type Contacts = { Contacts: Json[] } & Json;
let sb: RunningSandbox;
afterEach(async () => sb?.close());

async function setup(o: SandboxOptions = {}) {
  sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, ...o });
  return { ...(await connect(sb)), admin: adminClient(sb) };
}

describe('rate limits', () => {
  it('429s the minute limit with X-Rate-Limit-Problem and Retry-After, then recovers (window compressed to 1 s)', async () => {
    const { api } = await setup({ limits: { perMinute: 3, minuteWindowMs: 1000 } });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api('GET', '/Contacts?page=1&pageSize=1');
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('x-minlimit-remaining'));
      expect(r.headers.get('x-daylimit-remaining')).toBe(String(4999 - i));
      expect(r.headers.get('x-appminlimit-remaining')).toBe(String(9999 - i));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api('GET', '/Contacts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-problem')).toBe('minute');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-minlimit-remaining')).toBe('0');
    await new Promise((r) => setTimeout(r, 1050));
    expect((await api('GET', '/Contacts')).status).toBe(200);
  });

  it('429s the day limit with a long Retry-After until the clock moves on', async () => {
    let now = Date.UTC(2026, 0, 1);
    const { api, admin } = await setup({ clock: () => now, limits: { perDay: 2, accessTokenTtlSeconds: 3 * 86_400 } });
    await api('GET', '/Contacts');
    await api('GET', '/Contacts');
    const limited = await api('GET', '/Contacts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-problem')).toBe('day');
    expect(limited.headers.get('retry-after')).toBe('86400');
    now += 3600_000;
    expect((await api('GET', '/Contacts')).headers.get('retry-after')).toBe('82800');
    await admin('POST', '/clock/advance', { seconds: 82_800 });
    expect((await api('GET', '/Contacts')).status).toBe(200);
  });

  it('429s the concurrent limit while slow requests are in flight', async () => {
    const { api, admin } = await setup({ limits: { concurrent: 2 } });
    await admin('POST', '/faults', { kind: 'delay', delayMs: 400, count: 2, path: '/Contacts' });
    const results = await Promise.all([0, 1, 2].map(() => api('GET', '/Contacts')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    expect(results.find((r) => r.status === 429)!.headers.get('x-rate-limit-problem')).toBe('concurrent');
    expect((await api('GET', '/Contacts')).status).toBe(200);
  });

  it('429s the per-app minute limit across tenants', async () => {
    sb = await startSandbox({ autoApprove: true, limits: { appPerMinute: 2 }, tenants: [{ tenantName: 'A' }, { tenantName: 'B' }] });
    const tokens = await pkceLogin(sb);
    const [a, b] = [...sb.state.tenants.keys()];
    expect((await apiClient(sb, tokens.access_token, a!)('GET', '/Contacts')).status).toBe(200);
    expect((await apiClient(sb, tokens.access_token, b!)('GET', '/Contacts')).status).toBe(200);
    const r = await apiClient(sb, tokens.access_token, b!)('GET', '/Contacts');
    expect(r.status).toBe(429);
    expect(r.headers.get('x-rate-limit-problem')).toBe('appminute');
  });
});

describe('Idempotency-Key', () => {
  it('replays the same request and refuses a different one with the same key', async () => {
    const { api } = await setup();
    const body = { Contacts: [{ Name: 'Idem Co', AccountNumber: 'IDEM1' }] };
    const first = await api<Contacts>('PUT', '/Contacts', body, { 'Idempotency-Key': 'key-1' });
    const again = await api<Contacts>('PUT', '/Contacts', body, { 'Idempotency-Key': 'key-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.Contacts[0]!.ContactID).toBe(first.body.Contacts[0]!.ContactID);
    expect(again.headers.get('x-minlimit-remaining')).toBe('58'); // a replay still counts against the limits
    expect((await api<Contacts>('GET', '/Contacts?where=Name%3D%3D%22Idem%20Co%22')).body.Contacts).toHaveLength(1);

    const changed = await api('PUT', '/Contacts', { Contacts: [{ Name: 'Other Co' }] }, { 'Idempotency-Key': 'key-1' });
    expect(changed.status).toBe(400);
    expect(changed.text).toContain('Idempotency Key: key-1 is used with a different request.');
    const otherQuery = await api('PUT', '/Contacts?summarizeErrors=false', body, { 'Idempotency-Key': 'key-1' });
    expect(otherQuery.status).toBe(400);
    expect((await api('PUT', '/Contacts', body, { 'Idempotency-Key': 'k'.repeat(129) })).status).toBe(400);
  });

  it('replays errors too, and forgets keys after the TTL', async () => {
    let now = Date.UTC(2026, 0, 1);
    const { api } = await setup({ clock: () => now });
    const body = { Contacts: [{ Name: 'Acme Freight Pty Ltd' }] };
    const first = await api('PUT', '/Contacts', body, { 'Idempotency-Key': 'err-1' });
    expect(first.status).toBe(400);
    const acme = (await api<Contacts>('GET', '/Contacts?where=Name%3D%3D%22Acme%20Freight%20Pty%20Ltd%22')).body.Contacts[0]!;
    await api('POST', `/Contacts/${String(acme.ContactID)}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] });
    const replay = await api('PUT', '/Contacts', body, { 'Idempotency-Key': 'err-1' });
    expect(replay.status).toBe(400);
    expect(replay.text).toBe(first.text);
    now += 6 * 60_000 + 1;
    expect((await api('PUT', '/Contacts', body, { 'Idempotency-Key': 'err-1' })).status).toBe(200);
  });
});

describe('faults', () => {
  it('500 (Xero JSON), 503 (plain-text maintenance), each for the next N matching requests only', async () => {
    const { api, admin } = await setup();
    await admin('POST', '/faults', { kind: 'status', status: 500, path: '/Contacts', method: 'GET' });
    await admin('POST', '/faults', { kind: 'status', status: 503, count: 2, path: '/Invoices' });
    const e500 = await api('GET', '/Contacts');
    expect(e500.status).toBe(500);
    expect(e500.body).toMatchObject({ Status: 500, Title: 'An error occurred' });
    expect(e500.headers.get('x-minlimit-remaining')).not.toBeNull();
    expect((await api('GET', '/Contacts')).status).toBe(200);
    const inv = await connect(sb, { scope: 'accounting.invoices.read' });
    for (let i = 0; i < 2; i++) {
      const e503 = await inv.api('GET', '/Invoices');
      expect(e503.status).toBe(503);
      expect(e503.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(e503.text).toBe('The Xero API is currently offline for maintenance');
    }
    expect((await inv.api('GET', '/Invoices')).status).toBe(200);
    expect((await admin('GET', '/faults')).body).toEqual([]);
  });

  it('delays a response', async () => {
    const { api, admin } = await setup();
    await admin('POST', '/faults', { kind: 'delay', delayMs: 300 });
    const t0 = Date.now();
    expect((await api('GET', '/Contacts')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('cuts the connection mid-response; a cut write is applied, and an idempotent retry gets the original answer', async () => {
    const { api, admin } = await setup();
    await admin('POST', '/faults', { kind: 'cut', path: '/Contacts', method: 'GET' });
    await expect(api('GET', '/Contacts')).rejects.toThrow();

    await admin('POST', '/faults', { kind: 'cut', path: '/Contacts', method: 'PUT' });
    const body = { Contacts: [{ Name: 'Cut Co', AccountNumber: 'CUT1' }] };
    await expect(api('PUT', '/Contacts', body, { 'Idempotency-Key': 'cut-1' })).rejects.toThrow();
    const stored = await api<Contacts>('GET', '/Contacts?where=AccountNumber%3D%3D%22CUT1%22');
    expect(stored.body.Contacts).toHaveLength(1);
    const retry = await api<Contacts>('PUT', '/Contacts', body, { 'Idempotency-Key': 'cut-1' });
    expect(retry.status).toBe(200);
    expect(retry.body.Contacts[0]!.ContactID).toBe(stored.body.Contacts[0]!.ContactID);
    const naive = await api('PUT', '/Contacts', body);
    expect(naive.status).toBe(400); // a retry without the key runs into the saved contact
  });

  it('applies to identity endpoints too', async () => {
    const { tokens, admin } = await setup();
    await admin('POST', '/faults', { kind: 'status', status: 503, path: '/connect/token' });
    const r = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: 'reconciler-dev',
    }).catch(() => undefined);
    expect(r).toBeUndefined(); // plain-text body: not JSON
    expect(
      (await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: 'reconciler-dev' })).status,
    ).toBe(200);
  });
});

describe('admin API', () => {
  it('needs the admin token', async () => {
    sb = await startSandbox({ adminToken: 'secret-admin' });
    expect(sb.adminToken).toBe('secret-admin');
    expect((await fetch(`${sb.url}/admin/state`)).status).toBe(401);
    expect((await fetch(`${sb.url}/admin/state`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${sb.url}/admin/state`, { headers: { Authorization: 'Bearer secret-admin' } })).status).toBe(200);
  });

  it('seeds, reads back, logs requests and resets', async () => {
    const { api, admin } = await setup();
    const put = await admin('PUT', `/tenants/${DEMO_TENANT_ID}/data`, {
      Contacts: [{ Name: 'Only One', AccountNumber: 'O1', UpdatedDateUTC: '/Date(1700000000000+0000)/' }],
    });
    expect(put.body).toEqual({ counts: { Contacts: 1, Invoices: 11, CreditNotes: 4 } });
    const data = await admin<{ Contacts: Json[] }>('GET', `/tenants/${DEMO_TENANT_ID}/data`);
    expect(data.body.Contacts).toEqual([
      expect.objectContaining({ Name: 'Only One', ContactStatus: 'ACTIVE', UpdatedDateUTC: '/Date(1700000000000+0000)/' }),
    ]);
    expect((await api<Contacts>('GET', '/Contacts')).body.Contacts).toHaveLength(1);
    const log = await admin<Json[]>('GET', '/requests');
    expect(log.body.at(-1)).toMatchObject({ method: 'GET', path: '/api.xro/2.0/Contacts', status: 200, tenantId: DEMO_TENANT_ID });

    await admin('POST', '/reset', {});
    expect((await api('GET', '/Contacts')).status).toBe(401); // identity cleared too
    const state = await admin<{ tenants: Json[] }>('GET', '/state');
    expect(state.body.tenants[0]).toMatchObject({ counts: { Contacts: 22, Invoices: 11, CreditNotes: 4 } });
  });

  it('keeps configured tenant ids across a reset and restores settings', async () => {
    sb = await startSandbox({ tenants: [{ tenantName: 'Random Id Org' }] });
    const admin = adminClient(sb);
    const before = [...sb.state.tenants.keys()];
    await admin('POST', '/settings', { autoApprove: true, limits: { perMinute: 1 } });
    await admin('POST', '/reset');
    expect([...sb.state.tenants.keys()]).toEqual(before);
    expect(sb.state.autoApprove).toBe(false);
    expect(sb.state.limits.perMinute).toBe(60);
  });

  it('adds tenants and changes settings at run time', async () => {
    const { admin } = await setup();
    const t = await admin('POST', '/tenants', { tenantName: 'Late Org' });
    expect(t.status).toBe(201);
    await admin('POST', '/settings', { autoApprove: false, limits: { perMinute: 1 } });
    expect(sb.state.autoApprove).toBe(false);
    const tokens = await pkceLogin(sb, { tenantIds: [String(t.body.tenantId)] });
    const api = apiClient(sb, tokens.access_token, String(t.body.tenantId));
    expect((await api('GET', '/Contacts')).status).toBe(200);
    expect((await api('GET', '/Contacts')).status).toBe(429);
  });
});
