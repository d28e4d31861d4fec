// `reconciler web`: build the renderer if needed, create the app, open the demo or a workspace, and serve both
// on 127.0.0.1 with a fresh token. Used by `npm run web`, by `npm start` without Electron, and by the e2e tests.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createApp, type App } from '../app/app';
import { fileSettings } from '../app/settings-store';
import { createXeroLink } from '../xero/link';
import type { XeroPort } from '../xero/port';
import { resolveConfigDir } from '../xero/storage/config-dir';
import { createFileSecretStore } from '../xero/storage/file-secret-store';
import { defaultDataDir } from './data-dir';
import { listenHost } from './listen';
import { ensureRendererBuilt, rendererDir } from './renderer-build';
import { newToken } from './security';

/** The nearest folder above `dir` with a package.json: the project root, from source (src/main/host) or a bundle (out/cli/chunks). */
function projectRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return dir;
  }
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname);

export interface WebHostOptions {
  demo?: boolean;
  /** Start the demo over (drops its decisions). */
  resetDemo?: boolean;
  workspace?: string;
  port?: number;
  dataDir?: string;
  /** Skip the build check (the caller built it). */
  build?: boolean;
  xero?: XeroPort;
  log?: (line: string) => void;
}

export interface RunningWebHost {
  url: string;
  port: number;
  token: string;
  app: App;
  close(): Promise<void>;
}

export async function runWebHost(options: WebHostOptions = {}): Promise<RunningWebHost> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.build !== false) ensureRendererBuilt(PROJECT_ROOT, log);
  const dataDir = options.dataDir ?? defaultDataDir();
  const configDir = resolveConfigDir();
  // The web host cannot open a browser: the page shows the sign-in link (and the terminal prints it).
  const xero =
    options.xero ??
    createXeroLink({
      secrets: createFileSecretStore({ dir: configDir, onWarning: log }),
      configDir,
      openBrowser: (url) => {
        log(`Sign in to Xero: ${url}`);
        app.events.emit('xero.signIn', { url });
      },
    });
  const app = createApp({
    host: 'web',
    dataDir,
    demoDir: join(PROJECT_ROOT, 'demo'),
    settings: fileSettings(join(dataDir, 'web-settings.json')),
    xero,
    // Outputs are checked against the contract in tests (and on request); not for users: 50,000 rows cost time.
    validateOutput: process.env.NODE_ENV === 'test' || process.env.RECONCILER_VALIDATE_OUTPUT === '1',
  });
  try {
    if (options.workspace) await app.handlers['workspace.open']({ path: resolve(options.workspace), create: false });
    else if (options.demo) {
      log('Preparing the demo workspace (sandbox Xero in-process)…');
      await app.handlers['workspace.openDemo']({ reset: options.resetDemo ?? false });
    }
    // Warm the table's cache, so the first page load does not wait for the query.
    if (app.session.info()) await app.handlers['findings.list']({});
    const token = newToken();
    const host = await listenHost({
      dispatch: app.dispatch,
      events: app.events,
      token,
      rendererDir: rendererDir(PROJECT_ROOT),
      port: options.port,
    });
    return {
      url: host.url,
      port: host.port,
      token,
      app,
      close: async () => {
        await host.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
