// The checklist a bookkeeper prints (issue 19 point 3), in Chromium through the web host on the demo with an Australian
// locale: lines grouped by what is to be done with their progress; a re-send line only for accounts an exceptions
// export names invoices of, naming them; the filter; a tick that stays; dates in day-month-year, never ISO; the print
// stylesheet laying out every line the filter shows; CSV and XLSX downloads. Screenshots at 1280×900, 1024×700, dark.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const shot = (name: string, fullPage = false) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
const RAW_ISO = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;
const line = (text: string | RegExp) => page.getByTestId('checklist-line').filter({ hasText: text });
const task = (name: RegExp) => page.getByRole('group', { name: 'What to do' }).getByRole('button', { name });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
  // Accept the suggestions of every account, then paste the exceptions CocoonOPS raised for two of them.
  await page.getByRole('button', { name: /Accept shown/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Accept \d+ suggestions/ })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 60_000 });
  const url = new URL(host.url);
  for (const [number, accountCode] of [
    ['INV-1001', 'CAROLE01'],
    ['INV-1002', 'CAROLE01'],
    ['INV-2040', 'C01292'],
  ]) {
    const res = await page.request.post(`${url.origin}/api/exceptions.paste`, {
      headers: { authorization: `Bearer ${url.searchParams.get('token')}` },
      data: {
        message: 'The Account Number already exists. Please enter a different Account Number.',
        number,
        accountCode,
        docType: 'invoice',
      },
    });
    expect(res.status()).toBe(200);
  }
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('groups by what is to be done; re-sends name their invoices; filter, tick, dates in the user format', async () => {
  await page.getByRole('link', { name: 'Checklist', exact: true }).click();
  const tasks = page.getByRole('group', { name: 'What to do' });
  await expect(tasks.getByRole('button')).toHaveText([
    /^Everything.*0 of [\d,]+ done$/,
    /^Rename in CocoonOPS/,
    /^Change a billing account code in CocoonOPS/,
    /^Make a contact a customer in Xero's web app/,
    /^Re-send invoices from CocoonOPS.*0 of \d+ done$/,
    /^Check and close CocoonOPS exceptions/,
  ]);
  await shot('40-checklist');

  // Only accounts with failed invoices (the demo's exceptions export, and the two pasted here) get a re-send line,
  // and it names them.
  await task(/^Re-send invoices/).click();
  await expect(line('CAROLE01').getByTestId('checklist-documents')).toHaveText('Invoices: INV-1001INV-1002');
  await expect(line('CAROLE01')).toContainText('Re-send invoice INV-1001, invoice INV-1002 of "CAROLE ROBERTSON CENTER');
  await expect(line('C01292').getByTestId('checklist-documents')).toContainText('INV-2040');

  // The text filter finds an invoice number across the groups.
  await task(/^Everything/).click();
  await page.getByRole('searchbox', { name: 'Filter the checklist' }).fill('inv-2040');
  await expect(page.getByTestId('checklist-shown')).toHaveText(/^2 of [\d,]+ lines shown$/); // the re-send and the exception
  await page.getByRole('searchbox', { name: 'Filter the checklist' }).fill('');

  // A tick: the box, the group's and the whole list's progress, and the date it was done in day-month-year.
  const first = page.getByTestId('checklist-line').first();
  const key = await first.getAttribute('data-key');
  await first.getByRole('checkbox').check();
  await expect(first).toContainText(/done \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m/);
  await expect(task(/^Rename in CocoonOPS/)).toContainText(/1 of \d+ done/);
  await expect(page.getByTestId('checklist-count')).toContainText(/^1 of [\d,]+ done$/);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('done');
  await expect(page.getByTestId('checklist-line')).toHaveCount(1);
  await page.reload();
  await page.getByRole('combobox', { name: 'Show' }).selectOption('done');
  await expect(page.locator(`[data-key="${key}"]`).getByRole('checkbox')).toBeChecked();
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  await expect(page.getByRole('region', { name: /CocoonOPS checklist/ })).not.toContainText(RAW_ISO);
  await shot('40-checklist-ticked');

  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByRole('button', { name: 'Export XLSX' })).toBeInViewport();
  await expect(page.getByTestId('checklist-line').first()).toBeInViewport();
  await shot('40-checklist-1024');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('40-checklist-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('Print lays out every line the filter shows on paper; CSV and XLSX download', async () => {
  const total = Number((await page.getByTestId('checklist-shown').textContent())!.match(/^([\d,]+) of/)![1]!.replace(/,/g, ''));
  // Fewer rows than lines are in the page (virtualised)…
  expect(await page.getByTestId('checklist-line').count()).toBeLessThan(total);
  // …but the printed page holds them all. The print dialog itself is the browser's: stubbed here.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print…' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('checklist-print');
  await expect(printed).toBeVisible();
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(printed.locator('.print-line')).toHaveCount(total);
  await expect(printed.getByRole('heading', { level: 2 })).toHaveCount(5);
  await expect(printed).toContainText(/printed \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m/);
  await expect(printed).toContainText('Invoices: INV-1001, INV-1002');
  await expect(printed).not.toContainText(RAW_ISO);
  await shot('41-checklist-print');
  await page.emulateMedia({ media: 'screen' });

  const download = async (button: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  const csv = await download('Export CSV');
  expect(csv.name).toBe('demo checklist.csv');
  const text = csv.bytes.toString('utf8');
  expect(text.split('\n')[0]).toBe('to_do,billing_account_code,billing_account_name,where,what,invoices,steps,done,done_at,key');
  expect(text).toContain('"INV-1001, INV-1002"');
  expect(text).toMatch(/,yes,"\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m",/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  const xlsx = await download('Export XLSX');
  expect(xlsx.name).toBe('demo checklist.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByRole('status').filter({ hasText: 'Saved demo checklist.xlsx' })).toBeVisible();
});
