// The audit log's actions and results in words for the screen ("Rename in Xero", "pushed to Xero"); the log itself
// and its CSV export keep the stable ids ("decision.rename_in_xero"). Pure; no zod.
import { ACTION_LABELS } from './decision-rules';
import type { DecisionAction } from './review';

const ACTIONS: Record<string, string> = {
  'import.cocoon': 'Imported the CocoonOPS export',
  'import.xero_file': 'Imported a Xero contacts file',
  'xero.sync': 'Synced Xero',
  'xero.connect': 'Connected Xero',
  'xero.disconnect': 'Disconnected Xero',
  'decision.undo': 'Undid a decision',
  'decision.undo_batch': 'Undid a bulk accept',
  'decision.reopen': 'Reopened a decision (its correction was undone in Xero)',
  'exceptions.import': 'Imported CocoonOPS exceptions',
  'exceptions.paste': 'Pasted an exception',
  'exception.resolve': 'Marked an exception resolved',
  'exception.reopen': 'Reopened an exception',
  'outbox.queue': 'Queued corrections for Xero',
  'outbox.push': 'Wrote a correction to Xero',
  'outbox.push.run': 'Pushed to Xero',
  'outbox.undo': 'Undid a correction in Xero',
  'outbox.undo.run': 'Undid corrections in Xero',
  'outbox.undo.queue': 'Queued an undo for Xero',
  'outbox.retry': 'Queued a correction again',
  'checklist.tick': 'Ticked a checklist step',
  'checklist.untick': 'Unticked a checklist step',
};

const RESULTS: Record<string, string> = {
  ok: 'done',
  done: 'done',
  already: 'already so in Xero',
  failed: 'failed',
  conflict: 'changed in Xero since the review: not written',
  cancelled: 'stopped by you',
  stopped: 'stopped by an error',
  partial: 'partly done',
};

/** Words for a plain id: "some_thing.else" → "some thing else". */
const plain = (id: string) => id.replace(/[._]+/g, ' ').trim();

/** "Decision: Rename in Xero", "Synced Xero"; an action this list does not know in plain words. */
export function auditActionText(action: string): string {
  const known = ACTIONS[action];
  if (known) return known;
  if (action.startsWith('decision.')) {
    const label = ACTION_LABELS[action.slice('decision.'.length) as DecisionAction];
    return `Decision: ${label ?? plain(action.slice('decision.'.length))}`;
  }
  const text = plain(action);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function auditResultText(result: string): string {
  return RESULTS[result] ?? plain(result);
}
