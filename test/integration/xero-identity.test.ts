// Xero's identity service as the product reaches it through openid-client: the discovery document read once per
// identity URL, a discovery that fails said plainly, and the token calls' failures (unreachable, 5xx, timeout, the
// caller's cancellation, an address that is not for tokens) as our errors, with no token in any message.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMemorySecretStore,
  createTokenClient,
  endpointsFor,
  openXeroSession,
  tokenKey,
  XeroAuthError,
  XeroError,
  XeroNetworkError,
  type StoredTokens,
} from '../../src/main/xero';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { rejection, sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

const CLIENT = 'reconciler-dev';
const DISCOVERY = '/identity/.well-known/openid-configuration';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((done) => s.close(() => done()));
});

/** A loopback server that is not Xero: `answer` says what it sends back for each path. */
async function server(answer: (path: string) => { status: number; json?: unknown } | 'hang'): Promise<string> {
  const s = createServer((req, res) => {
    const a = answer(req.url ?? '/');
    if (a === 'hang') return;
    res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.json === undefined ? '' : JSON.stringify(a.json));
  });
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  servers.push(s);
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** A stand-in with one connected workspace, and the refresh token it holds. */
async function connected() {
  const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
  const ws = tempWorkspace();
  const secrets = createMemorySecretStore();
  await signIn(ws, sb, { secrets });
  const stored = (): StoredTokens => JSON.parse(secrets.entries()[tokenKey(CLIENT, DEMO_TENANT_ID)]!) as StoredTokens;
  return { sb, ws, secrets, stored };
}

describe('discovery', () => {
  it('reads the discovery document once per identity URL, not per refresh', async () => {
    const { sb, ws, secrets, stored } = await connected();
    for (let i = 0; i < 3; i++) {
      const session = openXeroSession(ws, { standIn: sb.url, secrets });
      await session.tokens.renewAfterRejection(stored().accessToken);
    }
    const paths = sb.state.requests.map((r) => r.path);
    expect(paths.filter((p) => p === '/identity/connect/token')).toHaveLength(4); // the sign-in and three refreshes
    expect(paths.filter((p) => p === DISCOVERY)).toHaveLength(1);
  });

  it('says what failed and what to do when the identity service cannot be used', async () => {
    // Nothing listening: a network failure, naming the host.
    const gone = await server(() => ({ status: 404 }));
    await new Promise<void>((done) => servers.pop()!.close(() => done()));
    const unreachable = await rejection(createTokenClient({ endpoints: endpointsFor(gone), clientId: CLIENT }).refresh('rt-secret-1'));
    expect(unreachable).toBeInstanceOf(XeroNetworkError);
    expect(unreachable.message).toMatch(
      new RegExp(`^Refreshing Xero access: could not reach Xero \\(${new URL(gone).host}: .+\\)\\. Check the network and try again\\.$`),
    );

    // Something else answering there: what was asked, what came back, and what to check.
    const other = await server(() => ({ status: 404, json: { message: 'no such page' } }));
    const notXero = await rejection(createTokenClient({ endpoints: endpointsFor(other), clientId: CLIENT }).refresh('rt-secret-2'));
    expect(notXero).toBeInstanceOf(XeroError);
    expect(notXero).not.toBeInstanceOf(XeroNetworkError);
    expect(notXero.message).toBe(
      `Refreshing Xero access: Xero's sign-in service could not be used (${other}${DISCOVERY}: answered 404). Nothing was sent. ` +
        `Check that ${other} is the Xero stand-in (reconciler sandbox) and that it is running, then try again.`,
    );

    // A document without a revocation endpoint, or naming another issuer, is not used either.
    let doc: Record<string, unknown> = {};
    const partial = await server(() => ({ status: 200, json: doc }));
    const issuer = `${partial}/identity`;
    doc = { issuer, authorization_endpoint: `${issuer}/connect/authorize`, token_endpoint: `${issuer}/connect/token` };
    const client = createTokenClient({ endpoints: endpointsFor(partial), clientId: CLIENT });
    expect((await rejection(client.refresh('rt-secret-3'))).message).toContain(': its description lacks or misstates revocation_endpoint)');
    doc = { ...doc, revocation_endpoint: `${issuer}/connect/revocation`, issuer: 'http://127.0.0.1:9/identity' };
    expect((await rejection(client.refresh('rt-secret-3'))).message).toContain(
      `(${issuer}/.well-known/openid-configuration: discovered metadata issuer does not match the expected issuer)`,
    );
    for (const e of [unreachable, notXero]) expect(e.message).not.toMatch(/rt-secret/);
  });

  it('sends nothing over plain http to an address that is not on this computer', async () => {
    const base = await server(() => ({
      status: 200,
      json: {
        issuer: `${base}/identity`,
        authorization_endpoint: `${base}/identity/connect/authorize`,
        token_endpoint: 'http://192.0.2.10/connect/token',
        revocation_endpoint: `${base}/identity/connect/revocation`,
      },
    }));
    const asked: string[] = [];
    const client = createTokenClient({
      endpoints: endpointsFor(base),
      clientId: CLIENT,
      fetch: (url, init) => (asked.push(String(url)), fetch(url, init)),
    });
    const e = await rejection(client.refresh('rt-secret-4'));
    expect(e.message).toBe(
      'Refreshing Xero access: 192.0.2.10 is neither Xero (https) nor a stand-in on this computer; nothing was sent there.',
    );
    expect(asked).toEqual([`${base}${DISCOVERY}`]);
  });
});

