// The fix loop tells the truth, as a bookkeeper sees it on the demo: accept every suggestion, read the push plan's
// what-if ("after the push alone: X pass, and Y accounts fail on the next sync"), push, and the dashboard then counts exactly Y failing
// accounts, none of them a pushed fix that did not work.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const number = async (text: Promise<string | null>) => Number((await text)!.replace(/[^\d]/g, ''));

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('accept every suggestion, read the what-if, push: the dashboard then counts what the what-if said', async () => {
  const failingBefore = await number(page.getByTestId('failing-count').textContent());
  expect(failingBefore).toBeGreaterThan(300);
  // Every failing account is counted, decided or not: the breakdown says none is decided yet.
  await expect(page.getByTestId('failing-breakdown')).toHaveText(`${failingBefore.toLocaleString('en-US')} need a decision`);

  // Accept every suggestion shown (all accounts), including the ones marked for a look and the AccountNumber replacements.
  await grid().locator('.grid-body [role="row"]').first().locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: /^Accept suggestions: the [\d,]+ accounts? shown$/ });
  await expect(dialog.getByTestId('bulk-preview')).toBeVisible();
  for (const option of await dialog.getByRole('checkbox').all()) await option.check();
  const accept = dialog.getByRole('button', { name: /^Accept [\d,]+ suggestion/ });
  await expect(accept).toBeEnabled();
  await accept.click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  // Decisions fix nothing until they reach Xero or CocoonOPS: the headline still counts them all.
  await expect(page.getByTestId('failing-count')).toHaveText(failingBefore.toLocaleString('en-US'));
  await expect(page.getByTestId('failing-breakdown')).toContainText('have a fix queued for Xero');

  await page.getByRole('link', { name: 'Push', exact: true }).click();
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toBeVisible({ timeout: 60_000 });
  await expect(whatIf).toContainText(`of the ${failingBefore.toLocaleString('en-US')} failing accounts will pass`);
  const afterPush = (await page.getByTestId('what-if-push').textContent())!;
  const expected = Number(afterPush.match(/([\d,]+) accounts? fail on the next sync/)![1]!.replace(/,/g, ''));
  // The decided accounts the what-if says would still fail, with why (after the push and the checklist).
  const stillListed = await page.getByTestId('what-if-still-list').locator('strong').allTextContents();
  expect(expected).toBeLessThan(failingBefore);
  await page.screenshot({ path: join(SCREENSHOTS, '13-what-if.png'), fullPage: true });

  await page.getByRole('button', { name: 'Push to Xero' }).click();
  const confirm = page.getByRole('dialog', { name: 'Write to Demo Company (AU)?' });
  await confirm.getByRole('button', { name: /^Write [\d,]+ changes? to Demo Company \(AU\)/ }).click();
  await expect(page.getByTestId('push-message')).toContainText('Push finished', { timeout: 120_000 });

  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByTestId('failing-count')).toHaveText(expected.toLocaleString('en-US'), { timeout: 60_000 });
  // No account that still fails shows a tick: in the table's default order (failing kinds first) the decided rows with
  // a failing finding carry the pending mark (a step still to do) or the warning mark (needs attention).
  const failingBadges = '.badge-name_mismatch, .badge-archived_holder, .badge-code_conflict, .badge-not_customer';
  const failingRows = grid()
    .locator('.grid-body [role="row"]')
    .filter({ has: page.locator(failingBadges) });
  await expect(failingRows.first()).toBeVisible();
  expect(await failingRows.locator('.decision-pending, .decision-attention').count()).toBeGreaterThan(0);
  await expect(
    grid()
      .locator('.grid-body .grid-row.decided')
      .filter({ has: page.locator(failingBadges) }),
  ).toHaveCount(0);
  await expect(failingRows.locator('.decision-mark', { hasText: '✓' })).toHaveCount(0);

  // No pushed fix failed unforeseen: every decision that needs attention now is one the what-if listed as still
  // failing, and each shows the warning mark, not a ✓.
  const state = page.getByLabel('Decision state');
  const attention = Number(/\((\d+)\)/.exec((await state.locator('option[value="attention"]').textContent())!)![1]);
  expect(attention).toBeLessThanOrEqual(stillListed.length);
  await state.selectOption('attention');
  const marks = grid().locator('.grid-body [role="row"] .decision-mark');
  await expect(marks).toHaveCount(attention);
  for (const row of await grid().locator('.grid-body [role="row"]').all()) {
    expect(stillListed).toContain(await row.getAttribute('data-code'));
    await expect(row.locator('.decision-attention')).toBeVisible();
  }
  await page.screenshot({ path: join(SCREENSHOTS, '13-after-push.png'), fullPage: true });
});
