// Finishing what an interrupted push left `sending` (network cut, process killed, Xero down): re-read the contacts
// and decide, per correction, whether the write landed (every planned field holds its new value: done), did not
// (the contact is the reviewed version), or someone else changed the contact (a conflict). When nothing landed,
// the very same request is sent again with the SAME Idempotency-Key; otherwise the corrections that did not land
// go back to the queue (a new request, a new key). Nothing is written twice, nothing is lost.
import type { Batch } from '../db/repos/outbox';
import { sendRecorded } from './batch';
import { targetState, type TargetState } from './compare';
import { settle, type RunContext } from './settle';
import { readContacts } from './xero-writes';

async function recoverBatch(ctx: RunContext, batch: Batch): Promise<void> {
  const { ws } = ctx;
  const sending = ws.outbox.ofBatch(batch.id).filter((c) => c.status === 'sending');
  if (sending.length === 0) {
    ws.outbox.finishBatch(batch.id, 'recovered', { note: 'nothing left to finish' });
    return;
  }
  const current = await readContacts(ctx.client, sending.map((c) => c.subject), ctx.signal);
  const states = sending.map((c) => ({ c, raw: current.get(c.subject.toLowerCase()), state: targetState(current.get(c.subject.toLowerCase()), c) as TargetState }));
  const whole = sending.length === batch.correctionIds.length;
  if (whole && states.every((s) => s.state === 'untouched')) {
    // Nothing landed: the same request again, same key and body (Xero replays its answer if it had one).
    ws.outbox.countResend(batch.id);
    const before = ctx.tally.done + ctx.tally.failed;
    await sendRecorded(ctx, batch);
    ctx.tally.resumed += ctx.tally.done + ctx.tally.failed - before;
    return;
  }
  ws.transaction(() => {
    const ref = { id: batch.id, key: batch.idempotencyKey };
    for (const { c, raw, state } of states) {
      if (state === 'applied') settle(ctx, c, { kind: 'done', how: 'landed', after: raw! }, ref);
      else if (state === 'changed') settle(ctx, c, { kind: 'conflict', current: raw! }, ref);
      else if (state === 'missing') settle(ctx, c, { kind: 'missing' }, ref);
      else ws.outbox.patch(c.id, { status: 'queued', message: `Batch ${batch.id} was interrupted before Xero took this change: sent again in a new request.` });
    }
    ws.outbox.finishBatch(batch.id, 'recovered', { states: states.map((s) => ({ correctionId: s.c.id, state: s.state })) });
  });
}

/** Every batch still `sending`, oldest first. Returns how many there were. */
export async function resumeInterrupted(ctx: RunContext): Promise<number> {
  const batches = ctx.ws.outbox.batches('sending');
  for (const [i, batch] of batches.entries()) {
    ctx.progress({ phase: 'resume', message: `Finishing an interrupted push (batch ${batch.id})…`, done: i, total: batches.length, finished: false });
    await recoverBatch(ctx, batch);
  }
  return batches.length;
}
