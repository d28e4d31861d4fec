// Whether a pushed correction can still be undone, and why not: the review offers Undo only where it can, and
// outbox/undo refuses the same cases with the same words.
import { API_KINDS } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { Correction } from '../db/repos/outbox';

/** Why a correction cannot be undone ('' when it can). */
export function undoRefusal(ws: Workspace, c: Correction | undefined, id: number): string {
  if (!c) return `There is no correction #${id}.`;
  if (c.target !== 'xero' || !API_KINDS.has(c.kind) || c.kind === 'undo')
    return 'Only corrections written to Xero can be undone (CocoonOPS lines are unticked instead).';
  if (c.status === 'undone') return 'It is already undone.';
  if (c.status !== 'done') return `It was not written to Xero (status ${c.status}).`;
  if (c.attempts === 0 || !c.after) return 'Xero already had this change: the reconciler wrote nothing to undo.';
  if (ws.outbox.undoRowsOf(c.id).some((u) => u.status === 'queued' || u.status === 'sending'))
    return 'An undo of it is already on its way.';
  return '';
}
