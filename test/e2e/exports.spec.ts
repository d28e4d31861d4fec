// Exports of what is on screen (issue 19 point 4), in Chromium through the web host on the demo: the review's rows as
// filtered and sorted (with a decision whose note looks like a formula), the push plan after a bulk accept, and the
// exceptions list, each saved through "Export…" as the browser's download and read back (exceljs, csv-parse).
// Screenshots at 1280 × 900, and at 1024 × 700 in the dark theme.
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv, readXlsx } from '../support/read-export';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const NOTE = '=SUM(A1:A9) checked by hand';
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const bodyRows = () => grid().locator('.grid-body [role="row"]');
const exportDialog = (title: string) => page.getByRole('dialog', { name: title });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser, { acceptDownloads: true }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

/** Chooses the format in an open export dialog, exports, and returns the downloaded file. */
async function exportAs(title: string, format: 'Excel workbook (.xlsx)' | 'CSV (.csv)'): Promise<{ download: Download; bytes: Buffer }> {
  const dialog = exportDialog(title);
  await dialog.getByRole('radio', { name: format }).check();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloaded;
  await expect(dialog).toBeHidden();
  return { download, bytes: readFileSync((await download.path())!) };
}

test('review: Export… saves the rows shown, filtered and sorted, with finding, reason and decision', async () => {
  await page.getByLabel('Finding kind').selectOption('code_conflict');
  // A decision whose note a spreadsheet would run as a formula.
  await bodyRows().nth(2).locator('[role="gridcell"]').nth(1).click();
  const ignored = (await bodyRows().nth(2).getAttribute('data-code'))!;
  await page.keyboard.press('i');
  await page
    .getByRole('dialog', { name: `Ignore ${ignored}` })
    .getByLabel('Note')
    .fill(NOTE);
  await page
    .getByRole('dialog', { name: `Ignore ${ignored}` })
    .getByRole('button', { name: 'Ignore' })
    .click();
  await expect(grid().locator(`[data-code="${ignored}"] .decision-mark`)).toBeVisible();
  await grid().getByRole('button', { name: 'Score' }).click(); // highest score first
  await expect(grid().getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');

  const shown = Number(await page.getByTestId('shown-count').getAttribute('data-shown'));
  expect(shown).toBeGreaterThan(20);
  // The rows the virtualised table has rendered, each at its place in the list shown.
  const onScreen = await bodyRows().evaluateAll((rows) =>
    rows.map((r) => ({
      at: Number(r.getAttribute('aria-rowindex')) - 2,
      code: r.getAttribute('data-code')!,
      score: r.querySelector('.col-score')!.textContent!.trim(),
    })),
  );
  expect(onScreen.length).toBeGreaterThan(10);

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog('Export the review').getByTestId('export-scope')).toContainText(
    `The ${shown} accounts shown (of 829), in the order shown`,
  );
  await shot('50-export-review-dialog');
  const xlsx = await exportAs('Export the review', 'Excel workbook (.xlsx)');
  expect(xlsx.download.suggestedFilename()).toBe('Demo review.xlsx');
  await expect(page.getByRole('status').filter({ hasText: `Downloaded Demo review.xlsx (${shown} rows)` })).toBeVisible();

  const sheet = await readXlsx(xlsx.bytes);
  expect(sheet.rows).toHaveLength(shown);
  expect(onScreen.map((r) => sheet.rows[r.at]![0])).toEqual(onScreen.map((r) => r.code));
  expect(onScreen.map((r) => `${Math.round((sheet.rows[r.at]![3] as number) * 100)}%`)).toEqual(onScreen.map((r) => r.score));
  expect(new Set(sheet.rows.map((r) => r[2]))).toEqual(new Set(['Code conflict']));
  const scores = sheet.rows.map((r) => r[3] as number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(sheet.rows.every((r) => typeof r[7] === 'string' && (r[7] as string).length > 20)).toBe(true); // the reason
  const decided = sheet.rows.find((r) => r[0] === ignored)!;
  expect(decided.slice(8, 10)).toEqual(['Ignored', 'Decided']);
  expect(decided[10]).toBeInstanceOf(Date);
  expect(decided[12]).toBe(`'${NOTE}`);
  expect(sheet.hasFormula).toBe(false);
  expect(sheet.frozenRows).toBe(1);

  await page.getByRole('button', { name: 'Export…' }).click();
  const csv = readCsv((await exportAs('Export the review', 'CSV (.csv)')).bytes);
  expect(csv.rows.map((r) => r[0])).toEqual(sheet.rows.map((r) => r[0]));
  expect(csv.rows.find((r) => r[0] === ignored)![12]).toBe(`'${NOTE}`);

  // 1024 × 700, dark: the filter bar keeps Export… in view; the dialog fits.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Export…' })).toBeInViewport({ ratio: 1 });
  await shot('50-export-review-1024-dark');
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(exportDialog('Export the review').getByRole('button', { name: 'Export', exact: true })).toBeInViewport({ ratio: 1 });
  await shot('50-export-review-dialog-1024-dark');
  await exportDialog('Export the review').getByRole('button', { name: 'Cancel' }).click();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('push plan: Export plan… saves one row per field the push writes', async () => {
  await page.getByLabel('Finding kind').selectOption('name_mismatch');
  await page.getByRole('button', { name: 'Accept shown…' }).click();
  const bulk = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: /^Accept \d+ suggestions?$/ }) });
  await bulk.getByRole('button', { name: /^Accept \d+ suggestions?$/ }).click();
  await expect(bulk).toBeHidden();

  await page.getByRole('link', { name: 'Push' }).click();
  const planItems = page.getByTestId('plan-item');
  await expect(planItems.first()).toBeAttached();
  const codes = await planItems.evaluateAll((items) => items.map((i) => i.getAttribute('data-code')!));
  await page.getByRole('button', { name: 'Export plan…' }).click();
  await shot('51-export-plan-dialog');
  const xlsx = await exportAs('Export the push plan', 'Excel workbook (.xlsx)');
  expect(xlsx.download.suggestedFilename()).toBe('Demo push plan.xlsx');
  const sheet = await readXlsx(xlsx.bytes);
  expect(sheet.name).toBe('Push plan');
  const sent = sheet.rows.filter((r) => r[7] === 'Yes');
  expect([...new Set(sent.map((r) => r[0]))]).toEqual([...new Set(codes)]);
  expect(sent.every((r) => typeof r[4] === 'string' && r[6] !== null)).toBe(true);
  await expect(page.getByTestId('push-message')).toHaveText(/^Downloaded Demo push plan\.xlsx \(\d+ rows\)$/);
  await shot('51-export-plan-done');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('51-export-plan-1024-dark');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('exceptions: Export… saves the exceptions listed, in their order', async () => {
  await page.getByRole('link', { name: 'Exceptions' }).click();
  const form = page.getByRole('form', { name: 'Paste an exception' });
  for (const [message, code] of [
    ['The Account Number already exists. Please enter a different Account Number.', 'CAROLE01'],
    ['Invoice # must be unique', 'C01292'],
  ] as const) {
    await form.getByLabel('Xero error message').fill(message);
    await form.getByLabel('Billing account code').fill(code);
    await form.getByRole('button', { name: 'Add exception' }).click();
    await expect(page.getByRole('grid', { name: 'Exceptions' }).locator('[role="row"]', { hasText: code })).toBeVisible();
  }
  const listed = await page
    .getByRole('grid', { name: 'Exceptions' })
    .locator('.exceptions-body [role="row"]')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('[role="gridcell"]')[2]!.textContent!.trim()));
  await page.getByRole('button', { name: 'Export…' }).click();
  await shot('52-export-exceptions-dialog');
  const file = await exportAs('Export the exceptions', 'CSV (.csv)');
  expect(file.download.suggestedFilename()).toBe('Demo exceptions.csv');
  const csv = readCsv(file.bytes);
  expect(csv.bom).toBe(true);
  expect(csv.rows.map((r) => r[3])).toEqual(listed);
  expect(csv.rows.every((r) => r[0] === 'Open' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[14]!))).toBe(true); // Imported, a local time
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Export…' })).toBeInViewport({ ratio: 1 });
  await shot('52-export-exceptions-1024-dark');
});
