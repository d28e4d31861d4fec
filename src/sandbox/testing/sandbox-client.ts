// Test helpers over real HTTP: a scripted PKCE login (clicks "Allow access" when consent is shown), and thin
// clients for the admin and Accounting APIs.
import { randomBytes } from 'node:crypto';
import { s256 } from '../identity/pkce.js';
import type { RunningSandbox } from '../index.js';
import { DEFAULT_CLIENT } from '../types.js';

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export interface LoginOptions {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  /** Tenants to tick on the consent page (default: all offered). */
  tenantIds?: string[];
}

/** Follows the authorize URL like a browser would: with auto-approve, the sandbox redirects straight to the listener. */
export async function headlessBrowser(url: string): Promise<void> {
  await (await fetch(url)).text();
}

export const FULL_SCOPE = 'openid profile email offline_access accounting.contacts accounting.invoices.read accounting.settings.read';

/** Runs authorize → (consent) → callback → token; returns the token response. */
export async function pkceLogin(sb: RunningSandbox, o: LoginOptions = {}): Promise<TokenSet> {
  const clientId = o.clientId ?? DEFAULT_CLIENT.clientId;
  const redirectUri = o.redirectUri ?? DEFAULT_CLIENT.redirectUris[0]!;
  const verifier = randomBytes(48).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const { code } = await authorize(sb, {
    clientId,
    redirectUri,
    scope: o.scope ?? FULL_SCOPE,
    state,
    challenge: s256(verifier),
    tenantIds: o.tenantIds,
  });
  const res = await tokenRequest(sb, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as TokenSet;
}

/** Authorize (consenting when asked); returns the callback's code and the whole callback URL. */
export async function authorize(
  sb: RunningSandbox,
  p: { clientId: string; redirectUri: string; scope: string; state: string; challenge: string; tenantIds?: string[] },
): Promise<{ code: string; callback: URL }> {
  const url = new URL(`${sb.identityUrl}/connect/authorize`);
  const params = { response_type: 'code', client_id: p.clientId, redirect_uri: p.redirectUri, scope: p.scope, state: p.state };
  for (const [k, v] of Object.entries({ ...params, code_challenge: p.challenge, code_challenge_method: 'S256' }))
    url.searchParams.set(k, v);
  let res = await fetch(url, { redirect: 'manual' });
  if (res.status === 200) {
    const html = await res.text();
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const offered = [...html.matchAll(/name="tenant" value="([^"]+)"/g)].map((m) => m[1]!);
    const form = new URLSearchParams({ request: requestId, action: 'allow' });
    for (const t of p.tenantIds ?? offered) form.append('tenant', t);
    res = await fetch(`${sb.identityUrl}/connect/consent`, { method: 'POST', body: form, redirect: 'manual' });
  }
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`authorize failed: ${res.status} ${await res.text()}`);
  const callback = new URL(location);
  return { code: callback.searchParams.get('code') ?? '', callback };
}

export async function tokenRequest(
  sb: RunningSandbox,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.identityUrl}/connect/token`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

async function call<T>(url: string, init: RequestInit): Promise<HttpResult<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* plain text */
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** The admin API with the sandbox's token. */
export function adminClient(sb: RunningSandbox) {
  const send = <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> =>
    call<T>(`${sb.url}/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${sb.adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return send;
}

/** The Accounting API as a tenant; `headers` adds or overrides headers (e.g. Idempotency-Key). */
export function apiClient(sb: RunningSandbox, accessToken: string, tenantId: string) {
  return <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> =>
    call<T>(`${sb.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'xero-tenant-id': tenantId,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
}

export interface ConnectionJson {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

export async function listConnections(sb: RunningSandbox, accessToken: string): Promise<HttpResult<ConnectionJson[]>> {
  return call<ConnectionJson[]>(sb.connectionsUrl, { headers: { Authorization: `Bearer ${accessToken}` } });
}

/** Logs in and returns the tokens, the first connected tenant, and an Accounting client for it. */
export async function connect(sb: RunningSandbox, o: LoginOptions = {}) {
  const tokens = await pkceLogin(sb, o);
  const connections = (await listConnections(sb, tokens.access_token)).body;
  const tenantId = connections[0]!.tenantId;
  return { tokens, connections, tenantId, api: apiClient(sb, tokens.access_token, tenantId) };
}
