// The "crafted workspace" attack: a workspace connected to the stand-in has its Xero address rewritten to another
// server on loopback that records what it receives. Neither the CLI (a real process) nor the app may send it a token.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import { createApp } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import { BINDING_KEY, readBinding, writeBinding } from '../../src/main/xero/binding';
import { createFileSecretStore } from '../../src/main/xero/storage/file-secret-store';
import { tokenKey } from '../../src/main/xero/storage/secret-store';
import { createXeroLink } from '../../src/main/xero/link';
import { runCliAsync } from '../support/cli-async';
import { headlessBrowser, sandbox, tempDir, signIn } from '../support/xero-sandbox';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP server on loopback that answers 401 to everything and keeps every request it gets. */
async function recorder(): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}`, seen };
}
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((done) => s.close(() => done()));
});

/** A workspace connected to the stand-in (tokens in a file store), then its address rewritten to the recorder. */
async function craftedWorkspace() {
  const sb = await sandbox();
  const rec = await recorder();
  const dir = tempDir();
  const path = join(dir, 'books.reconciler');
  const config = join(dir, 'config');
  const secrets = createFileSecretStore({ dir: config });
  const ws = openWorkspace(path, { create: true });
  const { binding } = await signIn(ws, sb, { secrets });
  writeBinding(ws, { ...binding, baseUrl: rec.url });
  expect(JSON.parse(ws.syncState.get(BINDING_KEY)!)).toMatchObject({ baseUrl: rec.url });
  ws.close();
  const key = tokenKey(binding.clientId, binding.tenantId);
  const tokens = (await secrets.get(key))!;
  return { sb, rec, path, config, secrets, key, tokens };
}

describe('tokens only go back to the Xero that issued them', () => {
  it('CLI: sync, connect and disconnect of a rewritten workspace refuse, and the other server hears nothing', async () => {
    const { sb, rec, path, config, secrets, key, tokens } = await craftedWorkspace();
    // The user runs with their own stand-in named, as `reconciler sandbox` says: the workspace names another.
    const env = { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: sb.url };
    const sync = await runCliAsync(['sync', '--workspace', path], env);
    expect(rec.seen).toEqual([]);
    expect(sync.code).toBe(5);
    expect(sync.stderr).toContain(`note: this workspace's Xero address is ${rec.url}, not Xero itself`);
    expect(sync.stderr).toContain(
      `This workspace names a Xero stand-in at ${rec.url}, not the one named for this run (${sb.url}); nothing was sent there.`,
    );
    expect(sync.stderr).toContain(`set RECONCILER_XERO_URL=${rec.url}`);

    // Nothing named at all: the same refusal, for every command that would talk to Xero.
    const bare = { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: '' };
    for (const args of [['sync'], ['disconnect'], ['connect', '--port', '0', '--timeout', '5']]) {
      const r = await runCliAsync([...args, '--workspace', path], bare);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(5);
      expect(r.stderr).toContain(`This workspace names a Xero stand-in at ${rec.url}; nothing was sent there.`);
    }

    // Even when the user's own settings name the rewritten address: the stored sign-in came from another Xero.
    const named = await runCliAsync(['sync', '--workspace', path], { RECONCILER_CONFIG_DIR: config, RECONCILER_XERO_URL: rec.url });
    expect(named.code).toBe(5);
    expect(named.stderr).toContain(
      "This workspace's Xero address has changed since it was connected: its stored sign-in belongs to another Xero, so nothing was sent.",
    );
    expect(named.stderr).toContain(`Connect again (reconciler connect --workspace ${path})`);
    const disconnect = await runCliAsync(['disconnect', '--workspace', path], {
      RECONCILER_CONFIG_DIR: config,
      RECONCILER_XERO_URL: rec.url,
    });
    expect(disconnect.code).toBe(5);

    expect(rec.seen).toEqual([]); // no Authorization header, no refresh token: no request at all
    expect(await secrets.get(key)).toBe(tokens); // the real connection's tokens are neither used nor dropped
    expect(sb.state.requests.some((r) => r.path.includes('revocation'))).toBe(false);
  });

  it('app: sync of a rewritten workspace answers with the refusal, and the other server hears nothing', async () => {
    const { sb, rec, path, config, secrets, key, tokens } = await craftedWorkspace();
    // The app's settings name the user's stand-in; then (the issuer check) the rewritten address itself.
    const refusals = [
      /names a Xero stand-in at .*, not the one named for this run .*; nothing was sent there/,
      /Xero address has changed since it was connected.*nothing was sent/,
    ];
    for (const [i, named] of [sb.url, rec.url].entries()) {
      const xero = createXeroLink({
        secrets,
        configDir: config,
        settings: { xeroBaseUrl: named, clientId: 'reconciler-dev', redirectPort: 0 },
        openBrowser: headlessBrowser,
        env: {},
      });
      const app = createApp({
        host: 'web',
        dataDir: tempDir(),
        demoDir: resolve(import.meta.dirname, '../../demo'),
        settings: memorySettings(),
        validateOutput: true,
        xero,
      });
      try {
        const opened = (await app.dispatch('workspace.open', { path, create: false })) as Envelope<unknown>;
        expect(opened.ok).toBe(true);
        const status = (await app.dispatch('workspace.status', {})) as Envelope<{ xeroConnection: { sandbox: boolean } }>;
        expect(status.ok && status.value.xeroConnection.sandbox).toBe(true); // shown as "sandbox", not as Xero
        const r = (await app.dispatch('xero.sync', {})) as Envelope<unknown>;
        expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(refusals[i]!) } });
      } finally {
        await app.close();
      }
    }
    expect(rec.seen).toEqual([]); // no Authorization header, no refresh token: no request at all
    expect(await secrets.get(key)).toBe(tokens);
    const ws = openWorkspace(path);
    expect(readBinding(ws)?.baseUrl).toBe(rec.url);
    ws.close();
  });

  it('the stand-in named for the run still connects, syncs and disconnects', async () => {
    const sb = await sandbox();
    const dir = tempDir();
    const path = join(dir, 'books.reconciler');
    const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: sb.url };
    const connect = await runCliAsync(['connect', '--workspace', path, '--port', '0'], env);
    expect(connect.code, connect.stderr).toBe(0);
    const sync = await runCliAsync(['sync', '--workspace', path], env);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toContain(`note: this workspace's Xero address is ${sb.url}, not Xero itself`);
    expect((await runCliAsync(['disconnect', '--workspace', path], env)).code).toBe(0);
  });
});
