// What an undo will write back to Xero, in a bookkeeper's words: the organisation, and for each correction its
// account, its Xero contact and each field as "now → back to". Made from what the screens already hold (the Push
// screen's corrections, or a decision's Xero changes), for the confirmation asked before an undo writes. Pure.
import type { CorrectionView, PushOrganisation } from './contract-outbox';
import { counted, organisationOf } from './push-summary';
import type { FieldChange } from './review';
import { unseenDifference } from './unseen-difference';

/** One field written back: its value in Xero now, the value it goes back to, and '(only the spacing differs)' or ''. */
export interface WriteBack {
  field: string;
  now: string;
  back: string;
  unseen: string;
}

/** One correction undone: its billing account ("C01079 Lutheran Day Nursery") and Xero contact (its name now). */
export interface UndoItem {
  account: string;
  contact: string;
  fields: WriteBack[];
}

export interface UndoSummary {
  organisation: string;
  sandbox: boolean;
  /** Corrections undone (each a change written back). */
  changes: number;
  items: UndoItem[];
}

const writeBack = (e: { field: string; from: string; to: string }): WriteBack => ({
  field: e.field,
  now: e.to,
  back: e.from,
  unseen: unseenDifference(e.to, e.from),
});

/** The undo of Push screen corrections (each undoable: done, written by the reconciler). */
export function undoOfCorrections(corrections: readonly CorrectionView[], org: PushOrganisation | null): UndoSummary {
  return {
    ...organisationOf(org),
    changes: corrections.length,
    items: corrections.map((c) => ({
      account: `${c.accountCode} ${c.accountName}`.trim(),
      contact: c.after?.name || c.reviewed?.name || c.subject,
      fields: c.changes.map(writeBack),
    })),
  };
}

/** The Xero fields a push writes through the API (IsCustomer is a web-app step: never pushed, never undone). */
const WRITTEN_FIELDS: ReadonlySet<string> = new Set(['Name', 'AccountNumber', 'ContactStatus']);

/**
 * The undo of a decision's pushed corrections (`count` of them), from the decision's Xero changes (one correction
 * per field written); `contactName` names a Xero contact by its ContactID (as the review holds it now).
 */
export function undoOfDecision(
  account: string,
  changes: readonly FieldChange[],
  count: number,
  contactName: (contactId: string) => string | undefined,
  org: PushOrganisation | null,
): UndoSummary {
  const bySubject = new Map<string, FieldChange[]>();
  for (const c of changes.filter((x) => x.target === 'xero' && WRITTEN_FIELDS.has(x.field)))
    bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), c]);
  return {
    ...organisationOf(org),
    changes: count,
    items: [...bySubject].map(([subject, edits]) => ({
      account,
      contact: contactName(subject) ?? subject,
      fields: edits.map(writeBack),
    })),
  };
}

/** The confirming action: "Write back 1 change to Demo Company (AU)". */
export const undoConfirmLabel = (s: Pick<UndoSummary, 'organisation' | 'changes'>): string =>
  `Write back ${counted(s.changes, 'change')} to ${s.organisation}`;
