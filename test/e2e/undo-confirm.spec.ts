// Both undo buttons ask before they write to Xero, as a push does, on the demo in Chromium: the Push screen's Undo of
// a pushed rename, and the detail pane's "Undo in Xero" of a pushed rename that no longer makes its account pass (the
// CocoonOPS name changed again in a re-import). Each dialog names the organisation (the demo's sandbox), lists the
// change written back as "now → back to" with Cancel focused; Cancel writes nothing (the correction stays done, a
// sync reads the pushed name back from the stand-in); confirming writes it back and reopens the decision.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unseenDifference } from '../../src/shared/unseen-difference';
import { openDemo, ROOT, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const ORG = 'Demo Company (AU)';
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const search = () => page.getByLabel('Search accounts and Xero contacts');
const undoDialog = () => page.getByRole('dialog', { name: `Undo in ${ORG}?` });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser, { viewport: { width: 1280, height: 800 } }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

/** Accepts "Rename in Xero" on a name mismatch whose names lost nothing; returns its code and both names. */
async function acceptRename(nth: number): Promise<{ code: string; cocoonName: string; xeroName: string }> {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(grid()).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Finding kind').selectOption({ label: 'Name mismatch' });
  const row = grid()
    .locator('.grid-body [role="row"]')
    .filter({ hasNot: page.locator('.tag-look, .decision-mark') })
    .nth(nth);
  await row.locator('[role="gridcell"]').nth(1).click();
  const code = (await row.getAttribute('data-code'))!;
  await page.keyboard.press('a');
  const accept = page.getByRole('dialog', { name: `Accept a fix for ${code}` });
  await accept.getByRole('button', { name: /^Rename in Xero/ }).click();
  await expect(accept).toBeHidden();
  await page.getByLabel('Finding kind').selectOption({ label: 'All kinds' });

  await page.getByRole('link', { name: 'Push', exact: true }).click();
  const item = page.locator(`[data-testid="plan-item"][data-code="${code}"]`);
  await expect(item).toBeVisible({ timeout: 60_000 });
  // (Up to the note of a change of spacing only, which quotes a word too: "(only the spacing differs: … after “ABRAHAM”)".)
  const [, xeroName, cocoonName] = /Name “(.*?)” → “(.*?)”(?: \(only the spacing differs|$)/.exec((await item.textContent())!)!;
  await page.getByRole('button', { name: 'Push to Xero' }).click();
  await page
    .getByRole('dialog', { name: `Write to ${ORG}?` })
    .getByRole('button', { name: /^Write 1 change to / })
    .click();
  await expect(page.getByTestId('push-message')).toContainText('Push finished: 1 change written', { timeout: 60_000 });
  return { code, cocoonName: cocoonName!, xeroName: xeroName! };
}

/** The dialog names the sandbox organisation, lists the one change written back and has Cancel focused. */
async function expectUndoDialog(dialog: Locator, code: string, now: string, back: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('push-organisation')).toHaveText(ORG);
  await expect(dialog).toContainText('Sandbox');
  await expect(dialog).toContainText(`${ORG} is a sandbox Xero (a stand-in for practice), not a real organisation.`);
  const items = dialog.getByTestId('undo-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(code);
  await expect(items.first()).toContainText(`Xero contact “${now}”`);
  await expect(items.first().locator('.changes li')).toHaveText(`Name “${now}” → back to “${back}” ${unseenDifference(now, back)}`);
  await expect(dialog).toContainText('one changed in Xero since the push is not overwritten');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: `Write back 1 change to ${ORG}` })).toBeVisible();
}

