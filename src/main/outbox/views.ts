// Corrections as the UI and the CLI see them (side by side: as reviewed, in Xero now, after the write), and the
// two edits a person makes to the queue: retry a failed or conflicting correction.
import type { CorrectionStatus, CorrectionTarget, CorrectionView } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import { API_KINDS, fieldOf, imageOf, updatedOf, type Correction, type Json } from './model';

/** The contact as reviewed: the before-image, with the values the review saw for the fields it changes. */
function reviewedImage(c: Correction) {
  const img = imageOf(c.before);
  if (!img) return null;
  const at = (field: string, fallback: string) => c.changes.find((e) => e.field === field)?.from ?? fallback;
  return {
    ...img,
    name: at('Name', img.name),
    accountNumber: at('AccountNumber', img.accountNumber),
    status: at('ContactStatus', img.status),
    updatedDateUtc: c.reviewedUpdatedUtc || img.updatedDateUtc,
  };
}

export function toView(ws: Workspace, c: Correction): CorrectionView {
  return {
    id: c.id,
    decisionId: c.decisionId,
    accountCode: c.accountCode,
    accountName: ws.accounts.get(c.accountCode)?.name ?? c.finding?.accountName ?? '',
    target: c.target,
    subject: c.subject,
    kind: c.kind,
    changes: c.changes,
    status: c.status,
    attempts: c.attempts,
    idempotencyKey: c.idempotencyKey,
    message: c.message,
    advice: c.advice,
    findingKind: c.finding?.kind ?? null,
    reviewed: c.target === 'xero' ? reviewedImage(c) : null,
    current: imageOf(c.current),
    after: imageOf(c.after),
    undoesId: c.undoesId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    doneAt: c.doneAt,
    canUndo: c.target === 'xero' && API_KINDS.has(c.kind) && c.kind !== 'undo' && c.status === 'done' && c.attempts > 0 && c.after !== null,
  };
}

export function listCorrections(
  ws: Workspace,
  q: { status?: CorrectionStatus; target?: CorrectionTarget; limit?: number } = {},
): CorrectionView[] {
  return ws.outbox
    .list({ status: q.status })
    .filter((c) => !q.target || c.target === q.target)
    .slice(0, q.limit ?? Infinity)
    .map((c) => toView(ws, c));
}

/**
 * Puts failed and conflicting Xero corrections back in the queue. A conflict takes Xero's current contact as its
 * new base (the person has compared both sides): its before-image and "from" values become what Xero holds now.
 */
export function retryCorrections(ws: Workspace, ids: readonly number[], actor = 'user'): CorrectionView[] {
  return ws.transaction(() =>
    ids.flatMap((id) => {
      const c = ws.outbox.get(id);
      if (!c || c.target !== 'xero' || !API_KINDS.has(c.kind) || (c.status !== 'failed' && c.status !== 'conflict')) return [];
      const base: Json | null =
        c.status === 'conflict' ? c.current : (c.before ?? (ws.contacts.getRaw(c.subject) as Json | undefined) ?? null);
      ws.outbox.patch(c.id, {
        status: 'queued',
        message: '',
        advice: '',
        current: null,
        before: base,
        reviewedUpdatedUtc: c.status === 'conflict' || !c.before ? updatedOf(base) : c.reviewedUpdatedUtc,
        changes: base ? c.changes.map((e) => ({ ...e, from: fieldOf(base, e.field) })) : c.changes,
      });
      ws.audit.append({ actor, action: 'outbox.retry', subject: c.subject, result: 'ok', detail: { correctionId: c.id, was: c.status } });
      return [toView(ws, ws.outbox.get(c.id)!)];
    }),
  );
}
