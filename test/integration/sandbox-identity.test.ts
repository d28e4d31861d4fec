// The sandbox's identity service over real loopback HTTP: OpenID discovery, PKCE, consent, refresh rotation,
// revocation, connections, and the Accounting API's token/tenant/scope checks.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { startSandbox, DEMO_TENANT_ID, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { s256 } from '../../src/sandbox/identity/pkce.js';
import {
  adminClient,
  apiClient,
  authorize,
  connect,
  FULL_SCOPE,
  listConnections,
  pkceLogin,
  tokenRequest,
} from '../../src/sandbox/testing/sandbox-client.js';

const REDIRECT = 'http://localhost:53682/callback';
let sb: RunningSandbox;
afterEach(async () => sb?.close());

async function start(o: SandboxOptions = {}): Promise<RunningSandbox> {
  sb = await startSandbox(o);
  return sb;
}

async function codeFor(verifier: string, state = 'st-1', scope = FULL_SCOPE): Promise<{ code: string; callback: URL }> {
  return authorize(sb, { clientId: 'reconciler-dev', redirectUri: REDIRECT, scope, state, challenge: s256(verifier) });
}

const verifier = (): string => randomBytes(40).toString('base64url');

describe('discovery', () => {
  it('describes itself as an OpenID provider that openid-client takes, at the same paths under /identity as Xero', async () => {
    await start();
    const res = await fetch(`${sb.identityUrl}/.well-known/openid-configuration`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: sb.identityUrl,
      authorization_endpoint: `${sb.identityUrl}/connect/authorize`,
      token_endpoint: `${sb.identityUrl}/connect/token`,
      revocation_endpoint: `${sb.identityUrl}/connect/revocation`,
      jwks_uri: `${sb.identityUrl}/.well-known/openid-configuration/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    });
    const jwks = (await (await fetch(doc.jwks_uri as string)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    // openid-client checks the issuer against the URL it discovered from (plain http: the stand-in is on loopback).
    const config = await oidc.discovery(new URL(sb.identityUrl), 'reconciler-dev', undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    expect(config.serverMetadata().token_endpoint).toBe(`${sb.identityUrl}/connect/token`);
  });
});

describe('authorize', () => {
  it('binds to 127.0.0.1 and shows a consent page with an Allow access button', async () => {
    await start();
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = `${sb.identityUrl}/connect/authorize?response_type=code&client_id=reconciler-dev&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=offline_access%20accounting.contacts&state=abc&code_challenge=${s256(verifier())}&code_challenge_method=S256`;
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Allow access');
    expect(html).not.toContain('type="checkbox"'); // a single tenant: no choice to make
  });

  it('echoes state verbatim and issues a code; autoApprove skips the page', async () => {
    await start({ autoApprove: true });
    const { code, callback } = await codeFor(verifier(), 'a b&c=/é');
    expect(code).not.toBe('');
    expect(callback.searchParams.get('state')).toBe('a b&c=/é');
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
  });

  it('refuses a redirect_uri that is not registered exactly (no redirect)', async () => {
    await start();
    for (const bad of [
      'http://localhost:53683/callback',
      'http://127.0.0.1:53682/callback',
      'http://localhost:53682/callback/x',
      'https://localhost:53682/callback',
    ]) {
      const url = `${sb.identityUrl}/connect/authorize?response_type=code&client_id=reconciler-dev&redirect_uri=${encodeURIComponent(bad)}&scope=openid&code_challenge=x&code_challenge_method=S256`;
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('accepts any localhost port for a loopbackAnyPort client', async () => {
    await start({ autoApprove: true, clients: [{ clientId: 'cli', redirectUris: ['http://localhost/callback'], loopbackAnyPort: true }] });
    const { callback } = await authorize(sb, {
      clientId: 'cli',
      redirectUri: 'http://localhost:41234/callback',
      scope: 'accounting.contacts',
      state: 's',
      challenge: s256(verifier()),
    });
    expect(callback.port).toBe('41234');
  });

  it('requires S256 (plain or missing challenge is sent back as invalid_request)', async () => {
    await start({ autoApprove: true });
    const base = `${sb.identityUrl}/connect/authorize?response_type=code&client_id=reconciler-dev&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=openid&state=s1`;
    for (const extra of ['&code_challenge=abc&code_challenge_method=plain', '']) {
      const res = await fetch(base + extra, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const loc = new URL(res.headers.get('location')!);
      expect(loc.searchParams.get('error')).toBe('invalid_request');
      expect(loc.searchParams.get('state')).toBe('s1');
    }
  });

  it('consent: Cancel → access_denied; several tenants → checkboxes, only ticked ones are connected', async () => {
    await start({ tenants: [{ tenantName: 'Org A' }, { tenantName: 'Org B' }, { tenantName: 'Org C' }] });
    const url = `${sb.identityUrl}/connect/authorize?response_type=code&client_id=reconciler-dev&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=offline_access%20accounting.contacts&state=z&code_challenge=${s256(verifier())}&code_challenge_method=S256`;
    const page = await (await fetch(url)).text();
    expect(page.match(/type="checkbox"/g)).toHaveLength(3);
    const requestId = /name="request" value="([^"]+)"/.exec(page)![1]!;
    const deny = await fetch(`${sb.identityUrl}/connect/consent`, {
      method: 'POST',
      body: new URLSearchParams({ request: requestId, action: 'deny' }),
      redirect: 'manual',
    });
    expect(new URL(deny.headers.get('location')!).searchParams.get('error')).toBe('access_denied');

    const [a, b] = [...sb.state.tenants.values()];
    const tokens = await pkceLogin(sb, { tenantIds: [a!.tenantId, b!.tenantId] });
    const conns = (await listConnections(sb, tokens.access_token)).body;
    expect(conns.map((x) => x.tenantName).sort()).toEqual(['Org A', 'Org B']);
  });
});

describe('token', () => {
  it('exchanges a code with the right verifier for Xero-shaped tokens', async () => {
    await start({ autoApprove: true });
    const v = verifier();
    const { code } = await codeFor(v);
    const res = await tokenRequest(sb, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: 'reconciler-dev',
      code_verifier: v,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ expires_in: 1800, token_type: 'Bearer', scope: FULL_SCOPE });
    expect(typeof res.body.access_token).toBe('string');
    expect(typeof res.body.refresh_token).toBe('string');
    expect(typeof res.body.id_token).toBe('string');
  });

  it('issues no refresh token without offline_access', async () => {
    await start({ autoApprove: true });
    const tokens = await pkceLogin(sb, { scope: 'accounting.contacts' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeUndefined();
  });

  it('refuses a wrong verifier, a reused code, a wrong redirect_uri and an expired code with invalid_grant', async () => {
    let now = Date.UTC(2025, 5, 1);
    await start({ autoApprove: true, clock: () => now });
    const v = verifier();
    const exchange = (code: string, o: { verifier?: string; redirect?: string } = {}) =>
      tokenRequest(sb, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: o.redirect ?? REDIRECT,
        client_id: 'reconciler-dev',
        code_verifier: o.verifier ?? v,
      });

    const wrongVerifier = await exchange((await codeFor(v)).code, { verifier: verifier() });
    expect(wrongVerifier).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    const { code } = await codeFor(v);
    expect((await exchange(code)).status).toBe(200);
    expect(await exchange(code)).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    const wrongRedirect = await exchange((await codeFor(v)).code, { redirect: 'http://localhost:53682/other' });
    expect(wrongRedirect).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    const late = (await codeFor(v)).code;
    now += 5 * 60_000 + 1;
    expect(await exchange(late)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses unknown clients and grant types', async () => {
    await start();
    expect(await tokenRequest(sb, { grant_type: 'authorization_code', code: 'x', client_id: 'nope' })).toEqual({
      status: 400,
      body: { error: 'invalid_client' },
    });
    expect(await tokenRequest(sb, { grant_type: 'password', client_id: 'reconciler-dev' })).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
  });

  it('rotates refresh tokens: the used one is refused (grace 0)', async () => {
    await start({ autoApprove: true });
    const first = await pkceLogin(sb);
    const refresh = (rt: string) => tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: rt, client_id: 'reconciler-dev' });
    const second = await refresh(first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(await refresh(first.refresh_token!)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    const third = await refresh(second.body.refresh_token as string);
    expect(third.status).toBe(200);
  });

  it('keeps a rotated refresh token alive for a configured grace period, and kills idle ones', async () => {
    let now = Date.UTC(2025, 5, 1);
    await start({ autoApprove: true, clock: () => now, limits: { refreshGraceMs: 30 * 60_000, refreshIdleMs: 60 * 86_400_000 } });
    const first = await pkceLogin(sb);
    const refresh = (rt: string) => tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: rt, client_id: 'reconciler-dev' });
    const second = await refresh(first.refresh_token!);
    now += 10 * 60_000;
    const retry = await refresh(first.refresh_token!);
    expect(retry.status).toBe(200);
    expect(retry.body.refresh_token).toBe(second.body.refresh_token);
    now += 21 * 60_000;
    expect((await refresh(first.refresh_token!)).status).toBe(400);
    now += 61 * 86_400_000;
    expect(await refresh(second.body.refresh_token as string)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('revocation drops the grant, its tokens and the connections', async () => {
    await start({ autoApprove: true });
    const { tokens, api } = await connect(sb);
    expect((await api('GET', '/Contacts')).status).toBe(200);
    const res = await fetch(`${sb.identityUrl}/connect/revocation`, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.refresh_token!, client_id: 'reconciler-dev' }),
    });
    expect(res.status).toBe(200);
    expect(
      (await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: 'reconciler-dev' })).status,
    ).toBe(400);
    expect((await api('GET', '/Contacts')).status).toBe(401);
    expect(sb.state.auth.connections.size).toBe(0);
  });
});

describe('connections', () => {
  it('lists tenants with Xero fields, filters by authEventId, and deletes one (204, then 404)', async () => {
    await start({
      autoApprove: true,
      tenants: [{ tenantId: DEMO_TENANT_ID, tenantName: 'Demo Company (AU)' }, { tenantName: 'Second Org' }],
    });
    const tokens = await pkceLogin(sb);
    const { status, body } = await listConnections(sb, tokens.access_token);
    expect(status).toBe(200);
    expect(body).toHaveLength(2);
    const c = body.find((x) => x.tenantId === DEMO_TENANT_ID)!;
    expect(Object.keys(c)).toEqual(['id', 'authEventId', 'tenantId', 'tenantType', 'tenantName', 'createdDateUtc', 'updatedDateUtc']);
    expect(c).toMatchObject({ tenantType: 'ORGANISATION', tenantName: 'Demo Company (AU)' });
    expect(c.createdDateUtc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    const byEvent = await fetch(`${sb.connectionsUrl}?authEventId=${c.authEventId}`, {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await byEvent.json()).toHaveLength(2);

    const del = (id: string) =>
      fetch(`${sb.connectionsUrl}/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect((await del(c.id)).status).toBe(204);
    expect((await del(c.id)).status).toBe(404);
    expect((await listConnections(sb, tokens.access_token)).body).toHaveLength(1);
    const api = apiClient(sb, tokens.access_token, DEMO_TENANT_ID);
    expect((await api('GET', '/Contacts')).body).toMatchObject({ Status: 403, Detail: 'AuthenticationUnsuccessful' });
  });
});

describe('Accounting API guard', () => {
  it('needs a bearer token, a connected xero-tenant-id and a write scope for writes', async () => {
    await start({ tenants: [{ tenantId: DEMO_TENANT_ID, tenantName: 'Demo Company (AU)' }, { tenantName: 'Unconnected' }] });
    const tokens = await pkceLogin(sb, { tenantIds: [DEMO_TENANT_ID] });
    const other = [...sb.state.tenants.keys()].find((t) => t !== DEMO_TENANT_ID)!;

    const noAuth = await fetch(`${sb.apiUrl}/Contacts`, { headers: { 'xero-tenant-id': DEMO_TENANT_ID } });
    expect(noAuth.status).toBe(401);

    for (const tenant of ['', 'not-a-tenant', '00000000-0000-0000-0000-000000000000', other]) {
      const res = await apiClient(sb, tokens.access_token, tenant)('GET', '/Contacts');
      expect(res.status, tenant).toBe(403);
      expect(res.body).toMatchObject({ Type: null, Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful', Extensions: {} });
    }
    const readOnly = await pkceLogin(sb, { scope: 'offline_access accounting.contacts.read', tenantIds: [DEMO_TENANT_ID] });
    const api = apiClient(sb, readOnly.access_token, DEMO_TENANT_ID);
    expect((await api('GET', '/Contacts')).status).toBe(200);
    const write = await api('PUT', '/Contacts', { Contacts: [{ Name: 'Nope' }] });
    expect(write.status).toBe(401);
    expect(write.body).toMatchObject({ Title: 'Unauthorized', Detail: 'AuthorizationUnsuccessful' });
    expect((await api('GET', '/Invoices')).status).toBe(401);
  });

  it('answers an expired access token with the TokenExpired body', async () => {
    let now = Date.UTC(2023, 3, 9, 4, 46, 59);
    await start({ autoApprove: true, clock: () => now });
    const { api, tokens } = await connect(sb);
    now += 1800 * 1000;
    const res = await api('GET', '/Contacts');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      Type: null,
      Title: 'Unauthorized',
      Status: 401,
      Detail: 'TokenExpired: token expired at 04/09/2023 05:16:59',
      Extensions: {},
    });
    expect((await listConnections(sb, tokens.access_token)).status).toBe(401);
  });

  it('admin can expire and revoke tokens', async () => {
    await start({ autoApprove: true });
    const { api, tokens } = await connect(sb);
    const admin = adminClient(sb);
    expect((await admin('POST', '/tokens/expire', {})).body).toEqual({ expired: 1 });
    expect((await api('GET', '/Contacts')).body.Detail).toMatch(/^TokenExpired: /);
    const fresh = await tokenRequest(sb, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: 'reconciler-dev',
    });
    expect(fresh.status).toBe(200);
    expect((await admin('POST', '/tokens/revoke', {})).body).toEqual({ revoked: 1 });
    expect(
      (
        await tokenRequest(sb, {
          grant_type: 'refresh_token',
          refresh_token: fresh.body.refresh_token as string,
          client_id: 'reconciler-dev',
        })
      ).status,
    ).toBe(400);
  });
});
