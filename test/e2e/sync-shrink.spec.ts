// "Sync now" on a workspace whose first full sync would remove most of its contacts (its Xero side came from a
// file holding far more than the connected organisation): the sync stops and asks; Cancel keeps every contact and
// the banner says the Xero data may be incomplete; "Remove them and sync" finishes the sync and the banner goes.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHost, ROOT, runCli as cli, SCREENSHOTS, startSandbox, type WebHost } from './web-host';

let host: WebHost;
let page: Page;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let dir: string;

test.beforeAll(async ({ browser }) => {
  sandbox = await startSandbox();
  const { url } = sandbox;
  dir = mkdtempSync(join(tmpdir(), 'reconciler-e2e-shrink-'));
  const ws = join(dir, 'books.reconciler');
  const env = { RECONCILER_CONFIG_DIR: join(dir, 'config'), RECONCILER_XERO_URL: url };
  cli(['connect', '--xero-url', url, '--workspace', ws, '--port', '0'], env);
  cli(['import', 'cocoon', join(ROOT, 'demo/cocoon.csv'), '--workspace', ws], env);
  cli(['import', 'xero', join(ROOT, 'demo/xero-contacts.json'), '--workspace', ws], env); // 1,094 contacts; the organisation has 22
  ({ host, page } = await openHost(browser, { args: ['--workspace', ws], env, viewport: { width: 1280, height: 800 } }));
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  await sandbox?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a sync that would remove most contacts asks first; Cancel keeps them, confirming removes them', async () => {
  await page.goto(host.url);
  await expect(page.getByText('1,094 Xero contacts')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Sync now' }).click();
  const ask = page.getByRole('dialog', { name: 'Remove most of the contacts?' });
  await expect(ask).toBeVisible({ timeout: 30_000 });
  await expect(ask.getByTestId('sync-shrink-question')).toContainText(
    'stopped before removing 1,094 of the 1,116 contacts stored: Xero listed only 22. Nothing was removed.',
  );
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused(); // Enter alone never removes
  await page.screenshot({ path: join(SCREENSHOTS, 'sync-shrink-ask.png') });

  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(
    page.getByText(/Xero data may be incomplete: the last sync failed \(The full sync stopped before removing 1,094/),
  ).toBeVisible();
  await expect(page.getByText('1,116 Xero contacts')).toBeVisible();

  await page.getByRole('button', { name: 'Sync now' }).click();
  await ask.getByRole('button', { name: 'Remove them and sync' }).click();
  await expect(page.getByText('22 Xero contacts')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Xero data may be incomplete/)).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'sync-shrink-confirmed.png') });
});
