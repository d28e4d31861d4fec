// The last push's outcome in a bookkeeper's words, the same on the dashboard, after a push and in `reconciler push`:
// "154 fixed, 10 still failing, 9 that passed before now fail (19 wait for a checklist step)", and the accounts
// earlier pushes wrote that still wait ("19 accounts from earlier pushes still wait for a checklist step"). Pure.
import { counted, formatCount } from './push-summary';
import type { LastPush } from './review';

const verb = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

export interface LastPushWords {
  /** "154 fixed": accounts that failed before the push and pass now. */
  fixed: string;
  /** "10 still failing, 9 that passed before now fail", or "none still failing". */
  failing: string;
  /** "19 wait for a checklist step" ('' when none). */
  waiting: string;
  /** Failing accounts of the push whose fix did not work (the review's Needs attention filter). */
  attention: number;
  /** "3 need attention" ('' when none). */
  attentionText: string;
  /** "19 accounts from earlier pushes still wait for a checklist step" ('' when none). */
  earlier: string;
}

/** `accounts`: "154 accounts fixed" (a sentence of its own), else "154 fixed" (after "Last push …:"). */
export function lastPushWords(l: LastPush, accounts = false): LastPushWords {
  const failing = l.stillFailing + l.newlyFailing;
  const attention = Math.max(0, failing - l.waiting);
  return {
    fixed: `${accounts ? counted(l.fixed, 'account') : formatCount(l.fixed)} fixed`,
    failing:
      failing === 0
        ? 'none still failing'
        : [
            l.stillFailing > 0 ? `${formatCount(l.stillFailing)} still failing` : '',
            l.newlyFailing > 0 ? `${verb(l.newlyFailing, 'that passed before now fails', 'that passed before now fail')}` : '',
          ]
            .filter(Boolean)
            .join(', '),
    waiting: l.waiting > 0 ? verb(l.waiting, 'waits for a checklist step', 'wait for a checklist step') : '',
    attention,
    attentionText: attention > 0 ? verb(attention, 'needs attention', 'need attention') : '',
    earlier:
      l.earlierWaiting > 0
        ? `${counted(l.earlierWaiting, 'account')} from earlier pushes still ${l.earlierWaiting === 1 ? 'waits' : 'wait'} for a checklist step`
        : '',
  };
}

/** "154 fixed, 10 still failing, 9 that passed before now fail (19 wait for a checklist step, 2 need attention)". */
export function lastPushLine(l: LastPush, { accounts = false, attentionWhere = '' } = {}): string {
  const w = lastPushWords(l, accounts);
  const why = [w.waiting, w.attentionText ? `${w.attentionText}${attentionWhere}` : ''].filter(Boolean).join(', ');
  return `${w.fixed}, ${w.failing}${why ? ` (${why})` : ''}`;
}
