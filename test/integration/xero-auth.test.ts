// The PKCE sign-in through the loopback listener, token rotation, tenant choice and "reconnect", against the sandbox.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import {
  connectWorkspace,
  createFileSecretStore,
  createMemorySecretStore,
  createTokenClient,
  disconnectWorkspace,
  endpointsFor,
  FILE_STORE_WARNING,
  openXeroSession,
  startCallbackListener,
  TenantChoiceError,
  tokenKey,
  TokenManager,
  XERO_SCOPES,
  XeroAuthError,
  type StoredTokens,
} from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_DATA_DIR, DEMO_TENANT_ID, DEMO_TENANT_NAME } from '../../src/sandbox/index.js';
import { headlessBrowser, rejection, sandbox, tempDir, tempWorkspace, signIn } from '../support/xero-sandbox';

const CLIENT = 'reconciler-dev';

/** Runs authorize through a listener and returns the code, without exchanging it. */
async function authorizeCode(url: string, stateForUrl?: string) {
  const client = createTokenClient({ endpoints: endpointsFor(url), clientId: CLIENT });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const listener = await startCallbackListener({ port: 0, path: '/callback', state, timeoutMs: 10_000 });
  const authorize = await client.authorizeUrl({
    redirectUri: listener.redirectUri,
    scopes: XERO_SCOPES,
    state: stateForUrl ?? state,
    challenge: await oidc.calculatePKCECodeChallenge(verifier),
  });
  const page = await fetch(authorize);
  return { listener, verifier, state, page, pageText: await page.text(), client };
}

describe('PKCE sign-in', () => {
  it('connects a workspace through the loopback listener and keeps the tokens out of the workspace', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    let browserUrl = '';
    const { binding, connected } = await connectWorkspace(ws, {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: CLIENT,
      redirectPort: 0,
      secrets,
      openBrowser: async (url) => {
        browserUrl = url;
        await headlessBrowser(url);
      },
    });
    const q = new URL(browserUrl).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('scope')).toBe('offline_access accounting.contacts accounting.invoices.read');
    expect(q.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    expect(binding).toMatchObject({
      tenantId: DEMO_TENANT_ID,
      tenantName: DEMO_TENANT_NAME,
      baseUrl: sb.url,
      clientId: CLIENT,
      disconnectedAt: null,
    });
    expect(browserUrl.startsWith(`${sb.url}/identity/connect/authorize?`)).toBe(true);
    expect(connected).toEqual([{ tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME }]);
    const stored = JSON.parse(secrets.entries()[tokenKey(CLIENT, DEMO_TENANT_ID)]!) as StoredTokens;
    expect(stored.refreshToken.length).toBeGreaterThan(20);
    expect(stored.issuer).toBe(`${sb.url}/identity/connect/token`); // bound to the Xero that issued them

    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(ws.path).toString('latin1');
    expect(bytes).toContain(DEMO_TENANT_ID);
    expect(bytes).not.toContain(stored.accessToken.slice(-40));
    expect(bytes).not.toContain(stored.refreshToken);
  });

  it('builds no sign-in link to an address that is neither Xero nor the stand-in the user named', async () => {
    const sb = await sandbox();
    const opened: string[] = [];
    const openBrowser = (url: string) => void opened.push(url);
    const o = { clientId: CLIENT, redirectPort: 0, secrets: createMemorySecretStore(), openBrowser };
    const unnamed = await rejection(connectWorkspace(tempWorkspace(), { ...o, baseUrl: sb.url }));
    expect(unnamed.message).toContain(`stand-in at ${sb.url}; nothing was sent there`);
    const remote = await rejection(
      connectWorkspace(tempWorkspace(), { ...o, baseUrl: 'https://login.xero.example', standIn: 'https://login.xero.example' }),
    );
    expect(remote.message).toContain('neither Xero (https://api.xero.com) nor a stand-in on this computer');
    expect(opened).toEqual([]);
    expect(sb.state.requests).toEqual([]);
  });

  it('refuses a wrong verifier and a reused code', async () => {
    const sb = await sandbox();
    const first = await authorizeCode(sb.url);
    const code = await first.listener.code;
    expect(first.pageText).toContain('You can close this window');
    const wrong = await rejection(
      first.client.exchangeCode({
        code,
        state: first.state,
        redirectUri: first.listener.redirectUri,
        verifier: oidc.randomPKCECodeVerifier(),
      }),
    );
    expect(wrong).toBeInstanceOf(XeroAuthError);
    expect((wrong as XeroAuthError).oauthError).toBe('invalid_grant');

    const second = await authorizeCode(sb.url);
    const code2 = await second.listener.code;
    const exchange = { code: code2, state: second.state, redirectUri: second.listener.redirectUri, verifier: second.verifier };
    const ok = await second.client.exchangeCode(exchange);
    expect(ok.refresh_token).toBeDefined();
    const reused = await rejection(second.client.exchangeCode(exchange));
    expect((reused as XeroAuthError).oauthError).toBe('invalid_grant');
    expect(reused.message).not.toContain(code2);
  });

  it('answers a callback with a wrong or missing state 400 and keeps waiting for the right one', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const refused: { status: number; text: string }[] = [];
    const { connected } = await connectWorkspace(tempWorkspace(), {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: CLIENT,
      redirectPort: 0,
      secrets: createMemorySecretStore(),
      openBrowser: async (url, redirectUri) => {
        for (const query of ['?code=stolen&state=not-ours', '?code=stolen', '?error=access_denied&state=not-ours']) {
          const res = await fetch(redirectUri + query);
          refused.push({ status: res.status, text: await res.text() });
        }
        await headlessBrowser(url); // the real consent, with the right state, still completes the sign-in
      },
    });
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400]);
    for (const r of refused) expect(r.text).toContain('This sign-in link is not the one this app opened.');
    expect(connected).toEqual([{ tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME }]);

    // A forged answer through Xero itself is refused the same way; the listener waits on until its timeout.
    const forged = await authorizeCode(sb.url, 'not-the-state-we-sent');
    expect(forged.page.status).toBe(400);
    expect(forged.pageText).toContain('This sign-in link is not the one this app opened.');
    await forged.listener.close();
    expect(await rejection(forged.listener.code)).toMatchObject({ code: 'timeout' });
  });

  it('times out or stops cleanly, a wrong-state callback notwithstanding', async () => {
    const slow = await startCallbackListener({ port: 0, path: '/callback', state: 's', timeoutMs: 500 });
    expect((await fetch(`${slow.redirectUri}?code=c&state=wrong`)).status).toBe(400);
    const after100ms = await Promise.race([
      slow.code.then(
        () => 'settled',
        () => 'settled',
      ),
      new Promise((ok) => setTimeout(() => ok('waiting'), 100)),
    ]);
    expect(after100ms).toBe('waiting');
    expect(await rejection(slow.code)).toMatchObject({ code: 'timeout' });
    const stop = new AbortController();
    const stopped = await startCallbackListener({ port: 0, path: '/callback', state: 's', signal: stop.signal });
    stop.abort(new Error('user pressed Ctrl-C'));
    expect((await rejection(stopped.code)).message).toBe('user pressed Ctrl-C');
    await expect(fetch(stopped.redirectUri)).rejects.toThrow(); // the port is closed again
  });

  it('reports a cancelled consent', async () => {
    const sb = await sandbox({ autoApprove: false });
    const ws = tempWorkspace();
    const deny = async (url: string): Promise<void> => {
      const html = await (await fetch(url)).text();
      const request = /name="request" value="([^"]+)"/.exec(html)![1]!;
      const res = await fetch(`${sb.url}/identity/connect/consent`, {
        method: 'POST',
        body: new URLSearchParams({ request, action: 'deny' }),
        redirect: 'manual',
      });
      await (await fetch(res.headers.get('location')!)).text();
    };
    const e = await rejection(
      connectWorkspace(ws, {
        baseUrl: sb.url,
        standIn: sb.url,
        clientId: CLIENT,
        redirectPort: 0,
        secrets: createMemorySecretStore(),
        openBrowser: deny,
      }),
    );
    expect(e).toMatchObject({ code: 'denied' });
    expect(e.message).toContain('consent was cancelled');
  });
});

