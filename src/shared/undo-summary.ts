// What an undo will write back to Xero, in a bookkeeper's words: the organisation, and for each correction its
// account, its Xero contact and each field as "now → back to". Made from what the screens already hold (the Push
// screen's corrections, or a decision's undoable corrections), for the confirmation asked before an undo writes. Pure.
import type { CorrectionView, PushOrganisation } from './contract-outbox';
import { counted, organisationOf } from './push-summary';
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
      contact: c.contactName || c.subject,
      fields: c.changes.map(writeBack),
    })),
  };
}

/**
 * The undo of a decision's pushed corrections (the detail's `undoable`: each its contact and what it wrote), for the
 * billing account `account`; `contactName` names a Xero contact by its ContactID (as the review holds it now).
 */
export function undoOfDecision(
  account: string,
  corrections: readonly { subject: string; changes: readonly { field: string; from: string; to: string }[] }[],
  contactName: (contactId: string) => string | undefined,
  org: PushOrganisation | null,
): UndoSummary {
  const bySubject = new Map<string, WriteBack[]>();
  for (const c of corrections) bySubject.set(c.subject, [...(bySubject.get(c.subject) ?? []), ...c.changes.map(writeBack)]);
  return {
    ...organisationOf(org),
    changes: corrections.length,
    items: [...bySubject].map(([subject, fields]) => ({ account, contact: contactName(subject) ?? subject, fields })),
  };
}

/** The confirming action: "Write back 1 change to Demo Company (AU)". */
export const undoConfirmLabel = (s: Pick<UndoSummary, 'organisation' | 'changes'>): string =>
  `Write back ${counted(s.changes, 'change')} to ${s.organisation}`;
