// Bulk decisions that never write worse data, on the demo through createApp() and the dispatcher: the suggested
// rename follows the name that keeps the information, rows whose names lost something and AccountNumbers that
// replace one are left out unless asked, and one bulk apply is undone as one action (pushed or not).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Channel } from '../../src/shared/channels';
import type { Output } from '../../src/shared/contract';
import { rowsFromColumns } from '../../src/shared/review-columns';
import { createApp, type App, type AppConfig } from '../../src/main/app/app';
import { openWorkspace } from '../../src/main/db';
import { memorySettings } from '../../src/main/app/settings-store';

const DEMO = resolve(import.meta.dirname, '../../demo');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function demoApp(over: Partial<AppConfig> = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-bulk-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const app = createApp({
    host: 'web',
    dataDir: dir,
    demoDir: DEMO,
    settings: memorySettings(),
    validateOutput: true,
    demoSync: false,
    ...over,
  });
  cleanups.push(() => app.close());
  await ok(app, 'workspace.openDemo');
  return app;
}

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const rowsOf = async (app: App) => rowsFromColumns((await ok(app, 'findings.list')).columns);

describe('the suggested rename', () => {
  it('writes the name that keeps the information, and marks the rows whose names lost some', async () => {
    const app = await demoApp();
    const rows = await rowsOf(app);
    const row = (code: string) => rows.find((r) => r.code === code)!;
    // "McCann?s Daycare Center" (a lost apostrophe) against Xero's "McCann's Daycare Center"
    expect(row('898037')).toMatchObject({ kind: 'name_mismatch', look: 'CocoonOPS name lost a character' });
    const mccann = await ok(app, 'findings.detail', { accountCode: '898037' });
    expect(mccann.actions[0]).toBe('rename_in_cocoon');
    expect(mccann.nameCheck).toMatchObject({
      better: 'xero',
      losses: [{ side: 'cocoon', kind: 'lost_character', label: 'CocoonOPS name lost a character' }],
    });
    // "Nixon" against "Chicago Public Schools Nixon, William P."
    expect(row('NIXONX01').look).toBe('CocoonOPS name drops words the other has');
    expect((await ok(app, 'findings.detail', { accountCode: 'NIXONX01' })).actions[0]).toBe('rename_in_cocoon');
    // Xero's "Children?s Place Family Center": Xero takes the CocoonOPS name, as before
    const children = rows.find((r) => r.name === "Children's Place Family Center")!;
    expect(children.look).toBe('Xero name lost a character');
    expect((await ok(app, 'findings.detail', { accountCode: children.code })).actions[0]).toBe('rename_in_xero');
    // a legal-form difference: no mark, today's default
    const plain = rows.find((r) => r.kind === 'name_mismatch' && r.look === null)!;
    expect((await ok(app, 'findings.detail', { accountCode: plain.code })).actions[0]).toBe('rename_in_xero');
  });
});

describe('renaming one account in Xero', () => {
  it('refuses to write a CocoonOPS name that lost a character unless confirmed, and stores nothing when refused', async () => {
    const app = await demoApp();
    const r = (await app.dispatch('decisions.apply', { accountCode: '898037', action: 'rename_in_xero' })) as Envelope<unknown>;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('needs_confirmation');
    expect(r.error.message).toContain(`"McCann?s Daycare Center" over Xero's "McCann's Daycare Center"`);
    expect(r.error.message).toContain('CocoonOPS name lost a character');
    expect(r.error.message).toContain('Rename in CocoonOPS instead');
    const refused = await ok(app, 'findings.detail', { accountCode: '898037' });
    expect(refused.decision).toBeNull();
    expect(refused.history).toEqual([]);
    expect(refused.row.decision).toBeNull();

    const confirmed = await ok(app, 'decisions.apply', { accountCode: '898037', action: 'rename_in_xero', confirmNameLoss: true });
    expect(confirmed.decision.action).toBe('rename_in_xero');
    const stored = await ok(app, 'findings.detail', { accountCode: '898037' });
    expect(stored.decision?.changes).toContainEqual(
      expect.objectContaining({ target: 'xero', field: 'Name', from: "McCann's Daycare Center", to: 'McCann?s Daycare Center' }),
    );
  });

  it('asks nothing where the CocoonOPS name is the one that keeps the information', async () => {
    const app = await demoApp();
    const children = (await rowsOf(app)).find((r) => r.name === "Children's Place Family Center")!;
    const r = await ok(app, 'decisions.apply', { accountCode: children.code, action: 'rename_in_xero' });
    expect(r.decision.action).toBe('rename_in_xero');
  });
});

