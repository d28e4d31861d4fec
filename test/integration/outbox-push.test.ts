// The push against the sandbox on loopback (real SQLite file, xero-node, the shared rate limiter): plan first, the
// checks before writing, per-element answers mapped back, the targeted resync and recompute, interrupted batches.
import { describe, expect, it } from 'vitest';
import { buildPlan, listCorrections, materialise, pushOutbox } from '../../src/main/outbox';
import { applyBulk, applyDecision } from '../../src/main/review/decide';
import { countFailing } from '../../src/shared/domain';
import { codeOf, contactId, countWrites, outboxWorld, planned, sandboxContact, TENANT } from '../support/outbox-setup';

const pick = (c: Record<string, unknown>) => ({ Name: c.Name, AccountNumber: c.AccountNumber || '', ContactStatus: c.ContactStatus });
const writes = (sb: { state: { requests: { method: string; path: string }[] } }) =>
  sb.state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Contacts')).length;

describe('push', () => {
  it('plans, pushes in batches, reads the contacts back and recomputes the findings', async () => {
    const w = await outboxWorld({ n: 12, bystanders: 3 });
    const { ws, sb } = w;
    expect(new Set(ws.findings.list().map((f) => f.kind))).toEqual(new Set(['name_mismatch', 'code_missing', 'archived_holder']));
    const auditBefore = ws.audit.count();

    const plan = buildPlan(ws, new Date().toISOString());
    expect(plan).toMatchObject({
      toSend: 12,
      contacts: 12,
      byKind: { rename: 4, account_number: 4, restore: 4 },
      blocked: 0,
      conflicts: 0,
    });
    // The what-if: today's failing accounts, and what the sync model says after the push.
    expect(plan.whatIf.failingNow).toBe(countFailing(ws.findings.countsByKind()));
    expect(plan.whatIf.afterPush.broken).toEqual([]);
    expect(ws.outbox.list()).toEqual([]); // the plan writes nothing
    expect(ws.audit.count()).toBe(auditBefore);

    const untouched = w.bystanders.map((i) => sandboxContact(sb, i));
    const counter = countWrites(sb);
    const result = await pushOutbox(ws, w.session.client, { batchSize: 5 });
    expect(result).toMatchObject({ done: 12, failed: 0, conflicts: 0, blocked: 0, batches: 3, resynced: 12, cancelled: false });
    // After the whole plan is pushed, the recomputed findings fail exactly where the what-if said they would.
    expect(countFailing(ws.findings.countsByKind())).toBe(plan.whatIf.afterPush.failing);
    for (let i = 0; i < 12; i++) {
      expect(pick(sandboxContact(sb, i))).toEqual(planned(i));
      expect(counter.counts.get(contactId(i))).toBe(1);
    }
    expect(w.bystanders.map((i) => sandboxContact(sb, i))).toEqual(untouched);

    const xero = ws.outbox.list().filter((c) => c.target === 'xero');
    expect(
      xero.every((c) => c.status === 'done' && c.attempts === 1 && /^rcx-[0-9a-f]{12}-\d+-[0-9a-f]{48}$/.test(c.idempotencyKey!)),
    ).toBe(true);
    expect(new Set(xero.map((c) => c.idempotencyKey)).size).toBe(3);
    expect(xero.every((c) => c.after?.UpdatedDateUTC === sandboxContact(sb, c.subject).UpdatedDateUTC)).toBe(true);
    // CocoonOPS: re-send the failed invoices of the accounts whose sync failed (name mismatch, archived holder)
    expect(ws.outbox.list().filter((c) => c.kind === 'resend')).toHaveLength(8);

    const audit = ws.audit.list({ limit: 1000 }).filter((e) => e.action === 'outbox.push');
    expect(audit).toHaveLength(12);
    expect(audit[0]).toMatchObject({ result: 'done', detail: { idempotencyKey: expect.stringMatching(/^rcx-/), attempts: 1 } });

    // the touched contacts were read back, and the findings recomputed from them
    expect(ws.contacts.get(contactId(0))!.name).toBe('Harbour 0 Freight Pty Ltd');
    expect(Array.from({ length: 12 }, (_, i) => ws.findings.get(codeOf(i))!.kind)).toEqual(Array(12).fill('ok'));

    const posts = writes(sb);
    const again = await pushOutbox(ws, w.session.client);
    expect(again).toMatchObject({ done: 0, batches: 0 });
    expect(writes(sb)).toBe(posts);
    counter.stop();
  });

  it('checks the plan before writing: a taken name, a code held elsewhere, contradictions', async () => {
    const w = await outboxWorld({ n: 6, decide: false });
    const { ws, sb } = w;
    const decide = (accountCode: string, subject: string, field: string, from: string, to: string) =>
      ws.decisions.add({
        accountCode,
        action: 'link',
        xeroContactId: subject,
        payload: {
          changes: [{ target: 'xero', subject, field, from, to }],
          contactUpdatedDateUtc: ws.contacts.get(subject)!.updatedDateUtc,
        },
      });
    decide(codeOf(0), contactId(0), 'Name', 'Harbour 0 Freight Ltd', 'Harbour 1 Freight Pty Ltd'); // contact 1 has that name
    decide(codeOf(1), contactId(1), 'AccountNumber', '', codeOf(2)); // held by the archived contact 2
    decide(codeOf(3), contactId(3), 'AccountNumber', codeOf(3), 'NEW-A'); // these two contradict each other
    decide(codeOf(4), contactId(3), 'AccountNumber', codeOf(3), 'NEW-B');
    decide(codeOf(5), contactId(5), 'ContactStatus', 'ARCHIVED', 'ACTIVE'); // fine

    const plan = buildPlan(ws, new Date().toISOString());
    expect(plan.toSend).toBe(1);
    const reasons = Object.fromEntries(plan.items.map((i) => [i.accountCode, i.blocked]));
    expect(reasons[codeOf(0)]).toMatch(/the name "Harbour 1 Freight Pty Ltd" is already used by the active contact/);
    expect(reasons[codeOf(1)]).toMatch(/Account Number "K000002" is already held by "Harbour 2 Freight Pty Ltd" \(archived\); /);
    expect(reasons[codeOf(3)]).toMatch(/Contradicts another correction .*"NEW-B"/);
    expect(reasons[codeOf(4)]).toMatch(/Contradicts another correction .*"NEW-A"/);
    expect(reasons[codeOf(5)]).toBeNull();

    const before = writes(sb);
    const result = await pushOutbox(ws, w.session.client);
    expect(result).toMatchObject({ done: 1, blocked: 4, failed: 0 });
    expect(writes(sb)).toBe(before + 1);
    expect(sandboxContact(sb, 0).Name).toBe('Harbour 0 Freight Ltd');
    expect(sandboxContact(sb, 3).AccountNumber).toBe(codeOf(3));
    expect(sandboxContact(sb, 5).ContactStatus).toBe('ACTIVE');
    const blocked = ws.outbox.list({ status: 'queued' }).filter((c) => c.target === 'xero');
    expect(blocked).toHaveLength(4);
    expect(blocked.every((c) => c.message !== '' && c.attempts === 0)).toBe(true);
  });

  it("maps Xero's per-element refusals back, with Xero's message as it is and the playbook's advice", async () => {
    const w = await outboxWorld({ n: 6, bystanders: 1 });
    const { ws, sb } = w;
    // after the review, someone gives another contact the name account 0 is renamed to (the workspace does not know)
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(6)}`, { Name: 'Harbour 0 Freight Pty Ltd' });
    const result = await pushOutbox(ws, w.session.client);
    expect(result).toMatchObject({ done: 5, failed: 1, batches: 1 });
    const failed = ws.outbox.list({ status: 'failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      subject: contactId(0),
      attempts: 1,
      message:
        'The contact name Harbour 0 Freight Pty Ltd is already assigned to another contact. The contact name must be unique across all active contacts.',
      advice: expect.stringMatching(/merge the two in Xero/),
    });
    expect(result.problems).toEqual([expect.objectContaining({ correctionId: failed[0]!.id, status: 'failed' })]);
    expect(sandboxContact(sb, 0).Name).toBe('Harbour 0 Freight Ltd');
    const entry = ws.audit.list({ limit: 100 }).find((e) => e.action === 'outbox.push' && e.result === 'failed');
    expect(entry?.detail).toMatchObject({ xero: { ValidationErrors: [{ Message: failed[0]!.message }] } });
  });

  it('detects a contact changed in Xero between review and push: a conflict, never overwritten; retry takes the new base', async () => {
    const w = await outboxWorld({ n: 6 });
    const { ws, sb } = w;
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(1)}`, { EmailAddress: 'accounts@harbour1.example' });
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(3)}`, { Name: 'Harbour Three Freight Ltd' });
    const changed1 = sandboxContact(sb, 1);
    const result = await pushOutbox(ws, w.session.client);
    expect(result).toMatchObject({ done: 4, conflicts: 2 });
    expect(sandboxContact(sb, 1)).toEqual(changed1);
    expect(sandboxContact(sb, 3).Name).toBe('Harbour Three Freight Ltd');
    const conflicts = ws.outbox.list({ status: 'conflict' });
    expect(conflicts.map((c) => c.subject).sort()).toEqual([contactId(1), contactId(3)]);
    const c3 = conflicts.find((c) => c.subject === contactId(3))!;
    expect(c3.message).toMatch(/Name "Harbour 3 Freight Ltd" → "Harbour Three Freight Ltd"/);
    expect(c3.current?.Name).toBe('Harbour Three Freight Ltd');
    expect(c3.attempts).toBe(0);

    const { retryCorrections } = await import('../../src/main/outbox');
    const retried = retryCorrections(
      ws,
      conflicts.map((c) => c.id),
    );
    expect(retried.find((c) => c.subject === contactId(3))!.changes[0]).toMatchObject({
      field: 'Name',
      from: 'Harbour Three Freight Ltd',
      to: 'Harbour 3 Freight Pty Ltd',
    });
    const second = await pushOutbox(ws, w.session.client);
    expect(second).toMatchObject({ done: 2, conflicts: 0 });
    expect(sandboxContact(sb, 3).Name).toBe('Harbour 3 Freight Pty Ltd');
    expect(sandboxContact(sb, 1).EmailAddress).toBe('accounts@harbour1.example');
  });

  it('lists as results what the push wrote or tried to: conflicts first, then the newest; not the queue, nor CocoonOPS steps', async () => {
    const w = await outboxWorld({ n: 7, decide: false });
    const { ws, sb } = w;
    applyBulk(ws, { accountCodes: [0, 1, 2, 3, 4, 5].map(codeOf), action: 'suggested' });
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(3)}`, { Name: 'Harbour Three Freight Ltd' });
    materialise(ws, new Date().toISOString(), 'user');
    expect(listCorrections(ws, { results: true })).toEqual([]); // queued, not pushed yet
    expect(await pushOutbox(ws, w.session.client)).toMatchObject({ done: 5, conflicts: 1 });
    // A decision made after the push: its correction is queued (the plan's), not a result.
    applyBulk(ws, { accountCodes: [codeOf(6)], action: 'suggested' });
    materialise(ws, new Date().toISOString(), 'user');
    expect(ws.outbox.list({ status: 'queued' }).filter((c) => c.target === 'xero')).toHaveLength(1);
    const results = listCorrections(ws, { results: true });
    expect(results.map((c) => c.status)).toEqual(['conflict', 'done', 'done', 'done', 'done', 'done']);
    const done = results.slice(1);
    expect(done.map((c) => c.id)).toEqual([...done.map((c) => c.id)].sort((a, b) => b - a));
    expect(results.every((c) => c.target === 'xero' && c.kind !== 'resend')).toBe(true);
    // As the whole view says, without reading the raw contacts: undoable, named as the workspace holds the contact now.
    const whole = new Map(listCorrections(ws, { target: 'xero' }).map((c) => [c.id, c]));
    for (const c of done) {
      expect(c).toMatchObject({ canUndo: true, reviewed: null, after: null });
      expect(c.canUndo).toBe(whole.get(c.id)!.canUndo);
      expect(c.contactName).toBe(whole.get(c.id)!.after!.name);
      expect(c.accountName).toBe(whole.get(c.id)!.accountName);
    }
    // A conflict is shown side by side: its images are read.
    expect(results[0]).toMatchObject({ subject: contactId(3), current: { name: 'Harbour Three Freight Ltd' } });
    expect(results[0]!.reviewed).not.toBeNull();
  });

  it('a contact changed and synced before the push is a conflict at once (no request for it)', async () => {
    const w = await outboxWorld({ n: 3 });
    const { ws, sb } = w;
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(0)}`, { Name: 'Renamed By Hand Ltd' });
    const { syncWorkspace } = await import('../../src/main/findings/sync-workspace');
    await syncWorkspace(ws, w.session.client, { clock: w.clock });
    const plan = buildPlan(ws, new Date().toISOString());
    expect(plan).toMatchObject({ toSend: 2, conflicts: 1 });
    const result = await pushOutbox(ws, w.session.client);
    expect(result.done).toBe(2);
    expect(ws.outbox.list({ status: 'conflict' })[0]).toMatchObject({
      subject: contactId(0),
      attempts: 0,
      message: expect.stringMatching(/Changed in Xero since it was reviewed/),
    });
  });

  it('a batch cut off after Xero applied it is finished by the next push without writing again', async () => {
    const w = await outboxWorld({ n: 4 });
    const { ws, sb } = w;
    await sb.admin('POST', '/faults', { kind: 'cut', method: 'POST', path: '/Contacts', count: 50 });
    const counter = countWrites(sb);
    await expect(pushOutbox(ws, w.session.client)).rejects.toThrow(/could not reach Xero or the answer broke off/);
    expect(ws.outbox.list({ status: 'sending' })).toHaveLength(4);
    const [batch] = ws.outbox.batches('sending');
    expect(batch!.idempotencyKey).toBe(ws.outbox.list({ status: 'sending' })[0]!.idempotencyKey);
    for (let i = 0; i < 4; i++) expect(counter.counts.get(contactId(i))).toBe(1); // applied once, replayed after that

    await sb.admin('DELETE', '/faults');
    const resumed = await pushOutbox(ws, w.session.client);
    expect(resumed).toMatchObject({ done: 4, resumed: 4, batches: 0 });
    for (let i = 0; i < 4; i++) {
      expect(counter.counts.get(contactId(i))).toBe(1);
      expect(pick(sandboxContact(sb, i))).toEqual(planned(i));
    }
    expect(ws.outbox.batch(batch!.id)!.status).toBe('recovered');
    expect(
      ws.outbox
        .list()
        .filter((c) => c.target === 'xero')
        .every((c) => c.status === 'done' && c.attempts === 1),
    ).toBe(true);
    counter.stop();
  });

  it('a batch that never reached Xero (5xx to the end) is sent again with the same key', async () => {
    const w = await outboxWorld({ n: 3 });
    const { ws, sb } = w;
    await sb.admin('POST', '/faults', { kind: 'status', status: 503, method: 'POST', path: '/Contacts', count: 50 });
    const counter = countWrites(sb);
    await expect(pushOutbox(ws, w.session.client)).rejects.toThrow(/503/);
    const [batch] = ws.outbox.batches('sending');
    expect(counter.counts.size).toBe(0);
    await sb.admin('DELETE', '/faults');
    const resumed = await pushOutbox(ws, w.session.client);
    expect(resumed).toMatchObject({ done: 3, resumed: 3, batches: 1 });
    expect(ws.outbox.batch(batch!.id)).toMatchObject({ status: 'answered', sends: 2 });
    expect(
      ws.outbox
        .list()
        .filter((c) => c.target === 'xero')
        .every((c) => c.idempotencyKey === batch!.idempotencyKey && c.attempts === 1),
    ).toBe(true);
    for (let i = 0; i < 3; i++) expect(counter.counts.get(contactId(i))).toBe(1);
    counter.stop();
  });

  it('withdraws unsent corrections when their decision is undone or replaced', async () => {
    const w = await outboxWorld({ n: 3 });
    const { ws } = w;
    const { materialise } = await import('../../src/main/outbox');
    materialise(ws, new Date().toISOString(), 'test');
    const { undoDecision } = await import('../../src/main/review/decide');
    undoDecision(ws, codeOf(0));
    applyDecision(ws, { accountCode: codeOf(1), action: 'different_business' });
    materialise(ws, new Date().toISOString(), 'test');
    const withdrawn = ws.outbox.list({ status: 'undone' });
    expect(new Set(withdrawn.map((c) => c.accountCode))).toEqual(new Set([codeOf(0), codeOf(1)]));
    expect(buildPlan(ws, new Date().toISOString()).toSend).toBe(1);
  });
});
