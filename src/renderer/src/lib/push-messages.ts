// The sentences the Push screen says after a push, a retry or an undo. Pure.
import type { PushResult, UndoResult } from '../../../shared/contract-outbox';
import { counted, formatCount } from '../../../shared/push-summary';
import { lastPushLine, lastPushWords } from '../../../shared/last-push-words';
import type { WorkspaceStatus } from '../../../shared/review';

/** "Push finished: 3 changes written, 1 conflict." */
export function pushMessage(r: PushResult): string {
  if (r.cancelled) return `Push cancelled after ${counted(r.done, 'change')}: push again to finish.`;
  const parts = [`${counted(r.done, 'change')} written`];
  if (r.alreadyApplied) parts.push(`${formatCount(r.alreadyApplied)} already so in Xero`);
  if (r.conflicts) parts.push(counted(r.conflicts, 'conflict'));
  if (r.failed) parts.push(`${formatCount(r.failed)} failed`);
  if (r.blocked) parts.push(`${formatCount(r.blocked)} blocked`);
  return `Push finished: ${parts.join(', ')}.`;
}

/** A finished push that changed (or found) values in Xero: its message goes on to say what it fixed. */
export function pushFixedAny(r: PushResult): boolean {
  return !r.cancelled && r.done + r.alreadyApplied > 0;
}

/** What the push fixed, on the findings recomputed after it (as the dashboard says it); '' when not known. */
export function checkedMessage(s: Pick<WorkspaceStatus, 'lastPush' | 'findingsOutdated'> | null): string {
  if (!s?.lastPush) return '';
  if (s.findingsOutdated) return ' The findings are out of date: match again to see what it fixed.';
  const line = lastPushLine(s.lastPush, { accounts: true, attentionWhere: " (the review's Needs attention filter shows them)" });
  const { earlier } = lastPushWords(s.lastPush);
  return ` Checked after reading the contacts back: ${line}.${earlier ? ` ${earlier}.` : ''}`;
}

export function retryMessage(queued: number): string {
  return `${counted(queued, 'correction')} back in the queue.`;
}

export function undoMessage(r: UndoResult): string {
  const reopened = r.reopened.length > 0 ? ` The decision on ${r.reopened.join(', ')} is reopened: decide again in the review.` : '';
  return r.undone
    ? `Undone: the reviewed values are back in Xero.${reopened}`
    : (r.refused[0]?.reason ?? (r.conflicts ? 'Not undone: the contact changed in Xero since.' : 'Not undone.'));
}
