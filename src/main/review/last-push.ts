// What the last push did, checked: of the accounts whose corrections it wrote (and that no undo has taken back), how
// many it fixed (they failed before it and pass now), how many still fail, and how many passed before it and fail
// now (a step of their decision, e.g. a CocoonOPS rename, is still to do); and the accounts earlier pushes wrote
// that still wait for a step, so that a newer push does not hide them. Derived when read from the outbox, the
// findings, the push's time span and the accounts it wrote that failed before it (kept by outbox/push.ts under
// LAST_PUSH_KEY).
import { z } from 'zod';
import type { Workspace } from '../db';
import { reviewRepoOf } from '../db/repos/review';
import { FAILING_KINDS } from '../../shared/domain';
import type { LastPush } from '../../shared/review';
import { LAST_PUSH_KEY } from '../db/state-keys';

const Span = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The accounts the push wrote that failed before it (on the findings it started from); absent in older workspaces. */
  failingBefore: z.array(z.string()).optional(),
});

/** A step of the decision still to do (push, CocoonOPS, Xero's web app) or done by hand and not yet checked by a sync. */
const WAITING = new Set(['queued', 'cocoon', 'webApp', 'webAppToCheck']);
const waits = (stage: string): boolean => WAITING.has(stage);

/**
 * The accounts a push has written so far that fail on the findings as they stand: call it before the findings are
 * recomputed after the push, and pass it to rememberPush.
 */
export function failingWritten(ws: Workspace, startedAt: string, until: string): string[] {
  return reviewRepoOf(ws.db)
    .writtenBetween(startedAt, until)
    .filter((a) => a.kind !== null && FAILING_KINDS.includes(a.kind))
    .map((a) => a.code);
}

/** Remembers a push that wrote something (a push with nothing to write leaves the last one as it was). */
export function rememberPush(ws: Workspace, startedAt: string, finishedAt: string, failingBefore: readonly string[]): void {
  ws.syncState.set(LAST_PUSH_KEY, JSON.stringify({ startedAt, finishedAt, failingBefore }));
}

export function lastPushOutcome(ws: Workspace): LastPush | null {
  const raw = ws.syncState.get(LAST_PUSH_KEY);
  if (!raw) return null;
  let span: z.infer<typeof Span>;
  try {
    span = Span.parse(JSON.parse(raw));
  } catch {
    return null;
  }
  const repo = reviewRepoOf(ws.db);
  const accounts = repo.writtenBetween(span.startedAt, span.finishedAt).filter((a) => a.kind !== null); // an account a newer import dropped is neither
  // A push remembered before the accounts failing before it were kept: taken as all failing (as it was then counted).
  const before = span.failingBefore ? new Set(span.failingBefore) : null;
  const failedBefore = (code: string) => before === null || before.has(code);
  const failing = accounts.filter((a) => FAILING_KINDS.includes(a.kind!));
  const passing = accounts.filter((a) => !FAILING_KINDS.includes(a.kind!));
  // Still failing because a step of the same decision is still to do (the checklist's): not a fix that did not work.
  const waiting = failing.filter((a) => waits(a.stage)).length;
  const earlierWaiting = repo.failingWrittenBefore(span.startedAt).filter((a) => waits(a.stage)).length;
  return {
    at: span.finishedAt,
    accounts: accounts.length,
    fixed: passing.filter((a) => failedBefore(a.code)).length,
    stillFailing: failing.filter((a) => failedBefore(a.code)).length,
    newlyFailing: failing.filter((a) => !failedBefore(a.code)).length,
    waiting,
    earlierWaiting,
  };
}
