// The review app in Chromium through the web host: demo, filter, keyboard accept and undo, bulk accept,
// search, link by hand, and decisions kept across a reload. Screenshots go to test-results/screenshots/.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openHost, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const bodyRows = () => grid().locator('.grid-body [role="row"]');
const selectedRow = () => grid().locator('[role="row"][aria-selected="true"]');
const shownCount = async (): Promise<number> => Number(await page.getByTestId('shown-count').getAttribute('data-shown'));

async function chooseKind(label: string): Promise<void> {
  await page.getByLabel('Finding kind').selectOption({ label });
}

async function showDecided(value: 'all' | 'decided' | 'undecided'): Promise<void> {
  await page.getByLabel('Decision state').selectOption(value);
}

/** Clicks a row so the grid has the focus and keys reach the review (not a form field). */
async function focusRow(row: Locator): Promise<void> {
  await row.locator('[role="gridcell"]').nth(1).click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openHost(browser, { viewport: { width: 1280, height: 800 } }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('opens the demo from the onboarding screen', async () => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Cocoon ⇄ Xero Reconciler' })).toBeVisible();
  await shot('01-onboarding');
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(grid()).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(830);
  await expect(page.getByTestId('failing-count')).not.toHaveText('0');
  // the token left the address bar once the page had it
  expect(page.url()).not.toContain('token=');
  await shot('02-demo-dashboard');
});

test('filters to name_mismatch', async () => {
  const expected = Number((await page.getByRole('button', { name: /^Name mismatch: \d+/ }).getAttribute('aria-label'))!.match(/\d+/)![0]);
  await chooseKind('Name mismatch');
  await expect.poll(shownCount).toBe(expected);
  const badges = bodyRows().locator('.badge');
  const n = await badges.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) await expect(badges.nth(i)).toHaveText('Name mismatch');
  await shot('03-filtered-name-mismatch');
});

