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

const CHANGE_KEYS = ['target', 'subject', 'field', 'from', 'to'] as const;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A change exactly as the app writes one: the five fields, strings, nothing else (what FieldChange parses unchanged). */
const isStoredChange = (c: unknown): boolean =>
  isPlain(c) &&
  (c.target === 'xero' || c.target === 'cocoon') &&
  Object.keys(c).length === 5 &&
  CHANGE_KEYS.every((k) => typeof c[k] === 'string');
const PAYLOAD_KEYS = new Set(['changes', 'contactUpdatedDateUtc', 'otherUpdatedDateUtc']);

/**
 * A stored payload as DecisionPayload parses it (null when it does not), without running the schema over the ones in
 * the shape the app itself stores (a plain check, the same verdict and data: a plan reads 10,000 of them at a time).
 * Anything else (another version's payload, a hand edit) goes through the schema.
 */
export function readDecisionPayload(value: unknown): DecisionPayload | null {
  const p = value ?? {};
  if (isPlain(p) && Object.keys(p).every((k) => PAYLOAD_KEYS.has(k))) {
    const { changes = [], contactUpdatedDateUtc = null, otherUpdatedDateUtc } = p;
    if (
      Array.isArray(changes) &&
      changes.every(isStoredChange) &&
      (contactUpdatedDateUtc === null || typeof contactUpdatedDateUtc === 'string') &&
      (otherUpdatedDateUtc === undefined ||
        (isPlain(otherUpdatedDateUtc) && Object.values(otherUpdatedDateUtc).every((v) => typeof v === 'string')))
    ) {
      const out: DecisionPayload = { changes: changes as DecisionPayload['changes'], contactUpdatedDateUtc };
      if (otherUpdatedDateUtc !== undefined) out.otherUpdatedDateUtc = otherUpdatedDateUtc as Record<string, string>;
      return out;
    }
  }
  const parsed = DecisionPayload.safeParse(p);
  return parsed.success ? parsed.data : null;
}

/** The decision's action; another tool may have written one this version does not know: shown as an ignore, never dropped. */
export function actionOf(d: Pick<Decision, 'action'>): DecisionView['action'] {
  const action = DecisionAction.safeParse(d.action);
  return action.success ? action.data : 'ignore';
}

export function toDecisionView(d: Decision): DecisionView {
  const payload = readDecisionPayload(d.payload);
  return {
    id: d.id,
    action: actionOf(d),
    xeroContactId: d.xeroContactId,
    note: d.note,
    source: d.source,
    createdAt: d.createdAt,
    undoneAt: d.undoneAt,
    changes: payload ? payload.changes : [],
    batchId: d.batchId,
  };
}
