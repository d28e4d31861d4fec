// How many calls to Xero a push of this plan will make (pure): per batch of up to 50 contacts one read (is it still
// as reviewed?) and one write, then one read back per 50 contacts written; a batch an interrupted push left
// `sending` is read and written once more; contacts written earlier but not yet read back are read too.
import type { PushPlan } from '../../shared/contract-outbox';
import type { Workspace } from '../db';
import { isApiCorrection } from './model';
import { MAX_BATCH } from './xero-writes';

export interface PushCallsInput {
  /** Contacts the push writes (the plan's `contacts`). */
  contacts: number;
  /** Batches left `sending` by an interrupted push. */
  sendingBatches: number;
  /** Contacts of settled corrections not yet read back. */
  toReadBack: number;
  batchSize?: number;
}

export function pushCalls(p: PushCallsInput): number {
  const size = Math.max(1, Math.min(MAX_BATCH, p.batchSize ?? MAX_BATCH));
  const batches = Math.ceil(p.contacts / size);
  const readBack = Math.ceil((p.contacts + p.toReadBack) / MAX_BATCH);
  return 2 * batches + 2 * p.sendingBatches + readBack;
}

/** The calls a push of `plan` makes in this workspace. */
export function planPushCalls(ws: Workspace, plan: Pick<PushPlan, 'contacts'>, batchSize?: number): number {
  const toReadBack = new Set(ws.outbox.needingResync().map((c) => c.subject.toLowerCase())).size;
  return pushCalls({ contacts: plan.contacts, sendingBatches: ws.outbox.batches('sending').length, toReadBack, batchSize });
}

/** After a push stopped: how many Xero changes are still to write (queued, or in a batch to finish), in words. */
export function queuedLeft(ws: Workspace): string {
  const left = [...ws.outbox.list({ status: 'queued' }), ...ws.outbox.list({ status: 'sending' })].filter(isApiCorrection).length;
  return left === 0
    ? 'Every change was written to Xero; reading the contacts back is left'
    : `The ${left.toLocaleString('en-GB')} change${left === 1 ? '' : 's'} not yet written to Xero stay queued`;
}