describe('tenants', () => {
  it('asks which organisation when several are connected, and takes one by name or id', async () => {
    const sb = await sandbox({ tenants: [{ tenantName: 'Alpha Freight' }, { tenantName: 'Beta Logistics' }] });
    const connect = (tenant?: string) =>
      connectWorkspace(tempWorkspace(), {
        baseUrl: sb.url,
        standIn: sb.url,
        clientId: CLIENT,
        redirectPort: 0,
        tenant,
        secrets: createMemorySecretStore(),
        openBrowser: headlessBrowser,
      });
    const e = (await rejection(connect())) as TenantChoiceError;
    expect(e).toBeInstanceOf(TenantChoiceError);
    expect(e.message).toMatch(/2 Xero organisations are connected; choose one by id or name/);
    expect(e.tenants.map((t) => t.tenantName)).toEqual(['Alpha Freight', 'Beta Logistics']);
    const beta = await connect('beta logistics');
    expect(beta.binding.tenantName).toBe('Beta Logistics');
    const byId = await connect(e.tenants[0]!.tenantId);
    expect(byId.binding.tenantName).toBe('Alpha Freight');
  });

  it('keeps a workspace to its organisation once it holds synced data', async () => {
    const sb = await sandbox({ tenants: [{ tenantName: 'Alpha Freight' }, { tenantName: 'Beta Logistics' }] });
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    const connect = (tenant?: string) =>
      connectWorkspace(ws, {
        baseUrl: sb.url,
        standIn: sb.url,
        clientId: CLIENT,
        redirectPort: 0,
        tenant,
        secrets,
        openBrowser: headlessBrowser,
      });
    await connect('Alpha Freight');
    expect((await connect()).binding.tenantName).toBe('Alpha Freight'); // a reconnect keeps the workspace's own
    await syncWorkspace(ws, openXeroSession(ws, { standIn: sb.url, secrets }).client, { recompute: false });
    const e = await rejection(connect('Beta Logistics'));
    expect(e.message).toContain('This workspace holds the Xero data of "Alpha Freight"');
  });
});

