// Both import dialogs in Chromium through the web host, as a bookkeeper uses them: a CocoonOPS export whose
// account-code column the matcher does not know (an error blocks Import until the column is chosen, then the
// accounts land in the review), files that cannot be imported (a clear message, nothing stored), and an
// Exceptions Manager export (the mapped columns and first rows, then the exceptions listed).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, ROOT, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const fixture = (...parts: string[]) => join(ROOT, 'test', 'fixtures', ...parts);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const importDialog = () => page.getByRole('dialog', { name: 'Import', exact: true });
const problems = () => importDialog().getByRole('region', { name: 'Problems by row' });
const CODES = ['ACME01', 'SCT01', 'OHL01', 'GSRF', 'BOS01'];

/** Sees the dialog's import button enabled (screenshot), clicks it, and sees the dialog close and the toast. */
async function importFrom(dialog: Locator, button: string, screenshot: string, toast: string): Promise<void> {
  const importButton = dialog.getByRole('button', { name: button });
  await expect(importButton).toBeEnabled();
  await shot(screenshot);
  await importButton.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: toast })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser, { viewport: { width: 1280, height: 800 } }));
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(830);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('imports a CocoonOPS export after choosing the column the matcher did not recognise', async () => {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = importDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'CocoonOPS billing accounts (CSV / XLSX)' })).toBeChecked();
  await dialog.getByLabel('File to import').setInputFiles(fixture('cocoon', 'renamed-columns.csv'));

  // "Debtor ID" is no known name for the billing account code: the preview says so and Import is blocked.
  await expect(dialog).toContainText('CSV · read as UTF-8 · 5 rows · 1 error: nothing can be imported until they are fixed');
  await expect(problems()).toContainText('no column for the billing account code');
  await expect(problems()).toContainText('"Debtor ID"');
  const codeColumn = dialog.getByLabel('Column for Billing account code');
  await expect(codeColumn).toHaveValue('');
  await expect(dialog.getByLabel('Column for Organisation name')).toHaveValue('Organisation Name');
  await expect(dialog.getByLabel('Column for Contact name')).toHaveValue('Contact Name');
  await expect(dialog.getByLabel('Column for Status')).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Import 5 rows' })).toBeDisabled();
  await shot('13-import-mapping-error');

  await codeColumn.selectOption('Debtor ID');
  await expect(dialog).toContainText('CSV · read as UTF-8 · 5 rows · no errors');
  await expect(problems()).toHaveCount(0);
  const table = dialog.getByRole('table', { name: 'The first rows as they will be imported' });
  await expect(table.getByRole('columnheader', { name: 'Billing account code' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').nth(1)).toContainText('Acme Freight Pty Ltd');
  await expect(table.getByRole('row').nth(1)).toContainText('ACME01');
  await importFrom(
    dialog,
    'Import 5 rows',
    '14-import-mapping-fixed',
    'Imported 5 billing accounts from renamed-columns.csv (read as UTF-8)',
  );
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(CODES.length + 1);
  for (const code of CODES) await expect(grid().locator(`[role="row"][data-code="${code}"]`)).toBeVisible();
  await expect(grid().locator('[data-code="ACME01"]')).toContainText('Acme Freight Pty Ltd');
  await shot('15-import-done');
});

test('says why a file cannot be imported and stores nothing', async () => {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = importDialog();
  const file = dialog.getByLabel('File to import');

  // A report saved from the browser as a web page, with an Excel name.
  await file.setInputFiles(fixture('cocoon', 'saved-as-web-page.xls'));
  await expect(problems()).toContainText('saved-as-web-page.xls is a web page (HTML), not a CSV or XLSX file');
  await expect(dialog).toContainText('The file could not be read: the problem below says why, and what to do.');
  await expect(dialog.getByLabel('Column for Organisation name')).toBeHidden();
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();

  // A CSV, but of invoices: neither the organisation name nor the account code is there.
  await file.setInputFiles(fixture('cocoon', 'wrong-columns.csv'));
  await expect(dialog).toContainText('2 rows · 2 errors: nothing can be imported until they are fixed');
  await expect(problems()).toContainText('no column for the organisation name');
  await expect(problems()).toContainText('no column for the billing account code');
  await expect(problems()).toContainText('Columns found: "Invoice", "Amount", "Due Date"');
  await expect(problems()).not.toContainText('web page');
  await expect(dialog.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();
  await shot('16-import-bad-file');

  // UTF-8 ("Acmé") with one Windows-1252 byte: refused, naming the line, until the user chooses an encoding.
  const mixed = Buffer.from([
    ...Buffer.from('Organisation Name,Billing Account Code\nAcmé Pty Ltd,A1\nBeta'),
    0xa0,
    ...Buffer.from('Freight,B2\n'),
  ]);
  await file.setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: mixed });
  await expect(problems()).toContainText('mixed.csv mixes UTF-8 with bytes that are not UTF-8 (line 3)');
  await expect(problems()).toContainText('Save the export as UTF-8');
  await expect(dialog).toContainText('The file could not be read: the problem below says why, and what to do.');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await shot('16b-import-mixed-encoding');
  const encoding = dialog.getByLabel('Encoding');
  await encoding.selectOption('windows-1252');
  await expect(dialog).toContainText('CSV · read as Windows-1252 · 2 rows · no errors');
  const rows = dialog.getByRole('table', { name: 'The first rows as they will be imported' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('AcmÃ© Pty Ltd');
  await encoding.selectOption('utf-8');
  await expect(dialog).toContainText('CSV · read as UTF-8 · 2 rows · no errors');
  await expect(rows.nth(1)).toContainText('Acmé Pty Ltd');
  await expect(rows.nth(2)).toContainText('Beta\ufffdFreight');
  await expect(dialog.getByRole('button', { name: 'Import 2 rows' })).toBeEnabled();
  await shot('16c-import-encoding-chosen');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /Imported .* from (wrong-columns|saved-as-web-page|mixed)/ })).toHaveCount(0);
  await page.reload();
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(CODES.length + 1);
  for (const code of CODES) await expect(grid().locator(`[role="row"][data-code="${code}"]`)).toBeVisible();
});

