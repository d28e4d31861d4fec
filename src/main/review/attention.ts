// Decisions that need attention: carried out (every Xero correction pushed, or the CocoonOPS export shows the
// change) while the account still fails. Derived when read, from the decisions, the outbox and the current findings,
// so it is never stale and no decision is rewritten; the one place the table, the detail and bulk accept ask.
import type { Workspace } from '../db';
import { createReviewRepo, type AttentionRecord, type PendingRecord } from '../db/repos/review';
import { undoRefusal } from '../outbox/undo';

const PREFIX: Record<AttentionRecord['stage'], string> = {
  pushed: 'Pushed; still fails: ',
  changed: 'Changed in CocoonOPS; still fails: ',
};

/** The first telling clause of a finding's explanation ("names differ ('Acme')"), at most `max` characters. Pure. */
export function shortReason(explanation: string, max = 90): string {
  const clauses = explanation
    .split('; ')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'same code' && !/^the sync (will|may) fail/.test(s));
  const first = (clauses[0] ?? explanation).replace(/: the sync (will|may) fail.*$/, '');
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

export const attentionReason = (r: Pick<AttentionRecord, 'stage' | 'explanation'>): string => PREFIX[r.stage] + shortReason(r.explanation);

/** Every account whose current decision needs attention, with the reason, by account code. */
export function attentionByAccount(ws: Workspace): Map<string, string> {
  return new Map(createReviewRepo(ws.db).attention().map((r) => [r.code, attentionReason(r)]));
}

/** Why the account's current decision needs attention, or null when it stands (or there is none). */
export function attentionOf(ws: Workspace, code: string): string | null {
  const r = createReviewRepo(ws.db).attention(code)[0];
  return r ? attentionReason(r) : null;
}

const PENDING: Record<PendingRecord['stage'], string> = {
  queued: 'Fix to push: the account fails until it is pushed to Xero',
  cocoon: 'Waits for the change in CocoonOPS (checklist): the account fails until then',
};

/** Every failing account whose current decision has a step still to do, with what it waits for, by account code. */
export function pendingByAccount(ws: Workspace): Map<string, string> {
  return new Map(createReviewRepo(ws.db).pending().map((r) => [r.code, PENDING[r.stage]]));
}

/** What the account's current decision still waits for while the account fails, or null. */
export function pendingOf(ws: Workspace, code: string): string | null {
  const r = createReviewRepo(ws.db).pending(code)[0];
  return r ? PENDING[r.stage] : null;
}

/** The decision's Xero corrections that an undo can reverse now (written by a push, not undone yet). */
export function undoableOf(ws: Workspace, decisionId: number): number[] {
  return createReviewRepo(ws.db)
    .xeroCorrectionIds(decisionId)
    .filter((id) => undoRefusal(ws, ws.outbox.get(id), id) === '');
}