describe('bulk accept', () => {
  it('accepts only changes Xero takes, and none that contradict each other: the push holds none of them back', async () => {
    const app = await demoApp();
    const rows = await rowsOf(app);
    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: rows.map((r) => r.code) });
    const why = (code: string) => {
      const skip = preview.skipped.find((s) => s.accountCode === code);
      return skip && `${skip.reason} | ${skip.detail}`;
    };
    // 267376 files by name to a contact without a number; the number is held by "Easter Seals Near South".
    expect(why('267376')).toBe(
      "decide it by hand: Xero would refuse the change | Xero would refuse the AccountNumber: 267376 is held by 'Easter Seals Near South'",
    );
    // Two accounts whose suggestions set the AccountNumber of one contact, each to its own code.
    const contradicts = 'decide it by hand: another suggestion in this bulk accept contradicts it';
    expect(why('161066')).toBe(`${contradicts} | the suggestion for C01016 sets the AccountNumber of the same Xero contact to 'C01016'`);
    expect(why('C01016')).toBe(`${contradicts} | the suggestion for 161066 sets the AccountNumber of the same Xero contact to '161066'`);
    // Two renames giving one name to two active contacts.
    expect(why('C00216')).toBe(
      `${contradicts} | the suggestion for C01315 gives the name 'Easter Seals Gilchrist Marchman' to another active Xero contact`,
    );
    expect(why('C01315')).toBe(
      `${contradicts} | the suggestion for C00216 gives the name 'Easter Seals Gilchrist Marchman' to another active Xero contact`,
    );

    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: rows.map((r) => r.code) });
    expect(applied.applied).toBe(preview.items.length);
    const plan = await ok(app, 'outbox.plan');
    expect(plan.items.length).toBeGreaterThan(100);
    expect(plan.items.filter((i) => i.blocked !== null)).toEqual([]);
    // And the plan's what-if (the whole sync run) agrees: every decided account passes once the checklist is done,
    // and no account that passes today fails (CONCOR01 would, had C00592's rename gone in; 913839 by its own).
    expect(plan.whatIf.decidedStillFailing).toBe(0);
    expect(plan.whatIf.afterChecklist.broken).toEqual([]);
    expect(why('913839')).toMatch(/^decide it by hand: the suggested change would make it fail \| /);

    // Decided by hand, the same change is recorded, with the reason the push will hold it back.
    const single = await ok(app, 'decisions.apply', { accountCode: '267376', action: 'set_account_number' });
    expect(single.warning).toBe(
      "Xero would refuse the AccountNumber: 267376 is held by 'Easter Seals Near South': the push will hold this change back until that is resolved.",
    );
  });

  it('a decision by hand that would make another account fail says so, in the accept dialog and when it is made', async () => {
    const app = await demoApp();
    const breaks = "CONCOR01 (Concordia Place) would then fail: the name differs from 'Concordia Place-1', which would hold CONCOR01";
    const detail = await ok(app, 'findings.detail', { accountCode: 'C00592' });
    expect(detail.choices.find((c) => c.action === 'rename_in_xero')).toMatchObject({ passes: true, problem: null, caveat: breaks });
    expect(detail.choices.find((c) => c.action === 'rename_in_cocoon')).toMatchObject({ passes: true, caveat: null });
    const made = await ok(app, 'decisions.apply', { accountCode: 'C00592', action: 'rename_in_xero' });
    expect(made.warning).toBe(`It passes, but ${breaks}.`);
  });

  it('a decision by hand that contradicts another account’s decision says so, in the accept dialog and when it is made', async () => {
    const app = await demoApp();
    // 161066 and C01016 both match one Xero contact without a number: each would set it to its own code.
    expect((await ok(app, 'decisions.apply', { accountCode: '161066', action: 'set_account_number' })).warning).toBeNull();
    const clash =
      "The decision on 161066 sets the AccountNumber of the same Xero contact to '161066': the push would hold both back until one of them is decided again";
    const detail = await ok(app, 'findings.detail', { accountCode: 'C01016' });
    expect(detail.choices.find((c) => c.action === 'set_account_number')).toMatchObject({ passes: false, problem: clash, caveat: null });
    const made = await ok(app, 'decisions.apply', { accountCode: 'C01016', action: 'set_account_number' });
    expect(made.warning).toBe(`${clash}.`);
    // A bulk accept leaves such a suggestion to the bookkeeper too.
    await ok(app, 'decisions.undo', { accountCode: 'C01016' });
    const bulk = await ok(app, 'decisions.bulkPreview', { accountCodes: ['C01016'] });
    expect(bulk).toEqual({
      items: [],
      skipped: [{ accountCode: 'C01016', reason: 'decide it by hand: it contradicts a decision made before', detail: clash }],
    });
    await ok(app, 'decisions.apply', { accountCode: 'C01016', action: 'set_account_number' });
    // The push plan holds both back, as the warning said.
    const plan = await ok(app, 'outbox.plan');
    expect(
      plan.items
        .filter((i) => i.blocked !== null)
        .map((i) => i.accountCode)
        .sort(),
    ).toEqual(['161066', 'C01016']);
  });

  it('a second bulk accept leaves out a rename that gives the name a contact restored by the first one gets', async () => {
    // As a bookkeeper did: archived holders first (C01315's contact restored and renamed), then the name mismatches
    // (C00216 would rename another contact to the same name). The push would hold both back, and half-apply C01315.
    const app = await demoApp();
    const rows = await rowsOf(app);
    const ofKind = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.code);
    const first = await ok(app, 'decisions.bulkApply', { accountCodes: ofKind('archived_holder') });
    expect(first.decisions.map(([code]) => code)).toContain('C01315');
    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: ofKind('name_mismatch') });
    expect(preview.items.map((i) => i.accountCode)).not.toContain('C00216');
    expect(preview.skipped.find((s) => s.accountCode === 'C00216')).toEqual({
      accountCode: 'C00216',
      reason: 'decide it by hand: it contradicts a decision made before',
      detail:
        "The decision on C01315 gives the name 'Easter Seals Gilchrist Marchman' to another active Xero contact: the push would hold both back until one of them is decided again",
    });
    await ok(app, 'decisions.bulkApply', { accountCodes: ofKind('name_mismatch') });
    const plan = await ok(app, 'outbox.plan');
    expect(plan.items.filter((i) => i.blocked !== null)).toEqual([]);
  });

  it("never takes another billing account's code: the suggestion to take the Xero contact's code says CocoonOPS would refuse it", async () => {
    // C01261's Xero contact holds C00421, which is the code of another billing account ("Edwards"): CocoonOPS keeps codes
    // unique (and the import of an export with two would refuse it).
    const app = await demoApp();
    const refused = "CocoonOPS would refuse the code: C00421 is the code of another billing account ('Edwards')";
    const detail = await ok(app, 'findings.detail', { accountCode: 'C01261' });
    expect(detail.choices.find((c) => c.action === 'recode_in_cocoon')).toMatchObject({
      passes: false,
      problem: `${refused}: decide which account keeps it`,
    });
    const bulk = await ok(app, 'decisions.bulkPreview', { accountCodes: ['C01261'] });
    expect(bulk).toEqual({
      items: [],
      skipped: [{ accountCode: 'C01261', reason: 'decide it by hand: CocoonOPS would refuse the change', detail: refused }],
    });
    const made = await ok(app, 'decisions.apply', { accountCode: 'C01261', action: 'recode_in_cocoon' });
    expect(made.warning).toMatch(/^CocoonOPS would refuse the code: C00421 .*decide which account keeps it\.$/);
  });

  it('a decision the push held back says so on its failing account, with the reason the push gave, not "Fix to push"', async () => {
    const app = await demoApp({ demoSync: true });
    // C01315's archived contact restored and renamed, then by hand C00216's contact renamed to the same name (warned).
    expect((await ok(app, 'decisions.bulkApply', { accountCodes: ['C01315'] })).applied).toBe(1);
    const made = await ok(app, 'decisions.apply', { accountCode: 'C00216', action: 'rename_in_xero' });
    expect(made.warning).toMatch(/the push would hold both back/);
    expect((await ok(app, 'outbox.push')).blocked).toBeGreaterThanOrEqual(2);
    const decision = (await ok(app, 'findings.detail', { accountCode: 'C00216' })).row.decision!;
    expect(decision.pending).toMatch(
      /^Held back by the last push: Another correction in this push gives the name "Easter Seals Gilchrist Marchman"/,
    );
    expect(decision.attention).toBeNull();
  });

  it('leaves out the rows whose names lost information unless asked, and then renames towards the better name', async () => {
    const app = await demoApp();
    const rows = await rowsOf(app);
    const mismatches = rows.filter((r) => r.kind === 'name_mismatch');
    const flagged = mismatches.filter((r) => r.look !== null);
    expect(flagged.length).toBeGreaterThan(10);
    const codes = mismatches.map((r) => r.code);

    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: codes });
    // C00592's rename would take "Concordia Place" away from the contact CONCOR01 is filed to by name.
    expect(preview.skipped.filter((s) => !s.option)).toEqual([
      {
        accountCode: 'C00592',
        reason: 'decide it by hand: it would make another account fail',
        detail:
          "CONCOR01 (Concordia Place) passes today and would fail: the name differs from 'Concordia Place-1', which would hold CONCOR01",
      },
    ]);
    expect(preview.items).toHaveLength(mismatches.length - flagged.length - 1);
    expect(preview.items.every((i) => i.action === 'rename_in_xero' && i.note === null)).toBe(true);
    const held = preview.skipped.filter((s) => s.option === 'includeNameLoss');
    expect(held.map((s) => s.accountCode).sort()).toEqual(flagged.map((r) => r.code).sort());
    expect(held.find((s) => s.accountCode === '898037')?.reason).toBe('CocoonOPS name lost a character: look first');

    const all = await ok(app, 'decisions.bulkPreview', { accountCodes: codes, includeNameLoss: true });
    expect(all.items).toHaveLength(mismatches.length - all.skipped.length);
    expect(all.skipped.every((s) => s.reason.startsWith('decide it by hand'))).toBe(true);
    expect(all.items.find((i) => i.accountCode === '898037')).toMatchObject({
      action: 'rename_in_cocoon',
      note: 'CocoonOPS name lost a character',
      summary: `name "McCann?s Daycare Center" → "McCann's Daycare Center" in CocoonOPS`,
    });
    expect(all.items.find((i) => i.accountCode === 'NIXONX01')?.action).toBe('rename_in_cocoon');
    // an explicit "rename in Xero" for all is held back just the same
    const forced = await ok(app, 'decisions.bulkPreview', { accountCodes: ['898037'], action: 'rename_in_xero' });
    expect(forced).toMatchObject({ items: [], skipped: [{ accountCode: '898037', option: 'includeNameLoss' }] });
  });

  it('never replaces an AccountNumber a contact already has without the explicit option', async () => {
    const app = await demoApp();
    const detail = await ok(app, 'findings.detail', { accountCode: 'C00634' });
    expect(detail.row.kind).toBe('code_missing');
    expect(detail.contact?.accountNumber).toBe('X-96935');
    const codeMissing = (await rowsOf(app)).filter((r) => r.kind === 'code_missing');
    const replacing = codeMissing.filter((r) => r.xeroNumber !== '' && r.xeroNumber !== r.code);
    expect(replacing.length).toBeGreaterThan(0);
    const codes = codeMissing.map((r) => r.code);

    const preview = await ok(app, 'decisions.bulkPreview', { accountCodes: codes });
    const held = preview.skipped.filter((s) => s.option === 'replaceAccountNumbers');
    expect(held.map((s) => s.accountCode).sort()).toEqual(replacing.map((r) => r.code).sort());
    expect(held[0]?.reason).toBe('would replace the AccountNumber the contact already has');
    expect(preview.items.some((i) => i.accountCode === 'C00634')).toBe(false);
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: codes });
    expect(applied.decisions.some(([code]) => code === 'C00634')).toBe(false);
    expect((await ok(app, 'findings.detail', { accountCode: 'C00634' })).decision).toBeNull();

    const asked = await ok(app, 'decisions.bulkPreview', { accountCodes: ['C00634'], replaceAccountNumbers: true });
    // The code goes on a contact of another name: the decision renames it too, or Xero would still not find it by name.
    expect(asked.items).toEqual([
      {
        accountCode: 'C00634',
        action: 'set_account_number',
        summary:
          'AccountNumber "X-96935" → "C00634" in Xero; Name "Carole Robertson Center For Learning" → "Carole Robertson Center For Learning - Carole Robertson Center 2929" in Xero',
        note: 'replaces X-96935',
      },
    ]);
  });
});

