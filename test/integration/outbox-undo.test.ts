// Undo writes the before-image back (after the same conflict check); the handlers answer in the contract's shapes.
import { describe, expect, it } from 'vitest';
import { pushOutbox, undoCorrections } from '../../src/main/outbox';
import { outboxHandlersOver, type OutboxServices } from '../../src/main/app/handlers/outbox-handlers';
import { outboxContract, type OutboxOutput, type PushProgress } from '../../src/shared/contract-outbox';
import { OUTBOX_CHANNELS, type OutboxChannel } from '../../src/shared/channels-outbox';
import { RECOMPUTE_PENDING_KEY } from '../../src/main/db/state-keys';
import type { RecomputeSummary } from '../../src/main/findings/recompute';
import { BackgroundRecompute } from '../../src/main/threads/recompute-thread';
import { dashboardStatus } from '../../src/main/review/dashboard';
import { addPastedException } from '../../src/main/exceptions';
import { codeOf, contactId, countWrites, outboxWorld, sandboxContact, TENANT, xeroContact } from '../support/outbox-setup';

const fields = (c: Record<string, unknown>) => ({ Name: c.Name, AccountNumber: c.AccountNumber || '', ContactStatus: c.ContactStatus });

describe('undo', () => {
  it('restores the before-image of every pushed correction, once', async () => {
    const w = await outboxWorld({ n: 6 });
    const { ws, sb } = w;
    const reviewed = Array.from({ length: 6 }, (_, i) => sandboxContact(sb, i));
    await pushOutbox(ws, w.session.client);
    const pushed = ws.outbox.list().filter((c) => c.target === 'xero');
    expect(pushed.every((c) => c.status === 'done')).toBe(true);

    const counter = countWrites(sb);
    const r = await undoCorrections(
      ws,
      w.session.client,
      pushed.map((c) => c.id),
    );
    expect(r).toMatchObject({ requested: 6, undone: 6, conflicts: 0, failed: 0, refused: [] });
    for (let i = 0; i < 6; i++) {
      const now = sandboxContact(sb, i);
      expect(fields(now)).toEqual(fields(xeroContact(i)));
      expect(now.EmailAddress).toBe(reviewed[i]!.EmailAddress);
      expect(counter.counts.get(contactId(i))).toBe(1);
    }
    expect(
      ws.outbox
        .list()
        .filter((c) => c.kind !== 'undo' && c.target === 'xero')
        .every((c) => c.status === 'undone'),
    ).toBe(true);
    const undos = ws.outbox.list().filter((c) => c.kind === 'undo');
    expect(undos.map((u) => u.undoesId).sort()).toEqual(pushed.map((c) => c.id).sort());
    expect(ws.audit.list({ limit: 500 }).filter((e) => e.action === 'outbox.undo' && e.result === 'done')).toHaveLength(6);
    // the workspace holds Xero's contacts again as they were
    expect(ws.contacts.get(contactId(0))!.name).toBe(xeroContact(0).Name);

    const again = await undoCorrections(ws, w.session.client, [pushed[0]!.id, 9999]);
    expect(again.refused).toEqual([
      { id: pushed[0]!.id, reason: 'It is already undone.' },
      { id: 9999, reason: 'There is no correction #9999.' },
    ]);
    counter.stop();
  });

  it('will not overwrite a contact changed in Xero after the push: the undo is a conflict', async () => {
    const w = await outboxWorld({ n: 3 });
    const { ws, sb } = w;
    await pushOutbox(ws, w.session.client);
    const target = ws.outbox.list().find((c) => c.subject === contactId(1) && c.target === 'xero')!;
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(1)}`, { AccountNumber: 'CHANGED-1' });
    const r = await undoCorrections(ws, w.session.client, [target.id]);
    expect(r).toMatchObject({ undone: 0, conflicts: 1 });
    expect(r.items[0]).toMatchObject({
      status: 'conflict',
      current: { accountNumber: 'CHANGED-1' },
      reviewed: { accountNumber: 'K000001' },
    });
    expect(sandboxContact(sb, 1).AccountNumber).toBe('CHANGED-1');
    expect(ws.outbox.get(target.id)!.status).toBe('done');
  });
});

describe('outbox handlers (the Push and Checklist screens)', () => {
  it('answer every channel in the shapes of the contract', async () => {
    const w = await outboxWorld({ n: 4 });
    const progress: PushProgress[] = [];
    let changed = 0;
    const matching = new BackgroundRecompute();
    const recomputed: RecomputeSummary[] = [];
    const services: OutboxServices = {
      workspace: () => ({ ws: w.ws, name: 'Books' }),
      xeroClient: () => w.session.client,
      pushUnavailable: () => null,
      emitProgress: (p) => progress.push(p),
      dataChanged: () => void changed++,
      // The app's own background recompute: a worker thread on its own connection to the workspace file.
      recompute: async (ws) => recomputed.push(await matching.run(ws.path)),
    };
    const h = outboxHandlersOver(services);
    expect(Object.keys(h).sort()).toEqual([...OUTBOX_CHANNELS].sort());
    const call = async <C extends OutboxChannel>(channel: C, raw: unknown): Promise<OutboxOutput<C>> => {
      const input = outboxContract[channel].input.parse(raw);
      const out = await (h[channel] as (i: unknown) => Promise<unknown>)(input);
      return outboxContract[channel].output.parse(out) as OutboxOutput<C>;
    };
    const plan = await call('outbox.plan', {});
    expect(plan).toMatchObject({ toSend: 4, notReady: null });
    const pushed = await call('outbox.push', {});
    expect(pushed).toMatchObject({ done: 4, failed: 0 });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['check', 'send', 'resync', 'done']));
    expect(progress.map((p) => p.phase)).not.toContain('match');
    expect(progress.at(-1)).toMatchObject({ phase: 'done', finished: true });
    expect(changed).toBe(1);
    // The findings were recomputed off this thread, from the contacts read back, and are no longer due.
    expect(recomputed).toHaveLength(1);
    expect(recomputed[0]!.accounts).toBe(w.ws.accounts.count());
    expect(w.ws.syncState.get(RECOMPUTE_PENDING_KEY)).toBe('');
    const list = await call('outbox.list', { target: 'xero' });
    expect(list).toHaveLength(4);
    expect(list.every((c) => c.canUndo && c.after !== null && c.reviewed !== null)).toBe(true);
    const undone = await call('outbox.undo', { ids: [list[0]!.id] });
    expect(undone).toMatchObject({ undone: 1 });
    expect(recomputed).toHaveLength(2);
    // A pushed fix leaves nothing to re-send until an exceptions export names an invoice that failed.
    expect(await call('checklist.get', {})).toMatchObject({ total: 0, groups: [] });
    addPastedException(w.ws, {
      message: 'The Account Number already exists. Please enter a different Account Number.',
      number: 'INV-0007',
      accountCode: codeOf(1),
      docType: 'invoice',
      state: 'Issued',
    });
    const checklist = await call('checklist.get', {});
    expect(checklist.groups.map((g) => g.task)).toContain('resend');
    const line = checklist.groups.find((g) => g.task === 'resend')!.lines[0]!;
    expect(line.documents).toEqual(['INV-0007']);
    expect(await call('checklist.tick', { key: line.key, ticked: true })).toMatchObject({ key: line.key, ticked: true });
    expect(await call('checklist.export', { format: 'html' })).toMatchObject({ fileName: 'Books checklist.html', mimeType: 'text/html' });
    const xlsx = await call('checklist.export', { format: 'xlsx', dates: { locale: 'en-GB', timeZone: 'Europe/London' } });
    expect(xlsx).toMatchObject({ fileName: 'Books checklist.xlsx', encoding: 'base64' });
    expect(Buffer.from(xlsx.content, 'base64').subarray(0, 2).toString()).toBe('PK');
    // Saving as PDF needs Electron's window: elsewhere it says what to do instead.
    await expect(call('checklist.pdf', {})).rejects.toThrow(/print dialog's "Save as PDF"/);
    const audit = await call('audit.list', { limit: 5 });
    expect(audit.entries).toHaveLength(5);
    expect((await call('audit.export', {})).content.split('\n')[0]).toBe(
      'id,at,actor,action,subject,result,correction_id,account_code,message,before,after,detail',
    );
    expect(await call('outbox.cancel', {})).toEqual({ cancelled: false });
    await expect(call('outbox.retry', { ids: [] })).rejects.toThrow(/choose at least one/);
  });

  it('says the findings are out of date when the recompute after a push was cancelled, until one is done', async () => {
    const w = await outboxWorld({ n: 2 });
    const services: OutboxServices = {
      workspace: () => ({ ws: w.ws, name: 'Books' }),
      xeroClient: () => w.session.client,
      pushUnavailable: () => null,
      emitProgress: () => undefined,
      dataChanged: () => undefined,
      // The bookkeeper pressed Cancel on the matching that followed the push.
      recompute: async () => null,
    };
    const info = { path: w.ws.path, name: 'Books', isDemo: false };
    expect(dashboardStatus(w.ws, info).findingsOutdated).toBe(false);
    await outboxHandlersOver(services)['outbox.push']({ batchSize: 50 });
    expect(dashboardStatus(w.ws, info).findingsOutdated).toBe(true);
    await new BackgroundRecompute().run(w.ws.path);
    expect(dashboardStatus(w.ws, info).findingsOutdated).toBe(false);
  });
});
