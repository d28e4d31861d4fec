// Layout at 1024 × 700 in Chromium through the web host, on the demo, light and dark (issue 19 point 9): one navigation
// bar, in the same place with the same links, on the review (with its dashboard), Exceptions, Push and Checklist; no
// horizontal page scroll; nothing cut off: "Accept shown…" in the filter bar, the AccountNumber column beside the
// detail pane, the review's column titles, the decision (✓) column, a code conflict's four-column Records table, the
// Exceptions table's "Invoice check" column. Screenshots 60-63 (and -dark) kept in test-results/screenshots.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDemo, SCREENSHOTS, type WebHost } from './web-host';

let host: WebHost;
let page: Page;

const SCREENS = [
  { link: 'Review', file: '60-layout-review' },
  { link: 'Exceptions', file: '61-layout-exceptions' },
  { link: 'Push', file: '62-layout-push' },
  { link: 'Checklist', file: '63-layout-checklist' },
] as const;

const grid = () => page.getByRole('grid', { name: /Billing accounts/ });
const detail = () => page.getByRole('complementary', { name: 'Account detail' });
const nav = () => page.getByRole('navigation', { name: 'Screens' });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  ({ host, page } = await openDemo(browser, { viewport: { width: 1024, height: 700 } }));
  // One decision (the first account's suggestion), so the ✓ column has a mark to read.
  const first = grid().locator('.grid-body [role="row"]').first();
  await first.locator('[role="gridcell"]').nth(1).click();
  const code = (await first.getAttribute('data-code'))!;
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: `Accept a fix for ${code}` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(grid().locator(`[data-code="${code}"] .decision-mark`)).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
});

async function openAccount(code: string): Promise<void> {
  await page.getByRole('searchbox').first().fill(code);
  await grid().locator('[role="row"]', { hasText: code }).first().locator('[role="gridcell"]').nth(1).click();
  await expect(detail().getByRole('heading', { level: 2 })).toContainText(code);
}

/** Elements under `scope` (matching `selector`) whose content is wider than their box: text cut off or ellipsised. */
async function clipped(scope: Locator, selector: string): Promise<string[]> {
  return scope.evaluate(
    (root, sel) =>
      [...root.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
        .map(
          (el) => `${el.className || el.tagName}: "${(el.textContent ?? '').trim().slice(0, 40)}" (${el.scrollWidth} > ${el.clientWidth})`,
        ),
    selector,
  );
}

/** The box of `inner` lies inside the box of `outer` (a pixel of rounding allowed). */
async function expectInside(inner: Locator, outer: Locator | 'viewport'): Promise<void> {
  const a = (await inner.boundingBox())!;
  const b = outer === 'viewport' ? { x: 0, y: 0, width: 1024, height: 700 } : (await outer.boundingBox())!;
  expect(a.x, 'left edge').toBeGreaterThanOrEqual(b.x - 1);
  expect(a.x + a.width, 'right edge').toBeLessThanOrEqual(b.x + b.width + 1);
}

/** What must hold on every screen: the one navigation bar, no sideways scroll, nothing cut off in the header. */
async function expectCommonLayout(current: string, navX: number | null): Promise<number> {
  await expect(nav().getByRole('link')).toHaveText(SCREENS.map((s) => s.link));
  await expect(nav().getByRole('link', { name: current, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('header.topbar')).toHaveCount(1);
  const box = (await nav().boundingBox())!;
  if (navX !== null) expect(box.x, `the navigation stays in its place on ${current}`).toBe(navX);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal page scroll').toBeLessThanOrEqual(1024);
  for (const control of await page.locator('header.topbar').locator('a, button').all()) await expectInside(control, 'viewport');
  expect(await clipped(page.locator('header.topbar'), 'a, button, .brand')).toEqual([]);
  return box.x;
}

async function checkReview(): Promise<void> {
  const accept = page.getByRole('button', { name: 'Accept shown…' });
  await expect(accept).toBeInViewport({ ratio: 1 });
  await expectInside(accept, page.getByRole('search'));
  expect(await clipped(page.getByRole('search'), 'button, label, .count')).toEqual([]);
  expect(await clipped(page.locator('.kind-cards'), '.kind-card, .kind-label')).toEqual([]);
  // Every column title readable, the AccountNumber column left of the detail pane, not under it.
  expect(await clipped(grid().locator('.grid-head'), '[role="columnheader"], .sort-button')).toEqual([]);
  const accountNumber = grid().getByRole('columnheader', { name: 'AccountNumber' });
  const paneX = (await detail().boundingBox())!.x;
  const head = (await accountNumber.boundingBox())!;
  expect(head.x + head.width, 'AccountNumber beside the detail pane').toBeLessThanOrEqual(paneX + 1);
  expect(await clipped(grid().locator('.grid-body'), '.col-code, .col-score, .col-match, .col-decision')).toEqual([]);
  // The ✓ column: the mark whole, in its column, large enough to read.
  const mark = grid().locator('.decision-mark').first();
  const m = (await mark.boundingBox())!;
  expect(m.width).toBeGreaterThanOrEqual(18);
  await expectInside(mark, mark.locator('xpath=..'));
  const markFont = await mark.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(markFont).toBeGreaterThanOrEqual(13);
  // A code conflict's Records table (CAROLE01: CocoonOPS, the contact matching by name, the code's holder): four columns within the pane, no cell cut off.
  await openAccount('CAROLE01');
  await page.getByRole('searchbox').first().fill('');
  const records = detail().getByRole('region', { name: 'Records side by side' });
  await records.scrollIntoViewIfNeeded();
  await expect(records.getByRole('columnheader')).toHaveCount(4);
  await expectInside(records.getByRole('table'), detail());
  expect(await clipped(records, 'th, td')).toEqual([]);
}

async function checkExceptions(): Promise<void> {
  const exceptions = page.getByRole('grid', { name: 'Exceptions' });
  await expect(exceptions.getByRole('row').nth(1)).toBeVisible();
  const check = exceptions.getByRole('columnheader', { name: 'Invoice check' });
  await expect(check).toBeInViewport({ ratio: 1 });
  await expectInside(check, exceptions);
  // Every verdict whole, and no column reaching under the detail pane.
  expect(await exceptions.evaluate((el) => el.querySelector('.exceptions-body')!.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await clipped(exceptions, '[role="columnheader"], [aria-colindex="1"], [aria-colindex="6"], [class*="verdict-"]')).toEqual([]);
  expect(await clipped(page.getByRole('search', { name: 'Filter exceptions' }), 'label, button')).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen at 1024 × 700 (${scheme}): one navigation, nothing cut off`, async () => {
    await page.emulateMedia({ colorScheme: scheme });
    let navX: number | null = null;
    for (const screen of SCREENS) {
      await nav().getByRole('link', { name: screen.link, exact: true }).click();
      if (screen.link === 'Review') await expect(page.locator('.dashboard')).toBeVisible();
      else if (screen.link === 'Exceptions') await expect(page.getByRole('grid', { name: 'Exceptions' })).toBeVisible();
      else if (screen.link === 'Push') await expect(page.getByRole('heading', { name: 'Plan', exact: true })).toBeVisible();
      else await expect(page.getByRole('heading', { name: /^CocoonOPS checklist/ })).toBeVisible();
      navX = await expectCommonLayout(screen.link, navX);
      if (screen.link === 'Review') await checkReview();
      if (screen.link === 'Exceptions') await checkExceptions();
      await page.screenshot({ path: join(SCREENSHOTS, `${screen.file}-1024${scheme === 'dark' ? '-dark' : ''}.png`) });
    }
  });
}
