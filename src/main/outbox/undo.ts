// Undo: a pushed correction is reversed by a new correction that writes the before-image's values back, checked
// against the contact as the push left it (changed since: a conflict, never overwritten), sent like any other
// (recorded first, Idempotency-Key, resumable). When it lands, the original becomes `undone` and its decision is
// reopened (undone: the account is undecided again, see settle.ts).
import type { UndoResult } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { updatedOf } from './model';
import { pushOutbox, type PushOptions } from './push';
import { toView } from './views';
import { undoRefusal } from '../review/undo-refusal';

export async function undoCorrections(
  ws: Workspace,
  client: XeroAccountingClient,
  ids: readonly number[],
  o: Omit<PushOptions, 'only'> = {},
): Promise<UndoResult> {
  const refused: UndoResult['refused'] = [];
  const created = ws.transaction(() =>
    [...new Set(ids)].flatMap((id) => {
      const c = ws.outbox.get(id);
      const reason = undoRefusal(ws, c, id);
      if (reason || !c) {
        refused.push({ id, reason });
        return [];
      }
      const undo = ws.outbox.add({
        accountCode: c.accountCode,
        target: 'xero',
        subject: c.subject,
        kind: 'undo',
        undoesId: c.id,
        changes: c.changes.map((e) => ({ field: e.field, from: e.to, to: e.from })),
        before: c.after,
        reviewedUpdatedUtc: updatedOf(c.after),
        finding: c.finding,
      });
      ws.audit.append({
        actor: o.actor ?? 'user',
        action: 'outbox.undo.queue',
        subject: c.subject,
        result: 'ok',
        detail: { correctionId: c.id, undoId: undo.id },
      });
      return [undo.id];
    }),
  );
  if (created.length > 0) await pushOutbox(ws, client, { ...o, only: created });
  const items = created.map((id) => ws.outbox.get(id)!);
  const reopened = items.flatMap((u) => {
    const decisionId = u.status === 'done' && u.undoesId !== null ? ws.outbox.get(u.undoesId)?.decisionId : null;
    const d = decisionId == null ? undefined : ws.decisions.history(u.accountCode).find((x) => x.id === decisionId);
    return d?.undoneAt ? [u.accountCode] : [];
  });
  return {
    requested: ids.length,
    undone: items.filter((u) => u.status === 'done').length,
    conflicts: items.filter((u) => u.status === 'conflict').length,
    failed: items.filter((u) => u.status === 'failed').length,
    refused,
    items: items.map((u) => toView(ws, u)),
    reopened: [...new Set(reopened)],
  };
}
