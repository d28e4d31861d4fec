// Suggestions of one bulk apply that pass each on its own but not together: two that set one field of one Xero
// contact to different values, or give one name (among active contacts) or one AccountNumber to two contacts. The
// push's checks would hold both back, so a bulk apply leaves both out for the bookkeeper to decide. Pure.
import type { FieldChange } from '../../shared/review';
import { accountNumberKey, xeroNameKey } from '../../shared/sync-model';

export interface PlannedChanges {
  accountCode: string;
  changes: readonly FieldChange[];
}

type Edit = { accountCode: string; subject: string; field: string; to: string };

/**
 * The accounts whose planned changes clash with another's, each with how (naming the other account). `activeAfter`
 * says whether a contact is active once the changes are made (names are unique among active contacts only).
 */
export function clashesOf(
  planned: readonly PlannedChanges[],
  activeAfter: (subject: string) => boolean,
  /** How the other account's changes are named: "the suggestion for" (a bulk apply), "the decision on". */
  otherOf = 'the suggestion for',
): Map<string, string> {
  const edits: Edit[] = planned.flatMap((p) =>
    p.changes.flatMap((c) =>
      c.target === 'xero' ? [{ accountCode: p.accountCode, subject: c.subject, field: c.field, to: c.to.trim() }] : [],
    ),
  );
  const clashes = new Map<string, string>();
  /** Edits grouped by `key`: where a group holds more than one `value`, each edit clashes with one of another value. */
  const clashing = (key: (e: Edit) => string | null, value: (e: Edit) => string, why: (other: Edit) => string): void => {
    const groups = new Map<string, Edit[]>();
    for (const e of edits) {
      const k = key(e);
      if (k === null) continue;
      const group = groups.get(k);
      if (group) group.push(e);
      else groups.set(k, [e]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const e of group) {
        const other = group.find((o) => value(o) !== value(e));
        if (other && !clashes.has(e.accountCode)) clashes.set(e.accountCode, `${otherOf} ${other.accountCode} ${why(other)}`);
      }
    }
  };
  const subjectOf = (e: Edit) => e.subject.toLowerCase();
  clashing(
    (e) => `${subjectOf(e)}|${e.field}`,
    (e) => e.to,
    (o) => `sets the ${o.field} of the same Xero contact to '${o.to}'`,
  );
  clashing(
    (e) => (e.field === 'AccountNumber' && e.to !== '' ? accountNumberKey(e.to) : null),
    subjectOf,
    (o) => `gives the AccountNumber ${o.to} to another Xero contact`,
  );
  clashing(
    (e) => (e.field === 'Name' && e.to !== '' && activeAfter(e.subject) ? xeroNameKey(e.to) : null),
    subjectOf,
    (o) => `gives the name '${o.to}' to another active Xero contact`,
  );
  return clashes;
}
