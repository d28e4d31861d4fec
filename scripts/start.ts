// npm start: the Electron app on the demo workspace when Electron can run here; otherwise (no Electron binary,
// no display) it says why and serves the same app from the loopback web host, printing the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { electronProblem } from '../src/main/electron/launch-check';
import { appStale, ensureRendererBuilt } from '../src/main/host/renderer-build';
import { runWebHost } from '../src/main/host/run-web';
import { buildElectronSqlite } from './electron-native';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const say = (line: string) => process.stderr.write(`${line}\n`);

async function serveWeb(reason: string): Promise<void> {
  say(`Electron cannot run here: ${reason}.`);
  say('Serving the same app on 127.0.0.1 instead (the web host, demo workspace).');
  const host = await runWebHost({ demo: true, log: say });
  say('Open this address in a browser (Ctrl+C stops it):');
  process.stdout.write(`${host.url}\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await host.close();
}

/**
 * Electron's own install step (which downloads its binary) is not run by `npm install` here (package.json
 * `allowScripts`), so that installing never fails offline. The first `npm start` fetches the binary instead;
 * when that is impossible (no network, ELECTRON_SKIP_BINARY_DOWNLOAD) the web host takes over.
 */
function fetchElectronBinary(): void {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  try {
    require('electron');
    return; // already there
  } catch {
    // not downloaded yet
  }
  const installer = resolve(ROOT, 'node_modules/electron/install.js');
  if (!existsSync(installer)) return;
  say('Fetching the Electron binary (once)…');
  const r = spawnSync(process.execPath, [installer], { cwd: resolve(ROOT, 'node_modules/electron'), encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    const why = `${r.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`;
    say(`Could not fetch the Electron binary (${why.trim()}).`);
  }
}

async function main(): Promise<void> {
  fetchElectronBinary();
  const problem = electronProblem({
    platform: process.platform,
    env: process.env,
    electronPath: () => require('electron') as string,
    exists: existsSync,
  });
  if (problem) return serveWeb(problem);
  try {
    buildElectronSqlite(false, say);
  } catch (e) {
    return serveWeb(`better-sqlite3 could not be built for Electron (${e instanceof Error ? e.message : String(e)})`);
  }
  ensureRendererBuilt(ROOT, say, appStale);
  const child = spawn(require('electron') as string, ['.', '--demo'], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => (process.exitCode = code ?? 0));
}

await main();
