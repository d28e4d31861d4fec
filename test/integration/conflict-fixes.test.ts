// A code conflict's fixes on the demo (real SQLite file, the demo's Xero stand-in in process): the choices offered
// and their "will pass / still fails" preview, then each fix carried out (pushed to the stand-in, the CocoonOPS side
// re-imported as the bookkeeper would change it) and the account matched again, so the sync model's classifier says
// whether it now passes. Also: the table row's percentage is that of the contact it shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api-client';
import type { Output } from '../../src/shared/contract';
import type { Channel } from '../../src/shared/channels';
import { rowsFromColumns } from '../../src/shared/review-columns';
import { createApp, type App } from '../../src/main/app/app';
import { memorySettings } from '../../src/main/app/settings-store';
import { openWorkspace } from '../../src/main/db';
import { findingDetail } from '../../src/main/review/detail';
import { readBinding, writeBinding } from '../../src/main/xero/binding';
import { XERO_PRODUCTION_URL } from '../../src/main/xero/endpoints';
import { xeroContactUrl } from '../../src/shared/xero-links';

const DEMO = resolve(import.meta.dirname, '../../demo');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function demoApp(): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-conflict-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const app = createApp({ host: 'web', dataDir: dir, demoDir: DEMO, settings: memorySettings(), validateOutput: true });
  cleanups.push(() => app.close());
  await ok(app, 'workspace.openDemo');
  return app;
}

