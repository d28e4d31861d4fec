// Which decisions fit which finding: shared by the core (which enforces it) and the UI (which offers it).
// No zod here (types only), so the renderer bundle stays small.
import type { FindingKind, SuggestedFix } from './domain';
import type { DecisionAction } from './review';

/** domain.ts's FINDING_KINDS and FAILING_KINDS without zod (a test checks they stay equal). */
export const KINDS = [
  'ok',
  'name_mismatch',
  'archived_holder',
  'code_missing',
  'code_conflict',
  'not_in_xero',
  'ambiguous',
  'not_customer',
  'code_differs',
] as const satisfies readonly FindingKind[];
export const FAILING: readonly FindingKind[] = ['name_mismatch', 'archived_holder', 'code_conflict', 'not_customer'];

/** The review's default order: failing kinds first, then the ones needing a look, then ok (no finding: last). */
export const KIND_RANK: Record<FindingKind, number> = {
  name_mismatch: 0,
  archived_holder: 1,
  code_conflict: 2,
  not_customer: 3,
  code_missing: 4,
  code_differs: 5,
  ambiguous: 6,
  not_in_xero: 7,
  ok: 8,
};
export const rankOf = (kind: FindingKind | null): number => (kind === null ? 99 : KIND_RANK[kind]);

/** What "accept" may do per finding kind, the suggestion first. */
const ACCEPT_ACTIONS: Record<FindingKind, readonly DecisionAction[]> = {
  ok: [],
  name_mismatch: ['rename_in_xero', 'rename_in_cocoon', 'different_business'],
  archived_holder: ['restore_in_xero', 'recode_in_cocoon'],
  code_missing: ['set_account_number', 'different_business'],
  code_conflict: ['use_contact_code', 'free_code', 'recode_in_cocoon', 'different_business'],
  not_in_xero: ['create_in_xero'],
  ambiguous: [],
  not_customer: ['mark_customer', 'different_business'],
  code_differs: ['recode_in_cocoon'],
};

/**
 * An archived holder merged into another contact in Xero: the fix is made on the surviving contact (its code, with
 * the names made equal; or a rename on either side), never by restoring the merged-away one, nor by a new code (the
 * sync would then create yet another contact for the business).
 */
const FOLLOW_MERGE: readonly DecisionAction[] = ['set_account_number', 'rename_in_xero', 'rename_in_cocoon'];

/**
 * A code conflict's other contact: the one the account matches as the same business (under another name, since no
 * contact has the account's name), and whether it has an AccountNumber of its own. 'none': Xero has no such contact.
 */
export type ConflictMatch = 'none' | 'no_code' | 'has_code';

/**
 * A code conflict's fixes, the suggestion first. Xero files an invoice by name (docs/sync-model.md), so a brand-new
 * code alone makes the sync create a second contact for a business Xero already has: when Xero has it, the fixes
 * that keep one contact come first (its own code; else the code freed from the holder and given to it).
 */
const CONFLICT_ACTIONS: Record<ConflictMatch, readonly DecisionAction[]> = {
  has_code: ['use_contact_code', 'free_code', 'recode_in_cocoon', 'different_business'],
  no_code: ['free_code', 'recode_in_cocoon', 'different_business'],
  none: ['recode_in_cocoon', 'free_code', 'different_business'],
};

/**
 * Actions that "accept" may take for a finding kind (empty: nothing to accept, or a person must link by hand); `fix`
 * is the finding's suggested fix, which tells a merged-away archived holder from the others.
 */
export function acceptActions(kind: FindingKind | null, fix?: SuggestedFix | null): readonly DecisionAction[] {
  if (kind === 'archived_holder' && fix === 'follow_merge') return FOLLOW_MERGE;
  return kind === null ? [] : ACCEPT_ACTIONS[kind];
}

/** The suggested action (what bulk accept does), or null when there is none. */
export function suggestedAction(kind: FindingKind | null): DecisionAction | null {
  return acceptActions(kind)[0] ?? null;
}

/**
 * The actions for a finding once it is known which name keeps more information (src/main/review/name-quality.ts):
 * the suggested rename writes the better name over the worse one, never the reverse. `better` null: as acceptActions.
 */
export function acceptActionsFor(
  kind: FindingKind | null,
  better: 'cocoon' | 'xero' | null,
  fix?: SuggestedFix | null,
  conflict?: ConflictMatch,
): readonly DecisionAction[] {
  if (kind === 'code_conflict' && conflict) return CONFLICT_ACTIONS[conflict];
  const actions = acceptActions(kind, fix);
  // Following a merge, setting the code on the survivor comes first: it renames towards the better name itself.
  if (fix === 'follow_merge') return actions;
  const first: DecisionAction | null = better === 'xero' ? 'rename_in_cocoon' : better === 'cocoon' ? 'rename_in_xero' : null;
  if (first === null || !actions.includes(first)) return actions;
  return [first, ...actions.filter((a) => a !== first)];
}

/** True when accepting may rename one side (and so the two names' quality matters). */
export const mayRename = (kind: FindingKind | null): boolean =>
  acceptActions(kind).some((a) => a === 'rename_in_xero' || a === 'rename_in_cocoon');

/** True when `action` may be recorded for a finding of `kind` (ignore and link always may). */
export function actionAllowed(kind: FindingKind | null, action: DecisionAction, fix?: SuggestedFix | null): boolean {
  return action === 'ignore' || action === 'link' || acceptActions(kind, fix).includes(action);
}

export const ACTION_LABELS: Record<DecisionAction, string> = {
  rename_in_xero: 'Rename in Xero',
  rename_in_cocoon: 'Rename in CocoonOPS',
  set_account_number: 'Set AccountNumber in Xero',
  restore_in_xero: 'Restore the archived contact in Xero',
  mark_customer: 'Make it a customer in Xero',
  recode_in_cocoon: 'Give the account a new code in CocoonOPS',
  use_contact_code: "Use the code Xero's matching contact already has",
  free_code: 'Free the code from the contact that holds it',
  create_in_xero: 'Let the sync create it in Xero',
  different_business: 'Different business',
  link: 'Linked by hand',
  ignore: 'Ignored',
};

/** A finding kind, as its badge, filter and dashboard card name it (corrections have CORRECTION_KIND_LABELS). */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  ok: 'OK',
  name_mismatch: 'Name mismatch',
  archived_holder: 'Archived holder',
  code_missing: 'Code missing',
  code_conflict: 'Code conflict',
  not_in_xero: 'Not in Xero',
  ambiguous: 'Ambiguous',
  not_customer: 'Not a customer',
  code_differs: 'Code differs',
};
