// Browser benchmark of the review table: a 50,000-account workspace served by the web host, opened in Debian's
// Chromium (Playwright). Measures first paint of the table (navigation start → first rows rendered, the
// renderer's `review-table:first-rows` mark), and the median time from a filter change or a search query to the
// table's DOM update (a MutationObserver on the attributes the table sets when it renders).
// Targets (issue 5): filter and search < 50 ms median, first paint < 1 s.
// The checklist step (issue 19): a workspace with about 5,000 checklist lines (a CocoonOPS rename decided for each
// account), and the time from leaving the review for the Checklist screen to its first lines on screen (target < 200 ms).
// Usage: tsx bench/browser.ts [--rows N] [--checklist-lines N]   (or import runBrowserBench, runChecklistBench)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openWorkspace } from '../src/main/db';
import { currentChecklist } from '../src/main/outbox';
import { runWebHost } from '../src/main/host/run-web';
import { XeroContact, type BillingAccount, type Finding, type FindingKind } from '../src/shared/domain';
import { Rng } from './lib/prng';
import { useShippedWorkers } from './lib/shipped-workers';

export interface BrowserBenchOptions {
  rows?: number;
  seed?: number;
  executablePath?: string;
  /** Page loads for the first-paint median. */
  loads?: number;
  log?: (line: string) => void;
}

export interface BrowserBenchResult {
  rows: number;
  firstPaintMs: number;
  filterMs: number;
  searchMs: number;
  targets: { filterMs: 50; searchMs: 50; firstPaintMs: 1000 };
  samples: { firstPaint: number[]; filter: number[]; search: number[] };
}

const WORDS = (
  'harbour freight blue sky logistics north south east west river valley summit pacific atlantic golden silver ' +
  'oak pine cedar maple coastal metro city country national global united premier express rapid direct prime ' +
  'smith jones brown taylor wilson martin thompson white walker hall allen young king wright scott green baker ' +
  'adams nelson carter mitchell roberts turner phillips campbell parker evans edwards collins stewart morris ' +
  'transport haulage couriers cargo shipping warehousing storage trading imports exports supplies services ' +
  'engineering construction plumbing electrical timber steel plastics chemicals bakery dairy farms foods'
).split(' ');
const FORMS = ['Pty Ltd', 'Ltd', 'Limited', 'Inc', 'LLC', 'GmbH', 'BV', '& Co', '', '', ''];
const MIX: [FindingKind, number][] = [
  ['ok', 0.35],
  ['name_mismatch', 0.25],
  ['code_missing', 0.12],
  ['archived_holder', 0.05],
  ['code_conflict', 0.08],
  ['not_in_xero', 0.1],
  ['not_customer', 0.05],
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function pickKind(rng: Rng): FindingKind {
  let r = rng.next();
  for (const [k, p] of MIX) if ((r -= p) < 0) return k;
  return 'ok';
}

function companyName(rng: Rng): string {
  const n = 1 + rng.int(3);
  const words = Array.from({ length: n }, () => rng.pick(WORDS));
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  const form = rng.pick(FORMS);
  return form ? `${name} ${form}` : name;
}

/** The other side's spelling: a typo, a dropped legal form, or the same. */
function variant(rng: Rng, name: string): string {
  const r = rng.next();
  if (r < 0.3) return name.replace(/ (Pty Ltd|Ltd|Limited|Inc|LLC|GmbH|BV|& Co)$/, '');
  if (r < 0.5) {
    const i = 1 + rng.int(Math.max(1, name.length - 2));
    return name.slice(0, i) + name.slice(i + 1);
  }
  if (r < 0.6) return name.toUpperCase();
  return name;
}

/** A workspace with `n` accounts, `n` contacts and a finding per account (no matching: the UI is measured). */
export function buildBenchWorkspace(path: string, n: number, seed = 1): void {
  const rng = new Rng(seed);
  const ws = openWorkspace(path, { create: true });
  try {
    const accounts: BillingAccount[] = [];
    const contacts: XeroContact[] = [];
    const findings: Finding[] = [];
    for (let i = 0; i < n; i++) {
      const name = companyName(rng);
      const code = `C${String(i).padStart(6, '0')}`;
      const kind = pickKind(rng);
      accounts.push({ row: i + 2, code, name, contactName: '', email: '', phone: '', address: '', postcode: '', status: 'Active' });
      const contactId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      contacts.push(
        XeroContact.parse({
          contactId,
          name: kind === 'ok' ? name : variant(rng, name),
          accountNumber: kind === 'code_missing' || kind === 'not_in_xero' ? '' : code,
          status: kind === 'archived_holder' ? 'ARCHIVED' : 'ACTIVE',
          isCustomer: kind !== 'not_customer',
        }),
      );
      findings.push({
        accountCode: code,
        accountRow: i + 2,
        kind,
        xeroContactId: kind === 'not_in_xero' ? null : contactId,
        codeHolderId: kind === 'code_missing' || kind === 'not_in_xero' ? null : contactId,
        score: kind === 'not_in_xero' ? 0 : Math.round(rng.next() * 1000) / 1000,
        explanation: 'benchmark row',
        contributions: [],
        candidates: [],
        fix: 'none',
        sync: { outcome: 'filed', message: null, doubt: null },
      });
    }
    const xeroImport = ws.imports.begin('xero_file', 'bench-contacts.json', null);
    ws.contacts.replaceAll(
      contacts.map((contact) => ({ contact, raw: { ContactID: contact.contactId, Name: contact.name } })),
      xeroImport,
    );
    ws.imports.complete(xeroImport, n);
    const cocoonImport = ws.imports.begin('cocoon', 'bench-cocoon.csv', null);
    ws.accounts.replaceAll(cocoonImport, accounts);
    ws.imports.complete(cocoonImport, n);
    ws.findings.replaceAll({ findings, xeroFindings: [] }, new Date().toISOString());
  } finally {
    ws.close();
  }
}

/** In the page: applies `change`, resolves with the ms until `attribute` of `selector` changes (the table rendered). */
async function timeChange(page: Page, selector: string, attribute: string, change: string, value: string): Promise<number> {
  return page.evaluate(
    ({ selector, attribute, change, value }) =>
      new Promise<number>((resolve, reject) => {
        const target = document.querySelector(selector);
        if (!target) return reject(new Error(`no ${selector}`));
        const timer = setTimeout(() => reject(new Error(`${selector}[${attribute}] did not change`)), 10_000);
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - t0);
        });
        observer.observe(target, { attributes: true, attributeFilter: [attribute] });
        if (change === 'kind') {
          const select = document.querySelector<HTMLSelectElement>('select[aria-label="Finding kind"]')!;
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          const input = document.querySelector<HTMLInputElement>('input[aria-label="Search accounts and Xero contacts"]')!;
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }),
    { selector, attribute, change, value },
  );
}

