// What the last push did, checked: of the accounts whose corrections it wrote (and that no undo has taken back), how
// many pass now and how many still fail, on the findings recomputed after it. Derived when read from the outbox, the
// findings and the push's time span (kept by outbox/push.ts under LAST_PUSH_KEY).
import { z } from 'zod';
import type { Workspace } from '../db';
import { reviewRepoOf } from '../db/repos/review';
import { FAILING_KINDS } from '../../shared/domain';
import type { LastPush } from '../../shared/review';
import { LAST_PUSH_KEY } from '../db/state-keys';

/** A step of the decision still to do (push, CocoonOPS, Xero's web app) or done by hand and not yet checked by a sync. */
const WAITING = new Set(['queued', 'cocoon', 'webApp', 'webAppToCheck']);

const Span = z.object({ startedAt: z.string(), finishedAt: z.string() });

/** Remembers a push that wrote something (a push with nothing to write leaves the last one as it was). */
export function rememberPush(ws: Workspace, startedAt: string, finishedAt: string): void {
  ws.syncState.set(LAST_PUSH_KEY, JSON.stringify({ startedAt, finishedAt }));
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
  const accounts = reviewRepoOf(ws.db)
    .writtenBetween(span.startedAt, span.finishedAt)
    .filter((a) => a.kind !== null); // an account a newer import dropped is neither
  const failing = accounts.filter((a) => FAILING_KINDS.includes(a.kind!));
  // Still failing because a step of the same decision is still to do (the checklist's): not a fix that did not work.
  const waiting = failing.filter((a) => WAITING.has(a.stage)).length;
  return { at: span.finishedAt, accounts: accounts.length, fixed: accounts.length - failing.length, stillFailing: failing.length, waiting };
}
