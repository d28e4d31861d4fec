// A 50,000-account review exported as XLSX and CSV through the app's core (exports.save), while a timer on the
// thread that serves the window measures how long it is ever held: the rows are read and the file written on a
// worker thread, so the serving thread is held only to check the request and encode the answer (measured: an
// XLSX export of 12.9 s held it at most 0.34 s, a CSV one of 4.0 s 0.22 s, on the shared 2-core machine; the
// bound asserted is loose, 1 s, where reading the rows on that thread held it 2.3 s).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Output } from '../../src/shared/contract';
import { rowsFromColumns } from '../../src/shared/review-columns';
import { createApp } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import { readCsv, readXlsx } from '../support/read-export';
import { account, contact, finding, rawOf, useTempDir } from './workspace-helpers';

const tmp = useTempDir();
const N = 50_000;
const REASON =
  'same code; names differ only by legal form \'Ltd\'; address and postcode agree; the sync will fail with "The Account Number already exists. Please enter a different Account Number."';

function seed(path: string): void {
  const ws = openWorkspace(path, { create: true });
  try {
    const cocoon = ws.imports.begin('cocoon', 'accounts.csv', null);
    ws.accounts.replaceAll(
      cocoon,
      Array.from({ length: N }, (_, i) => account(i + 1, { name: `Customer ${i + 1}` })),
    );
    const xero = ws.imports.begin('xero_file', 'contacts.json', null);
    ws.contacts.replaceAll(
      Array.from({ length: N }, (_, i) => ({ contact: contact(i + 1), raw: rawOf(contact(i + 1)) })),
      xero,
    );
    const findings = Array.from({ length: N }, (_, i) =>
      finding(
        i + 1,
        i % 3 === 0
          ? {
              kind: 'name_mismatch',
              score: 0.9,
              explanation: REASON,
              fix: 'rename_in_xero_or_cocoon',
              sync: { outcome: 'refused', message: 'The Account Number already exists.', doubt: null },
            }
          : {},
      ),
    );
    ws.findings.replaceAll({ findings, xeroFindings: [] }, new Date().toISOString());
    ws.transaction(() => {
      for (let i = 0; i < N; i += 10)
        ws.decisions.add({ accountCode: findings[i]!.accountCode, action: 'ignore', note: 'checked by hand' });
    });
  } finally {
    ws.close();
  }
}

/** Runs `work` while a 10 ms timer on this thread records the longest gap between its ticks. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, stallMs: Math.max(stall, performance.now() - last) };
  } finally {
    clearInterval(timer);
  }
}

it(`exports ${N.toLocaleString('en')} review rows without holding the thread that serves the window`, async () => {
  const path = tmp.file('big.reconciler');
  seed(path);
  const app = createApp({ host: 'web', dataDir: tmp.dir(), demoDir: tmp.dir(), settings: memorySettings(), validateOutput: false });
  try {
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = (await app.dispatch(channel, input)) as Envelope<T>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
    await call('workspace.open', { path });
    const rows = rowsFromColumns((await call<Output<'findings.list'>>('findings.list', {})).columns);
    // On screen: sorted by name, descending.
    const codes = [...rows].sort((a, b) => b.name.localeCompare(a.name)).map((r) => r.code);
    expect(codes).toHaveLength(N);

    for (const format of ['xlsx', 'csv'] as const) {
      const r = await longestStall(() => call<Output<'exports.save'>>('exports.save', { table: 'review', format, accountCodes: codes }));
      console.log(`export ${N} rows as ${format}: ${r.ms.toFixed(0)} ms, longest stall of the serving thread ${r.stallMs.toFixed(0)} ms`);
      if (r.value.kind !== 'download') throw new Error('expected a download');
      expect(r.value.rows).toBe(N);
      expect(r.stallMs).toBeLessThan(1000);
      const bytes = Buffer.from(r.value.base64, 'base64');
      if (format === 'csv') {
        const csv = readCsv(bytes);
        expect(csv.rows.map((x) => x[0])).toEqual(codes);
        expect(csv.rows.filter((x) => x[8] === 'Ignored')).toHaveLength(N / 10);
      } else {
        const sheet = await readXlsx(bytes);
        expect(sheet.rows).toHaveLength(N);
        expect([sheet.rows[0]![0], sheet.rows[N - 1]![0]]).toEqual([codes[0], codes[N - 1]]);
        expect(sheet.rows[0]![13]).toBe(rows.find((x) => x.code === codes[0])!.row);
      }
    }
  } finally {
    await app.close();
  }
  expect(readFileSync(path).length).toBeGreaterThan(0);
}, 240_000);
