// The demo's Exceptions view at work, in Chromium through the web host (issue 19 point 7): the demo's Xero holds sales
// invoices and credit notes and its sample CocoonOPS exceptions export is imported, so "Invoice # must be unique"
// shows every verdict (in Xero and matches, in Xero but differs, not in Xero), each saying only what it compared; a
// number pasted alone says "exists in Xero: compare it" with Xero's values beside each field to compare.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: 'Exceptions' });
const row = (number: string) => grid().locator('[role="row"][data-id]', { hasText: number });
const check = () => page.getByRole('complementary', { name: 'Exception detail' }).getByRole('region', { name: 'Invoice check' });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('the demo opens on its exceptions: every "Invoice # must be unique" verdict, each in words about what it compared', async () => {
  await page.getByRole('link', { name: 'Exceptions' }).click();
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(18);
  await expect(row('CO-104206')).toContainText('In Xero, matches');
  await expect(row('CO-104214')).toContainText('In Xero, differs');
  await expect(row('CO-104464')).toContainText('Not in Xero');
  await expect(grid()).not.toContainText('Cannot check');

  await row('CO-104206').click();
  await expect(check()).toContainText(
    'The invoice CO-104206 exists in Xero and matches on type, contact, date, total and currency: safe to close the exception in CocoonOPS.',
  );
  await expect(check().getByRole('table')).toContainText('03/09/2026');
  await row('CO-104214').click();
  await expect(check()).toContainText('exists in Xero but differs');
  await expect(check().locator('tr.differs')).toHaveCount(2); // another customer's invoice: contact and total
  await row('CO-104464').click();
  await expect(check()).toContainText('CO-104464 is not among the synced sales invoices and credit notes: re-send it from CocoonOPS.');
  await row('CO-104214').click();
  await shot('41-demo-verdicts');
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(row('CO-104464')).toBeInViewport();
  await shot('41-demo-verdicts-1024');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('41-demo-verdicts-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  for (const [label, count] of [
    ['In Xero, matches', 5],
    ['In Xero, differs', 3],
    ['Not in Xero', 2],
  ] as const) {
    await page.getByLabel('Verdict').selectOption({ label });
    await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(count + 1);
  }
  await page.getByLabel('Verdict').selectOption({ label: 'All verdicts' });
});

test('a number alone: "exists in Xero: compare it with CocoonOPS\'s invoice before closing", never "matches"', async () => {
  const form = page.getByRole('form', { name: 'Paste an exception' });
  await form.getByLabel('Xero error message').fill('Invoice # must be unique.');
  await form.getByLabel('Invoice / credit note number').fill('CO-104210');
  await form.getByRole('button', { name: 'Add exception' }).click();
  await expect(grid().locator('[role="row"][aria-selected="true"]')).toContainText('In Xero, compare');
  await expect(check()).toContainText(
    "The invoice CO-104210 exists in Xero: compare it with CocoonOPS's invoice before closing — its type, contact, date, total and currency (not in the exception).",
  );
  await expect(check()).not.toContainText(/matches|safe to close/);
  // Each field to compare shows Xero's value beside it.
  const rows = check().locator('tr.not-compared');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'Date' })).toContainText(/\d{2}\/\d{2}\/2026/);
  await expect(rows.filter({ hasText: 'Currency' })).toContainText('AUD');
  await expect(page.getByRole('region', { name: 'Steps' })).toContainText(
    "Open invoice CO-104210 in Xero and compare its type, contact, date, total and currency with CocoonOPS's",
  );
  await shot('42-verdict-compare');
});