test('accepts a suggestion by keyboard, then undoes it', async () => {
  await focusRow(bodyRows().first());
  await page.keyboard.press('j');
  const row = selectedRow();
  const code = await row.getAttribute('data-code');
  await expect(page.locator('.detail-header')).toContainText(code!);
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: `Accept a fix for ${code}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Rename in Xero/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toContainText('Rename in Xero');
  await expect(page.getByTestId('decision-summary')).toContainText('Rename in Xero');
  await shot('04-accepted-by-keyboard');
  await page.keyboard.press('u');
  await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'undone' })).toBeVisible();
});

test('bulk-accepts a filtered set without overwriting a hand decision, leaves out names that lost information, and undoes it in one action', async () => {
  // A hand decision first: ignore the selected account with a note.
  const code = await selectedRow().getAttribute('data-code');
  await page.keyboard.press('i');
  await page.getByLabel('Note').fill('checked with the customer');
  await page.keyboard.press('Enter');
  await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toContainText('Ignored');
  const headline = page.locator('.headline');
  await expect(headline).toContainText('1 decision made');

  await page.getByLabel('Minimum score (%)').fill('90');
  await expect.poll(shownCount).toBeGreaterThan(1);
  const shown = await shownCount();
  // McCann?s Daycare Center (a lost apostrophe) is among them, marked for a look
  await expect(grid().locator('[data-code="898037"] .tag-look')).toHaveAttribute('data-look', 'CocoonOPS name lost a character');
  await focusRow(bodyRows().first());
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: /^Accept suggestions: the \d+ accounts? shown$/ });
  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview).toBeVisible();
  const skippedByHand = code && (await grid().locator(`[data-code="${code}"]`).count()) > 0 ? 1 : 0;
  if (skippedByHand) await expect(dialog).toContainText('skipped: already decided by hand');
  await expect(dialog).toContainText('skipped: CocoonOPS name lost a character: look first');
  const include = dialog.getByLabel(/^Also accept \d+ accounts? whose names lost information/);
  await expect(include).not.toBeChecked();
  const flagged = Number((await include.locator('xpath=..').textContent())!.match(/\d+/)![0]);
  expect(flagged).toBeGreaterThan(0);
  await shot('05-bulk-preview');
  const accept = dialog.getByRole('button', { name: /^Accept \d+ suggestion/ });
  const n = Number((await accept.textContent())!.match(/\d+/)![0]);
  // Left to the bookkeeper: suggestions that would make another account fail, contradict another, or that Xero refuses.
  const toDecide = async () => {
    const lines = await preview
      .locator(':scope > ul > li')
      .filter({ hasText: /skipped: decide it by hand/ })
      .allTextContents();
    return lines.reduce((sum, t) => sum + Number(t.match(/^([\d,]+) skipped/)![1]!.replace(/,/g, '')), 0);
  };
  const leftToDecide = await toDecide();
  expect(n).toBe(shown - skippedByHand - flagged - leftToDecide);
  await accept.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Accepted ${n} suggestions` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Undo bulk accept (${n} decisions)` })).toBeVisible();
  await expect(headline).toContainText(`${n + 1} decisions made`);
  await expect(grid().locator('[data-code="898037"] .decision-mark')).toHaveCount(0);

  // u right after a bulk accept undoes all of it
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: `Bulk accept undone: ${n} decisions.` })).toBeVisible();
  await expect(headline).toContainText('1 decision made');
  if (skippedByHand) await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toContainText('Ignored');

  // again, this time including the flagged names: each is renamed towards the name that keeps the information
  await focusRow(bodyRows().first());
  await page.keyboard.press('b');
  await expect(preview).toBeVisible();
  await include.check();
  await expect(preview).toContainText('898037 Rename in CocoonOPS');
  const stillToDecide = await toDecide();
  const withFlagged = n + flagged + leftToDecide - stillToDecide;
  await expect(dialog.getByRole('button', { name: `Accept ${withFlagged} suggestions` })).toBeVisible();
  await expect(preview).toContainText(
    '898037 Rename in CocoonOPS: name "McCann?s Daycare Center" → "McCann\'s Daycare Center" in CocoonOPS',
  );
  await shot('05b-bulk-preview-flagged-included');
  await dialog.getByRole('button', { name: `Accept ${withFlagged} suggestions` }).click();
  await expect(dialog).toBeHidden();
  await expect(grid().locator('[data-code="898037"] .decision-mark')).toContainText('Rename in CocoonOPS');
  await showDecided('undecided');
  // only those left to decide by hand
  await expect.poll(shownCount).toBe(stillToDecide);
  // the hand decision is still an ignore
  await showDecided('all');
  // (the focused row is the last one left to decide: back to the top, where the hand-decided row is)
  await grid()
    .locator('.grid-body')
    .evaluate((el) => el.scrollTo(0, 0));
  if (skippedByHand) await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toContainText('Ignored');
});

test('searches both sides as you type, typos included', async () => {
  await chooseKind('All kinds');
  await page.getByLabel('Minimum score (%)').fill('0');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  const search = page.getByLabel('Search accounts and Xero contacts');
  await expect(search).toBeFocused();
  await search.pressSequentially('daycare centr');
  await expect(grid()).toHaveAttribute('data-query', 'daycare centr');
  const shown = await shownCount();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(829);
  await expect(bodyRows().first()).toContainText(/daycare cent/i);
  await shot('06-search');
  await search.fill('');
  await expect.poll(shownCount).toBe(829);
});

test('links a Xero contact by hand', async () => {
  await chooseKind('Not in Xero');
  await focusRow(bodyRows().first());
  const code = await selectedRow().getAttribute('data-code');
  const name = (await selectedRow().locator('[role="gridcell"]').nth(2).textContent())!;
  const word = name.split(/\s+/).find((w) => w.length > 3) ?? name;
  const search = page.getByLabel('Search Xero contacts to link');
  await search.fill(word);
  const results = page.getByRole('list', { name: 'Xero contacts found' });
  await expect(results.getByRole('button').first()).toBeVisible();
  const label = (await results.getByRole('button').first().getAttribute('aria-label'))!;
  await results.getByRole('button').first().click();
  const linked = label.replace(/^Link /, '');
  await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toContainText('Linked by hand');
  await expect(grid().locator(`[data-code="${code}"]`)).toContainText(linked.slice(0, 12));
  await shot('07-linked-by-hand');
});

test('keeps every decision across a reload', async () => {
  await chooseKind('All kinds');
  await showDecided('decided');
  const before = await shownCount();
  expect(before).toBeGreaterThan(2);
  await page.reload();
  await expect(grid()).toBeVisible();
  await showDecided('decided');
  await expect.poll(shownCount).toBe(before);
  await expect(page.locator('.headline')).toContainText(`${before} decisions made`);
  await shot('08-after-reload');
});

test('looks right in the dark theme at 1280×800', async ({ browser }) => {
  const dark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await dark.goto(host.url.replace(/\/\?token=.*/, '/?token=') + new URL(host.url).searchParams.get('token'));
  await expect(dark.getByRole('grid')).toBeVisible();
  await dark.keyboard.press('?');
  await expect(dark.getByRole('dialog', { name: 'Help: keys and findings' })).toBeVisible();
  await dark.screenshot({ path: join(SCREENSHOTS, '09-dark-help.png') });
  await dark.keyboard.press('Escape');
  await dark.screenshot({ path: join(SCREENSHOTS, '10-dark.png') });
  await dark.close();
});
