// The re-read before every write (and after an interruption): is the contact as reviewed, already as planned,
// or changed by someone else? Pure.
import type { Correction, Json } from './model';
import { fieldOf, updatedOf, XERO_FIELDS } from './model';

/**
 * missing: Xero no longer has the contact; applied: every planned field already holds its new value (the write
 * landed, or someone made the same change); untouched: the contact is the version that was reviewed; changed:
 * someone else changed it since (a conflict: never overwritten).
 */
export type TargetState = 'missing' | 'applied' | 'untouched' | 'changed';

export type Comparable = Pick<Correction, 'changes' | 'before' | 'reviewedUpdatedUtc'>;

export function isApplied(current: Json, c: Pick<Correction, 'changes'>): boolean {
  return c.changes.length > 0 && c.changes.every((e) => fieldOf(current, e.field) === e.to.trim());
}

/** Same version: the same UpdatedDateUTC when both are known, else the same Name, AccountNumber and status. */
export function isUntouched(current: Json, c: Pick<Correction, 'before' | 'reviewedUpdatedUtc'>): boolean {
  const now = updatedOf(current);
  if (c.reviewedUpdatedUtc !== '' && now !== '') return now === c.reviewedUpdatedUtc;
  if (!c.before) return false;
  return XERO_FIELDS.every((f) => fieldOf(current, f) === fieldOf(c.before!, f));
}

export function targetState(current: Json | undefined, c: Comparable): TargetState {
  if (!current) return 'missing';
  if (isApplied(current, c)) return 'applied';
  return isUntouched(current, c) ? 'untouched' : 'changed';
}

/** One line saying what changed since the review, for a conflict. */
export function describeConflict(current: Json, c: Comparable): string {
  const diffs = XERO_FIELDS.filter((f) => c.before && fieldOf(current, f) !== fieldOf(c.before, f)).map(
    (f) => `${f} "${fieldOf(c.before!, f)}" → "${fieldOf(current, f)}"`,
  );
  const when = updatedOf(current);
  const what = diffs.length > 0 ? diffs.join(', ') : 'other fields';
  return `Changed in Xero since it was reviewed (${what}${when ? `, at ${when}` : ''}): not overwritten. Compare both sides, then retry (keeping Xero's current contact as the base) or decide again.`;
}