/** Syncs from the stand-in and sees the account's Xero name in the table. */
async function syncAndSeeXeroName(code: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(grid()).toBeVisible({ timeout: 60_000 });
  const synced = page.waitForResponse((r) => r.url().includes('/api/xero.sync'), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  expect((await synced).ok()).toBe(true);
  await search().fill(code);
  await expect(grid().locator(`[data-code="${code}"]`)).toContainText(name);
  await search().fill('');
}

test("the Push screen's Undo asks first: Cancel writes nothing, confirming writes the name back", async () => {
  const { code, cocoonName, xeroName } = await acceptRename(0);
  const done = page.getByTestId('correction').filter({ hasText: code }).filter({ hasText: 'Rename the Xero contact' });
  await expect(done).toHaveAttribute('data-status', 'done');

  await done.getByRole('button', { name: 'Undo' }).click();
  await expectUndoDialog(undoDialog(), code, cocoonName, xeroName);
  await page.screenshot({ path: join(SCREENSHOTS, '14-undo-confirm.png') });

  // Cancel (and Escape) write nothing: the correction is still done, and the stand-in still has the pushed name.
  await undoDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(undoDialog()).toBeHidden();
  await done.getByRole('button', { name: 'Undo' }).click();
  await page.keyboard.press('Escape');
  await expect(undoDialog()).toBeHidden();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(done).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('push-message')).not.toContainText('Undone');
  await syncAndSeeXeroName(code, cocoonName);

  await page.getByRole('link', { name: 'Push', exact: true }).click();
  await done.getByRole('button', { name: 'Undo' }).click();
  await undoDialog()
    .getByRole('button', { name: `Write back 1 change to ${ORG}` })
    .click();
  await expect(undoDialog()).toBeHidden();
  await expect(page.getByTestId('push-message')).toContainText(
    `Undone: the reviewed values are back in Xero. The decision on ${code} is reopened`,
    { timeout: 60_000 },
  );
  await expect(done).toHaveAttribute('data-status', 'undone');
  await syncAndSeeXeroName(code, xeroName);
});

test('the detail pane\'s "Undo in Xero" of a fix that no longer works asks first too', async () => {
  const { code, cocoonName, xeroName } = await acceptRename(1);
  // CocoonOPS renames the account again: the pushed rename no longer makes it pass, so its decision needs attention.
  const lines = readFileSync(join(ROOT, 'demo/cocoon.csv'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes(`,${code},`));
  expect(at).toBeGreaterThan(0);
  lines[at] = `"Zephyr Holdings Northside",${lines[at]!.slice(lines[at]!.indexOf(`,${code},`) + 1)}`;
  const file = join(host.dataDir, 'cocoon-renamed.csv');
  writeFileSync(file, lines.join('\n'));
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import', exact: true });
  await importing.getByLabel('File to import').setInputFiles(file);
  await importing.getByRole('button', { name: /^Import [\d,]+ rows$/ }).click();
  await expect(importing).toBeHidden({ timeout: 60_000 });

  await search().fill(code);
  const row = grid().locator(`[data-code="${code}"]`);
  await expect(row.locator('.decision-attention')).toBeVisible({ timeout: 60_000 });
  await row.locator('[role="gridcell"]').nth(1).click();
  const pane = page.getByRole('complementary', { name: 'Account detail' });
  const undoInXero = pane.getByRole('button', { name: 'Undo in Xero' });
  await undoInXero.click();
  await expectUndoDialog(undoDialog(), code, cocoonName, xeroName);
  await expect(undoDialog().getByTestId('undo-item')).toContainText('Zephyr Holdings Northside');
  await page.screenshot({ path: join(SCREENSHOTS, '14-undo-in-xero-confirm.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENSHOTS, '14-undo-in-xero-confirm-1024-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Cancel writes nothing: the decision still needs attention, its pushed change still undoable.
  await undoDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(undoDialog()).toBeHidden();
  await expect(row.locator('.decision-attention')).toBeVisible();
  await expect(undoInXero).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'undoing' })).toHaveCount(0);

  await undoInXero.click();
  await undoDialog()
    .getByRole('button', { name: `Write back 1 change to ${ORG}` })
    .click();
  await expect(page.getByText(`${code}: undone in Xero; the decision is reopened (undecided).`)).toBeVisible({ timeout: 60_000 });
  await expect(row.locator('.decision-mark')).toHaveCount(0);
  await expect(row).toContainText(xeroName);
});
