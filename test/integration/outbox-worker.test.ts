// The plan, the checklist and a bulk apply on a worker thread (as a large workspace runs them, so the window keeps
// answering), here forced on the demo (workerFrom 1): the answers are those the serving thread builds itself, and
// the worker's writes (the decisions, the corrections) are seen by the app's own connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Output } from '../../src/shared/contract';
import type { Channel } from '../../src/shared/channels';
import { createApp, type App } from '../../src/main/app/app';
import { memorySettings } from '../../src/main/app/settings-store';
import { buildChecklist, buildPlan, listCorrections } from '../../src/main/outbox';
import { openWorkspace } from '../../src/main/db';
import { applyDecision } from '../../src/main/review/decide';

const DEMO = resolve(import.meta.dirname, '../../demo');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function start(workerFrom = 1): App {
  const dataDir = mkdtempSync(join(tmpdir(), 'reconciler-outbox-worker-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const app = createApp({ host: 'web', dataDir, demoDir: DEMO, settings: memorySettings(), validateOutput: true, workerFrom });
  cleanups.push(() => app.close());
  return app;
}

describe('plan, checklist and bulk apply off the serving thread', () => {
  it('are on the progress line while they run, and Cancel stops them: nothing is stored', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const progress: { task: string; message: string; finished?: boolean }[] = [];
    app.events.on('progress', (e) => progress.push(e));
    const { columns } = await ok(app, 'findings.list');
    const applying = app.dispatch('decisions.bulkApply', { accountCodes: columns.code });
    expect(await ok(app, 'outbox.cancel')).toEqual({ cancelled: true });
    expect(await applying).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(app.session.require().ws.decisions.listCurrent()).toHaveLength(0);
    const outbox = progress.filter((p) => p.task === 'outbox');
    expect(outbox[0]).toEqual(
      expect.objectContaining({
        message: `Accepting the suggestions of ${columns.code.length.toLocaleString('en')} accounts…`,
        finished: false,
      }),
    );
    expect(outbox.at(-1)).toEqual(expect.objectContaining({ message: 'Cancelled', finished: true }));
    expect(outbox.filter((p) => p.finished)).toHaveLength(1);
    // The next call starts a worker again.
    expect((await ok(app, 'decisions.bulkApply', { accountCodes: columns.code })).applied).toBeGreaterThan(0);
    expect(await ok(app, 'outbox.cancel')).toEqual({ cancelled: false });
  });

  it('answer as the serving thread would, and write through the worker’s own connection', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const { columns } = await ok(app, 'findings.list');
    const progress: { task: string; done: number; total: number | null; finished?: boolean }[] = [];
    app.events.on('progress', (e) => progress.push(e));
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: columns.code });
    expect(applied.applied).toBeGreaterThan(0);
    expect(applied.skipped).toBe(columns.code.length - applied.applied);
    // The progress line counts the accounts checked, up to all of them (about 20 reports, not one per account).
    const counts = progress.filter((p) => p.task === 'outbox' && !p.finished && p.total !== null);
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.length).toBeLessThanOrEqual(21);
    expect(counts.at(-1)).toMatchObject({ done: columns.code.length, total: columns.code.length });
    expect(counts.map((p) => p.done)).toEqual([...counts.map((p) => p.done)].sort((a, b) => a - b));
    expect(applied.decisions).toHaveLength(applied.applied);
    const ws = app.session.require().ws;
    expect(ws.decisions.listCurrent()).toHaveLength(applied.applied);

    // The same bulk apply on the serving thread (another copy of the demo) answers the same.
    const here = start(1e9);
    await ok(here, 'workspace.openDemo');
    expect(await ok(here, 'decisions.bulkApply', { accountCodes: columns.code })).toEqual({ ...applied, batchId: expect.any(Number) });

    const plan = await ok(app, 'outbox.plan');
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan).toMatchObject({ ...buildPlan(ws, plan.computedAt), notReady: plan.notReady });

    const checklist = await ok(app, 'checklist.get');
    expect(checklist.total).toBeGreaterThan(0);
    // The worker added the decisions' corrections to the outbox: the app's connection builds the same list from them.
    expect(buildChecklist(ws, checklist.generatedAt)).toEqual(checklist);
  });

  it('preview a bulk apply as the serving thread does; the Accept after it respects a decision made since', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const { columns } = await ok(app, 'findings.list');
    const progress: { task: string; message: string }[] = [];
    app.events.on('progress', (e) => progress.push(e));
    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: columns.code });
    expect(progress[0]?.message).toBe(`Checking the suggestions of ${columns.code.length.toLocaleString('en')} accounts…`);
    const here = start(1e9);
    await ok(here, 'workspace.openDemo');
    expect(await ok(here, 'decisions.bulkPreview', { accountCodes: columns.code })).toEqual(preview);

    // Decided by hand on the app's own connection after the preview (the worker planned on its own).
    const byHand = preview.items[0]!.accountCode;
    await ok(app, 'decisions.apply', { accountCode: byHand, action: 'ignore' });
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: columns.code });
    expect(applied.applied).toBe(preview.items.length - 1);
    expect(applied.decisions.map(([code]) => code)).not.toContain(byHand);
    expect(app.session.require().ws.decisions.currentOf([byHand]).get(byHand)).toMatchObject({ action: 'ignore', source: 'manual' });
  });

  it('the Accept after a preview on the serving thread respects a decision another process made since', async () => {
    const app = start(1e9);
    await ok(app, 'workspace.openDemo');
    const { columns } = await ok(app, 'findings.list');
    const codes = columns.code.slice(0, 300);
    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: codes });
    expect(preview.items.length).toBeGreaterThan(1);
    // Another connection (the CLI, a second window) decides one of the previewed accounts.
    const other = openWorkspace(app.session.require().ws.path);
    const byHand = preview.items[1]!.accountCode;
    try {
      applyDecision(other, { accountCode: byHand, action: 'ignore' });
    } finally {
      other.close();
    }
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: codes });
    expect(applied.applied).toBe(preview.items.length - 1);
    expect(applied.decisions.map(([code]) => code)).not.toContain(byHand);
  });

  it('a push plans and writes its corrections on the worker first, then sends; its results are read there too', async () => {
    const app = start();
    await ok(app, 'workspace.openDemo');
    const { columns } = await ok(app, 'findings.list');
    const codes = columns.code.filter((_, i) => columns.kind[i] === 'name_mismatch').slice(0, 4);
    expect((await ok(app, 'decisions.bulkApply', { accountCodes: codes })).applied).toBeGreaterThan(0);
    const progress: { task: string; message: string; finished?: boolean }[] = [];
    app.events.on('progress', (e) => progress.push(e));
    const pushed = await ok(app, 'outbox.push', {});
    expect(pushed.done).toBeGreaterThan(0);
    const worker = progress.filter((p) => p.task === 'outbox' && !p.finished).map((p) => p.message);
    expect(worker).toEqual(expect.arrayContaining(['Planning the push…', 'Checking the plan…']));
    const results = await ok(app, 'outbox.list', { target: 'xero', results: true });
    expect(results.filter((c) => c.status === 'done')).toHaveLength(pushed.done);
    expect(progress.some((p) => p.message === 'Reading the results…')).toBe(true);
    // As the serving thread reads them from the same file.
    expect(results).toEqual(listCorrections(app.session.require().ws, { results: true }));
  });
});