async function ok<C extends Channel>(app: App, channel: C, input: unknown = {}): Promise<Output<C>> {
  const r = (await app.dispatch(channel, input)) as Envelope<Output<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const choice = (d: Output<'findings.detail'>, action: string) => d.choices.find((c) => c.action === action);

/** The demo's CocoonOPS export with one account's line changed, as the bookkeeper changes it in CocoonOPS. */
function cocoonWith(code: string, change: { name?: string; code?: string }): string {
  const lines = readFileSync(join(DEMO, 'cocoon.csv'), 'utf8').split('\n');
  const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const at = lines.findIndex((l) => l.includes(`,${code},`));
  expect(at).toBeGreaterThan(0);
  const cells = lines[at]!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  if (change.name !== undefined) cells[0] = quote(change.name);
  if (change.code !== undefined) cells[1] = change.code;
  lines[at] = cells.slice(0, 7).join(',');
  return Buffer.from(lines.join('\n')).toString('base64');
}

describe("a code conflict's fixes", () => {
  it('CAROLE01: the row shows the matching contact with its own percentage; the fixes are "free the code" (suggested) and "new code" with its second contact', async () => {
    const app = await demoApp();
    const rows = rowsFromColumns((await ok(app, 'findings.list')).columns);
    const row = rows.find((r) => r.code === 'CAROLE01')!;
    const d = await ok(app, 'findings.detail', { accountCode: 'CAROLE01' });
    expect(row.kind).toBe('code_conflict');
    // The row shows NORTH AVENUE (the same business), so its percentage is NORTH AVENUE's, not the holder's 2%.
    expect(row.xeroName).toBe(d.contact!.name);
    expect(d.contact!.name).toBe('NORTH AVENUE DAY NURSERY FCCH-ROBBIE ANTHONY');
    expect(d.codeHolder!.name).toBe('Woodlawn');
    expect(row.score).toBe(d.contactScore);
    expect(d.contactScore).toBeGreaterThan(0.9);
    expect(d.holderScore).toBeLessThan(0.1);
    expect(d.holderScore).toBe(d.candidates.find((c) => c.contact?.contactId === d.codeHolder!.contactId)!.candidate.score);

    // NORTH AVENUE has no AccountNumber: nothing of its to use; freeing the code keeps one contact for the business.
    expect(d.actions).toEqual(['free_code', 'recode_in_cocoon', 'different_business']);
    expect(choice(d, 'free_code')).toMatchObject({ passes: true, stillFails: null, caveat: null });
    expect(choice(d, 'free_code')!.summary).toBe(
      `Clear AccountNumber "CAROLE01" of "Woodlawn" in Xero; AccountNumber "" → "CAROLE01" of "NORTH AVENUE DAY NURSERY FCCH-ROBBIE ANTHONY" in Xero; Name "NORTH AVENUE DAY NURSERY FCCH-ROBBIE ANTHONY" → "CAROLE ROBERTSON CENTER FOR LEARNING FCCH-ROBBIE ANTHONY" in Xero`,
    );
    // A brand-new code passes by the sync model, but the invoice then makes Xero create a second contact.
    expect(choice(d, 'recode_in_cocoon')).toMatchObject({ passes: true, stillFails: null });
    expect(choice(d, 'recode_in_cocoon')!.caveat).toBe(
      'Xero then gets a second contact, "CAROLE ROBERTSON CENTER FOR LEARNING FCCH-ROBBIE ANTHONY", for the business it already has as "NORTH AVENUE DAY NURSERY FCCH-ROBBIE ANTHONY"',
    );
    expect(choice(d, 'different_business')).toMatchObject({ passes: false });
    const refused = (await app.dispatch('decisions.apply', { accountCode: 'CAROLE01', action: 'use_contact_code' })) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/has no AccountNumber to use/) } });
    // Bulk accept never frees a code from another contact unless asked (it replaces that contact's AccountNumber).
    const bulk = await ok(app, 'decisions.bulkPreview', { accountCodes: ['CAROLE01'] });
    expect(bulk.skipped).toEqual([expect.objectContaining({ accountCode: 'CAROLE01', option: 'replaceAccountNumbers' })]);
  });

  it('CAROLE01, "free the code": pushed to the stand-in, Woodlawn lets go of CAROLE01 and NORTH AVENUE takes it with the name; matched again, it passes', async () => {
    const app = await demoApp();
    const applied = await ok(app, 'decisions.apply', { accountCode: 'CAROLE01', action: 'free_code' });
    expect(applied.warning).toBeNull();
    const holder = (await ok(app, 'findings.detail', { accountCode: 'CAROLE01' })).codeHolder!;
    const plan = await ok(app, 'outbox.plan');
    // Xero's AccountNumbers are unique: NORTH AVENUE gets CAROLE01 once Woodlawn has let go of it, in a second round
    // of the same push; the plan counts all three changes.
    expect(plan.items.filter((i) => i.accountCode === 'CAROLE01')).toHaveLength(3);
    expect(plan.items.filter((i) => i.blocked !== null)).toEqual([]);
    expect(plan.toSend).toBe(3);
    expect(plan.whatIf.afterPush.fixed).toBeGreaterThanOrEqual(1);
    // The name written by its first round is our own change: the second round sends the number, no conflict.
    expect(await ok(app, 'outbox.push')).toMatchObject({ done: 3, blocked: 0, conflicts: 0 });
    expect((await ok(app, 'outbox.plan')).toSend).toBe(0);
    const after = await ok(app, 'findings.detail', { accountCode: 'CAROLE01' });
    expect(after.row.kind).toBe('ok');
    expect(after.contact).toMatchObject({ name: 'CAROLE ROBERTSON CENTER FOR LEARNING FCCH-ROBBIE ANTHONY', accountNumber: 'CAROLE01' });
    const woodlawn = (await ok(app, 'contacts.search', { query: 'Woodlawn', limit: 20 })).find(
      (h) => h.contact.contactId === holder.contactId,
    )!;
    expect(woodlawn.contact.accountNumber).toBe('');
  });

  it('517582, "use the code Xero\'s matching contact already has": CocoonOPS takes ACC1635 and the names are made equal; re-imported and pushed, it passes', async () => {
    const app = await demoApp();
    const d = await ok(app, 'findings.detail', { accountCode: '517582' });
    expect(d.row.kind).toBe('code_conflict');
    expect(d.contact!.accountNumber).toBe('ACC1635');
    expect(d.actions).toEqual(['use_contact_code', 'free_code', 'recode_in_cocoon', 'different_business']);
    expect(choice(d, 'use_contact_code')).toMatchObject({ passes: true, stillFails: null, caveat: null });
    // Free the code: the matching contact's own ACC1635 is replaced by 517582 (it passes too).
    expect(choice(d, 'free_code')).toMatchObject({ passes: true });
    expect(choice(d, 'recode_in_cocoon')!.caveat).toMatch(/second contact/);

    const applied = await ok(app, 'decisions.apply', { accountCode: '517582', action: 'use_contact_code' });
    expect(applied.warning).toBeNull();
    const changes = applied.decision.changes;
    expect(changes[0]).toEqual({ target: 'cocoon', subject: '517582', field: 'code', from: '517582', to: 'ACC1635' });
    const rename = changes.find((c) => c.field === 'Name' || c.field === 'name')!;
    expect(rename).toBeDefined();
    const checklist = await ok(app, 'checklist.get');
    const lines = checklist.groups
      .flatMap((g) => g.lines)
      .filter((l) => l.accountCode === '517582')
      .map((l) => l.text);
    expect(lines.some((t) => /from 517582 to ACC1635/.test(t))).toBe(true);

    // The bookkeeper changes the code (and, if so decided, the name) in CocoonOPS, and the push renames in Xero.
    await ok(app, 'outbox.push');
    const newName = rename.target === 'cocoon' ? rename.to : undefined;
    const content = cocoonWith('517582', { code: 'ACC1635', name: newName });
    // The preview says what the export changes: 517582 is gone, recoded as decided (not a decision lost).
    const preview = await ok(app, 'imports.previewCocoon', { fileName: 'cocoon.csv', content });
    expect(preview.comparison).toMatchObject({ added: 1, gone: 1, goneDecided: 1, recodedAsDecided: 1, goneDecidedSample: [] });
    await ok(app, 'imports.cocoon', { fileName: 'cocoon.csv', content });
    // An export without another decided account (the demo's own: ACC1635 is not in it either) says so before anything is stored.
    await ok(app, 'decisions.apply', { accountCode: 'C00129', action: 'ignore' });
    const without = readFileSync(join(DEMO, 'cocoon.csv'), 'utf8')
      .split('\n')
      .filter((l) => !l.includes(',C00129,'))
      .join('\n');
    const partial = await ok(app, 'imports.previewCocoon', { fileName: 'cocoon.csv', content: Buffer.from(without).toString('base64') });
    expect(partial.comparison).toMatchObject({ gone: 2, goneDecided: 1, recodedAsDecided: 0, goneDecidedSample: ['C00129'] });
    const after = await ok(app, 'findings.detail', { accountCode: 'ACC1635' });
    expect(after.row.kind).toBe('ok');
    expect(after.contact!.contactId).toBe(d.contact!.contactId);
    // The checklist reads the export: its CocoonOPS steps show done, ticked without a tick (nothing to untick).
    const done = (await ok(app, 'checklist.get')).groups.flatMap((g) => g.lines).filter((l) => l.accountCode === '517582');
    expect(done.filter((l) => l.place === 'cocoonops' && l.kind !== 'resend')).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'recode', ticked: true, shown: true, tickedAt: expect.any(String) })]),
    );
    expect(done.filter((l) => l.kind === 'recode' || l.kind === 'rename').every((l) => l.shown && l.ticked)).toBe(true);
    const recode = done.find((l) => l.kind === 'recode')!;
    expect(await app.dispatch('checklist.tick', { key: recode.key, ticked: false })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/export imported last shows this step done/) },
    });
  });

  it('a CocoonOPS rename the re-imported export does not show stays to do; the one it shows is done', async () => {
    const app = await demoApp();
    const rows = rowsFromColumns((await ok(app, 'findings.list')).columns).filter((r) => r.kind === 'name_mismatch');
    const [shown, notYet] = [rows[3]!, rows[4]!];
    for (const r of [shown, notYet]) await ok(app, 'decisions.apply', { accountCode: r.code, action: 'rename_in_cocoon' });
    const renameOf = async (code: string) =>
      (await ok(app, 'checklist.get')).groups.flatMap((g) => g.lines).find((l) => l.accountCode === code && l.kind === 'rename')!;
    expect(await renameOf(shown.code)).toMatchObject({ ticked: false, shown: false });
    const xeroName = (await ok(app, 'findings.detail', { accountCode: shown.code })).contact!.name;
    await ok(app, 'imports.cocoon', { fileName: 'cocoon.csv', content: cocoonWith(shown.code, { name: xeroName }) });
    expect(await renameOf(shown.code)).toMatchObject({ ticked: true, shown: true });
    expect(await renameOf(notYet.code)).toMatchObject({ ticked: false, shown: false });
  });

  it('CARO02, an archived holder: freeing the code is a step in the Xero web app, on the checklist; nothing is written to the archived contact', async () => {
    const app = await demoApp();
    const d = await ok(app, 'findings.detail', { accountCode: 'CARO02' });
    expect(d.row.kind).toBe('code_conflict');
    expect(d.contact).toMatchObject({ status: 'ARCHIVED' }); // no matching contact: the row shows the holder
    expect(d.codeHolder!.contactId).toBe(d.contact!.contactId);
    expect(d.actions).toEqual(['recode_in_cocoon', 'free_code', 'different_business']);
    // Freed, no contact has the code: the next sync creates the contact with it (no other contact for the business).
    expect(choice(d, 'free_code')).toMatchObject({ passes: true, stillFails: null, caveat: null });
    await ok(app, 'decisions.apply', { accountCode: 'CARO02', action: 'free_code' });
    const plan = await ok(app, 'outbox.plan');
    expect(plan.items.filter((i) => i.accountCode === 'CARO02')).toEqual([]);
    const caro = (await ok(app, 'checklist.get')).groups.flatMap((g) => g.lines).filter((l) => l.accountCode === 'CARO02');
    const free = caro.find((l) => l.place === 'xero')!;
    expect(free.text).toMatch(
      /^In the Xero web app, free the Account Number CARO02: the archived contact "Carole Robertson Center Roosevelt" still holds it/,
    );
    expect(free.steps[1]).toBe('Edit its details, clear the Account Number and save.');
    // The what-if (the sync model on both sides with the plan and the checklist done): once freed, CARO02 passes.
    expect(plan.whatIf.stillFailing.map((f) => f.code)).not.toContain('CARO02');
    expect(plan.whatIf.afterChecklist.failing).toBe(plan.whatIf.failingNow - 1);
    expect(plan.whatIf.afterPush.failing).toBe(plan.whatIf.failingNow);
  });

  it('"Open in Xero" only for a workspace connected to a real organisation: never for the stand-in', async () => {
    const app = await demoApp();
    expect((await ok(app, 'findings.detail', { accountCode: 'CAROLE01' })).xeroWebApp).toBe(false);
    const path = (await ok(app, 'workspace.status')).workspace.path;
    await app.close();
    const ws = openWorkspace(path);
    try {
      writeBinding(ws, { ...readBinding(ws)!, baseUrl: XERO_PRODUCTION_URL });
      const d = findingDetail(ws, 'CAROLE01');
      expect(d.xeroWebApp).toBe(true);
      expect(xeroContactUrl(d.codeHolder!.contactId)).toBe(`https://go.xero.com/Contacts/View/${d.codeHolder!.contactId}`);
    } finally {
      ws.close();
    }
  });
});
