// Every fix verified after the push, against the sandbox on loopback: a pushed decision whose account still fails
// is reopened ("needs attention", with the reason) in the table, the detail, bulk accept and the dashboard; one that
// worked counts as fixed; undoing a pushed correction reopens its decision; a CocoonOPS rename seen in a re-import
// that did not fix the account needs attention too.
import { describe, expect, it } from 'vitest';
import { buildPlan, currentChecklist, pushOutbox, undoCorrections } from '../../src/main/outbox';
import { applyBulk, applyDecision, previewBulk } from '../../src/main/review/decide';
import { findingDetail } from '../../src/main/review/detail';
import { listReviewRows, reviewRow } from '../../src/main/review/rows';
import { dashboardStatus } from '../../src/main/review/dashboard';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { lastPushLine, lastPushWords } from '../../src/shared/last-push-words';
import { ALL_ROWS, countAttention, sortOrder, visibleRows } from '../../src/renderer/src/lib/review-view';
import { billingAccount, codeOf, contactId, importAccounts, outboxWorld, TENANT } from '../support/outbox-setup';

const INFO = { path: '', name: 'Books', isDemo: false };
const shownCodes = (rows: ReturnType<typeof listReviewRows>, decided: (typeof ALL_ROWS)['decided']) =>
  visibleRows(rows, sortOrder(rows, { key: 'row', descending: false }), { ...ALL_ROWS, decided }, null).map((i) => rows[i]!.code);

