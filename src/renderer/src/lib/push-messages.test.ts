// The Push screen's sentences after a push and an undo.
import { describe, expect, it } from 'vitest';
import type { PushResult, UndoResult } from '../../../shared/contract-outbox';
import { checkedMessage, pushFixedAny, pushMessage, undoMessage } from './push-messages';

const result = (r: Partial<PushResult>): PushResult => ({
  done: 0,
  alreadyApplied: 0,
  failed: 0,
  conflicts: 0,
  blocked: 0,
  resumed: 0,
  batches: 1,
  resynced: 0,
  cancelled: false,
  problems: [],
  ms: 10,
  ...r,
});

describe('push messages', () => {
  it('counts what a finished push did, and says what it fixed only when it wrote or found something', () => {
    expect(pushMessage(result({ done: 3, conflicts: 1, failed: 2 }))).toBe('Push finished: 3 changes written, 1 conflict, 2 failed.');
    expect(pushFixedAny(result({ done: 3 }))).toBe(true);
    expect(pushFixedAny(result({ alreadyApplied: 1 }))).toBe(true);
    expect(pushFixedAny(result({ failed: 4 }))).toBe(false);
  });
  it('tells a cancelled push to be run again, and does not check it', () => {
    const r = result({ done: 1, cancelled: true });
    expect(pushMessage(r)).toBe('Push cancelled after 1 change: push again to finish.');
    expect(pushFixedAny(r)).toBe(false);
  });
  it('says what the push fixed, what still fails and what it made fail, or that the findings must be matched again', () => {
    const lastPush = { at: '2026-01-02T03:04:05Z', accounts: 6, fixed: 2, stillFailing: 3, newlyFailing: 1, waiting: 1, earlierWaiting: 0 };
    expect(checkedMessage({ lastPush, findingsOutdated: false })).toBe(
      " Checked after reading the contacts back: 2 accounts fixed, 3 still failing, 1 that passed before now fails (1 waits for a checklist step, 3 need attention (the review's Needs attention filter shows them)).",
    );
    // The accounts an earlier push wrote that still wait are said too, not dropped by the newer push.
    const later = { ...lastPush, accounts: 1, fixed: 1, stillFailing: 0, newlyFailing: 0, waiting: 0, earlierWaiting: 19 };
    expect(checkedMessage({ lastPush: later, findingsOutdated: false })).toBe(
      ' Checked after reading the contacts back: 1 account fixed, none still failing. 19 accounts from earlier pushes still wait for a checklist step.',
    );
    expect(checkedMessage({ lastPush, findingsOutdated: true })).toMatch(/match again/);
    expect(checkedMessage(null)).toBe('');
  });
  it('names the reopened decisions after an undo, and why one was refused', () => {
    const undo = (u: Partial<UndoResult>): UndoResult => ({
      requested: 1,
      undone: 0,
      conflicts: 0,
      failed: 0,
      refused: [],
      items: [],
      reopened: [],
      ...u,
    });
    expect(undoMessage(undo({ undone: 1, reopened: ['ACME01'] }))).toBe(
      'Undone: the reviewed values are back in Xero. The decision on ACME01 is reopened: decide again in the review.',
    );
    expect(undoMessage(undo({ refused: [{ id: 4, reason: 'Already undone.' }] }))).toBe('Already undone.');
    expect(undoMessage(undo({ conflicts: 1 }))).toBe('Not undone: the contact changed in Xero since.');
  });
});