describe('tokens', () => {
  async function connected(o: { accessTokenTtlSeconds?: number } = {}) {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR, limits: { accessTokenTtlSeconds: o.accessTokenTtlSeconds ?? 1800 } });
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets });
    const key = tokenKey(CLIENT, DEMO_TENANT_ID);
    const stored = (): StoredTokens => JSON.parse(secrets.entries()[key]!) as StoredTokens;
    return { sb, ws, secrets, key, stored };
  }

  it('rotates the refresh token: the new one is stored at once and the old one no longer works', async () => {
    const { sb, secrets, key, stored } = await connected();
    const before = stored();
    const client = createTokenClient({ endpoints: endpointsFor(sb.url), clientId: CLIENT });
    const manager = new TokenManager({ store: secrets, key, client, issuer: endpointsFor(sb.url).tokenUrl });
    const renewed = await manager.renewAfterRejection(before.accessToken);
    const after = stored();
    expect(renewed).toBe(after.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const old = await rejection(client.refresh(before.refreshToken));
    expect((old as XeroAuthError).oauthError).toBe('invalid_grant');
    expect(old.message).not.toContain(before.refreshToken);
  });

  it('refreshes ahead of expiry, and after a 401 from an expired token', async () => {
    const { sb, ws, secrets, stored } = await connected({ accessTokenTtlSeconds: 240 }); // inside the 5-minute margin
    const first = stored();
    const session = openXeroSession(ws, { standIn: sb.url, secrets });
    await session.tokens.accessToken();
    expect(stored().accessToken).not.toBe(first.accessToken);

    const { sb: sb2, ws: ws2, secrets: secrets2, stored: stored2 } = await connected();
    const before = stored2();
    await sb2.admin('POST', '/tokens/expire', {});
    const s2 = openXeroSession(ws2, { standIn: sb2.url, secrets: secrets2 });
    const summary = await syncWorkspace(ws2, s2.client, { recompute: false });
    expect(summary.records).toBeGreaterThan(0);
    expect(stored2().refreshToken).not.toBe(before.refreshToken);
    expect(sb.url).not.toBe(sb2.url);
  });

  it('says "reconnect" when the grant was revoked, and forgets the dead tokens', async () => {
    const { sb, ws, secrets, key } = await connected();
    await sb.admin('POST', '/tokens/revoke', {});
    const session = openXeroSession(ws, { standIn: sb.url, secrets, reconnectHint: 'reconciler connect --workspace books.reconciler' });
    const e = await rejection(syncWorkspace(ws, session.client, { recompute: false }));
    expect(e).toBeInstanceOf(XeroAuthError);
    expect(e.message).toBe(
      "Xero has ended this app's sign-in (Xero does so after 60 days without a sync, or when the app is disconnected in Xero). Nothing in the workspace is lost: reconnect to Xero (reconciler connect --workspace books.reconciler)",
    );
    expect(secrets.entries()[key]).toBeUndefined();
    expect(ws.imports.latest('xero_sync')).toMatchObject({ status: 'failed' });
  });

  it('disconnect revokes the grant at Xero and forgets the tokens', async () => {
    const { sb, ws, secrets, key, stored } = await connected();
    const { refreshToken } = stored();
    const result = await disconnectWorkspace(ws, { standIn: sb.url, secrets });
    expect(result.revoked).toBe(true);
    expect(secrets.entries()[key]).toBeUndefined();
    const client = createTokenClient({ endpoints: endpointsFor(sb.url), clientId: CLIENT });
    expect(((await rejection(client.refresh(refreshToken))) as XeroAuthError).oauthError).toBe('invalid_grant');
    expect(() => openXeroSession(ws, { standIn: sb.url, secrets })).toThrow(/was disconnected from Xero/);
  });
});

describe('token file', () => {
  it('is private (0600 in a 0700 folder), warns once, and holds no token in the workspace', async () => {
    const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
    const dir = join(tempDir(), 'config');
    const warnings: string[] = [];
    const secrets = createFileSecretStore({ dir, onWarning: (w) => warnings.push(w) });
    const ws = tempWorkspace();
    await signIn(ws, sb, { secrets });
    const session = openXeroSession(ws, { standIn: sb.url, secrets });
    await session.tokens.renewAfterRejection('whatever'); // a second write
    expect(warnings).toEqual([FILE_STORE_WARNING]);
    expect(statSync(secrets.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const file = JSON.parse(readFileSync(secrets.path, 'utf8')) as { secrets: Record<string, string> };
    const tokens = JSON.parse(file.secrets[tokenKey(CLIENT, DEMO_TENANT_ID)]!) as StoredTokens;
    await syncWorkspace(ws, session.client, { recompute: false });
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(ws.path).toString('latin1');
    expect(bytes).not.toContain(tokens.refreshToken);
    expect(bytes).not.toContain(tokens.accessToken.slice(-40));
  });
});
