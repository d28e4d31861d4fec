// The Exceptions screen in Chromium through the web host: open the demo, paste a CocoonOPS error message for a
// demo billing account, see its playbook and the account's finding, mark it resolved, and find it still resolved
// after a reload. The demo comes with its sample exceptions export already imported (its verdicts: demo-verdicts.spec).
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const MESSAGE = 'The Account Number already exists. Please enter a different Account Number.';
const CODE = 'CAROLE01';
const detail = () => page.getByRole('complementary', { name: 'Exception detail' });
const grid = () => page.getByRole('grid', { name: 'Exceptions' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser, { viewport: { width: 1280, height: 800 } }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

test('pastes an exception, sees its playbook and linked finding, resolves it, and keeps it across a reload', async () => {
  await page.getByRole('link', { name: 'Exceptions' }).click();
  await expect(page.getByRole('link', { name: 'Exceptions' })).toHaveAttribute('aria-current', 'page');
  // The demo's sample export: 17 open exceptions.
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(18);

  const form = page.getByRole('form', { name: 'Paste an exception' });
  await form.getByLabel('Xero error message').fill(MESSAGE);
  await form.getByLabel('Billing account code').fill(CODE);
  await form.getByRole('button', { name: 'Add exception' }).click();

  const row = grid().locator('[role="row"][aria-selected="true"]');
  await expect(row).toContainText(CODE);
  await expect(row).toContainText('Open');
  const id = await row.getAttribute('data-id');
  await expect(detail().getByRole('blockquote', { name: "Xero's message" })).toHaveText(MESSAGE);
  await expect(detail().getByRole('region', { name: 'Playbook' })).toContainText('How to resolve');
  const linked = detail().getByTestId('linked-account');
  await expect(linked).toContainText(`Billing account ${CODE}`);
  await expect(linked.locator('.badge')).toBeVisible();
  await expect(linked.getByTestId('linked-decision')).toContainText(/No decision yet|Decision:/);
  await expect(detail().getByRole('region', { name: 'Steps' }).locator('li').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'CocoonOPS steps' })).toContainText(CODE);

  await detail().getByLabel('Resolution note (optional)').fill('recoded in CocoonOPS');
  await detail().getByRole('button', { name: 'Mark resolved' }).click();
  await expect(detail().getByTestId('resolution')).toContainText('Resolved');
  await expect(detail().getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(grid().locator(`[role="row"][data-id="${id}"]`)).toHaveCount(0);
  await expect.poll(async () => Number(await grid().getAttribute('aria-rowcount'))).toBe(18);

  await page.reload();
  expect(page.url()).toContain(`#exceptions/${id}`);
  await expect(detail().getByTestId('resolution')).toContainText('Resolved');
  await expect(detail().getByTestId('resolution')).toContainText('recoded in CocoonOPS');
  await page.getByLabel('Open or resolved').selectOption('resolved');
  const kept = grid().locator(`[role="row"][data-id="${id}"]`);
  await expect(kept).toContainText('Resolved');
  await expect(kept).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: join(SCREENSHOTS, '11-exceptions.png') });

  // back to the review (the navigation's link; the account's own links say "open in the review")
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('grid', { name: /Billing accounts/ })).toBeVisible();
});
