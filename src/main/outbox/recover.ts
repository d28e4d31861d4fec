// Finishing what an interrupted push left `sending` (network cut, process killed, Xero down). The request may have
// landed, may never have reached Xero, or may still be on its way and land later, so the batch's Idempotency-Key is
// used once more before anything of it is decided:
// - every contact holds its planned values: the request landed (done);
// - every contact is still as reviewed: the very same request again, same key and body (Xero replays its answer
//   if it had one, else writes once);
// - otherwise (someone changed a contact, or part landed): under the SAME key, a request that writes only the
//   contacts still as reviewed (with none, one changed contact rewritten with its own values). If Xero takes it,
//   the interrupted request can no longer land (its key is taken); if Xero says the key was used for another
//   request, that one reached Xero: wait for it to land, then settle by reading back (read-back.ts).
// A change is called a conflict only on a contact read back in this push. Nothing is written twice, nothing lost.
import type { Batch } from '../db/repos/outbox';
import { sendRecorded } from './batch';
import { elementFor, fieldOf, groupBySubject, type Correction, type Json } from './model';
import { readStates, settleByState, type ReadState } from './read-back';
import type { RunContext } from './settle';

const planned = (group: readonly ReadState[]): Json =>
  elementFor(
    group[0]!.c.subject,
    group.flatMap((s) => s.c.changes),
  );

/** The contact's planned fields with the values Xero holds now: writing it changes nothing but takes the key. */
function asItIs(s: ReadState): Json {
  return elementFor(
    s.c.subject,
    s.c.changes.map((e) => ({ ...e, to: fieldOf(s.raw!, e.field) })),
  );
}

/** The request to send under the batch's key: the planned contacts still as reviewed, and what is settled by reading. */
function takeOver(states: readonly ReadState[]): { body: Json[]; byState: ReadState[] } {
  const groups = groupBySubject(states, (s) => s.c.subject);
  const writable = groups.filter((g) => g.every((s) => s.state === 'untouched'));
  const byState = groups.filter((g) => !writable.includes(g)).flat();
  const body = writable.map(planned);
  if (body.length === 0) {
    const holder = byState.find((s) => s.raw !== undefined);
    if (holder) body.push(asItIs(holder));
  }
  return { body, byState };
}

async function recoverBatch(ctx: RunContext, batch: Batch): Promise<void> {
  const { ws } = ctx;
  const sending: Correction[] = ws.outbox.ofBatch(batch.id).filter((c) => c.status === 'sending');
  if (sending.length === 0) {
    ws.outbox.finishBatch(batch.id, 'recovered', { note: 'nothing left to finish' });
    return;
  }
  const states = await readStates(ctx, sending);
  const settled = (): number => ctx.tally.done + ctx.tally.alreadyApplied + ctx.tally.failed + ctx.tally.conflicts;
  const before = settled();
  if (states.every((s) => s.state === 'applied' || s.state === 'missing')) {
    ws.transaction(() => {
      for (const s of states) settleByState(ctx, s, batch, 'landed');
      ws.outbox.finishBatch(batch.id, 'recovered', { states: states.map((s) => ({ correctionId: s.c.id, state: s.state })) });
    });
  } else {
    const { body, byState } = takeOver(states);
    if (JSON.stringify(body) === JSON.stringify(batch.body)) {
      ws.outbox.countResend(batch.id); // the very same request again
      await sendRecorded(ctx, batch);
    } else {
      ws.outbox.resendAs(batch.id, body); // recorded before it is sent, like every request
      await sendRecorded(ctx, { ...batch, body }, byState);
    }
  }
  ctx.tally.resumed += settled() - before;
}

/** Every batch still `sending`, oldest first. Returns how many there were. */
export async function resumeInterrupted(ctx: RunContext): Promise<number> {
  const batches = ctx.ws.outbox.batches('sending');
  for (const [i, batch] of batches.entries()) {
    ctx.progress({
      phase: 'resume',
      message: `Finishing an interrupted push (batch ${batch.id})…`,
      done: i,
      total: batches.length,
      finished: false,
    });
    await recoverBatch(ctx, batch);
  }
  return batches.length;
}
