// What each finding kind means, in one place: the one-line tooltip of its badge and card, the Xero error it causes on
// the next sync (Xero's own words, from the sync model), and the usual fix. The `?` overlay lists them all. Pure;
// no zod, so the renderer bundle stays small.
import type { FindingKind, SuggestedFix } from './domain';
import type { XeroTrust } from './review';
import { FINDING_KIND_LABELS, KIND_RANK, KINDS } from './decision-rules';
import { XERO_MESSAGES } from './sync-model';

export interface KindGlossary {
  /** The badge's text ("Name mismatch"). */
  label: string;
  /** One line: what was found and what the sync does with it. */
  tooltip: string;
  /** Xero's message when the sync fails; otherwise what happens instead, in words. */
  outcome: string;
  /** The usual fix, in one line. */
  fix: string;
}

export const FINDING_GLOSSARY: Readonly<Record<FindingKind, KindGlossary>> = {
  name_mismatch: {
    label: FINDING_KIND_LABELS.name_mismatch,
    tooltip: 'No Xero contact has this name, and the contact holding the code is the same business under another name: the sync will fail.',
    outcome: `“${XERO_MESSAGES.accountNumberTaken}”`,
    fix: 'Rename on whichever side is wrong, so that both names are the same.',
  },
  archived_holder: {
    label: FINDING_KIND_LABELS.archived_holder,
    tooltip: 'The Xero contact with this name, or the one holding this code, is archived: Xero will not use it.',
    outcome: `“${XERO_MESSAGES.archivedContact}” (or “${XERO_MESSAGES.accountNumberTaken}”)`,
    fix: 'Restore the contact in Xero, and make both names the same.',
  },
  code_conflict: {
    label: FINDING_KIND_LABELS.code_conflict,
    tooltip: 'No Xero contact has this name, and the code is held by an unrelated business: the sync will fail.',
    outcome: `“${XERO_MESSAGES.accountNumberTaken}”`,
    fix: 'Use the code Xero’s matching contact already has, or free the code from the unrelated holder.',
  },
  not_customer: {
    label: FINDING_KIND_LABELS.not_customer,
    tooltip: 'The contact has this name and code but is not a customer in Xero: CocoonOPS works with customers only, so the sync may fail.',
    outcome: 'No Xero error; CocoonOPS may refuse the contact (it works with customers only).',
    fix: 'Make the contact a customer in Xero.',
  },
  code_missing: {
    label: FINDING_KIND_LABELS.code_missing,
    tooltip:
      'Xero has this business without this code (no account number, or under another name): the sync passes, but may create a second contact.',
    outcome: 'Passes; a second contact is created when Xero has the business under another name.',
    fix: 'Set the account number in Xero, and make both names the same.',
  },
  code_differs: {
    label: FINDING_KIND_LABELS.code_differs,
    tooltip: 'Invoices go to the Xero contact of this name, whose account number is another code: the sync passes.',
    outcome: 'Passes: the invoice is filed to the contact of that name.',
    fix: 'Use that contact’s code in CocoonOPS.',
  },
  ambiguous: {
    label: FINDING_KIND_LABELS.ambiguous,
    tooltip: 'Several Xero contacts match about equally: the sync will create yet another one.',
    outcome: 'Passes, creating a new contact.',
    fix: 'Choose the right contact by hand (and merge the duplicates in Xero).',
  },
  not_in_xero: {
    label: FINDING_KIND_LABELS.not_in_xero,
    tooltip: 'Nothing in Xero matches: the sync will create a new contact.',
    outcome: 'Passes, creating a new contact.',
    fix: 'Nothing (check that Xero has no near-duplicate).',
  },
  ok: {
    label: FINDING_KIND_LABELS.ok,
    tooltip: 'The Xero contact of this name holds this code: invoices sync.',
    outcome: 'Passes.',
    fix: 'Nothing.',
  },
};

/** The kinds in the order the review ranks them (failing first). */
export const GLOSSARY_ORDER: readonly FindingKind[] = [...KINDS].sort((a, b) => KIND_RANK[a] - KIND_RANK[b]);

/**
 * The finding as the review table labels it (its badge, and the exports of the table): the kind's label, "No Xero
 * data" / "Not matched yet" without a finding, "Not in Xero?" while the Xero data is incomplete, "Merged holder" for
 * an archived holder merged into another contact.
 */
export function findingLabel(kind: FindingKind | null, xeroTrust: XeroTrust = 'complete', fix: SuggestedFix | null = null): string {
  if (kind === null) return xeroTrust === 'missing' ? 'No Xero data' : 'Not matched yet';
  if (kind === 'not_in_xero' && xeroTrust !== 'complete') return 'Not in Xero?';
  if (fix === 'follow_merge') return 'Merged holder';
  return FINDING_GLOSSARY[kind].label;
}
