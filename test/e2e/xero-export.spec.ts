// Xero's own contacts export in Chromium through the web host, as a bookkeeper without an API app starts: the
// CocoonOPS export, then the All contacts export (the dialog asks which list it is), the review saying what it cannot
// know, the Archived export (its list chosen by hand: Xero names every download alike), and the Push screen refusing.
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHost, ROOT, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;
let downloads: string;

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'xero', 'export', name);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const importDialog = () => page.getByRole('dialog', { name: 'Import', exact: true });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const caveats = () => page.getByRole('note', { name: "What Xero's contacts export cannot tell" });
const row = (code: string) => grid().locator(`[role="row"][data-code="${code}"]`);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openHost(browser, { viewport: { width: 1280, height: 860 } }));
  downloads = mkdtempSync(join(tmpdir(), 'reconciler-e2e-downloads-'));
  await page.goto(host.url);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  rmSync(downloads, { recursive: true, force: true });
});

test('imports the All contacts export and says what the review cannot know from it', async () => {
  await page.getByRole('button', { name: 'Import CocoonOPS export…' }).click();
  await importDialog().getByLabel('File to import').setInputFiles(fixture('cocoon.csv'));
  await importDialog().getByRole('button', { name: 'Import 10 rows' }).click();
  await expect(grid()).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = importDialog();
  await dialog.getByRole('radio', { name: /^Xero contacts/ }).check();
  await expect(dialog).toContainText('In Xero, open Contacts → All contacts and click Export');
  await dialog.getByLabel('File to import').setInputFiles(fixture('all-contacts.csv'));
  await expect(dialog.getByRole('radio', { name: 'All contacts' })).toBeChecked();
  await shot('xero-export-01-import-all');
  await dialog.getByRole('button', { name: 'Import contacts' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: "Imported 9 Xero contacts from all-contacts.csv (Xero's export of All contacts)" }),
  ).toBeVisible();

  await expect(caveats()).toContainText("Xero side: Xero's contacts export (All contacts).");
  await expect(caveats()).toContainText('nothing can be pushed to Xero until this workspace is connected and synced');
  await expect(caveats()).toContainText('Archived contacts are missing');
  await expect(row('C001')).toContainText('Name mismatch');
  await expect(row('C001')).toContainText('Creme Brulee Transport');
  await expect(row('S001')).toContainText('Not in Xero'); // archived in Xero, and not in this export
  await row('C001').click();
  const detail = page.getByRole('complementary', { name: 'Account detail' });
  await expect(detail).toContainText('Crème Brûlée Transport');
  await expect(detail).toContainText('Creme Brulee Transport');
  await expect(detail).not.toContainText('No Xero data');
  await shot('xero-export-02-review-all');
});

test('the Archived export, its list chosen by hand, completes the picture; the Push screen refuses and says why', async () => {
  copyFileSync(fixture('archived.csv'), join(downloads, 'Contacts.csv'));
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = importDialog();
  await dialog.getByRole('radio', { name: /^Xero contacts/ }).check();
  await dialog.getByLabel('File to import').setInputFiles(join(downloads, 'Contacts.csv'));
  await expect(dialog.getByRole('radio', { name: 'All contacts' })).toBeChecked(); // the name says nothing
  await dialog.getByRole('radio', { name: 'Archived' }).check();
  await expect(dialog).toContainText('Its contacts are marked archived');
  await shot('xero-export-03-import-archived');
  await dialog.getByRole('button', { name: 'Import contacts' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: "Imported 2 Xero contacts from Contacts.csv (Xero's export of Archived)" }),
  ).toBeVisible();

  await expect(caveats()).toContainText("Xero's contacts export (All contacts, Archived).");
  await expect(caveats()).not.toContainText('Archived contacts are missing');
  await expect(row('S001')).toContainText('Archived holder');
  await expect(row('F001')).toContainText('Archived holder');
  await shot('xero-export-04-review-all-archived');

  await page.getByRole('link', { name: 'Push', exact: true }).click();
  await expect(page.getByTestId('not-ready')).toContainText(
    "come from Xero's contacts export, which has no ContactIDs: nothing can be pushed",
  );
  await expect(page.getByRole('button', { name: 'Push to Xero' })).toBeDisabled();
  await shot('xero-export-05-push-refused');
});
