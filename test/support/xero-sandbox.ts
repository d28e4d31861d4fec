// Shared by the xero-* integration tests: a sandbox on a random loopback port whose dev client accepts any
// localhost redirect port (so tests can run in parallel), a headless "browser", and temp workspaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { connectWorkspace, type ConnectOptions, type ConnectResult } from '../../src/main/xero/connect';
import { createMemorySecretStore } from '../../src/main/xero/storage/secret-store';
import { startSandbox, DEFAULT_CLIENT, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { adminClient } from '../../src/sandbox/testing/sandbox-client.js';

export const anyPortClient = { ...DEFAULT_CLIENT, loopbackAnyPort: true };

import { headlessBrowser } from '../../src/sandbox/testing/sandbox-client.js';

export { headlessBrowser };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export async function sandbox(o: SandboxOptions = {}): Promise<RunningSandbox & { admin: ReturnType<typeof adminClient> }> {
  const sb = await startSandbox({ autoApprove: true, clients: [anyPortClient], ...o });
  cleanups.push(() => sb.close());
  return { ...sb, admin: adminClient(sb) };
}

export function tempDir(prefix = 'reconciler-xero-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempWorkspace(): Workspace {
  const ws = openWorkspace(join(tempDir(), 'books.reconciler'), { create: true });
  cleanups.push(() => ws.close());
  return ws;
}

export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/**
 * Signs `ws` in to the stand-in `sb` through the loopback listener, as `reconciler connect` does: the dev client,
 * a free redirect port, the headless browser and memory-held tokens unless `o` says otherwise.
 */
export function signIn(ws: Workspace, sb: { url: string }, o: Partial<ConnectOptions> = {}): Promise<ConnectResult> {
  return connectWorkspace(ws, {
    baseUrl: sb.url,
    standIn: sb.url,
    clientId: DEFAULT_CLIENT.clientId,
    redirectPort: 0,
    secrets: createMemorySecretStore(),
    openBrowser: headlessBrowser,
    ...o,
  });
}
