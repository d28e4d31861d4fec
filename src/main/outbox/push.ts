// A push: finish what an interrupted one left, bring the outbox up to date with the decisions, check the plan, send
// the Xero corrections in batches (≤ 50 contacts, one element per contact), then read the touched contacts back
// and recompute the findings. Safe to stop anywhere: the next push carries on without sending anything twice.
import type { PushProgress, PushResult } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import type { MatchOptions } from '../matching';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { sendBatch } from './batch';
import { outboxSalt, takePushLock } from './keys';
import { failingWritten, rememberPush } from '../review/last-push';
import { materialise } from './materialise';
import { groupBySubject, isApiCorrection } from './model';
import type { Block } from './checks';
import { blocksOf, contactsAfterPushes, held, refOf } from './plan';
import { resumeInterrupted } from './recover';
import { recomputeIfPending, resyncTouched } from './resync';
import { emptyTally, settle, type RunContext } from './settle';
import { chunks, MAX_BATCH } from './xero-writes';

export interface PushOptions {
  /** Contacts per request (at most 50). */
  batchSize?: number;
  /** Stops between batches; the batch in flight is finished. */
  signal?: AbortSignal;
  onProgress?: (p: PushProgress) => void;
  actor?: string;
  /** ISO timestamps (tests). */
  now?: () => string;
  /** Only these corrections (an undo); blocked ones fail instead of waiting in the queue. */
  only?: readonly number[];
  /** Options for the findings recompute; false leaves it to the caller (RECOMPUTE_PENDING_KEY says when it is due). */
  recompute?: MatchOptions | false;
}

/** Most rounds of one push: each sends what the one before freed (a number or name given up, then taken). */
const MAX_ROUNDS = 4;

type Round = { stopped: boolean; sent: number; later: number };

/**
 * Checks the queued Xero corrections, then sends the ones that pass, batch by batch; the ones that wait for a change
 * of this push (`later`) are left for the next round. Returns whether it was stopped, how many it sent and left.
 */
async function sendQueued(ctx: RunContext, batchSize: number, only: ReadonlySet<number> | null, round: number): Promise<Round> {
  const { ws } = ctx;
  const queued = ws.outbox.list({ status: 'queued' }).filter((c) => isApiCorrection(c) && (!only || only.has(c.id)));
  const blocks = blocksOf(
    ws,
    queued.map((c) => ({ ...c, ref: refOf(c) })),
    contactsAfterPushes(ws, ws.outbox.list()),
  );
  // Held back from this round's sending and the next: an undo sends what it names now or never, so for it a change
  // that would wait is held back too.
  const stays = (c: (typeof queued)[number]): Block | undefined => {
    const b = blocks.get(refOf(c));
    return only || held(b) ? b : undefined;
  };
  ws.transaction(() => {
    for (const c of queued) {
      const b = stays(c);
      if (b && only) settle(ctx, c, { kind: 'failed', messages: [b.reason], advice: '' });
      else if (b && c.message !== b.reason) ws.outbox.patch(c.id, { message: b.reason, advice: '' });
    }
  });
  // Counted once, as the last round leaves them.
  ctx.tally.blocked = only ? 0 : queued.filter((c) => stays(c)).length;
  const groups = groupBySubject(
    queued.filter((c) => !blocks.has(refOf(c))),
    (c) => c.subject,
  );
  const later = only ? 0 : queued.filter((c) => blocks.get(refOf(c))?.later).length;
  const total = groups.reduce((n, g) => n + g.length, 0);
  let done = 0;
  const what = round === 1 ? '' : ' freed by the changes before';
  ctx.progress({ phase: 'send', message: `Sending ${total} corrections${what} to Xero…`, done, total, finished: false });
  for (const part of chunks(groups, batchSize)) {
    if (ctx.signal?.aborted) return { stopped: true, sent: done, later };
    await sendBatch(ctx, part, only ? 'undo' : 'push');
    done += part.reduce((n, g) => n + g.length, 0);
    ctx.progress({ phase: 'send', message: `Sent ${done} of ${total} corrections`, done, total, finished: false });
  }
  return { stopped: false, sent: done, later };
}

