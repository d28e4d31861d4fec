// The stand-in's 2026 sign-in rules over loopback HTTP: granular scopes for apps created from 2 March 2026 (broad
// ones refused at /authorize and on refresh; older apps may mix), read-only scopes refusing writes, and token
// lifetimes on a clock moved through the admin API (access 30 minutes, refresh 60 days unused).
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, startSandbox, type ClientConfig, type RunningSandbox } from '../../src/sandbox/index.js';
import { s256 } from '../../src/sandbox/identity/pkce.js';
import { adminClient, apiClient, connect, listConnections, pkceLogin, tokenRequest } from '../../src/sandbox/testing/sandbox-client.js';

const REDIRECT = DEFAULT_CLIENT.redirectUris[0]!;
const OLD_APP: ClientConfig = { clientId: 'old-app', redirectUris: [REDIRECT], createdAt: '2025-11-20' };
const NARROW_APP: ClientConfig = {
  clientId: 'narrow-app',
  redirectUris: [REDIRECT],
  createdAt: '2026-04-01',
  allowedScopes: ['accounting.contacts.read'],
};
let sb: RunningSandbox;
afterEach(async () => sb?.close());

/** GET /authorize as a browser would (no redirect followed): the callback URL the stand-in sends it to. */
async function authorizeRedirect(clientId: string, scope: string): Promise<URL> {
  const url = new URL(`${sb.identityUrl}/connect/authorize`);
  const q = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope,
    state: 'st 1',
    code_challenge: s256(randomBytes(40).toString('base64url')),
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

const refresh = (refreshToken: string, extra: Record<string, string> = {}, clientId = DEFAULT_CLIENT.clientId) =>
  tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, ...extra });

