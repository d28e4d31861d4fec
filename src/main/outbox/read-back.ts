// Settling corrections by what Xero holds, read back, instead of by an answer: after an interrupted push, and when
// Xero says a batch's Idempotency-Key was already used for another request (so a request under that key reached
// Xero and may still be landing). A change is called a conflict only on a contact read back just now.
import type { Batch } from '../db/repos/outbox';
import { targetState, type TargetState } from './compare';
import type { Correction, Json } from './model';
import { settle, type RunContext } from './settle';
import { readContacts } from './xero-writes';

export interface ReadState {
  c: Correction;
  raw: Json | undefined;
  state: TargetState;
}

/** How long a request that reached Xero may take to land before its untouched contacts are sent again. */
export const LANDING_WAIT_MS = 30_000;
const POLL_MS = 1_000;

export async function readStates(ctx: RunContext, corrections: readonly Correction[]): Promise<ReadState[]> {
  const current = await readContacts(
    ctx.client,
    corrections.map((c) => c.subject),
    ctx.signal,
  );
  return corrections.map((c) => {
    const raw = current.get(c.subject.toLowerCase());
    return { c, raw, state: targetState(raw, c) };
  });
}

/** One correction settled by its read-back state; an untouched one goes back to the queue. Inside a transaction. */
export function settleByState(ctx: RunContext, s: ReadState, batch: Batch, applied: 'landed' | 'already'): void {
  const ref = { id: batch.id, key: batch.idempotencyKey };
  if (s.state === 'applied') settle(ctx, s.c, { kind: 'done', how: applied, after: s.raw! }, ref);
  else if (s.state === 'changed') settle(ctx, s.c, { kind: 'conflict', current: s.raw! }, ref);
  else if (s.state === 'missing') settle(ctx, s.c, { kind: 'missing' }, ref);
  else
    ctx.ws.outbox.patch(s.c.id, {
      status: 'queued',
      message: `Batch ${batch.id} was interrupted before Xero took this change: sent again in a new request.`,
    });
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * A request under this batch's key reached Xero (Xero refused ours as "used with a different request"): read the
 * contacts back until none is still as reviewed (that request has landed) or LANDING_WAIT_MS has passed, then
 * settle each by what Xero holds. The batch ends `recovered`.
 */
export async function settleAfterLanding(ctx: RunContext, batch: Batch, waitMs = LANDING_WAIT_MS): Promise<void> {
  const { ws } = ctx;
  const sending = ws.outbox.ofBatch(batch.id).filter((c) => c.status === 'sending');
  const until = Date.now() + waitMs;
  ctx.progress({
    phase: 'resume',
    message: `An earlier request of batch ${batch.id} reached Xero: waiting for it to land…`,
    done: 0,
    total: null,
    finished: false,
  });
  let states = await readStates(ctx, sending);
  while (states.some((s) => s.state === 'untouched') && Date.now() < until && !ctx.signal?.aborted) {
    await sleep(POLL_MS, ctx.signal);
    states = await readStates(ctx, sending);
  }
  if (ctx.signal?.aborted && states.some((s) => s.state === 'untouched')) return; // still sending: the next push waits again
  ws.transaction(() => {
    for (const s of states) settleByState(ctx, s, batch, 'landed');
    ws.outbox.finishBatch(batch.id, 'recovered', { keyUsed: true, states: states.map((s) => ({ correctionId: s.c.id, state: s.state })) });
  });
}
