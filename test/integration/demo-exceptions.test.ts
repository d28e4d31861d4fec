// The demo's exceptions through createApp() and the dispatcher: synced from its sandbox Xero (sales invoices and
// credit notes), the sample CocoonOPS exceptions export gives every "Invoice # must be unique" verdict, each in words
// that claim only what was compared; without synced invoices every check says "no invoices synced yet", never "not in
// Xero, re-send".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Output } from '../../src/shared/contract';
import type { Channel } from '../../src/shared/channels';
import { createApp, type App, type AppConfig } from '../../src/main/app/app';
import { memorySettings } from '../../src/main/app/settings-store';

const DEMO = resolve(import.meta.dirname, '../../demo');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function start(over: Partial<AppConfig> = {}): App {
  const dataDir = mkdtempSync(join(tmpdir(), 'reconciler-demo-exc-'));
  const app = createApp({ host: 'web', dataDir, demoDir: DEMO, settings: memorySettings(), validateOutput: true, ...over });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => app.close());
  return app;
}

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

const UNIQUE = 'invoice_number_unique';

describe("the demo's exceptions", () => {
  it('synced: the sample export gives every verdict, each saying only what it compared', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const { items } = await ok(app, 'exceptions.list', {});
    expect(items).toHaveLength(17);
    const unique = items.filter((e) => e.playbookId === UNIQUE);
    const byNumber = Object.fromEntries(unique.map((e) => [e.number, e.verdict]));
    expect(byNumber).toEqual({
      'CO-104364': 'exists_matches',
      'CO-104206': 'exists_matches',
      'CO-104337': 'exists_matches',
      'CN-5106': 'exists_matches', // a credit note: CocoonOPS's negative total against Xero's positive one
      'CO-104214': 'exists_differs', // the number is another customer's invoice in Xero
      'CO-104332': 'exists_differs', // edited in Xero since
      'CO-104379': 'exists_differs', // voided in Xero
      'CO-104464': 'not_found',
      'CO-104465': 'not_found',
    });
    const summary = (n: string) => unique.find((e) => e.number === n)!.check!.summary;
    expect(summary('CO-104206')).toBe(
      'The invoice CO-104206 exists in Xero and matches on type, contact, date, total and currency: safe to close the exception in CocoonOPS.',
    );
    expect(summary('CO-104214')).toBe(
      'The invoice CO-104214 exists in Xero but differs — contact: 226381 in CocoonOPS, 558858 (Happy Holiday Nursery) in Xero; total: 3002.32 in CocoonOPS, 4842.45 in Xero.',
    );
    expect(summary('CO-104332')).toBe('The invoice CO-104332 exists in Xero but differs — total: 2518.87 in CocoonOPS, 2573.87 in Xero.');
    expect(summary('CO-104379')).toContain('status: active in CocoonOPS, VOIDED in Xero');
    expect(summary('CO-104464')).toBe('CO-104464 is not among the synced sales invoices and credit notes: re-send it from CocoonOPS.');
    // The paid invoice CocoonOPS tried to edit is checked too, and the failing accounts link their findings.
    expect(items.find((e) => e.number === 'CO-104246')).toMatchObject({ playbookId: 'document_locked', verdict: 'exists_matches' });
    const linked = items.filter((e) => e.playbookId === 'account_number_exists');
    expect(linked.map((e) => e.accountCode)).toHaveLength(3);

    // A number alone (pasted): it exists, and the verdict says what to compare, not that it matches.
    const pasted = await ok(app, 'exceptions.paste', { message: 'Invoice # must be unique.', number: 'CO-104210' });
    expect(pasted.exception.verdict).toBe('exists_unverified');
    expect(pasted.exception.check!.summary).toBe(
      "The invoice CO-104210 exists in Xero: compare it with CocoonOPS's invoice before closing — its type, contact, date, total and currency (not in the exception).",
    );
    expect(pasted.steps.map((s) => [s.place, s.kind])).toEqual([
      ['xero', 'check'],
      ['cocoonops', 'close_exception'],
    ]);
    expect((await ok(app, 'exceptions.list', { verdict: 'exists_unverified' })).items.map((e) => e.number)).toEqual(['CO-104210']);
  });

  it('not synced: every check says "no invoices synced yet", none says "not in Xero"', async () => {
    const app = start({ demoSync: false }); // the Xero side from the contacts file: no invoices
    await ok(app, 'workspace.openDemo');
    const { items } = await ok(app, 'exceptions.list', {});
    const checked = items.filter((e) => e.check !== null);
    expect(checked.length).toBeGreaterThanOrEqual(9);
    expect(new Set(checked.map((e) => e.verdict))).toEqual(new Set(['cannot_check']));
    for (const e of checked) expect(e.check!.summary).toBe(`Cannot check ${e.number}: no invoices synced yet (sync Xero first).`);
    expect(JSON.stringify(items)).not.toMatch(/not among the synced|re-send it from CocoonOPS/);
    const steps = await ok(app, 'exceptions.checklist', {});
    expect(steps.filter((s) => s.kind === 'check').every((s) => s.text.includes('no invoices synced yet'))).toBe(true);
  });
});
