// The exports from the command line (issue 19 point 4), the real `reconciler` in a child process on a real SQLite
// workspace: findings --out x.xlsx (the review table, as the app's Export… saves it; --kind filters), push --dry-run
// --out plan.xlsx / plan.csv, and exceptions --list --out, each file read back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/main/db';
import { REVIEW_COLUMNS } from '../../src/main/exports/review-table';
import { PLAN_COLUMNS } from '../../src/main/exports/plan-table';
import { EXCEPTION_COLUMNS } from '../../src/main/exports/exceptions-table';
import { applyBulk } from '../../src/main/review/decide';
import { FINDING_GLOSSARY } from '../../src/shared/finding-glossary';
import type { FindingKind } from '../../src/shared/domain';
import { FIXTURES, runCli, tempDir } from '../support/cli';
import { readCsv, readXlsx } from '../support/read-export';

const small = (f: string) => join(FIXTURES, 'small', f);
let dir: string;
let ws: string;

beforeAll(() => {
  dir = tempDir('reconciler-exports-cli-');
  ws = join(dir, 'w.reconciler');
  expect(runCli(['import', 'cocoon', small('cocoon.csv'), '--workspace', ws]).code).toBe(0);
  expect(runCli(['import', 'xero', small('xero-contacts.json'), '--workspace', ws]).code).toBe(0);
  expect(
    runCli(['exceptions', join(FIXTURES, 'exceptions/exceptions.csv'), '--workspace', ws, '--out', join(dir, 'imported.json')]).code,
  ).toBe(0);
});

describe('reconciler findings --out x.xlsx', () => {
  it('writes the review table, every account in the export order, or only one kind', async () => {
    const out = join(dir, 'findings.xlsx');
    const r = runCli(['findings', '--workspace', ws, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`8 accounts written to ${out}`);
    const csv = readCsv(runCli(['findings', '--workspace', ws]).stdout);
    const sheet = await readXlsx(readFileSync(out));
    expect(sheet.header).toEqual(REVIEW_COLUMNS.map((c) => c.header));
    expect(sheet.rows.map((x) => x[0])).toEqual(csv.rows.map((x) => x[0])); // the export's order, as the CSV
    // The same findings as the CSV's, in words.
    expect(sheet.rows.map((x) => x[2])).toEqual(csv.rows.map((x) => FINDING_GLOSSARY[x[2] as FindingKind].label));
    expect(sheet.rows.find((x) => x[0] === 'A001')![7]).toContain("names differ only by legal form 'Pty Ltd'");
    expect(typeof sheet.rows[0]![3]).toBe('number');

    const only = join(dir, 'mismatch.xlsx');
    expect(runCli(['findings', '--workspace', ws, '--kind', 'name_mismatch', '--out', only]).code).toBe(0);
    expect((await readXlsx(readFileSync(only))).rows.map((x) => x[0])).toEqual(['A001', 'N001']);
  });

  it('refuses an output it cannot write, naming the formats', () => {
    const r = runCli(['findings', '--workspace', ws, '--out', join(dir, 'findings.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/\.csv or \.json/);
  });
});

describe('reconciler push --dry-run --out', () => {
  it('saves the plan, one row per field written, as XLSX and CSV; nothing is pushed', async () => {
    const w = openWorkspace(ws);
    try {
      applyBulk(w, { accountCodes: ['A001', 'N001', 'R001', 'M001'], action: 'suggested' });
    } finally {
      w.close();
    }
    const xlsx = join(dir, 'plan.xlsx');
    const r = runCli(['push', '--workspace', ws, '--dry-run', '--out', xlsx]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^plan: \d+ changes? to \d+ Xero contacts?/);
    const rowsWritten = Number(/plan: (\d+) rows written/.exec(r.stderr)?.[1]);
    expect(rowsWritten).toBeGreaterThan(0);
    const sheet = await readXlsx(readFileSync(xlsx));
    expect(sheet.header).toEqual(PLAN_COLUMNS.map((c) => c.header));
    expect(sheet.rows).toHaveLength(rowsWritten);
    const a001 = sheet.rows.find((x) => x[0] === 'A001' && x[4] === 'Name')!;
    expect(a001.slice(0, 8)).toEqual([
      'A001',
      'Acme Freight Pty Ltd',
      'Acme Freight',
      'Rename the Xero contact',
      'Name',
      'Acme Freight',
      'Acme Freight Pty Ltd',
      'Yes',
    ]);

    const csvPath = join(dir, 'plan.csv');
    expect(runCli(['push', '--workspace', ws, '--dry-run', '--out', csvPath]).code).toBe(0);
    expect(readCsv(readFileSync(csvPath)).rows.map((x) => x.slice(0, 8))).toEqual(
      sheet.rows.map((x) => x.slice(0, 8).map((v) => (v === null ? '' : String(v)))),
    );
    const w2 = openWorkspace(ws);
    try {
      expect(w2.outbox.list()).toEqual([]); // a dry run creates no correction
    } finally {
      w2.close();
    }
  });
});

describe('reconciler exceptions --list --out', () => {
  it('writes the exceptions list as the Exceptions screen shows it, with the same filters', async () => {
    const out = join(dir, 'exceptions.xlsx');
    const r = runCli(['exceptions', '--list', '--workspace', ws, '--out', out]);
    expect(r.code).toBe(0);
    const sheet = await readXlsx(readFileSync(out));
    expect(sheet.header).toEqual(EXCEPTION_COLUMNS.map((c) => c.header));
    expect(r.stderr).toContain(`${sheet.rows.length} exceptions written to ${out}`);
    expect(sheet.rows.length).toBeGreaterThan(5);
    expect(sheet.rows.find((x) => x[2] === 'INV-0001')![10]).toEqual(new Date(Date.UTC(2025, 2, 3)));

    const unique = readCsv(runCli(['exceptions', '--list', '--workspace', ws, '--playbook', 'invoice_number_unique']).stdout);
    expect(unique.rows.length).toBeGreaterThan(0);
    expect(unique.rows.length).toBeLessThan(sheet.rows.length);
    expect(new Set(unique.rows.map((x) => x[6]))).toEqual(new Set([sheet.rows.find((x) => x[2] === 'INV-0001')![6]]));

    const bad = runCli(['exceptions', '--list', '--workspace', ws, '--show', 'closed']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--show must be one of open, resolved, all');
  });
});