export async function runBrowserBench(o: BrowserBenchOptions = {}): Promise<BrowserBenchResult> {
  const n = o.rows ?? 50_000;
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-browser-bench-'));
  const path = join(dir, 'bench.reconciler');
  log(`browser bench: building a ${n.toLocaleString()}-account workspace…`);
  buildBenchWorkspace(path, n, o.seed ?? 1);
  log(`web host: worker threads ${useShippedWorkers()} (the bundle's when it is current, as \`reconciler web\` runs them)`);
  const host = await runWebHost({ workspace: path, dataDir: join(dir, 'data'), log });
  const browser = await chromium.launch({
    executablePath: o.executablePath ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const firstPaint: number[] = [];
    let page: Page | undefined;
    for (let i = 0; i < (o.loads ?? 3); i++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.waitForFunction(() => performance.getEntriesByName('review-table:first-rows').length > 0, undefined, { timeout: 60_000 });
      firstPaint.push(await page.evaluate(() => performance.getEntriesByName('review-table:first-rows')[0]!.startTime));
    }
    const p = page!;
    await p.waitForSelector('[role="grid"][data-search-ready="true"]', { timeout: 60_000 });

    const filter: number[] = [];
    const kinds = ['name_mismatch', 'ok', 'code_missing', '', 'not_in_xero', 'archived_holder', 'code_conflict', 'not_customer'];
    for (let round = 0; round < 3; round++) {
      for (const kind of kinds) filter.push(await timeChange(p, '[data-testid="shown-count"]', 'data-kind', 'kind', kind));
    }
    await timeChange(p, '[data-testid="shown-count"]', 'data-kind', 'kind', '');

    const search: number[] = [];
    const queries = [
      'harbour',
      'blue sky logistic',
      'smith transport',
      'golden',
      'C004217',
      'wilsn haulage',
      'pacific cargo pty',
      'mitchel',
      'express couriers',
      'oak',
    ];
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        // Typed one character more at a time from three characters on, as a person types.
        for (let len = 3; len <= q.length; len += 2)
          search.push(await timeChange(p, '[role="grid"]', 'data-query', 'search', q.slice(0, len)));
        await timeChange(p, '[role="grid"]', 'data-query', 'search', '');
      }
    }
    const result: BrowserBenchResult = {
      rows: n,
      firstPaintMs: Math.round(median(firstPaint)),
      filterMs: Math.round(median(filter) * 10) / 10,
      searchMs: Math.round(median(search) * 10) / 10,
      targets: { filterMs: 50, searchMs: 50, firstPaintMs: 1000 },
      samples: { firstPaint, filter, search },
    };
    log(
      `browser bench (${n.toLocaleString()} rows, Chromium): first paint ${result.firstPaintMs} ms (target < 1000), ` +
        `filter ${result.filterMs} ms median (target < 50), search ${result.searchMs} ms median (target < 50)`,
    );
    return result;
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ChecklistBenchResult {
  lines: number;
  openMs: number;
  target: { openMs: 200 };
  samples: number[];
}

/** The bench workspace with a CocoonOPS rename decided for each of `n` accounts: `n` checklist lines (corrections made). */
export function buildChecklistWorkspace(path: string, n: number, seed = 1): number {
  buildBenchWorkspace(path, n, seed);
  const ws = openWorkspace(path);
  try {
    ws.transaction(() => {
      for (const a of ws.accounts.list()) {
        ws.decisions.add({
          accountCode: a.code,
          action: 'rename_in_cocoon',
          xeroContactId: null,
          payload: { changes: [{ target: 'cocoon', subject: a.code, field: 'name', from: a.name, to: `${a.name} (renamed)` }] },
        });
      }
    });
    return currentChecklist(ws, new Date().toISOString(), 'bench').total;
  } finally {
    ws.close();
  }
}

/** Opens the Checklist screen from the review `opens` times; the median ms from the click to its first lines. */
export async function runChecklistBench(
  o: { lines?: number; opens?: number; executablePath?: string; log?: (line: string) => void } = {},
): Promise<ChecklistBenchResult> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-checklist-bench-'));
  const path = join(dir, 'bench.reconciler');
  log(`checklist bench: building a workspace with ${(o.lines ?? 5000).toLocaleString()} checklist lines…`);
  const lines = buildChecklistWorkspace(path, o.lines ?? 5000);
  log(`web host: worker threads ${useShippedWorkers()} (the bundle's when it is current, as \`reconciler web\` runs them)`);
  const host = await runWebHost({ workspace: path, dataDir: join(dir, 'data'), log });
  const browser = await chromium.launch({
    executablePath: o.executablePath ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.waitForSelector('[role="grid"] [role="row"]', { timeout: 60_000 });
    const samples: number[] = [];
    for (let i = 0; i < (o.opens ?? 5); i++) {
      samples.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error('the checklist did not open in 30 s')), 30_000);
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                if (!document.querySelector('[data-testid="checklist-line"]')) return;
                observer.disconnect();
                clearTimeout(timer);
                resolve(performance.now() - t0);
              });
              observer.observe(document.body, { childList: true, subtree: true });
              document.querySelector<HTMLAnchorElement>('a[href="#checklist"]')!.click();
            }),
        ),
      );
      await page.evaluate(() => document.querySelector<HTMLAnchorElement>('a[href="#"]')!.click());
      await page.waitForSelector('[role="grid"] [role="row"]', { timeout: 60_000 });
    }
    const result: ChecklistBenchResult = { lines, openMs: Math.round(median(samples)), target: { openMs: 200 }, samples };
    log(`checklist bench (${lines.toLocaleString()} lines, Chromium): opens in ${result.openMs} ms median (target < 200)`);
    return result;
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--rows');
  const rows = at > 0 ? Number(process.argv[at + 1]) : undefined;
  const r = await runBrowserBench({ rows });
  process.stdout.write(`${JSON.stringify({ ...r, samples: undefined })}\n`);
  const lc = process.argv.indexOf('--checklist-lines');
  const c = await runChecklistBench({ lines: lc > 0 ? Number(process.argv[lc + 1]) : undefined });
  process.stdout.write(`${JSON.stringify({ ...c, samples: undefined })}\n`);
}