describe('token calls', () => {
  it('a refused refresh is XeroAuthError with the OAuth error; a 5xx or an unreachable Xero is XeroNetworkError', async () => {
    const { sb, stored } = await connected();
    const client = createTokenClient({ endpoints: endpointsFor(sb.url), clientId: CLIENT });
    const refused = await rejection(client.refresh('not-a-refresh-token'));
    expect(refused).toBeInstanceOf(XeroAuthError);
    expect(refused).toMatchObject({
      code: 'oauth',
      oauthError: 'invalid_grant',
      message: 'Refreshing Xero access: Xero refused it (invalid_grant).',
    });

    const { refreshToken } = stored();
    await sb.admin('POST', '/faults', { kind: 'status', status: 503, path: '/connect/token' });
    const busy = await rejection(client.refresh(refreshToken));
    expect(busy).toBeInstanceOf(XeroNetworkError);
    expect(busy.message).toMatch(/^Refreshing Xero access: Xero's sign-in service answered 503 .*Try again later\.$/);

    await sb.admin('POST', '/faults', { kind: 'cut', path: '/connect/token' }); // the connection breaks before an answer
    const down = await rejection(client.refresh(refreshToken));
    expect(down).toBeInstanceOf(XeroNetworkError);
    expect(down.message).toContain(`could not reach Xero (${new URL(sb.url).host}: `);
    expect(down.message).toContain('Check the network and try again.');
    for (const e of [refused, busy, down]) expect(e.message).not.toContain(refreshToken);
  });

  it('gives up after its timeout, and stops at once when the caller cancels', async () => {
    const { sb, stored } = await connected();
    const { refreshToken } = stored();
    await sb.admin('POST', '/faults', { kind: 'delay', delayMs: 3000, path: '/connect/token', count: 2 });
    const slow = createTokenClient({ endpoints: endpointsFor(sb.url), clientId: CLIENT, timeoutMs: 300 });
    const timedOut = await rejection(slow.refresh(refreshToken));
    expect(timedOut).toBeInstanceOf(XeroNetworkError);
    expect(timedOut.message).toMatch(
      /^Refreshing Xero access: could not reach Xero \(.+: .*time.*\)\. Check the network and try again\.$/i,
    );

    const stop = new AbortController();
    const started = Date.now();
    setTimeout(() => stop.abort(new Error('user pressed Ctrl-C')), 100);
    const client = createTokenClient({ endpoints: endpointsFor(sb.url), clientId: CLIENT });
    const cancelled = await rejection(client.refresh(refreshToken, stop.signal));
    expect(cancelled.message).toBe('user pressed Ctrl-C');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
