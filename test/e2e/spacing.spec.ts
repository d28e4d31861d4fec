// Names that differ only in spacing, seen as they are (walk finding 10), in Chromium through the web host on the demo:
// 609144 is "Columbia Explorers" in CocoonOPS and "Columbia  Explorers" (two spaces) in Xero. The review table's
// cells (on one line, with an ellipsis), the detail pane, the accept dialog, the checklist and its printed page keep
// both spaces (what innerText reads is what is drawn), and say where the spacing differs. Screenshots go to
// test-results/screenshots/.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const COCOON = 'Columbia Explorers';
const XERO = 'Columbia  Explorers';
const WHERE = 'one space → two spaces after “Columbia”';
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const detail = () => page.getByRole('complementary', { name: 'Account detail' });
/** The text as drawn: innerText follows white-space, so collapsed spaces read as one. */
const drawn = (l: Locator) => l.evaluate((e) => (e as HTMLElement).innerText);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('the table, the detail pane and the accept dialog show both spaces and say where they differ', async () => {
  await page.getByRole('searchbox').first().fill('609144');
  const row = grid().locator('[role="row"]', { hasText: '609144' }).first();
  const cells = row.locator('[role="gridcell"]');
  await expect(cells.nth(5)).toBeVisible();
  expect(await drawn(cells.nth(2))).toBe(COCOON);
  expect(await drawn(cells.nth(5))).toBe(XERO);
  // The name cells stay one line, cut short with an ellipsis.
  expect(await cells.nth(5).evaluate((e) => [getComputedStyle(e).whiteSpace, getComputedStyle(e).textOverflow])).toEqual([
    'pre',
    'ellipsis',
  ]);
  // The extra space is marked, and says what it is.
  await expect(cells.nth(5).locator('mark.diff-blank')).toHaveAttribute('title', 'one space more');

  await cells.nth(1).click();
  await page.keyboard.press('Enter');
  await expect(detail().getByRole('heading', { level: 2 })).toContainText('609144');
  expect(await drawn(detail().locator('.explanation'))).toContain(
    `names differ only in spacing ('${XERO}': two spaces after “Columbia” in Xero, one space in CocoonOPS)`,
  );
  const nameRow = detail().getByRole('row', { name: /^Name/ });
  expect(await drawn(nameRow.locator('td').nth(0))).toBe(COCOON);
  expect(await drawn(nameRow.locator('td').nth(1))).toBe(XERO);
  expect(await drawn(detail().getByRole('region', { name: 'Evidence' }))).toContain(`Compared with Xero’s “${XERO}”`);
  await shot('spacing-01-detail');

  await detail().getByRole('button', { name: 'Accept…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept a fix for 609144' });
  const cocoon = dialog.locator('[data-action="rename_in_cocoon"]');
  expect(await drawn(cocoon)).toContain(`Rename "${COCOON}" in CocoonOPS to "${XERO}" (the Xero name is right).`);
  expect(await drawn(cocoon)).toContain(`name "${COCOON}" → "${XERO}" in CocoonOPS (only the spacing differs: ${WHERE})`);
  expect(await drawn(dialog.locator('[data-action="rename_in_xero"]'))).toContain(
    `Rename "${XERO}" in Xero to "${COCOON}" (the CocoonOPS name is right).`,
  );
  await shot('spacing-02-accept');

  await cocoon.click();
  await expect(dialog).toHaveCount(0);
  const decision = detail().getByRole('region', { name: 'Decision' });
  await expect(decision).toContainText('Rename in CocoonOPS');
  expect(await drawn(decision.locator('.changes li').first())).toContain(`“${COCOON}” → “${XERO}” (only the spacing differs: ${WHERE})`);
  await shot('spacing-03-decided');
});

test('the checklist line and its printed page show both spaces and say where they differ', async () => {
  await page.getByRole('link', { name: 'Checklist', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Filter the checklist' }).fill('609144');
  const line = page.getByTestId('checklist-line').filter({ hasText: '609144' });
  await expect(line).toHaveCount(1);
  const text = `Rename the organisation "${COCOON}" to "${XERO}" (billing account 609144), as its Xero contact is named. Only the spacing differs: ${WHERE}.`;
  expect(await drawn(line.locator('.checklist-text'))).toBe(text);
  await shot('spacing-04-checklist');

  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print…' }).click();
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('checklist-print').locator('.print-line', { hasText: '609144' });
  await expect(printed).toBeVisible();
  expect(await drawn(printed.locator('.text'))).toBe(text);
  expect(await drawn(printed.locator('strong'))).toBe(`609144 ${COCOON}`);
  await printed.scrollIntoViewIfNeeded();
  await shot('spacing-05-print');
  await page.emulateMedia({ media: 'screen' });
});