describe('undoing a bulk apply', () => {
  it('undoes every decision of the apply as one action, keeps them in the history, and leaves other decisions alone', async () => {
    const app = await demoApp();
    const rows = await rowsOf(app);
    const mismatches = rows.filter((r) => r.kind === 'name_mismatch' && r.look === null).map((r) => r.code);
    await ok(app, 'decisions.apply', { accountCode: mismatches[0], action: 'rename_in_cocoon' });
    const first = await ok(app, 'decisions.bulkApply', { accountCodes: mismatches.slice(0, 20) });
    const second = await ok(app, 'decisions.bulkApply', { accountCodes: mismatches.slice(20, 30) });
    expect(first).toMatchObject({ applied: 19, batchId: expect.any(Number) });
    expect(second.batchId).toBe(first.batchId! + 1);
    expect((await ok(app, 'workspace.status')).decided).toBe(30);

    const undone = await ok(app, 'decisions.undoBatch', { batchId: first.batchId });
    expect(undone).toMatchObject({ undone: 19, pushed: 0 });
    expect(undone.rows.map((r) => r.code)).toEqual(mismatches.slice(1, 20));
    expect(undone.rows.every((r) => r.decision === null)).toBe(true);
    expect((await ok(app, 'workspace.status')).decided).toBe(11); // the hand decision and the second apply stay
    const detail = await ok(app, 'findings.detail', { accountCode: mismatches[1] });
    expect(detail.history).toEqual([expect.objectContaining({ source: 'bulk', batchId: first.batchId, undoneAt: expect.any(String) })]);
    expect((await ok(app, 'findings.detail', { accountCode: mismatches[0] })).decision).toMatchObject({
      action: 'rename_in_cocoon',
      batchId: null,
    });

    // twice: nothing left to undo; an unknown batch: said so
    expect((await ok(app, 'decisions.undoBatch', { batchId: first.batchId })).undone).toBe(0);
    expect(await app.dispatch('decisions.undoBatch', { batchId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // nothing deleted: the decisions table still holds all 30 bulk decisions
    const path = (await ok(app, 'workspace.status')).workspace.path;
    await ok(app, 'workspace.close');
    const ws = openWorkspace(path);
    cleanups.push(() => ws.close());
    expect(ws.db.prepare('SELECT count(*) FROM decisions WHERE batch_id IS NOT NULL').pluck().get()).toBe(29);
  });

  it('after a push: the decisions are undone as a single undo does, and the answer says how many Xero keeps', async () => {
    const app = await demoApp({ demoSync: true });
    const rows = await rowsOf(app);
    const codes = rows
      .filter((r) => r.kind === 'name_mismatch' && r.look === null)
      .slice(0, 3)
      .map((r) => r.code);
    const applied = await ok(app, 'decisions.bulkApply', { accountCodes: codes });
    const pushed = await ok(app, 'outbox.push', {});
    expect(pushed.done).toBeGreaterThan(0);
    const undone = await ok(app, 'decisions.undoBatch', { batchId: applied.batchId });
    expect(undone).toMatchObject({ undone: 3, pushed: pushed.done });
    // the written corrections stay done (undone in Xero only by outbox.undo, as after a single undo)
    const done = (await ok(app, 'outbox.list', {})).filter((c) => c.target === 'xero' && c.status === 'done');
    expect(done).toHaveLength(pushed.done);
  });
});