test('imports an Exceptions Manager export and lists the exceptions', async () => {
  await page.getByRole('link', { name: 'Exceptions' }).click();
  const exceptions = page.getByRole('grid', { name: 'Exceptions' });
  // The demo's own sample export is there already: 17 open exceptions.
  await expect.poll(async () => Number(await exceptions.getAttribute('aria-rowcount'))).toBe(18);
  await page.getByRole('button', { name: 'Import exceptions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CocoonOPS exceptions' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Exceptions file to import')).toBeFocused();
  await dialog.getByLabel('Exceptions file to import').setInputFiles(fixture('exceptions', 'exceptions.csv'));

  await expect(dialog).toContainText('CSV · read as UTF-8 · 13 rows · no errors');
  const mapped: [string, string][] = [
    ['Exception text', 'Exception'],
    ['Document number', 'Document Number'],
    ['Document type', 'Type'],
    ['Billing account code', 'Billing Account'],
    ['Organisation / contact', 'Organisation'],
    ['Document date', 'Invoice Date'],
    ['Total', 'Total'],
    ['Currency', 'Currency'],
    ['Invoice state', 'Invoice State'],
    ['Exception raised', 'Exception Date'],
  ];
  for (const [field, header] of mapped) await expect(dialog.getByLabel(`Column for ${field}`)).toHaveValue(header);
  await expect(dialog.getByLabel('Column for Invoice number')).toHaveValue('');
  const table = dialog.getByRole('table', { name: 'The first rows as they will be imported' });
  await expect(table.getByRole('columnheader', { name: 'Exception text' })).toBeVisible();
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('INV-0001');
  await expect(first).toContainText('ACME01');
  await expect(first).toContainText('Invoice # must be unique');
  await expect(table.getByRole('row').nth(2)).toContainText('SCT01');
  await importFrom(
    dialog,
    'Import 13 rows',
    '17-exceptions-import-preview',
    'Imported 13 exceptions from exceptions.csv (read as UTF-8): 13 new, 0 updated',
  );
  await expect.poll(async () => Number(await exceptions.getAttribute('aria-rowcount'))).toBe(18 + 13);
  await expect(exceptions.locator('[role="row"][data-id]').filter({ hasText: 'INV-0001' })).toContainText('ACME01');
  await expect(exceptions.locator('[role="row"][data-id]').filter({ hasText: 'CO-12' })).toContainText(
    'Organisation is not subscribed to currency USD',
  );
  await expect(exceptions.locator('[role="row"][aria-selected="true"]')).toHaveCount(1);
  await shot('18-exceptions-imported');
});
