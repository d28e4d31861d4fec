// "Rename in Xero" where the CocoonOPS name lost a character, in Chromium through the web host on the demo: 898037 is
// "McCann?s Daycare Center" in CocoonOPS and "McCann's Daycare Center" in Xero. The detail and the accept dialog say
// that renaming in Xero copies the damaged name; choosing it asks first (Back stores nothing), and only the explicit
// "Write the damaged name to Xero" records the decision. Screenshots go to test-results/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const detail = () => page.getByRole('complementary', { name: 'Account detail' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('renaming 898037 in Xero warns that the CocoonOPS name is damaged and asks before it is recorded', async () => {
  await page.getByRole('searchbox').first().fill('898037');
  const row = grid().locator('[role="row"]', { hasText: '898037' }).first();
  await row.locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('Enter');
  await expect(detail().getByRole('heading', { level: 2 })).toContainText('898037');
  await expect(detail().getByTestId('rename-in-xero-warning')).toContainText('would copy the damaged CocoonOPS name into Xero');

  await detail().getByRole('button', { name: 'Accept…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept a fix for 898037' });
  const rename = dialog.locator('[data-action="rename_in_xero"]');
  await expect(rename.getByTestId('choice-name-loss')).toContainText('CocoonOPS name lost a character');
  await expect(dialog.locator('[data-action="rename_in_cocoon"]').getByTestId('choice-name-loss')).toHaveCount(0);
  await shot('name-loss-01-choices');

  // Back: nothing is recorded.
  await rename.click();
  const ask = dialog.getByRole('alertdialog', { name: 'Write a damaged name to Xero' });
  await expect(ask).toContainText("This writes “McCann?s Daycare Center” over “McCann's Daycare Center” in Xero");
  await expect(ask.getByRole('button', { name: 'Back' })).toBeFocused();
  await ask.getByRole('button', { name: 'Back' }).click();
  await expect(ask).toHaveCount(0);
  await expect(rename).toBeVisible();

  await rename.click();
  await shot('name-loss-02-confirm');
  await ask.getByRole('button', { name: 'Write the damaged name to Xero' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '898037: Rename in Xero' })).toBeVisible();
  await expect(detail().getByRole('region', { name: 'Decision' })).toContainText('Rename in Xero');
  await shot('name-loss-03-decided');
});

test('setting an AccountNumber that replaces the contact’s own asks the same way, naming the number it replaces', async () => {
  await page.getByRole('searchbox').first().fill('C00634');
  const row = grid().locator('[role="row"]', { hasText: 'C00634' }).first();
  await row.locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('Enter');
  await expect(detail().getByRole('heading', { level: 2 })).toContainText('C00634');
  await detail().getByRole('button', { name: 'Accept…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept a fix for C00634' });
  await dialog.locator('[data-action="set_account_number"]').click();
  const ask = dialog.getByRole('alertdialog', { name: 'Replace the AccountNumber' });
  await expect(ask).toContainText('This replaces X-96935 with C00634');
  await expect(ask.getByRole('button', { name: 'Back' })).toBeFocused();
  await ask.getByRole('button', { name: 'Back' }).click();
  await expect(ask).toHaveCount(0);
  await expect(detail().getByRole('region', { name: 'Decision' })).toContainText('No decision yet');
  await page.keyboard.press('Escape');
});
