// The review app's core through createApp() and the dispatcher (what IPC and HTTP call): the demo synced from
// the in-process sandbox, decisions that survive restart, re-import and re-sync, bulk safety, freshness.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Output } from '../../src/shared/contract';
import type { Channel } from '../../src/shared/channels';
import { rowsFromColumns } from '../../src/shared/review-columns';
import { createApp, type App, type AppConfig } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';
import { createXeroLink } from '../../src/main/xero/link';
import { createMemorySecretStore } from '../../src/main/xero/storage/secret-store';
import { startDemoSandbox } from '../../src/main/demo/demo-workspace';
import { headlessBrowser } from '../../src/sandbox/testing/sandbox-client.js';

const DEMO = resolve(import.meta.dirname, '../../demo');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-app-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(dataDir: string, over: Partial<AppConfig> = {}): App {
  const app = createApp({ host: 'web', dataDir, demoDir: DEMO, settings: memorySettings(), validateOutput: true, ...over });
  cleanups.push(() => app.close());
  return app;
}

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function listRows(app: App) {
  return rowsFromColumns((await ok(app, 'findings.list')).columns);
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Every stage of the failing breakdown at zero. */
const NO_STAGE = { undecided: 0, queued: 0, pushed: 0, webApp: 0, webAppToCheck: 0, webAppFailed: 0, changed: 0, cocoon: 0, ignored: 0 };

describe('the demo', () => {
  it('reads its Xero side from the sandbox through the Xero client, and keeps decisions across restart, re-import and re-sync', async () => {
    const dataDir = tempDir();
    let app = start(dataDir);
    const info = await ok(app, 'workspace.openDemo');
    expect(info.isDemo).toBe(true);
    const status = await ok(app, 'workspace.status');
    expect(status).toMatchObject({
      accounts: 829,
      contacts: 1094,
      xeroTrust: 'complete',
      xeroConnection: { tenantName: 'Demo Company (AU)', sandbox: true },
    });
    expect(status.lastSync?.rows).toBe(1094 + 264 + 14); // contacts, sales invoices, credit notes
    expect(status.failing).toBeGreaterThan(300);

    const rows = await listRows(app);
    expect(rows).toHaveLength(829);
    const mismatch = rows.find((r) => r.kind === 'name_mismatch')!;
    const missing = rows.find((r) => r.kind === 'code_missing')!;
    await ok(app, 'decisions.apply', { accountCode: mismatch.code, action: 'rename_in_cocoon' });
    await ok(app, 'decisions.apply', { accountCode: missing.code, action: 'ignore', note: 'closing this account' });
    await app.close();

    // restart: the same demo workspace, decisions kept
    app = start(dataDir);
    await ok(app, 'workspace.openDemo');
    const after = await listRows(app);
    expect(after.find((r) => r.code === mismatch.code)?.decision).toMatchObject({ action: 'rename_in_cocoon', source: 'manual' });
    expect(after.find((r) => r.code === missing.code)?.decision).toMatchObject({ action: 'ignore', note: 'closing this account' });

    // re-import the CocoonOPS export, then sync again from the sandbox
    const imported = await ok(app, 'imports.cocoon', {
      fileName: 'cocoon.csv',
      content: readFileSync(join(DEMO, 'cocoon.csv')).toString('base64'),
    });
    expect(imported).toMatchObject({ rows: 829, readAs: 'UTF-8' });
    await ok(app, 'xero.sync');
    // nothing changed in Xero: the workspace still holds exactly its 1,094 contacts
    expect(await ok(app, 'workspace.status')).toMatchObject({ contacts: 1094, xeroTrust: 'complete' });
    const detail = await ok(app, 'findings.detail', { accountCode: mismatch.code });
    expect(detail.decision).toMatchObject({ action: 'rename_in_cocoon', changes: [{ target: 'cocoon', field: 'name' }] });
    expect((await ok(app, 'workspace.status')).decided).toBe(2);

    // a reset demo starts over
    await ok(app, 'workspace.openDemo', { reset: true });
    expect((await ok(app, 'workspace.status')).decided).toBe(0);
  });
});

describe('decisions', () => {
  async function demoApp(): Promise<App> {
    const app = start(tempDir(), { demoSync: false });
    await ok(app, 'workspace.openDemo');
    return app;
  }

  it('refuse what does not fit the finding, and undo', async () => {
    const app = await demoApp();
    const rows = await listRows(app);
    // Names that lost nothing: renaming in Xero to a damaged CocoonOPS name asks first (bulk-safety.test.ts).
    const mismatch = rows.find((r) => r.kind === 'name_mismatch' && r.look === null)!;
    const wrong = await app.dispatch('decisions.apply', { accountCode: mismatch.code, action: 'restore_in_xero' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.dispatch('decisions.apply', { accountCode: 'NO-SUCH', action: 'ignore' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await app.dispatch('decisions.apply', { accountCode: mismatch.code, action: 'link', xeroContactId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const applied = await ok(app, 'decisions.apply', { accountCode: mismatch.code, action: 'rename_in_xero' });
    expect(applied.row.decision?.action).toBe('rename_in_xero');
    expect(applied.decision.changes[0]).toMatchObject({ target: 'xero', field: 'Name', to: mismatch.name });
    const undone = await ok(app, 'decisions.undo', { accountCode: mismatch.code });
    expect(undone.undone?.action).toBe('rename_in_xero');
    expect(undone.row.decision).toBeNull();
    expect((await ok(app, 'decisions.undo', { accountCode: mismatch.code })).undone).toBeNull();
  });

  it('the headline counts every failing account, decided or not, and says where each fix stands', async () => {
    const app = await demoApp();
    const before = await ok(app, 'workspace.status');
    expect(before.failingBreakdown).toEqual({ ...NO_STAGE, undecided: before.failing });
    // Of them, those that only may fail: the 33 "not a customer", and 22 whose names differ only in spacing.
    expect(before.counts.not_customer).toBe(33);
    expect(before.mayFail).toBe(33 + 22);
    const spaced = await ok(app, 'findings.detail', { accountCode: '609144' });
    expect(spaced.explanation).toMatch(/the sync may fail .*differ only in spacing/);
    const mismatches = (await listRows(app)).filter((r) => r.kind === 'name_mismatch');
    await ok(app, 'decisions.apply', { accountCode: mismatches[0]!.code, action: 'ignore', note: 'later' });
    await ok(app, 'decisions.apply', { accountCode: mismatches[1]!.code, action: 'rename_in_cocoon' });
    await ok(app, 'decisions.apply', { accountCode: mismatches[2]!.code, action: 'rename_in_xero' });
    const after = await ok(app, 'workspace.status');
    // Decisions fix nothing until they reach Xero or CocoonOPS: the count stays.
    expect(after.failing).toBe(before.failing);
    expect(after.failingBreakdown).toEqual({ ...NO_STAGE, undecided: before.failing - 3, queued: 1, cocoon: 1, ignored: 1 });
    expect(after.failingUndecided).toBe(before.failing - 3);
  });

  it("names the contact the evidence is about: a code conflict's score is the code holder's, not the name match's", async () => {
    const app = await demoApp();
    const conflict = await ok(app, 'findings.detail', { accountCode: 'CAROLE01' });
    expect(conflict.row.kind).toBe('code_conflict');
    expect(conflict.scoredContact?.contactId).toBe(conflict.codeHolder?.contactId);
    expect(conflict.scoredContact?.contactId).not.toBe(conflict.contact?.contactId);
    expect(conflict.contributions.find((c) => c.field === 'code')?.level).toBe('exact');
    const mismatch = await ok(app, 'findings.detail', { accountCode: '898037' });
    expect(mismatch.row.kind).toBe('name_mismatch');
    expect(mismatch.scoredContact?.contactId).toBe(mismatch.contact?.contactId);
  });

  it('says, before a fix is chosen, which fixes make the sync pass; one that does not is recorded with a warning', async () => {
    const app = await demoApp();
    // C00897: only an archived contact has its name, so a new code would not help (Xero still finds the archived one).
    const detail = await ok(app, 'findings.detail', { accountCode: 'C00897' });
    expect(detail.row.kind).toBe('archived_holder');
    const byAction = Object.fromEntries(detail.choices.map((c) => [c.action, c]));
    expect(byAction.restore_in_xero).toMatchObject({ stillFails: null, summary: 'ContactStatus "ARCHIVED" → "ACTIVE" in Xero' });
    expect(byAction.recode_in_cocoon!.stillFails).toMatch(/stays archived in Xero/);
    const applied = await ok(app, 'decisions.apply', { accountCode: 'C00897', action: 'recode_in_cocoon' });
    expect(applied.warning).toMatch(/^This fix alone does not make C00897 pass: .* stays archived in Xero\.$/);
    expect((await ok(app, 'decisions.apply', { accountCode: 'C00897', action: 'restore_in_xero' })).warning).toBeNull();
  });

  it('link a contact by hand: the row shows it', async () => {
    const app = await demoApp();
    const rows = await listRows(app);
    const lonely = rows.find((r) => r.kind === 'not_in_xero')!;
    const [hit] = await ok(app, 'contacts.search', { query: lonely.name.split(' ')[0]!, limit: 5 });
    expect(hit).toBeDefined();
    const r = await ok(app, 'decisions.apply', { accountCode: lonely.code, action: 'link', xeroContactId: hit!.contact.contactId });
    expect(r.row).toMatchObject({ xeroId: hit!.contact.contactId, xeroName: hit!.contact.name, decision: { action: 'link' } });
  });

  it('in bulk: preview first, never over a decision, all in one go', async () => {
    const app = await demoApp();
    const rows = await listRows(app);
    // rows whose names lost information are left out by default (see bulk-safety.test.ts)
    // (and C00592, whose rename would make CONCOR01 fail: bulk-safety.test.ts)
    const mismatches = rows.filter((r) => r.kind === 'name_mismatch' && r.look === null && r.code !== 'C00592').map((r) => r.code);
    const okRow = rows.find((r) => r.kind === 'ok')!.code;
    await ok(app, 'decisions.apply', { accountCode: mismatches[0], action: 'rename_in_cocoon' });
    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: [...mismatches, okRow] });
    expect(preview.items).toHaveLength(mismatches.length - 1);
    expect(preview.items.every((i) => i.action === 'rename_in_xero')).toBe(true);
    expect(preview.skipped).toEqual(
      expect.arrayContaining([
        { accountCode: mismatches[0], reason: 'already decided by hand' },
        { accountCode: okRow, reason: 'nothing to accept for "OK"' },
      ]),
    );
    expect((await ok(app, 'workspace.status')).decided).toBe(1); // a preview stores nothing
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: [...mismatches, okRow] });
    expect(applied.applied).toBe(mismatches.length - 1);
    expect(applied.decisions.map(([code]) => code)).toEqual(mismatches.slice(1));
    expect(applied.decisions.every(([, d]) => d.source === 'bulk')).toBe(true);
    const kept = await ok(app, 'findings.detail', { accountCode: mismatches[0] });
    expect(kept.decision).toMatchObject({ action: 'rename_in_cocoon', source: 'manual' });
    // a second bulk run finds nothing left to do
    expect((await ok(app, 'decisions.bulkApply', { accountCodes: mismatches })).applied).toBe(0);
  });
});

describe('imports and freshness', () => {
  it('previews a CocoonOPS export with problems by row and stores nothing until it is clean', async () => {
    const app = start(tempDir(), { demoSync: false });
    await ok(app, 'workspace.openDemo');
    const bad = b64('Organisation Name,Billing Account Code\nAcme,A1\nBeta,\nGamma,A1\n');
    const preview = await ok(app, 'imports.previewCocoon', { fileName: 'bad.csv', content: bad });
    expect(preview.rows.map((r) => r.code)).toEqual(['A1', '', 'A1']);
    expect(preview.errors).toBeGreaterThanOrEqual(2);
    expect(preview.problems.map((p) => p.row)).toEqual(expect.arrayContaining([3, 4]));
    const refused = await app.dispatch('imports.cocoon', { fileName: 'bad.csv', content: bad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_failed' } });
    expect(!refused.ok && refused.error.problems?.length).toBeGreaterThanOrEqual(2);
    expect((await ok(app, 'workspace.status')).accounts).toBe(829);
    const mapped = await ok(app, 'imports.previewCocoon', {
      fileName: 'x.csv',
      content: b64('Customer,Acct No\nAcme,A1\n'),
      mapping: { code: 'Acct No' },
    });
    expect(mapped).toMatchObject({ errors: 0, mapping: { name: 'Customer', code: 'Acct No' } });

    // UTF-8 with one stray Windows-1252 byte: refused (naming the line) until the user chooses an encoding.
    const mixed = Buffer.from([
      ...Buffer.from('Organisation Name,Billing Account Code\nAcmé,A1\nBeta'),
      0xa0,
      ...Buffer.from('Freight,B2\n'),
    ]).toString('base64');
    const asked = await ok(app, 'imports.previewCocoon', { fileName: 'mixed.csv', content: mixed });
    expect(asked).toMatchObject({ encoding: null, errors: 1, problems: [{ row: 0, message: expect.stringContaining('(line 3)') }] });
    expect(await app.dispatch('imports.cocoon', { fileName: 'mixed.csv', content: mixed })).toMatchObject({
      ok: false,
      error: { code: 'import_failed' },
    });
    expect((await ok(app, 'workspace.status')).accounts).toBe(829);
    expect(await ok(app, 'imports.previewCocoon', { fileName: 'mixed.csv', content: mixed, encoding: 'utf-8' })).toMatchObject({
      encoding: 'utf-8',
      errors: 0,
    });
    expect(await ok(app, 'imports.cocoon', { fileName: 'mixed.csv', content: mixed, encoding: 'utf-8' })).toMatchObject({
      rows: 2,
      readAs: 'UTF-8',
    });
  });

  it('never says "not in Xero" without a complete Xero side', async () => {
    const dataDir = tempDir();
    const app = start(dataDir);
    // an import with no workspace open creates one
    await ok(app, 'imports.cocoon', { fileName: 'cocoon.csv', content: readFileSync(join(DEMO, 'cocoon.csv')).toString('base64') });
    const status = await ok(app, 'workspace.status');
    expect(status).toMatchObject({ accounts: 829, xeroTrust: 'missing', waitingFor: 'xero', xeroConnection: null });
    const { columns, xeroTrust } = await ok(app, 'findings.list');
    const rows = rowsFromColumns(columns);
    expect(xeroTrust).toBe('missing');
    expect(rows.every((r) => r.kind === null)).toBe(true);

    await ok(app, 'imports.xeroFile', {
      fileName: 'xero-contacts.json',
      content: readFileSync(join(DEMO, 'xero-contacts.json')).toString('base64'),
    });
    expect((await ok(app, 'workspace.status')).xeroTrust).toBe('complete');

    // a sync that failed after the file import: findings are kept but marked as possibly incomplete
    const path = status.workspace.path;
    await ok(app, 'workspace.close');
    const ws = openWorkspace(path);
    ws.imports.fail(ws.imports.begin('xero_sync', 'Acme', null), 'HTTP 503 from Xero');
    ws.close();
    await ok(app, 'workspace.open', { path });
    const stale = await ok(app, 'workspace.status');
    expect(stale.xeroTrust).toBe('stale');
    expect(stale.xeroTrustReason).toContain('HTTP 503 from Xero');
    expect((await ok(app, 'findings.list')).xeroTrust).toBe('stale');
    expect(await ok(app, 'workspace.recent')).toBeInstanceOf(Array);
  });
});

describe('matching in the background', () => {
  it('reports progress, can be cancelled (the import stays, the findings say they are outdated), and runs again', async () => {
    const app = start(tempDir(), { demoSync: false });
    // Without a workspace, or with an unexpected field, nothing runs and the answer says why.
    expect(await app.dispatch('findings.recompute', {})).toMatchObject({
      ok: false,
      error: { code: 'no_workspace', message: expect.stringContaining('No workspace is open') },
    });
    expect(await app.dispatch('findings.cancelRecompute', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('Unrecognized key') },
    });
    await ok(app, 'workspace.openDemo');
    const before = await ok(app, 'workspace.status');
    expect(before.findingsOutdated).toBe(false);
    const seen: string[] = [];
    const stopWatching = app.events.on('progress', (p) => {
      if (p.task !== 'match') return;
      seen.push(p.finished ? `done: ${p.message}` : 'running');
      // Cancel at the first report that comes from the worker (it has started matching).
      if (!p.finished && p.total !== null) void ok(app, 'findings.cancelRecompute');
    });
    const imported = await ok(app, 'imports.cocoon', {
      fileName: 'cocoon.csv',
      content: readFileSync(join(DEMO, 'cocoon.csv')).toString('base64'),
    });
    expect(imported.rows).toBe(829);
    expect(seen.at(-1)).toBe('done: Matching cancelled: the findings are older than the last import');
    const outdated = await ok(app, 'workspace.status');
    expect(outdated).toMatchObject({ findingsOutdated: true, findingsComputedAt: before.findingsComputedAt, counts: before.counts });
    expect(await ok(app, 'findings.cancelRecompute')).toEqual({ cancelled: false });

    stopWatching();
    expect(await app.dispatch('findings.recompute', {})).toEqual({ ok: true, value: null });
    const after = await ok(app, 'workspace.status');
    expect(after.findingsOutdated).toBe(false);
    expect(after.findingsComputedAt! > before.findingsComputedAt!).toBe(true);
  });
});

describe('connect', () => {
  it('signs in with PKCE, names the new workspace after the organisation, then syncs', async () => {
    const dataDir = tempDir();
    const sandbox = await startDemoSandbox(DEMO);
    cleanups.push(() => sandbox.close());
    const xero = createXeroLink({
      secrets: createMemorySecretStore(),
      configDir: join(dataDir, 'config'),
      settings: { xeroBaseUrl: sandbox.url, clientId: 'reconciler-dev', redirectPort: 0 },
      openBrowser: headlessBrowser,
    });
    const app = start(dataDir, { xero });
    expect((await ok(app, 'app.info')).features).toEqual({ demo: true, connect: true, sync: true });
    const connected = await ok(app, 'xero.connect');
    expect(connected.tenantName).toBe('Demo Company (AU)');
    expect(connected.workspace.path).toBe(join(dataDir, 'workspaces', 'Demo Company (AU).reconciler'));
    expect(existsSync(connected.workspace.path)).toBe(true);
    const synced = await ok(app, 'xero.sync');
    expect(synced.contacts).toBe(1094);
    expect(await ok(app, 'workspace.status')).toMatchObject({
      contacts: 1094,
      waitingFor: 'cocoon',
      xeroConnection: { tenantName: 'Demo Company (AU)' },
    });
    expect(await ok(app, 'xero.cancelSync')).toEqual({ cancelled: false });
  });
});
