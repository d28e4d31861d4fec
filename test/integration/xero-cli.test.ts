// `reconciler sandbox`, `connect`, `sync`, `status`, `disconnect` through bin/reconciler.js, as a new user runs them.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { finished, firstLine, runCliAsync, startCli } from '../support/cli-async';
import { tempDir } from '../support/xero-sandbox';

const ADMIN = 'cli-test-admin-token';
const sandboxes: ReturnType<typeof startCli>[] = [];
afterEach(async () => {
  for (const sb of sandboxes.splice(0)) {
    const done = finished(sb);
    sb.kill('SIGTERM');
    await done;
  }
});

async function cliSandbox(): Promise<{ url: string }> {
  const child = startCli(['sandbox', '--port', '0', '--auto-approve', '--any-redirect-port', '--admin-token', ADMIN]);
  sandboxes.push(child);
  return { url: await firstLine(child) };
}

describe('reconciler sandbox + connect + sync', () => {
  it('connects without a browser, syncs, reports status, and disconnects', async () => {
    const { url } = await cliSandbox();
    const dir = tempDir();
    const ws = join(dir, 'books.reconciler');
    const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: url };

    const connect = await runCliAsync(['connect', '--xero-url', url, '--workspace', ws, '--port', '0'], env);
    expect(connect.stderr).toContain('tokens are stored in a file only you can read; no OS keychain is available here');
    expect(connect.stderr).toContain(`connected ${ws} to Demo Company (AU) (${DEMO_TENANT_ID})`);
    expect(connect.code).toBe(0);
    const tokensFile = join(dir, 'config', 'tokens.json');
    expect(statSync(tokensFile).mode & 0o777).toBe(0o600);

    const sync = await runCliAsync(['sync', '--workspace', ws], env);
    expect(sync.stderr).toMatch(/synced 22 contacts, 8 invoices, 3 credit notes \(full\) in [\d.]+ s, 3 calls/);
    expect(sync.code).toBe(0);

    const status = await runCliAsync(['status', '--workspace', ws, '--json'], env);
    const s = JSON.parse(status.stdout) as { contacts: number; invoices: number; lastSync: { status: string; fileName: string } };
    expect(s).toMatchObject({
      contacts: 22,
      invoices: 11,
      lastSync: { status: 'complete', fileName: 'Demo Company (AU)' },
      xeroConnection: { tenantId: DEMO_TENANT_ID, tenantName: 'Demo Company (AU)', sandbox: true, disconnectedAt: null },
    });
    expect((await runCliAsync(['status', '--workspace', ws], env)).stdout).toMatch(
      /Xero connection {7}Demo Company \(AU\) \(sandbox\), connected \d{4}-/,
    );

    const secrets = readFileSync(tokensFile, 'utf8');
    const refresh = (
      JSON.parse(Object.values((JSON.parse(secrets) as { secrets: Record<string, string> }).secrets)[0]!) as { refreshToken: string }
    ).refreshToken;
    expect(readFileSync(ws).toString('latin1')).not.toContain(refresh);
    for (const r of [connect, sync, status]) expect(r.stderr + r.stdout).not.toContain(refresh);

    const wrongTenant = await runCliAsync(['connect', '--xero-url', url, '--workspace', ws, '--port', '0', '--tenant', 'Nobody Ltd'], env);
    expect(wrongTenant.code).toBe(2);
    expect(wrongTenant.stderr).toContain('No connected Xero organisation has the id or name "Nobody Ltd"');

    const disconnect = await runCliAsync(['disconnect', '--workspace', ws], env);
    expect(disconnect.code).toBe(0);
    expect(disconnect.stderr).toContain('access revoked at Xero');
    const after = await runCliAsync(['sync', '--workspace', ws], env);
    expect(after.code).toBe(5);
    expect(after.stderr).toContain(`connect it again (reconciler connect --workspace ${ws})`);
    expect((await runCliAsync(['status', '--workspace', ws], env)).stdout).toContain(`Demo Company (AU) (sandbox): disconnected 20`);
  });
});
