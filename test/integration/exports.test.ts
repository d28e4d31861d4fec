// Exports of what is on screen (issue 19 point 4), through createApp() and the dispatcher (what IPC and HTTP call),
// on the demo's real SQLite workspace: the review's filtered and sorted rows, the push plan and the exceptions list
// as XLSX and CSV, read back with exceljs and csv-parse. The rows equal the rows shown, dates are dates in local
// time, numbers are numbers, formula-looking text is neutralised; with a save dialog (Electron) the file is written
// where the user chose, and nothing when the dialog is cancelled.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Channel } from '../../src/shared/channels';
import type { Output } from '../../src/shared/contract';
import { rowsFromColumns } from '../../src/shared/review-columns';
import { createApp, type App, type AppConfig } from '../../src/main/app/app';
import { REVIEW_COLUMNS } from '../../src/main/exports/review-table';
import { PLAN_COLUMNS } from '../../src/main/exports/plan-table';
import { EXCEPTION_COLUMNS } from '../../src/main/exports/exceptions-table';
import { memorySettings } from '../../src/main/app/settings-store';
import { readCsv, readXlsx, wallClockDate } from '../support/read-export';

const DEMO = resolve(import.meta.dirname, '../../demo');
const EXCEPTIONS = resolve(import.meta.dirname, '../fixtures/exceptions/exceptions.csv');
const FORMULA = '=HYPERLINK("http://evil.example","click me")';

beforeAll(() => {
  // Sydney: local time differs from UTC, so a datetime written as UTC would show.
  process.env.TZ = 'Australia/Sydney';
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-exports-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(over: Partial<AppConfig> = {}): App {
  const app = createApp({ host: 'web', dataDir: tempDir(), demoDir: DEMO, settings: memorySettings(), validateOutput: true, ...over });
  cleanups.push(() => app.close());
  return app;
}

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The file of a web-host export (a download). */
async function download(app: App, input: unknown): Promise<{ fileName: string; bytes: Buffer; rows: number }> {
  const r = await ok(app, 'exports.save', input);
  if (r.kind !== 'download') throw new Error(`expected a download, got ${r.kind}`);
  return { fileName: r.fileName, bytes: Buffer.from(r.base64, 'base64'), rows: r.rows };
}

describe('the review table', () => {
  it('exports the rows shown (filtered and sorted as on screen) with finding, reason and decision, as XLSX and CSV', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const first = rowsFromColumns((await ok(app, 'findings.list')).columns);
    const ignored = first.find((r) => r.kind === 'code_conflict')!;
    const renamed = first.filter((r) => r.kind === 'code_conflict')[1]!;
    await ok(app, 'decisions.apply', { accountCode: ignored.code, action: 'ignore', note: FORMULA });
    await ok(app, 'decisions.apply', { accountCode: renamed.code, action: 'recode_in_cocoon' });
    const rows = rowsFromColumns((await ok(app, 'findings.list')).columns);
    // On screen: the Code conflict filter, sorted by score (highest first).
    const shown = rows.filter((r) => r.kind === 'code_conflict').sort((a, b) => b.score - a.score || a.row - b.row);
    const codes = shown.map((r) => r.code);
    expect(codes.length).toBeGreaterThan(20);
    const decidedAt = (await ok(app, 'findings.detail', { accountCode: ignored.code })).decision!.createdAt;
    const reason = (await ok(app, 'findings.detail', { accountCode: codes[0] })).explanation;

    const xlsx = await download(app, { table: 'review', format: 'xlsx', accountCodes: codes });
    expect(xlsx.fileName).toBe('Demo review.xlsx');
    expect(xlsx.rows).toBe(codes.length);
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.header).toEqual(REVIEW_COLUMNS.map((c) => c.header));
    expect(sheet.rows.map((r) => r[0])).toEqual(codes);
    expect(sheet.rows.map((r) => r[1])).toEqual(shown.map((r) => r.name));
    expect(new Set(sheet.rows.map((r) => r[2]))).toEqual(new Set(['Code conflict']));
    expect(sheet.rows.map((r) => r[3])).toEqual(shown.map((r) => r.score)); // numbers, shown as percentages
    expect(sheet.rows.map((r) => r[4] ?? '')).toEqual(shown.map((r) => r.xeroName));
    expect(sheet.rows.map((r) => r[5] ?? '')).toEqual(shown.map((r) => r.xeroNumber));
    expect(sheet.rows[0]![7]).toBe(reason);
    const i = codes.indexOf(ignored.code);
    expect(sheet.rows[i]!.slice(8, 13)).toEqual(['Ignored', 'Decided', wallClockDate(decidedAt), 'By hand', `'${FORMULA}`]);
    expect(sheet.rows[codes.indexOf(renamed.code)]![8]).toBe('Give the account a new code in CocoonOPS');
    expect(sheet.rows.map((r) => r[13])).toEqual(shown.map((r) => r.row));
    expect(sheet.hasFormula).toBe(false);
    expect(sheet.numFmts[3]).toBe('0%');
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.headerBold).toBe(true);
    // Widths fit: every column at least as wide as its header; the reason (long text) wraps instead of being cut off.
    sheet.header.forEach((h, c) => expect(sheet.widths[c] ?? 9, h).toBeGreaterThanOrEqual(Math.min(h.length, 9)));
    expect(sheet.wrapped[7]).toBe(true);

    const csv = readCsv((await download(app, { table: 'review', format: 'csv', accountCodes: codes })).bytes);
    expect(csv.bom).toBe(true);
    expect(csv.header).toEqual(REVIEW_COLUMNS.map((c) => c.header));
    expect(csv.rows.map((r) => r[0])).toEqual(codes);
    expect(csv.rows.map((r) => r[3])).toEqual(shown.map((r) => `${Math.round(r.score * 100)}%`));
    const local = wallClockDate(decidedAt).toISOString().slice(0, 16).replace('T', ' ');
    expect(csv.rows[i]!.slice(8, 13)).toEqual(['Ignored', 'Decided', local, 'By hand', `'${FORMULA}`]);
    expect(csv.rows.map((r) => Number(r[13]))).toEqual(shown.map((r) => r.row));
  });

  it('in Electron writes the file where the save dialog says, and nothing when it is cancelled', async () => {
    const dir = tempDir();
    let answer: string | null = join(dir, 'chosen.xlsx');
    const asked: { fileName: string; format: string }[] = [];
    const app = start({
      chooseSavePath: async (s) => {
        asked.push(s);
        return answer;
      },
    });
    await ok(app, 'workspace.openDemo');
    const codes = rowsFromColumns((await ok(app, 'findings.list')).columns).map((r) => r.code);
    const saved = await ok(app, 'exports.save', { table: 'review', format: 'xlsx', accountCodes: codes });
    expect(asked).toEqual([{ fileName: 'Demo review.xlsx', format: 'xlsx' }]);
    expect(saved).toEqual({ kind: 'saved', path: answer, fileName: 'chosen.xlsx', rows: 829 });
    expect((await readXlsx(readFileSync(answer!))).rows.map((r) => r[0])).toEqual(codes);

    answer = null;
    expect(await ok(app, 'exports.save', { table: 'plan', format: 'csv' })).toEqual({ kind: 'cancelled' });
    expect(existsSync(join(dir, 'Demo push plan.csv'))).toBe(false);
  });
});

