// Whether an account's two names need a look before a rename is accepted: the name-quality verdict for the finding
// kinds whose accept renames a side, and the one line the table, the detail and the bulk preview show for it.
import type { BillingAccount, Finding, FindingKind } from '../../shared/domain';
import { mayRename } from '../../shared/decision-rules';
import type { NameCheck } from '../../shared/review';
import { targetContactId } from './changes';
import { compareNames, lossLabel, type NameVerdict } from './name-quality';

/** The verdict on the CocoonOPS name and the name of the Xero contact a rename would touch; null when none applies. */
export function nameVerdictOf(
  kind: FindingKind | null,
  accountName: string,
  contactName: string | null | undefined,
  compare = compareNames,
): NameVerdict | null {
  if (!mayRename(kind) || !contactName) return null;
  return compare(accountName, contactName);
}

/** "CocoonOPS name lost a character", losses of characters first; null when no name lost anything. */
export function lookOf(verdict: NameVerdict | null): string | null {
  if (!verdict || verdict.losses.length === 0) return null;
  const order = (k: string) => (k === 'dropped_words' ? 1 : 0);
  const labels = [...verdict.losses].sort((a, b) => order(a.kind) - order(b.kind)).map(lossLabel);
  return [...new Set(labels)].join('; ');
}

/** The verdict for an account's finding: its name against the Xero contact a rename would touch (changes.ts). */
export function findingNameVerdict(
  account: BillingAccount,
  finding: Finding | undefined,
  contactName: (id: string) => string | undefined,
  compare = compareNames,
): NameVerdict | null {
  const id = targetContactId('rename_in_xero', finding);
  return nameVerdictOf(finding?.kind ?? null, account.name, id === null ? undefined : contactName(id), compare);
}

/** The verdict as the contract carries it (each loss with its label). */
export function toNameCheck(verdict: NameVerdict | null): NameCheck | null {
  return verdict && { better: verdict.better, losses: verdict.losses.map((l) => ({ ...l, label: lossLabel(l) })) };
}
