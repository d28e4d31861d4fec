// A stateful stand-in for Xero's identity service and Accounting API on 127.0.0.1 (tests, demos, practice).
// Point xero-node at `apiUrl` (accountingApi.basePath) and the app's PKCE code at `identityUrl`.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app.js';
import { SandboxState } from './state/store.js';
import { randomToken } from './util/ids.js';
import type { SandboxOptions } from './types.js';

export { SandboxState } from './state/store.js';
export type { FaultSpec } from './http/faults.js';
export * from './types.js';

/** The folder of this package's demo seed, found from the sources or from a bundle of them (out/cli/chunks). */
function demoDataDir(): string {
  const here = fileURLToPath(new URL('./seed/demo', import.meta.url));
  if (existsSync(here)) return here;
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    const seed = join(d, 'src/sandbox/seed/demo');
    if (existsSync(seed)) return seed;
  }
  return here;
}

/** The bundled demo seed: archived account-number holders, near-duplicate names, non-customers, number collisions. */
export const DEMO_DATA_DIR = demoDataDir();

export interface RunningSandbox {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `${url}/identity`: /connect/authorize, /connect/token, /connect/revocation, /.well-known/openid-configuration */
  identityUrl: string;
  /** `${url}/api.xro/2.0`: xero-node's AccountingApi basePath. */
  apiUrl: string;
  /** `${url}/connections` */
  connectionsUrl: string;
  adminToken: string;
  state: SandboxState;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = new SandboxState(options);
  const adminToken = options.adminToken ?? randomToken(24);
  const app = createSandboxApp(state, adminToken);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1', overrideGlobalObjects: false }, () =>
      resolve(s as Server),
    ) as Server;
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    identityUrl: `${url}/identity`,
    apiUrl: `${url}/api.xro/2.0`,
    connectionsUrl: `${url}/connections`,
    adminToken,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