describe('the push plan', () => {
  it('exports one row per field written, sent changes first, blocked ones with why', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const rows = rowsFromColumns((await ok(app, 'findings.list')).columns);
    const codes = rows.filter((r) => r.kind === 'name_mismatch' || r.kind === 'archived_holder').map((r) => r.code);
    await ok(app, 'decisions.bulkApply', { accountCodes: codes });
    const plan = await ok(app, 'outbox.plan');
    expect(plan.items.length).toBeGreaterThan(50);
    const items = [...plan.items.filter((p) => !p.blocked), ...plan.items.filter((p) => p.blocked)];
    const expected = items.flatMap((p) =>
      p.changes.map((c) => [p.accountCode, p.contactName, c.field, c.from, c.to, p.blocked ? 'No: blocked' : 'Yes', p.contactId]),
    );

    const sheet = await readXlsx((await download(app, { table: 'plan', format: 'xlsx' })).bytes);
    expect(sheet.name).toBe('Push plan');
    expect(sheet.header).toEqual(PLAN_COLUMNS.map((c) => c.header));
    const pick = (r: unknown[]) => [r[0], r[2], r[4], r[5] ?? '', r[6] ?? '', r[7], r[9]];
    expect(sheet.rows.map(pick)).toEqual(expected);
    expect(sheet.rows[0]![1]).toBe(rows.find((r) => r.code === items[0]!.accountCode)!.name);

    const csv = readCsv((await download(app, { table: 'plan', format: 'csv' })).bytes);
    expect(csv.rows.map(pick)).toEqual(expected);
  });
});

describe('the exceptions list', () => {
  it('exports the exceptions the filter shows, in their order, with dates as dates and totals as numbers', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const imported = await ok(app, 'exceptions.import', {
      fileName: 'exceptions.csv',
      content: readFileSync(EXCEPTIONS).toString('base64'),
    });
    await ok(app, 'exceptions.setResolved', { id: imported.ids[1], resolved: true, note: '@SUM(1,2) closed in CocoonOPS' });

    const open = (await ok(app, 'exceptions.list', { resolved: false })).items;
    const sheet = await readXlsx((await download(app, { table: 'exceptions', format: 'xlsx', filter: { resolved: false } })).bytes);
    expect(sheet.header).toEqual(EXCEPTION_COLUMNS.map((c) => c.header));
    expect(sheet.rows.map((r) => r[2] ?? '')).toEqual(open.map((e) => e.number));
    expect(new Set(sheet.rows.map((r) => r[0]))).toEqual(new Set(['Open']));
    const inv1 = sheet.rows.find((r) => r[2] === 'INV-0001')!;
    expect(inv1[10]).toEqual(new Date(Date.UTC(2025, 2, 3))); // Invoice Date 03/03/2025, a date
    expect(inv1[11]).toBe(1250); // "1,250.00" as a number
    expect(inv1[13]).toEqual(new Date(Date.UTC(2025, 5, 2, 9, 14))); // raised 2025-06-02 09:14, as written
    const importedAt = open.find((e) => e.number === 'INV-0001')!.importedAt;
    expect(inv1[14]).toEqual(wallClockDate(importedAt));
    expect(sheet.numFmts[10]).toBe('mm-dd-yy'); // Excel's short date: the reader's own order
    expect(sheet.numFmts[11]).toBe('#,##0.00');
    expect(sheet.hasFormula).toBe(false);

    const all = (await ok(app, 'exceptions.list', {})).items;
    const csv = readCsv((await download(app, { table: 'exceptions', format: 'csv', filter: {} })).bytes);
    expect(csv.rows.map((r) => r[2])).toEqual(all.map((e) => e.number));
    const resolved = csv.rows.find((r) => r[0] === 'Resolved')!;
    expect(resolved[16]).toBe("'@SUM(1,2) closed in CocoonOPS");
    expect(resolved[9]).toBe(''); // nothing left to do
    expect(csv.rows.find((r) => r[2] === 'INV-0001')!.slice(10, 14)).toEqual(['2025-03-03', '1250.00', 'AUD', '2025-06-02 09:14']);
  });
});