describe('granular scopes (apps created from 2 March 2026)', () => {
  it('the dev client is a new app: broad scopes are sent back with invalid_scope, and no code', async () => {
    sb = await startSandbox({ autoApprove: true });
    expect(DEFAULT_CLIENT.createdAt! >= '2026-03-02').toBe(true);
    for (const broad of ['accounting.transactions', 'accounting.transactions.read']) {
      const back = await authorizeRedirect('reconciler-dev', `offline_access accounting.contacts ${broad}`);
      expect(back.origin + back.pathname).toBe(REDIRECT);
      expect(back.searchParams.get('error')).toBe('invalid_scope');
      expect(back.searchParams.get('error_description')).toContain(`${broad} is not available to apps created on or after 2026-03-02`);
      expect(back.searchParams.get('state')).toBe('st 1');
      expect(back.searchParams.has('code')).toBe(false);
    }
    expect(sb.state.auth.codes.size).toBe(0);
  });

  it('granular scopes work for a new app, and read-only ones refuse writes', async () => {
    sb = await startSandbox({ autoApprove: true });
    const reader = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices.read' });
    expect(reader.tokens.scope).toBe('offline_access accounting.contacts accounting.invoices.read');
    for (const path of ['/Invoices', '/CreditNotes', '/Contacts']) expect((await reader.api('GET', path)).status, path).toBe(200);
    const contact = await reader.api<{ Contacts: { ContactID: string }[] }>('PUT', '/Contacts', {
      Contacts: [{ Name: 'Granular Freight' }],
    });
    expect(contact.status).toBe(200); // accounting.contacts writes contacts
    const invoice = {
      Type: 'ACCREC',
      Contact: { ContactID: contact.body.Contacts[0]!.ContactID },
      LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 10 }],
    };
    for (const [path, body] of [
      ['/Invoices', { Invoices: [invoice] }],
      ['/CreditNotes', { CreditNotes: [{ ...invoice, Type: 'ACCRECCREDIT' }] }],
    ] as const) {
      const refused = await reader.api('PUT', path, body);
      expect(refused.status, path).toBe(401);
      expect(refused.body).toMatchObject({ Title: 'Unauthorized', Detail: 'AuthorizationUnsuccessful' });
    }
    const writer = await connect(sb, { scope: 'offline_access accounting.contacts.read accounting.invoices' });
    expect((await writer.api('PUT', '/Invoices', { Invoices: [invoice] })).status).toBe(200);
    expect((await writer.api('PUT', '/Contacts', { Contacts: [{ Name: 'Nope' }] })).status).toBe(401);
  });

  it('an app created before 2 March 2026 may still mix broad and granular scopes', async () => {
    sb = await startSandbox({ autoApprove: true, clients: [DEFAULT_CLIENT, OLD_APP] });
    const tokens = await pkceLogin(sb, {
      clientId: 'old-app',
      scope: 'offline_access accounting.contacts accounting.transactions accounting.invoices.read',
    });
    expect(tokens.scope).toContain('accounting.transactions');
    const tenantId = (await listConnections(sb, tokens.access_token)).body[0]!.tenantId;
    expect((await apiClient(sb, tokens.access_token, tenantId)('GET', '/Invoices')).status).toBe(200);
  });

  it('a scope Xero has not enabled for the app is refused with unauthorized_client', async () => {
    sb = await startSandbox({ autoApprove: true, clients: [NARROW_APP] });
    const back = await authorizeRedirect('narrow-app', 'offline_access accounting.contacts accounting.invoices.read');
    expect(back.searchParams.get('error')).toBe('unauthorized_client');
    expect(back.searchParams.get('error_description')).toBe('Invalid scope for client: accounting.contacts, accounting.invoices.read');
    expect((await authorizeRedirect('narrow-app', 'offline_access accounting.contacts.read')).searchParams.get('code')).toBeTruthy();
  });

  it('/token: a refresh naming a broad scope is unauthorized_client for a new app; beyond the grant, invalid_scope', async () => {
    sb = await startSandbox({ autoApprove: true });
    const tokens = await pkceLogin(sb, { scope: 'offline_access accounting.contacts accounting.invoices.read' });
    expect(await refresh(tokens.refresh_token!, { scope: 'offline_access accounting.transactions' })).toEqual({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
    expect(await refresh(tokens.refresh_token!, { scope: 'offline_access accounting.invoices' })).toEqual({
      status: 400,
      body: { error: 'invalid_scope' },
    });
    const narrower = await refresh(tokens.refresh_token!, { scope: 'offline_access accounting.contacts' });
    expect(narrower.status).toBe(200);
  });
});

describe('token lifetimes on the admin clock', () => {
  it('an access token lives 30 minutes; a refresh token dies after 60 days unused, and each use restarts the count', async () => {
    sb = await startSandbox({ autoApprove: true });
    const admin = adminClient(sb);
    const advance = async (ms: number) => expect((await admin('POST', '/clock/advance', { ms })).status).toBe(200);
    const { tokens, api } = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices.read' });
    expect(tokens.expires_in).toBe(1800);

    await advance(29 * 60_000);
    expect((await api('GET', '/Contacts?page=1')).status).toBe(200);
    await advance(60_000);
    const expired = await api('GET', '/Contacts?page=1');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ Detail: expect.stringMatching(/^TokenExpired: token expired at /) });

    const day = 86_400_000;
    await advance(59 * day);
    const second = await refresh(tokens.refresh_token!);
    expect(second.status).toBe(200);
    await advance(59 * day); // 118 days since sign-in, 59 since the last use: still alive
    const third = await refresh(second.body.refresh_token as string);
    expect(third.status).toBe(200);
    await advance(60 * day + 1000);
    expect(await refresh(third.body.refresh_token as string)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    // The connection itself stays until it is revoked: a new sign-in picks it up again.
    const again = await pkceLogin(sb, { scope: 'offline_access accounting.contacts accounting.invoices.read' });
    expect((await listConnections(sb, again.access_token)).body).toHaveLength(1);
  });
});
