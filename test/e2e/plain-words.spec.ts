// What a bookkeeper reads, in Chromium through the web host with an Australian locale (issue 19 points 1, 5, 6): the
// evidence in plain words with one percentage per pair and the weights behind "Details", a finding's tooltip, the `?`
// overlay's glossary of findings (with Xero's error and the usual fix), and dates in day-month-year on the exceptions
// screen and in the audit log, with no raw ISO stamps and no internal ids on those screens.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const detail = () => page.getByRole('complementary', { name: 'Account detail' });
const RAW_ISO = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;
const INTERNAL_ID =
  /\b(?:name_mismatch|archived_holder|code_conflict|code_missing|not_in_xero|not_customer|code_differs|rename_in_\w+|recode_in_cocoon)\b/;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

async function openAccount(code: string): Promise<void> {
  await page.getByRole('searchbox').first().fill(code);
  const row = grid().locator('[role="row"]', { hasText: code }).first();
  await row.locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('Enter');
  await expect(detail().getByRole('heading', { level: 2 })).toContainText(code);
}

test('evidence in plain words: what agreed or differed, one percentage per pair, the weights behind Details', async () => {
  // McCann?s Daycare Center: the apostrophe was lost in CocoonOPS, and Xero has the phone with its area code.
  await openAccount('898037');
  const evidence = detail().getByRole('region', { name: 'Evidence' });
  await expect(evidence.getByTestId('evidence-pair')).toHaveText(
    /^Compared with Xero’s “McCann's Daycare Center”: \d+% likely the same business$/,
  );
  const lines = evidence.getByRole('list', { name: 'Evidence per field' });
  await expect(lines).toContainText('names the same apart from an apostrophe lost in CocoonOPS');
  await expect(lines).toContainText('phone agrees (area code added in Xero)');
  await expect(lines).toContainText('postcode: not in CocoonOPS, not compared');
  await expect(lines).not.toContainText(/legal form|exact|neutral|\+\d/);
  // One percentage for the pair: none in the lines, and the header carries no second score.
  await expect(lines).not.toContainText('%');
  await expect(detail().locator('.detail-header')).not.toContainText('%');

  const weights = evidence.getByRole('table', { name: 'Weights per field' });
  await expect(weights).toBeHidden();
  await evidence.getByText('Details: how the score adds up').click();
  await expect(weights).toBeVisible();
  await expect(weights.getByRole('row', { name: /^phone/ })).toContainText(/\+\d+\.\d/);
  await evidence.scrollIntoViewIfNeeded();
  await shot('30-evidence-plain-words');
  // The same at 1024 × 700 in the dark theme: the lines wrap, nothing is cut off.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await evidence.scrollIntoViewIfNeeded();
  await expect(lines.locator('li').first()).toBeInViewport();
  await shot('30-evidence-plain-words-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A code conflict: the evidence is about the contact that holds the code, and says so.
  await openAccount('CAROLE01');
  await expect(evidence.getByTestId('evidence-pair')).toContainText('(holds the code)');
  await expect(evidence.getByRole('list', { name: 'Evidence per field' })).toContainText(
    'holds the billing code as its account number (CAROLE01)',
  );
});

test("a finding's badge and card explain it in one line; the ? overlay lists every finding with Xero's error and the fix", async () => {
  const badge = detail().locator('.detail-header .badge');
  await expect(badge).toHaveText('Code conflict');
  await expect(badge).toHaveAttribute('title', /code is held by an unrelated business: the sync will fail/);
  await expect(page.getByRole('button', { name: /^Code differs: / })).toHaveAttribute('title', /the sync passes/);

  await page.getByRole('searchbox').first().fill('');
  await grid().locator('[role="row"]').nth(2).locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Help: keys and findings' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('table').first()).toContainText('next account');
  const glossary = help.getByRole('table', { name: 'Findings glossary' });
  await expect(glossary.getByRole('row')).toHaveCount(1 + 9);
  const mismatch = glossary.getByRole('row', { name: /^Name mismatch/ });
  await expect(mismatch).toContainText('The Account Number already exists. Please enter a different Account Number.');
  await expect(mismatch).toContainText('Rename on whichever side is wrong');
  await expect(glossary.getByRole('row', { name: /^Archived holder/ })).toContainText('Unable to assign an Archived contact.');
  await expect(glossary.getByRole('row', { name: /^Code differs/ })).toContainText('Passes');
  await expect(help).not.toContainText(INTERNAL_ID);
  await shot('31-help-glossary');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('dates in the user’s format (en-AU: day-month-year) on the exceptions screen and in the audit log, no raw ISO, no ids', async () => {
  const file = join(tmpdir(), `reconciler-e2e-exceptions-${process.pid}.csv`);
  writeFileSync(
    file,
    [
      'Exception Date,Type,Document Number,Billing Account,Organisation,Invoice Date,Total,Currency,Invoice State,Exception',
      '07/12/2026 14:03,Invoice,INV-0001,898037,McCann?s Daycare Center,12/07/2026,"1,250.00",AUD,Issued,Invoice # must be unique',
      '2026-12-06 09:15,Invoice,INV-0003,CAROLE01,CAROLE ROBERTSON CENTER FOR LEARNING FCCH-ROBBIE ANTHONY,2026-11-30,"2,300.00",AUD,Issued,The Account Number already exists. Please enter a different Account Number.',
    ].join('\n'),
  );
  await page.getByRole('link', { name: 'Exceptions' }).click();
  await page.getByRole('button', { name: 'Import exceptions…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import CocoonOPS exceptions' });
  await dialog.getByLabel('Exceptions file to import').setInputFiles(file);
  // The preview shows the dates as they will be read, in the one format.
  await expect(dialog.locator('.preview-table')).toContainText('06/12/2026, 09:15');
  await expect(dialog.locator('.preview-table')).not.toContainText(RAW_ISO);
  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(dialog).toBeHidden();

  const exceptions = page.getByRole('grid', { name: 'Exceptions' });
  await exceptions.locator('[role="row"]', { hasText: 'INV-0001' }).click();
  const pane = page.getByRole('complementary', { name: 'Exception detail' });
  await expect(pane).toContainText(/raised 07\/12\/2026, 02:03\s?pm/);
  await expect(pane).toContainText(/Xero synced: \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m/);
  await expect(pane).not.toContainText(RAW_ISO);
  // "just now" carries the exact moment, in the same format, on hover.
  await expect(pane.locator('time').first()).toHaveAttribute('title', /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m$/);
  await exceptions.locator('[role="row"]', { hasText: 'INV-0003' }).click();
  await expect(pane).toContainText(/raised 06\/12\/2026, 09:15\s?am/);
  await expect(page.locator('body')).not.toContainText(INTERNAL_ID);
  await shot('32-exceptions-dates');

  await page.getByRole('link', { name: 'Checklist' }).click();
  const audit = page.getByRole('region', { name: /Audit log/ });
  await expect(audit.getByRole('row', { name: /Imported CocoonOPS exceptions/ }).first()).toContainText(
    /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\s?[ap]m/,
  );
  await expect(audit).toContainText('Synced Xero');
  await expect(audit).not.toContainText(RAW_ISO);
  await expect(audit).not.toContainText(/\b(?:exceptions\.import|xero\.sync|import\.cocoon)\b/);
  await shot('33-audit-dates');
});
