// Stored decisions → the contract's DecisionView (the payload holds the field changes it asks for).
import type { Decision } from '../db';
import { DecisionAction, FieldChange, type DecisionView } from '../../shared/review';
import { z } from 'zod';

/**
 * What a decision stores beside its action: the changes, and the contact's Xero timestamp when reviewed; a decision
 * that also writes to another contact (freeing a code from its holder) keeps that one's timestamp too, by ContactID.
 */
export const DecisionPayload = z.object({
  changes: z.array(FieldChange).default([]),
  contactUpdatedDateUtc: z.string().nullable().default(null),
  otherUpdatedDateUtc: z.record(z.string(), z.string()).optional(),
});
export type DecisionPayload = z.infer<typeof DecisionPayload>;

export function toDecisionView(d: Decision): DecisionView {
  const payload = DecisionPayload.safeParse(d.payload ?? {});
  const action = DecisionAction.safeParse(d.action);
  return {
    id: d.id,
    // Another tool may have written an action this version does not know: show it as an ignore, never drop it.
    action: action.success ? action.data : 'ignore',
    xeroContactId: d.xeroContactId,
    note: d.note,
    source: d.source,
    createdAt: d.createdAt,
    undoneAt: d.undoneAt,
    changes: payload.success ? payload.data.changes : [],
    batchId: d.batchId,
  };
}
