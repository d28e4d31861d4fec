// The browser tests' set-up: `reconciler web` in a child process with its own data folder and port (the address it
// prints read back), a page on it (or on its demo), the CLI run to its end, and the Xero stand-in.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface WebHost {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startWebHost(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<WebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reconciler-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/reconciler.js'), 'web', '--no-build', '--data-dir', dataDir, ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'test', ...env },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not print its address in 60 s:\n${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => /^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(l));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}) before printing its address:\n${stderr}`));
    });
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HostOptions extends BrowserContextOptions {
  /** Arguments for `reconciler web` (e.g. `--workspace`). */
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * A web host of its own and a page for it (not yet opened): 1280 × 900, light, an Australian locale and time zone
 * unless `options` says otherwise.
 */
export async function openHost(
  browser: Browser,
  { args = [], env = {}, ...context }: HostOptions = {},
): Promise<{ host: WebHost; page: Page }> {
  const host = await startWebHost(args, env);
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    locale: 'en-AU',
    timezoneId: 'Australia/Sydney',
    ...context,
  });
  return { host, page };
}

/** As openHost, with the page on the host's demo and the review table shown. */
export async function openDemo(browser: Browser, options: HostOptions = {}): Promise<{ host: WebHost; page: Page }> {
  const { host, page } = await openHost(browser, options);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('grid', { name: /Billing accounts/ }).waitFor({ timeout: 60_000 });
  return { host, page };
}

/** Runs `reconciler <args>` to its end; throws with its stderr when it fails. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/reconciler.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`reconciler ${args.join(' ')}: ${r.stderr}`);
}

/** The project's Xero stand-in (`reconciler sandbox`) on a port of its own, approving every sign-in. */
export async function startSandbox(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/reconciler.js'), 'sandbox', '--port', '0', '--auto-approve', '--any-redirect-port'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolveUrl(out.split('\n')[0]!.trim());
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