/** Three accounts: 0 a name mismatch, 1 a contact of another name without the code (code missing), 2 an archived holder. */
async function oneRenamedWorld() {
  const w = await outboxWorld({ n: 3, decide: false });
  await w.sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(1)}`, { Name: 'Harbour One Logistics' });
  await syncWorkspace(w.ws, w.session.client, { clock: w.clock });
  expect([0, 1, 2].map((i) => w.ws.findings.get(codeOf(i))!.kind)).toEqual(['name_mismatch', 'code_missing', 'archived_holder']);
  return w;
}

describe('push, then verify', () => {
  it('reopens a pushed decision whose account still fails, and counts the one that worked as fixed', async () => {
    // Account 1's Xero contact is the same business under another name, without the code: setting the AccountNumber
    // alone cannot work (the code's holder will then have another name).
    const w = await oneRenamedWorld();
    const { ws } = w;
    applyBulk(ws, { accountCodes: [0, 2].map(codeOf), action: 'suggested' });
    // A decision as earlier versions recorded it (today's set_account_number renames too): the AccountNumber alone.
    const contact = ws.contacts.get(contactId(1))!;
    ws.decisions.add({
      accountCode: codeOf(1),
      action: 'set_account_number',
      xeroContactId: contact.contactId,
      payload: {
        changes: [{ target: 'xero', subject: contact.contactId, field: 'AccountNumber', from: contact.accountNumber, to: codeOf(1) }],
        contactUpdatedDateUtc: contact.updatedDateUtc,
      },
    });
    expect(countAttention(listReviewRows(ws))).toBe(0);

    await pushOutbox(ws, w.session.client);
    expect([0, 1, 2].map((i) => ws.findings.get(codeOf(i))!.kind)).toEqual(['ok', 'name_mismatch', 'ok']);

    // The table: the failing one needs attention (with the reason), the others stand.
    const failing = reviewRow(ws, codeOf(1))!;
    expect(failing.decision).toMatchObject({
      action: 'set_account_number',
      attention: expect.stringMatching(/^Pushed; still fails: names differ/),
    });
    expect(failing.decision!.attention).toContain('Harbour One Logistics');
    expect(reviewRow(ws, codeOf(0))!.decision!.attention).toBeNull();
    const rows = listReviewRows(ws);
    expect(countAttention(rows)).toBe(1);
    expect(shownCodes(rows, 'attention')).toEqual([codeOf(1)]);
    expect(shownCodes(rows, 'undecided')).toEqual([codeOf(1)]);
    expect(shownCodes(rows, 'decided')).toEqual([codeOf(0), codeOf(2)]);

    // The detail offers the undo of the pushed change; bulk accept treats the account as open.
    const detail = findingDetail(ws, codeOf(1));
    expect(detail.row.decision!.attention).toBe(failing.decision!.attention);
    const pushed = ws.outbox.list().find((c) => c.accountCode === codeOf(1) && c.target === 'xero')!;
    expect(detail.undoable).toEqual([{ id: pushed.id, subject: pushed.subject, changes: pushed.changes }]);
    const preview = previewBulk(ws, { accountCodes: [0, 1, 2].map(codeOf), action: 'suggested' });
    expect(preview.items.map((i) => i.accountCode)).toEqual([codeOf(1)]);
    expect(preview.skipped.map((s) => s.accountCode).sort()).toEqual([codeOf(0), codeOf(2)]);

    // The dashboard: the last push fixed 2 of its 3 accounts; the third passed before it (code missing) and fails now.
    const status = dashboardStatus(ws, INFO);
    expect(status.lastPush).toMatchObject({ accounts: 3, fixed: 2, stillFailing: 0, newlyFailing: 1, waiting: 0 });
    expect(status.failingBreakdown).toMatchObject({ pushed: 1, undecided: 0, queued: 0 });

    // Deciding again (rename in Xero) makes a fresh decision; pushed, it fixes the account and attention is gone.
    applyDecision(ws, { accountCode: codeOf(1), action: 'rename_in_xero' });
    expect(reviewRow(ws, codeOf(1))!.decision).toMatchObject({ action: 'rename_in_xero', attention: null });
    await pushOutbox(ws, w.session.client);
    expect(ws.findings.get(codeOf(1))!.kind).toBe('ok');
    expect(countAttention(listReviewRows(ws))).toBe(0);
    // It failed before this push (after the first): fixed now.
    expect(dashboardStatus(ws, INFO).lastPush).toMatchObject({ accounts: 1, fixed: 1, stillFailing: 0, newlyFailing: 0 });
  });

  it('undoing a pushed correction reopens its decision, and leaves nothing queued for the account', async () => {
    const w = await outboxWorld({ n: 3 });
    const { ws } = w;
    await pushOutbox(ws, w.session.client);
    // Account 1's code was missing: it passed before the push, so it is not one the push fixed.
    expect(dashboardStatus(ws, INFO).lastPush).toMatchObject({ accounts: 3, fixed: 2, stillFailing: 0, newlyFailing: 0 });
    const rename = ws.outbox.list().find((c) => c.accountCode === codeOf(0) && c.target === 'xero')!;
    const decisionId = rename.decisionId!;

    const r = await undoCorrections(ws, w.session.client, [rename.id]);
    expect(r).toMatchObject({ undone: 1, reopened: [codeOf(0)] });
    expect(ws.decisions.current(codeOf(0))).toBeUndefined();
    expect(ws.decisions.history(codeOf(0)).find((d) => d.id === decisionId)!.undoneAt).not.toBeNull();
    expect(ws.audit.list({ limit: 100 }).find((e) => e.action === 'decision.reopen')).toMatchObject({
      subject: codeOf(0),
      detail: { decisionId, correctionId: rename.id },
    });

    // Undecided and failing again: shown so, and nothing stale is left to push or to do in CocoonOPS for it.
    expect(ws.findings.get(codeOf(0))!.kind).toBe('name_mismatch');
    expect(reviewRow(ws, codeOf(0))!.decision).toBeNull();
    const status = dashboardStatus(ws, INFO);
    expect(status.failingBreakdown).toMatchObject({ undecided: 1, pushed: 0 });
    expect(status.lastPush).toMatchObject({ accounts: 2, fixed: 1, stillFailing: 0 });
    const plan = buildPlan(ws, new Date().toISOString());
    expect(plan.items.filter((i) => i.accountCode === codeOf(0))).toEqual([]);
    expect(currentChecklist(ws, new Date().toISOString()).groups.flatMap((g) => g.lines.map((l) => l.accountCode))).not.toContain(
      codeOf(0),
    );
    expect(ws.outbox.list().filter((c) => c.accountCode === codeOf(0) && c.status === 'queued')).toEqual([]);

    // A second undo of the same decision's correction reopens nothing more.
    expect((await undoCorrections(ws, w.session.client, [rename.id])).reopened).toEqual([]);
  });

  it('counts as fixed only what failed before the push; a newer push still says what earlier ones left waiting', async () => {
    // Account 1: its contact has no code and another name. The decision puts the code on it and renames the account
    // in CocoonOPS: after the push it fails (name mismatch) until the CocoonOPS step is done. It passed before.
    const w = await oneRenamedWorld();
    const { ws } = w;
    const contact = ws.contacts.get(contactId(1))!;
    ws.decisions.add({
      accountCode: codeOf(1),
      action: 'set_account_number',
      xeroContactId: contact.contactId,
      payload: {
        changes: [
          { target: 'xero', subject: contact.contactId, field: 'AccountNumber', from: '', to: codeOf(1) },
          { target: 'cocoon', subject: codeOf(1), field: 'name', from: billingAccount(1, 2).name, to: 'Harbour One Logistics' },
        ],
        contactUpdatedDateUtc: contact.updatedDateUtc,
      },
    });
    applyDecision(ws, { accountCode: codeOf(0), action: 'rename_in_xero' });
    await pushOutbox(ws, w.session.client);
    expect([0, 1].map((i) => ws.findings.get(codeOf(i))!.kind)).toEqual(['ok', 'name_mismatch']);
    expect(dashboardStatus(ws, INFO).lastPush).toMatchObject({
      accounts: 2,
      fixed: 1,
      stillFailing: 0,
      newlyFailing: 1,
      waiting: 1,
      earlierWaiting: 0,
    });

    // A second push fixes account 2; account 1 still waits for CocoonOPS and is still counted, as an earlier push's.
    applyDecision(ws, { accountCode: codeOf(2), action: 'restore_in_xero' });
    await pushOutbox(ws, w.session.client);
    const last = dashboardStatus(ws, INFO).lastPush!;
    expect(last).toMatchObject({ accounts: 1, fixed: 1, stillFailing: 0, newlyFailing: 0, waiting: 0, earlierWaiting: 1 });
    expect(lastPushLine(last)).toBe('1 fixed, none still failing');
    expect(lastPushWords(last).earlier).toBe('1 account from earlier pushes still waits for a checklist step');
  });

  it('a CocoonOPS rename seen in the re-imported export that did not fix the account needs attention', async () => {
    const w = await outboxWorld({ n: 2, decide: false });
    const { ws, sb } = w;
    applyDecision(ws, { accountCode: codeOf(0), action: 'rename_in_cocoon' });
    expect(reviewRow(ws, codeOf(0))!.decision!.attention).toBeNull();
    expect(dashboardStatus(ws, INFO).failingBreakdown).toMatchObject({ cocoon: 1, changed: 0 });

    // Meanwhile someone renames the contact in Xero; then CocoonOPS takes the decided name and is exported again.
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(0)}`, { Name: 'Harbour Zero Shipping Ltd' });
    await syncWorkspace(ws, w.session.client, { clock: w.clock });
    importAccounts(ws, [{ ...billingAccount(0, 1), name: 'Harbour 0 Freight Ltd' }, billingAccount(1, 2)]);
    recomputeFindings(ws);
    expect(ws.findings.get(codeOf(0))!.kind).toBe('name_mismatch');
    expect(reviewRow(ws, codeOf(0))!.decision!.attention).toMatch(/^Changed in CocoonOPS; still fails: /);
    expect(dashboardStatus(ws, INFO).failingBreakdown).toMatchObject({ cocoon: 0, changed: 1 });
    expect(countAttention(listReviewRows(ws))).toBe(1);
  });
});
