// Stopping a long match, in Chromium through the web host: a bookkeeper imports a large CocoonOPS export, clicks
// Stop matching in the import dialog while the accounts are being matched, is told the findings are out of date
// (no count is claimed from them), and matches again from the banner. Stopping matching never undoes an import.
import { expect, test, type Page } from '@playwright/test';
import { csvFormat, csvParse } from 'd3-dsv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDemo, ROOT, SCREENSHOTS, type WebHost } from './web-host';

/** Enough accounts that matching them takes seconds on the demo's contacts, long enough to click Cancel. */
const ACCOUNTS = 40_000;

let host: WebHost;
let page: Page;
let dir: string;

const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const rowCount = async () => Number(await grid().getAttribute('aria-rowcount'));

/** The demo's own export, its rows repeated under new codes until there are `count` of them. */
function largeExport(count: number): string {
  const rows = csvParse(readFileSync(join(ROOT, 'demo', 'cocoon.csv'), 'utf8'));
  const repeated: Record<string, string | undefined>[] = Array.from({ length: count }, (_, i) => ({
    ...rows[i % rows.length]!,
    'Billing Account Code': `BULK${String(i).padStart(6, '0')}`,
  }));
  return csvFormat(repeated, rows.columns);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'reconciler-cancel-'));
  writeFileSync(join(dir, 'large-export.csv'), largeExport(ACCOUNTS));
  ({ host, page } = await openDemo(browser, { viewport: { width: 1280, height: 800 } }));
  await expect.poll(rowCount).toBe(830);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('stops the matching after an import from the import dialog, keeps the import, and matches again from the banner', async () => {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import', exact: true });
  await dialog.getByLabel('File to import').setInputFiles(join(dir, 'large-export.csv'));
  await expect(dialog).toContainText(`${ACCOUNTS.toLocaleString('en')} rows`, { timeout: 60_000 });
  await dialog.getByRole('button', { name: `Import ${ACCOUNTS.toLocaleString('en')} rows` }).click();

  // The dialog waits for the matching after the import, and shows it with a way to stop it (the window's own
  // progress line is under the modal dialog). Stopping it ends the import: the dialog closes with its message.
  const stop = dialog.getByRole('status').getByRole('button', { name: 'Stop matching' });
  await expect(stop).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: join(SCREENSHOTS, '30-match-in-progress.png') });
  await stop.click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `Imported ${ACCOUNTS.toLocaleString('en')} billing accounts from large-export.csv` }),
  ).toBeVisible();

  // The import stays; no count is claimed from findings older than it, and the new accounts say they await matching.
  const banner = page.getByRole('status').filter({ hasText: 'Findings are out of date' });
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('failing-count')).toHaveText('—');
  await expect(page.getByRole('region', { name: 'Dashboard' })).toContainText('Match again to see which accounts will fail');
  await expect.poll(rowCount, { timeout: 30_000 }).toBe(ACCOUNTS + 1);
  await expect(grid().locator('[role="row"][data-code="BULK000000"]')).toContainText('Not matched yet');
  await grid().locator('[role="row"][data-code="BULK000000"]').click();
  await expect(page.getByText('No finding yet: matching stopped before it reached this account (Match again).')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, '31-match-cancelled.png') });

  // Matching again from the banner finishes: every imported account has its finding, and the banner goes.
  await banner.getByRole('button', { name: 'Match again' }).click();
  await expect(banner).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('failing-count')).not.toHaveText('—');
  // The table reloads (its first rows first, then the rest).
  await expect.poll(rowCount, { timeout: 30_000 }).toBe(ACCOUNTS + 1);
  // Matched, the account has moved in the table's order (its kind's place): look it up by its code.
  await page.getByLabel('Search accounts and Xero contacts').fill('BULK000000');
  await expect(grid().locator('[role="row"][data-code="BULK000000"]')).toBeVisible();
  await expect(grid().locator('[role="row"][data-code="BULK000000"]')).not.toContainText('Not matched yet');
});
