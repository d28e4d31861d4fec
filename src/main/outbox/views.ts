// Corrections as the UI and the CLI see them (side by side: as reviewed, in Xero now, after the write), and the
// two edits a person makes to the queue: retry a failed or conflicting correction.
import type { CorrectionStatus, CorrectionTarget, CorrectionView } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { CorrectionHead } from '../db/repos/outbox';
import { xeroContactsById } from '../db/xero-side';
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

const canUndo = (c: CorrectionHead, hasAfter: boolean): boolean =>
  c.target === 'xero' && API_KINDS.has(c.kind) && c.kind !== 'undo' && c.status === 'done' && c.attempts > 0 && hasAfter;

/** A correction's view without its contact images (what a list shows of all but conflicts). */
function headView(c: CorrectionHead, accountName: string, contactName: string, hasAfter: boolean): CorrectionView {
  return {
    id: c.id,
    decisionId: c.decisionId,
    accountCode: c.accountCode,
    accountName,
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
    reviewed: null,
    current: null,
    after: null,
    undoesId: c.undoesId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    doneAt: c.doneAt,
    canUndo: canUndo(c, hasAfter),
    contactName,
  };
}

export function toView(ws: Workspace, c: Correction): CorrectionView {
  const after = imageOf(c.after);
  const reviewed = c.target === 'xero' ? reviewedImage(c) : null;
  // Read from the workspace only when neither image names the contact (not a query per correction of a long list).
  const contactName = c.target === 'xero' ? after?.name || reviewed?.name || (ws.contacts.get(c.subject)?.name ?? '') : '';
  return {
    ...headView(c, ws.accounts.get(c.accountCode)?.name ?? c.finding?.accountName ?? '', contactName, c.after !== null),
    reviewed,
    current: imageOf(c.current),
    after,
  };
}

export function listCorrections(
  ws: Workspace,
  q: { status?: CorrectionStatus; target?: CorrectionTarget; results?: boolean; limit?: number } = {},
): CorrectionView[] {
  if (q.results) return pushResults(ws, q.limit);
  return ws.outbox
    .list({ status: q.status })
    .filter((c) => !q.target || c.target === q.target)
    .slice(0, q.limit ?? Infinity)
    .map((c) => toView(ws, c));
}

/** Where a result is listed: what needs the bookkeeper first (failed, conflict), then one still being sent, then the rest. */
const RESULT_RANK: Partial<Record<CorrectionStatus, number>> = { failed: 0, conflict: 0, sending: 1 };

/**
 * What pushes wrote or tried to write, for the Push screen: the failed and conflicting first, then the newest. Read
 * without the raw contacts (10,000 after a large push); a conflict, shown side by side, is read whole.
 */
function pushResults(ws: Workspace, limit = Infinity): CorrectionView[] {
  const heads = ws.outbox.resultHeads([...API_KINDS]);
  const rank = (c: CorrectionHead) => RESULT_RANK[c.status] ?? 2;
  heads.sort((a, b) => rank(a) - rank(b) || b.id - a.id);
  const accounts = ws.accounts.places();
  const contacts = xeroContactsById(ws);
  return heads.slice(0, limit).map((c) => {
    if (c.status === 'conflict') return toView(ws, ws.outbox.get(c.id)!);
    const accountName = accounts.get(c.accountCode)?.name ?? c.finding?.accountName ?? '';
    return headView(c, accountName, contacts.get(c.subject.toLowerCase())?.name ?? '', c.hasAfter);
  });
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
