// Steps in Xero's web app, as a bookkeeper sees them on the demo: "Make it a customer" (the API cannot write
// IsCustomer) is never a fix to push, neither in the headline nor on the account; the checklist files it under a
// heading that says what it is; ticked off, it reads as done by hand, waiting for a sync to check it (not "pushed;
// still fails"); the sync after the tick judges it.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const CODE = 'C00780';
const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const search = () => page.getByLabel('Search accounts and Xero contacts');
const breakdown = () => page.getByTestId('failing-breakdown');
const row = () => grid().locator(`[data-code="${CODE}"]`);
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const task = (name: RegExp) => page.getByRole('group', { name: 'What to do' }).getByRole('button', { name });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

/** Shows the one account in the review, selected, with its detail. */
async function showAccount(): Promise<void> {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(grid()).toBeVisible({ timeout: 60_000 });
  await search().fill(CODE);
  await row().locator('[role="gridcell"]').nth(1).click();
  await expect(row()).toHaveAttribute('aria-selected', 'true');
}

test('"Make it a customer" is a step in Xero\'s web app, on the checklist under its own heading, not a fix to push', async () => {
  await page.getByLabel('Finding kind').selectOption({ label: 'Not a customer' });
  await grid().locator('.grid-body [role="row"]').first().locator('[role="gridcell"]').nth(1).click();
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: /^Accept suggestions/ });
  const accept = dialog.getByRole('button', { name: /^Accept [\d,]+ suggestion/ });
  // Counted once the preview has checked them (the button reads 0 until then).
  await expect(accept).toHaveText(/^Accept [1-9][\d,]* suggestion/, { timeout: 60_000 });
  const decided = Number((await accept.textContent())!.match(/([\d,]+)/)![1]!.replace(/,/g, ''));
  expect(decided).toBeGreaterThan(10);
  await accept.click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await page.getByLabel('Finding kind').selectOption({ label: 'All kinds' });

  // The headline: a step to do in Xero's web app, nothing queued for Xero.
  await expect(breakdown()).toContainText(`${decided} have a step to do in Xero's web app (checklist)`);
  await expect(breakdown()).not.toContainText('queued for Xero');

  // The account: the pending mark says where the work is, and so does the detail.
  await showAccount();
  const pending = "A step to do in Xero's web app (see the checklist): the account fails until it is done";
  await expect(row().locator('.decision-pending')).toHaveAttribute('data-pending', pending);
  await expect(page.getByRole('complementary', { name: 'Account detail' })).toContainText(pending);
  await shot('50-webapp-step-review');

  // The push has nothing to send; its what-if does not call the web-app steps CocoonOPS steps.
  await page.getByRole('link', { name: 'Push', exact: true }).click();
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('what-if-push')).toContainText(
    "more pass once the checklist's steps are done (in CocoonOPS and in Xero's web app)",
  );
  await expect(whatIf).not.toContainText('the CocoonOPS steps');
  await shot('50-webapp-step-push');

  // The checklist: its own heading, not "Merge contacts or free an Account Number".
  await page.getByRole('link', { name: 'Checklist', exact: true }).click();
  const customers = task(/^Make a contact a customer in Xero's web app/);
  await expect(customers).toContainText(`0 of ${decided} done`, { timeout: 60_000 });
  await expect(task(/^Merge contacts or free an Account Number in Xero/)).toHaveCount(0);
  await customers.click();
  await expect(page.getByTestId('checklist-line').first()).toContainText('a customer');
  await shot('50-webapp-step-checklist');
});

test('ticked off, the step is done by hand and waits for a sync; the sync after the tick judges it', async () => {
  await page.getByRole('searchbox', { name: 'Filter the checklist' }).fill(CODE);
  const line = page.getByTestId('checklist-line').filter({ hasText: CODE });
  await line.getByRole('checkbox').check();
  await expect(task(/^Make a contact a customer in Xero's web app/)).toContainText(/1 of [\d,]+ done/);

  // Nothing was pushed and Xero was not read since the tick: not "needs attention", not "pushed".
  await showAccount();
  const toCheck = "Done in Xero's web app: sync with Xero to check it";
  await expect(row().locator('.decision-pending')).toHaveAttribute('data-pending', toCheck);
  await expect(row().locator('.decision-attention')).toHaveCount(0);
  await expect(page.getByTestId('attention-note')).toHaveCount(0);
  await expect(breakdown()).toContainText("1 was done in Xero's web app: sync with Xero to check it");
  await expect(breakdown()).not.toContainText('pushed');
  await expect(page.getByLabel('Decision state').locator('option[value="attention"]')).toHaveText('Needs attention (0)');
  await shot('51-webapp-step-ticked');

  // The demo's stand-in was not changed (the step was not really done): the sync after the tick finds it still not a
  // customer, and only then does the decision need attention, saying what was done.
  const synced = page.waitForResponse((r) => r.url().includes('/api/xero.sync'), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  expect((await synced).ok()).toBe(true);
  await expect(row().locator('.decision-attention')).toHaveAttribute(
    'data-attention',
    /^Done in Xero's web app; still fails after a sync: .*not a customer in Xero/,
    { timeout: 60_000 },
  );
  await expect(breakdown()).toContainText("1 was done in Xero's web app and still fails");
  await expect(breakdown()).not.toContainText('pushed');
  await expect(page.getByTestId('attention-note')).toContainText("Done in Xero's web app; still fails after a sync");
  await shot('52-webapp-step-after-sync');
});
