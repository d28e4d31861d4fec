// The outbox channels over real HTTP through the web host: the push plan and the CocoonOPS checklist of the demo
// workspace after one accepted decision, a tick, the exports, and the refusals (400 on malformed input).
import { describe, expect, it } from 'vitest';
import type { Checklist, PushPlan } from '../../src/shared/contract-outbox';
import type { ReviewList } from '../../src/shared/review';
import { useWebHost } from '../support/web-host';

const { call, value } = useWebHost();

describe('outbox over the web host', () => {
  it('answers 409 before a workspace is open', async () => {
    const r = await call('outbox.plan', {});
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
  });

  let code = '';
  it('plans the rename of an accepted name_mismatch on the demo (connected to its sandbox)', async () => {
    await value('workspace.openDemo', {});
    const list = await value<ReviewList>('findings.list', {});
    const i = list.columns.kind.findIndex(
      // A pair of names that lost nothing: renaming in Xero to a damaged CocoonOPS name needs a confirmation.
      (k, n) =>
        k === 'name_mismatch' && list.columns.fix[n] === 'rename_in_xero_or_cocoon' && list.columns.xeroId[n] && !list.columns.look[n],
    );
    expect(i).toBeGreaterThanOrEqual(0);
    code = list.columns.code[i]!;
    await value('decisions.apply', { accountCode: code, action: 'rename_in_xero', xeroContactId: list.columns.xeroId[i]! });

    const plan = await value<PushPlan>('outbox.plan', {});
    expect(plan.notReady).toBeNull();
    expect(plan.toSend).toBeGreaterThanOrEqual(1);
    expect(plan.byKind.rename).toBeGreaterThanOrEqual(1);
    const item = plan.items.find((x) => x.accountCode === code)!;
    expect(item).toMatchObject({ kind: 'rename', contactId: list.columns.xeroId[i], blocked: null });
    expect(item.changes).toEqual([expect.objectContaining({ field: 'Name', to: list.columns.name[i] })]);
  }, 120_000);

  it('serves the checklist, ticks a line and exports it; the audit list answers', async () => {
    // A rename decided for the CocoonOPS side becomes a checklist line.
    const review = await value<ReviewList>('findings.list', {});
    const j = review.columns.kind.findIndex((k, n) => k === 'name_mismatch' && review.columns.code[n] !== code && review.columns.xeroId[n]);
    await value('decisions.apply', {
      accountCode: review.columns.code[j]!,
      action: 'rename_in_cocoon',
      xeroContactId: review.columns.xeroId[j]!,
    });
    const list = await value<Checklist>('checklist.get', {});
    expect(list.total).toBe(list.groups.reduce((n, g) => n + g.lines.length, 0));
    const line = list.groups.flatMap((g) => g.lines)[0]!;
    expect(line).toBeDefined();
    const ticked = await value<{ key: string; ticked: boolean }>('checklist.tick', { key: line.key, ticked: true });
    expect(ticked).toMatchObject({ key: line.key, ticked: true });
    expect((await value<Checklist>('checklist.get', {})).ticked).toBe(list.ticked + 1);
    const csv = await value<{ fileName: string; mimeType: string; content: string }>('checklist.export', { format: 'csv' });
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.fileName).toMatch(/checklist\.csv$/);
    const html = await value<{ mimeType: string; content: string }>('checklist.export', { format: 'html' });
    expect(html.content).toContain('<');
    const audit = await value<{ entries: unknown[]; total: number }>('audit.list', {});
    expect(audit.total).toBeGreaterThanOrEqual(audit.entries.length);
  });

  it('refuses malformed input with 400', async () => {
    expect((await call('outbox.plan', { extra: 1 })).status).toBe(400);
    expect((await call('outbox.undo', { ids: [] })).status).toBe(400);
    expect((await call('checklist.export', { format: 'pdf' })).status).toBe(400);
    expect((await call('checklist.tick', { key: 'x' })).status).toBe(400);
  });
});
