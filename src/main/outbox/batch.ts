// One batch of contacts: re-read them (a contact changed since it was reviewed is a conflict, never overwritten),
// record the request (status sending, the Idempotency-Key, the body) BEFORE sending it, send it, and map Xero's
// per-element answer back to the corrections. Anything that leaves the outcome unknown (a broken connection after
// the retries, 5xx, a killed process) leaves the batch `sending`: the next push re-reads and finishes it.
import type { Batch } from '../db/repos/outbox';
import { XeroApiError } from '../xero/errors';
import { targetState } from './compare';
import { idempotencyKey } from './keys';
import { elementFor, type Correction } from './model';
import { settleAfterLanding, settleByState, type ReadState } from './read-back';
import { settle, type RunContext } from './settle';
import { postContacts, readContacts } from './xero-writes';

/** Xero refused the whole request (4xx other than auth and rate limits): nothing was written. */
function refusedWhole(e: unknown): e is XeroApiError {
  return e instanceof XeroApiError && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status);
}

/** Xero refused it because its Idempotency-Key was used for another request: that one reached Xero. */
function keyTaken(e: unknown): boolean {
  return (
    e instanceof XeroApiError && e.status === 400 && /is used with a different request/i.test(`${e.message} ${JSON.stringify(e.body)}`)
  );
}

/**
 * Sends a recorded batch (first time, or again with the same key) and settles its corrections by Xero's answer;
 * `byState` are corrections of the batch whose contact is not written as planned by this body (read back as
 * changed or already applied): they are settled by what was read, whatever the answer.
 */
export async function sendRecorded(ctx: RunContext, batch: Batch, byState: readonly ReadState[] = []): Promise<void> {
  const { ws } = ctx;
  const label = `POST /Contacts (batch ${batch.id}, ${batch.body.length} contact${batch.body.length === 1 ? '' : 's'})`;
  const ref = { id: batch.id, key: batch.idempotencyKey };
  const readIds = new Set(byState.map((s) => s.c.id));
  let results;
  try {
    results = await postContacts(ctx.client, batch.body, batch.idempotencyKey, label);
  } catch (e) {
    if (keyTaken(e)) return settleAfterLanding(ctx, batch);
    if (!refusedWhole(e)) throw e;
    ws.transaction(() => {
      for (const s of byState) settleByState(ctx, s, batch, 'already');
      for (const c of ws.outbox.ofBatch(batch.id).filter((x) => x.status === 'sending')) {
        settle(
          ctx,
          c,
          {
            kind: 'failed',
            messages: e.validationMessages.length > 0 ? e.validationMessages : [e.message],
            answer: { status: e.status, body: e.body },
          },
          ref,
        );
      }
      ws.outbox.finishBatch(batch.id, 'failed', { status: e.status, body: e.body });
    });
    return;
  }
  ws.transaction(() => {
    // a contact rewritten with its own values (to take the key) is as it was read, with Xero's new timestamp
    const answered = new Map(results.map((r) => [r.contactId.toLowerCase(), r.element]));
    for (const s of byState)
      settleByState(ctx, s.state === 'changed' ? { ...s, raw: answered.get(s.c.subject.toLowerCase()) ?? s.raw } : s, batch, 'already');
    const sending = ws.outbox.ofBatch(batch.id).filter((x) => x.status === 'sending' && !readIds.has(x.id));
    for (const r of results) {
      const mine = sending.filter((c) => c.subject.toLowerCase() === r.contactId.toLowerCase());
      for (const c of mine) {
        if (r.ok) settle(ctx, c, { kind: 'done', how: 'sent', after: r.element }, ref);
        else settle(ctx, c, { kind: 'failed', messages: r.messages, answer: { ValidationErrors: r.element.ValidationErrors ?? [] } }, ref);
      }
    }
    ws.outbox.finishBatch(batch.id, 'answered', { status: 200, elements: results.map((r) => r.element) });
  });
  ctx.tally.batches++;
}

/**
 * One batch of contacts (each with its corrections, all queued): re-read, settle the ones that need no write,
 * record the rest as sending under a new key, then send. `kind` names the batch (push or undo).
 */
export async function sendBatch(ctx: RunContext, groups: readonly Correction[][], kind: Batch['kind']): Promise<void> {
  const { ws } = ctx;
  const current = await readContacts(
    ctx.client,
    groups.map((g) => g[0]!.subject),
    ctx.signal,
  );
  const toSend: Correction[][] = [];
  ws.transaction(() => {
    for (const group of groups) {
      const keep: Correction[] = [];
      for (const c of group) {
        const raw = current.get(c.subject.toLowerCase());
        const state = targetState(raw, c);
        if (state === 'untouched') keep.push(c);
        else if (state === 'applied') settle(ctx, c, { kind: 'done', how: 'already', after: raw! });
        else if (state === 'changed') settle(ctx, c, { kind: 'conflict', current: raw! });
        else settle(ctx, c, { kind: 'missing' });
      }
      if (keep.length > 0) toSend.push(keep);
    }
  });
  if (toSend.length === 0) return;
  const body = toSend.map((g) =>
    elementFor(
      g[0]!.subject,
      g.flatMap((c) => c.changes),
    ),
  );
  const all = toSend.flat();
  const key = idempotencyKey(
    ctx.salt,
    all.map((c) => ({ id: c.id, attempt: c.attempts + 1 })),
    body,
  );
  // Recorded before the request: a push stopped anywhere from here on knows this request may have reached Xero.
  const batchId = ws.db
    .transaction(() => {
      const id = ws.outbox.addBatch(
        kind,
        key,
        body,
        all.map((c) => c.id),
      );
      for (const c of all) ws.outbox.markSending(c.id, id, key);
      return id;
    })
    .immediate();
  await sendRecorded(ctx, ws.outbox.batch(batchId)!);
}
