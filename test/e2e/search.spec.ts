// The review search on a workspace larger than any cap, in Chromium through the web host: the count is the number
// of accounts that contain the text (counted here from the workspace itself), the list is that many rows in
// relevance order (said so), a column sort still works, close matches (typos) are counted apart and listed after,
// and "Accept shown" decides exactly the rows listed, saying how many.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchWorkspace } from '../../bench/browser';
import { openWorkspace } from '../../src/main/db';
import { createReviewRepo } from '../../src/main/db/repos/review';
import { openHost, SCREENSHOTS, type WebHost } from './web-host';

/** Enough accounts that "ltd" matches well over the 1,500 rows the search used to stop at. */
const ACCOUNTS = 12_000;

let host: WebHost;
let page: Page;
let dir: string;
/** Per account: code, CocoonOPS name, Xero name and AccountNumber, as the table shows them. */
let table: { code: string; texts: string[] }[];

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const summary = () => page.getByTestId('search-summary');
const search = () => page.getByLabel('Search accounts and Xero contacts');
const shownCount = async (): Promise<number> => Number(await page.getByTestId('shown-count').getAttribute('data-shown'));
const summaryCount = async (name: 'contains' | 'close' | 'hidden'): Promise<number> => Number(await summary().getAttribute(`data-${name}`));
const en = (n: number) => n.toLocaleString('en');
/** Accounts any of whose names or codes contain `text`, counted from the workspace (not from the app). */
const containing = (text: string) => table.filter((r) => r.texts.some((t) => t.toLowerCase().includes(text))).map((r) => r.code);

async function searchFor(text: string): Promise<void> {
  await search().fill(text);
  await expect(grid()).toHaveAttribute('data-query', text);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  dir = mkdtempSync(join(tmpdir(), 'reconciler-search-'));
  const path = join(dir, 'large.reconciler');
  buildBenchWorkspace(path, ACCOUNTS, 3);
  const ws = openWorkspace(path);
  try {
    table = createReviewRepo(ws.db)
      .table()
      .map(([code, , name, , , , , xeroName, xeroNumber]) => ({ code, texts: [code, name, xeroName ?? '', xeroNumber ?? ''] }));
  } finally {
    ws.close();
  }
  ({ host, page } = await openHost(browser, { args: ['--workspace', path], viewport: { width: 1280, height: 800 } }));
  await page.goto(host.url);
  await expect(grid()).toHaveAttribute('data-search-ready', 'true', { timeout: 60_000 });
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(ACCOUNTS + 1);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('counts every account that contains the text, past the old cap of 1,500, and lists them by relevance', async () => {
  const expected = containing('ltd').length;
  expect(expected).toBeGreaterThan(1500);
  await page.keyboard.press('/');
  await expect(search()).toBeFocused();
  await search().pressSequentially('ltd');
  await expect(grid()).toHaveAttribute('data-query', 'ltd');
  await expect.poll(shownCount).toBe(expected);
  await expect(page.getByTestId('shown-count')).toHaveText(`${en(expected)} of ${en(ACCOUNTS)}`);
  await expect(grid()).toHaveAttribute('aria-rowcount', String(expected + 1));
  await expect(summary()).toContainText(`${en(expected)} accounts contain “ltd”`);
  expect(await summaryCount('close')).toBe(0);
  await expect(page.getByTestId('search-order')).toHaveText('Sorted by relevance');
  await expect(grid().locator('[role="columnheader"][aria-sort]')).toHaveCount(0);
  await expect(grid().locator('.grid-body [role="row"]').first()).toContainText(/ltd/i);
  await shot('40-search-true-count');
});

test('sorts the matches by a column when one is chosen, and back to relevance', async () => {
  const expected = containing('ltd');
  await grid().getByRole('button', { name: 'Code' }).click();
  await expect(page.getByTestId('search-order')).toContainText('Sorted by Code ▴');
  await expect(grid().getByRole('columnheader', { name: /Code/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(await shownCount()).toBe(expected.length);
  const first = [...expected].sort()[0]!;
  // the selection (the best match) stays selected and in view; Home goes to the top of the list
  await grid().locator('.grid-body [role="row"]').first().locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('Home');
  await expect(grid().locator('[role="row"][aria-selected="true"]')).toHaveAttribute('data-code', first);
  await page.getByRole('button', { name: 'Sort by relevance' }).click();
  await expect(page.getByTestId('search-order')).toHaveText('Sorted by relevance');
});

test('counts the close matches (a typo) apart, after the accounts that contain the text', async () => {
  // The Xero side spells some "Harbour" names "Harbor" (a dropped letter): those contain "harbor"; the rest of the
  // "Harbour" names are one typo away.
  const contains = containing('harbor').length;
  expect(contains).toBeGreaterThan(0);
  await searchFor('harbor');
  await expect.poll(() => summaryCount('contains')).toBe(contains);
  const close = await summaryCount('close');
  expect(close).toBeGreaterThan(0);
  expect(await shownCount()).toBe(contains + close);
  const containText = contains === 1 ? '1 account contains' : `${en(contains)} accounts contain`;
  await expect(summary()).toContainText(`${containText} “harbor” · ${en(close)} close matches (a typo or two), listed after them`);
  // the last row listed is a close match: no "harbor" in it
  await grid().locator('.grid-body [role="row"]').first().locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('End');
  const last = grid().locator('[role="row"][aria-selected="true"]');
  await expect(last).toContainText(/harbour/i);
  await expect(last).not.toContainText(/harbor/i);
  await shot('41-search-close-matches');
});

test('"Accept shown" decides exactly the accounts listed and says how many', async () => {
  await searchFor('ltd');
  await page.getByLabel('Finding kind').selectOption({ label: 'Name mismatch' });
  const listed = await shownCount();
  const matches = containing('ltd').length;
  expect(await summaryCount('hidden')).toBe(matches - listed);
  await grid().locator('.grid-body [role="row"]').first().locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: `Accept suggestions: the ${en(listed)} accounts shown` });
  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview).toBeVisible();
  expect(Number(await preview.getAttribute('data-shown'))).toBe(listed);
  const deciding = Number(await preview.getAttribute('data-deciding'));
  const skipped = Number(await preview.getAttribute('data-skipped'));
  expect(deciding + skipped).toBe(listed);
  await expect(preview).toContainText(
    `Accept the suggestion for ${en(deciding)} of the ${en(listed)} accounts shown (${en(listed)} contain “ltd”`,
  );
  await shot('42-search-bulk-preview');
  await dialog.getByRole('button', { name: `Accept ${en(deciding)} suggestions` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Accepted ${en(deciding)} suggestions` })).toBeVisible();
  // every decision is on a listed account: the decided accounts, searched or not, are exactly those
  await page.getByLabel('Decision state').selectOption('decided');
  await expect.poll(shownCount).toBe(deciding);
  await page.getByLabel('Finding kind').selectOption({ label: 'All kinds' });
  await searchFor('');
  await expect.poll(shownCount).toBe(deciding);
});
