// Starts `reconciler web` in a child process with its own data folder and port, and reads the address it prints.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
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
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/reconciler.js'), 'web', '--no-build', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', ...env },
  });
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

/**
 * A web host of its own and a page on its demo with the review table shown: 1280 × 900, light, an Australian
 * locale and time zone unless `options` says otherwise.
 */
export async function openDemo(browser: Browser, options: BrowserContextOptions = {}): Promise<{ host: WebHost; page: Page }> {
  const host = await startWebHost();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-AU', timezoneId: 'Australia/Sydney', ...options });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await page.getByRole('grid', { name: /Billing accounts/ }).waitFor({ timeout: 60_000 });
  return { host, page };
}
