// Coming back to work, in Chromium through the web host (issue 19 point 8): the start screen lists the workspaces
// opened before, newest first, each with its name, Xero organisation, last sync and how many accounts fail; one
// click reopens one, and Close comes back to the list. One workspace is connected to a stand-in Xero and synced
// (by the command line, as a bookkeeper's scheduled run would), the other is made in the app from an import.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHost, ROOT, runCli as cli, SCREENSHOTS, startSandbox, type WebHost } from './web-host';

let host: WebHost;
let page: Page;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let dir: string;
let booksPath: string;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const recent = () => page.getByRole('region', { name: 'Recent workspaces' });
const item = (name: string) => recent().getByRole('button', { name: new RegExp(`^${name}:`) });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox();
  const { url } = sandbox;
  dir = mkdtempSync(join(tmpdir(), 'reconciler-e2e-recent-'));
  booksPath = join(dir, 'Acme Books.reconciler');
  const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: url };
  cli(['connect', '--xero-url', url, '--workspace', booksPath, '--port', '0'], env);
  cli(['import', 'cocoon', join(ROOT, 'test/fixtures/exceptions/accounts.csv'), '--workspace', booksPath], env);
  cli(['sync', '--workspace', booksPath], env);
  ({ host, page } = await openHost(browser, { args: ['--workspace', booksPath], env }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('Close returns to the start screen, which lists the workspace with its organisation, last sync and failing count', async () => {
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: /Billing accounts/ });
  await expect(grid).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Cocoon ⇄ Xero Reconciler' })).toBeVisible();
  const books = item('Acme Books');
  await expect(books).toContainText('Demo Company (AU)');
  await expect(books).toContainText(/Last sync \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m/);
  await expect(books).toContainText(/^.*\d+ will fail$/);
  await expect(books).toContainText(booksPath);
});

test('a second workspace made from an import is listed first; one click reopens the other', async () => {
  // From the start screen: import a CocoonOPS export and Xero's contacts export (a new workspace, no Xero connection).
  await page.getByRole('button', { name: 'Import CocoonOPS export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import', exact: true });
  await dialog.getByLabel('File to import').setInputFiles(join(ROOT, 'demo/cocoon.csv'));
  await dialog.getByRole('button', { name: /^Import 829 rows/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await dialog
    .getByRole('radio', { name: /Xero contacts/ })
    .first()
    .check();
  await dialog.getByLabel('File to import').setInputFiles(join(ROOT, 'demo/xero-contacts.json'));
  await dialog
    .getByRole('button', { name: /^Import/ })
    .last()
    .click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(/829 billing accounts · 1,094 Xero contacts/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  const items = recent().getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('My workspace');
  await expect(items.nth(1)).toContainText('Acme Books');
  const mine = item('My workspace');
  await expect(mine).toContainText('Not connected to Xero');
  await expect(mine).toContainText(/Xero file imported \d{2}\/\d{2}\/\d{4}/);
  await expect(mine).toContainText('344 will fail');
  await shot('40-recent-workspaces');
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(item('Acme Books')).toBeInViewport();
  await shot('40-recent-workspaces-1024');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('40-recent-workspaces-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  await item('Acme Books').click();
  await expect(page.getByRole('grid', { name: /Billing accounts/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('header')).toContainText('Acme Books');
});