export async function pushOutbox(ws: Workspace, client: XeroAccountingClient, o: PushOptions = {}): Promise<PushResult> {
  const started = Date.now();
  const now = o.now ?? (() => new Date().toISOString());
  const actor = o.actor ?? 'user';
  const batchSize = Math.max(1, Math.min(MAX_BATCH, o.batchSize ?? MAX_BATCH));
  const startedAt = now();
  const release = takePushLock(ws, startedAt);
  const ctx: RunContext = {
    ws,
    client,
    actor,
    now,
    signal: o.signal,
    salt: outboxSalt(ws),
    tally: emptyTally(),
    progress: (p) => o.onProgress?.(p),
  };
  let cancelled: boolean;
  // The accounts this push wrote that fail on the findings it started from (read before they are recomputed).
  let failingBefore: string[] | null = null;
  try {
    await resumeInterrupted(ctx);
    // What an interrupted push wrote is read back before the checks, so they judge what Xero holds now.
    await resyncTouched(ctx);
    if (!o.only) {
      ctx.progress({ phase: 'check', message: 'Checking the plan…', done: 0, total: null, finished: false });
      materialise(ws, now(), actor);
    }
    const only = o.only ? new Set(o.only) : null;
    let round = await sendQueued(ctx, batchSize, only, 1);
    await resyncTouched(ctx);
    // What waited for a change of this push (a number or name its holder gives up) goes now that it is written.
    for (let n = 2; !round.stopped && round.later > 0 && round.sent > 0 && n <= MAX_ROUNDS; n++) {
      round = await sendQueued(ctx, batchSize, only, n);
      await resyncTouched(ctx);
    }
    cancelled = round.stopped;
    // A chain longer than the rounds: the rest stays queued for the next push, counted as held back.
    if (!cancelled) ctx.tally.blocked += round.later;
    if (!o.only) failingBefore = failingWritten(ws, startedAt, now());
    if (o.recompute !== false) {
      ctx.progress({ phase: 'match', message: 'Recomputing the findings…', done: 0, total: null, finished: false });
      recomputeIfPending(ws, o.recompute ?? {});
    }
  } catch (error) {
    // Stopped on request (Ctrl-C, Cancel) while reading or waiting: not an error; what is not done stays queued.
    const stopped = o.signal?.aborted === true && ws.db.open;
    if (!stopped) {
      if (ws.db.open) {
        const message = error instanceof Error ? error.message : String(error);
        ws.audit.append({
          actor,
          action: o.only ? 'outbox.undo.run' : 'outbox.push.run',
          result: 'stopped',
          detail: { ...ctx.tally, error: message },
        });
      }
      throw error;
    }
    cancelled = true;
  } finally {
    // A push that wrote something is the one the dashboard checks ("last push: X fixed, Y still failing"). Stopped
    // before the recompute, the findings are still the ones it started from.
    if (!o.only && ws.db.open && ctx.tally.done + ctx.tally.alreadyApplied > 0) {
      const finishedAt = now();
      rememberPush(ws, startedAt, finishedAt, failingBefore ?? failingWritten(ws, startedAt, finishedAt));
    }
    release();
  }
  const { problems, ...counts } = ctx.tally;
  ws.audit.append({
    actor,
    action: o.only ? 'outbox.undo.run' : 'outbox.push.run',
    result: cancelled ? 'cancelled' : 'ok',
    detail: counts,
  });
  ctx.progress({
    phase: 'done',
    message: cancelled ? 'Push stopped: the rest stays queued' : 'Push finished',
    done: 1,
    total: 1,
    finished: true,
  });
  return { ...counts, problems, cancelled, ms: Date.now() - started };
}
