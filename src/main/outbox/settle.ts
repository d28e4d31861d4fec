// The end of one correction's attempt: its status, Xero's answer, the playbook's advice, and an audit entry with
// before, after and result; an undo that lands reopens the decision of the correction it takes back. Always called
// inside a transaction (with the rest of its batch).
import type { PushFailure, PushProgress } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { adviceFor } from './advice';
import { describeConflict } from './compare';
import { auditImage, updatedOf, type Correction, type Json } from './model';

export interface Tally {
  done: number;
  alreadyApplied: number;
  failed: number;
  conflicts: number;
  blocked: number;
  resumed: number;
  batches: number;
  resynced: number;
  problems: PushFailure[];
}

export const emptyTally = (): Tally => ({
  done: 0,
  alreadyApplied: 0,
  failed: 0,
  conflicts: 0,
  blocked: 0,
  resumed: 0,
  batches: 0,
  resynced: 0,
  problems: [],
});

export interface RunContext {
  ws: Workspace;
  client: XeroAccountingClient;
  actor: string;
  now: () => string;
  /** Stops the push between batches (a request in flight is finished first). */
  signal?: AbortSignal;
  salt: string;
  tally: Tally;
  progress: (p: PushProgress) => void;
}

export type Outcome =
  | { kind: 'done'; how: 'sent' | 'already' | 'landed'; after: Json }
  | { kind: 'failed'; messages: string[]; advice?: string; answer?: unknown }
  | { kind: 'conflict'; current: Json }
  | { kind: 'missing' };

const DONE_NOTE = {
  sent: '',
  already: 'Xero already had this: nothing written.',
  landed: 'Written by an interrupted push (found when the contact was read again).',
};

/** An undo took a pushed correction back: its decision is undone too, so the account is undecided again. */
function reopenDecision(ctx: RunContext, undoneId: number, undoId: number): void {
  const decisionId = ctx.ws.outbox.get(undoneId)?.decisionId;
  if (decisionId === null || decisionId === undefined) return;
  const d = ctx.ws.decisions.undoById(decisionId, ctx.now());
  if (!d) return; // undone already (by hand, or by the undo of its other correction)
  ctx.ws.audit.append({
    actor: ctx.actor,
    action: 'decision.reopen',
    subject: d.accountCode,
    before: { action: d.action, id: d.id },
    result: 'ok',
    detail: { decisionId: d.id, correctionId: undoneId, undoId, why: 'its pushed correction was undone' },
  });
}

/**
 * Our own write moved the contact on: the corrections of the same contact still queued on the same reviewed version
 * (held back from this push, e.g. an AccountNumber that waits for its holder to let go of it) now start from the
 * version just written, so the next push does not take our own change for someone else's.
 */
function rebaseSiblings(ctx: RunContext, c: Correction, after: Json): void {
  const version = updatedOf(after);
  if (version === '' || c.reviewedUpdatedUtc === '') return;
  for (const other of ctx.ws.outbox.queuedOf(c.subject)) {
    if (other.id === c.id || other.target !== 'xero' || other.reviewedUpdatedUtc !== c.reviewedUpdatedUtc) continue;
    ctx.ws.outbox.patch(other.id, { before: after, reviewedUpdatedUtc: version });
  }
}

export function settle(ctx: RunContext, c: Correction, o: Outcome, batch?: { id: number; key: string }): void {
  const { ws, tally } = ctx;
  const at = ctx.now();
  let result: string;
  let after: Json | null = null;
  let message: string;
  let advice = '';
  if (o.kind === 'done') {
    result = o.how === 'already' ? 'already' : 'done';
    after = o.after;
    message = DONE_NOTE[o.how];
    ws.outbox.patch(c.id, { status: 'done', after, current: null, message, advice: '', doneAt: at, resyncedAt: null });
    if (o.how === 'sent') rebaseSiblings(ctx, c, o.after);
    if (c.kind === 'undo' && c.undoesId !== null) {
      ws.outbox.patch(c.undoesId, { status: 'undone', message: `Undone by correction #${c.id}.` });
      reopenDecision(ctx, c.undoesId, c.id);
    }
    if (o.how === 'already') tally.alreadyApplied++;
    else tally.done++;
  } else if (o.kind === 'conflict') {
    result = 'conflict';
    after = o.current;
    message = describeConflict(o.current, c);
    ws.outbox.patch(c.id, { status: 'conflict', current: o.current, message, advice: '', resyncedAt: null });
    tally.conflicts++;
  } else {
    result = 'failed';
    message =
      o.kind === 'missing'
        ? `Xero has no contact ${c.subject} any more (deleted, or merged into another).`
        : o.messages.join(' ') || 'Xero refused it without a message.';
    advice = o.kind === 'missing' ? adviceFor(['contact could not be found']) : (o.advice ?? adviceFor(o.messages));
    ws.outbox.patch(c.id, { status: 'failed', message, advice, resyncedAt: null });
    tally.failed++;
  }
  if (result !== 'done' && result !== 'already') {
    tally.problems.push({
      correctionId: c.id,
      accountCode: c.accountCode,
      contactId: c.subject,
      status: o.kind === 'conflict' ? 'conflict' : 'failed',
      message,
      advice,
    });
  }
  ws.audit.append({
    actor: ctx.actor,
    action: c.kind === 'undo' ? 'outbox.undo' : 'outbox.push',
    subject: c.subject,
    before: auditImage(c.before),
    after: auditImage(after),
    result,
    detail: {
      correctionId: c.id,
      accountCode: c.accountCode,
      kind: c.kind,
      changes: c.changes,
      undoes: c.undoesId,
      batchId: batch?.id ?? null,
      idempotencyKey: batch?.key ?? null,
      attempts: c.attempts,
      message,
      advice,
      xero:
        o.kind === 'done'
          ? { StatusAttributeString: o.after.StatusAttributeString ?? 'OK' }
          : o.kind === 'failed'
            ? (o.answer ?? o.messages)
            : null,
    },
  });
}
