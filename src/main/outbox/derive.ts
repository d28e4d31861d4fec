// Decisions → corrections. A decision's payload holds the field changes accepted in the review (and the contact's
// UpdatedDateUTC as reviewed); each becomes one correction: a Xero write (rename, AccountNumber, restore), a step in
// the Xero web app (make a customer, free an archived contact's AccountNumber), or a CocoonOPS step (rename, recode), plus "re-send the failed invoices" for
// an account whose sync fails today. Pure.
import type { CorrectionKind, CorrectionTarget, FieldEdit } from '../../shared/contract-outbox';
import { FAILING_KINDS, type BillingAccount, type Finding } from '../../shared/domain';
import type { FieldChange } from '../../shared/review';
import type { FindingSnapshot, NewCorrection } from '../db/repos/outbox';
import { readDecisionPayload } from '../review/decision-view';
import { fieldOf, KIND_OF_COCOON_FIELD, KIND_OF_XERO_FIELD, type Json } from './model';

export interface DecisionFacts {
  /** The action is not read (the payload's changes say what to correct): a caller may leave it out. */
  decision: { id: number; accountCode: string; action?: string; payload: unknown };
  account: Pick<BillingAccount, 'name'> | undefined;
  finding: Pick<Finding, 'kind' | 'explanation'> | undefined;
  /** The raw Xero contact the workspace holds (undefined when unknown). */
  rawContact: (contactId: string) => Json | undefined;
}

export type DraftCorrection = NewCorrection & { decisionId: number; finding: FindingSnapshot };

export const draftKey = (d: { decisionId: number | null; target: CorrectionTarget; subject: string; kind: CorrectionKind }): string =>
  `${d.decisionId}|${d.target}|${d.subject.toLowerCase()}|${d.kind}`;

function snapshot(f: DecisionFacts): FindingSnapshot {
  return { kind: f.finding?.kind ?? null, explanation: f.finding?.explanation ?? '', accountName: f.account?.name ?? '' };
}

/** The corrections one decision asks for (none for ignore, different business, create-in-Xero). */
export function draftsFor(f: DecisionFacts): DraftCorrection[] {
  const payload = readDecisionPayload(f.decision.payload);
  if (!payload) return [];
  const { changes, contactUpdatedDateUtc, otherUpdatedDateUtc = {} } = payload;
  const finding = snapshot(f);
  const { id: decisionId, accountCode } = f.decision;
  const drafts: DraftCorrection[] = [];
  const seen = new Set<string>();
  const push = (d: DraftCorrection): void => {
    const key = draftKey(d);
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push(d);
  };
  // Each draft an object literal of its own (spreading a shared base costs more than the rest of the draft, at 10,000 decisions).
  for (const change of changes as FieldChange[]) {
    const edit: FieldEdit = { field: change.field, from: change.from, to: change.to };
    if (change.target === 'xero') {
      const raw = f.rawContact(change.subject);
      // Clearing the number an archived contact holds is a step for the web app (whether the API may write an
      // archived contact is unconfirmed; docs/xero-behaviour.md, "Merges"), so it goes to the checklist.
      const archived = raw !== undefined && fieldOf(raw, 'ContactStatus') !== 'ACTIVE';
      const kind =
        change.field === 'AccountNumber' && change.to.trim() === '' && archived ? 'free_number' : KIND_OF_XERO_FIELD[change.field];
      if (!kind) continue;
      push({
        decisionId,
        accountCode,
        finding,
        target: 'xero',
        subject: change.subject,
        kind,
        changes: [edit],
        before: raw ?? null,
        // The contact as reviewed: the decision's own, or another it writes to (the holder a code is freed from).
        reviewedUpdatedUtc: otherUpdatedDateUtc[change.subject] ?? contactUpdatedDateUtc ?? '',
      });
    } else {
      const kind = KIND_OF_COCOON_FIELD[change.field];
      if (kind) push({ decisionId, accountCode, finding, target: 'cocoon', subject: change.subject, kind, changes: [edit] });
    }
  }
  if (drafts.length > 0 && f.finding && FAILING_KINDS.includes(f.finding.kind)) {
    push({ decisionId, accountCode, finding, target: 'cocoon', subject: accountCode, kind: 'resend', changes: [] });
  }
  return drafts;
}
