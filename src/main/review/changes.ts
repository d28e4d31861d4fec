// What a decision asks to change, on which side: the input of the corrections outbox (Xero) and of the
// CocoonOPS checklist. Pure: records in, changes out.
import type { BillingAccount, Finding, XeroContact } from '../../shared/domain';
import type { DecisionAction, FieldChange } from '../../shared/review';
import { xeroNameKey } from '../../shared/sync-model';
import { unseenDifference } from '../../shared/unseen-difference';

export interface ChangeContext {
  account: BillingAccount;
  finding: Finding | undefined;
  /** The contact the action is about (see targetContactId). */
  contact: XeroContact | undefined;
  /** Which of the two names keeps more information (name-quality.ts), when one does. */
  better?: 'cocoon' | 'xero' | null;
  /** The contact holding the account's code, when it is another than `contact` (freeing the code clears it there). */
  holder?: XeroContact;
}

/** The Xero contact an action is about: the hand-picked one for a link, the code holder for a restore, else the finding's. */
export function targetContactId(action: DecisionAction, finding: Finding | undefined, chosen?: string): string | null {
  if (action === 'link') return chosen ?? null;
  if (!finding) return null;
  if (action === 'restore_in_xero') return finding.xeroContactId ?? finding.codeHolderId;
  // A code conflict's matching contact (same business, another name): none when Xero has no such contact.
  if (action === 'use_contact_code' || action === 'free_code') return finding.xeroContactId;
  // Use the code of the same-name contact the invoices are filed to; else the code's holder is the one in the way.
  if (action === 'recode_in_cocoon')
    return finding.kind === 'code_differs' ? finding.xeroContactId : (finding.codeHolderId ?? finding.xeroContactId);
  return finding.xeroContactId ?? finding.codeHolderId ?? finding.candidates[0]?.contactId ?? null;
}

export function changesFor(action: DecisionAction, { account, finding, contact, better = null, holder }: ChangeContext): FieldChange[] {
  const xero = (field: string, from: string, to: string): FieldChange[] =>
    contact ? [{ target: 'xero', subject: contact.contactId, field, from, to }] : [];
  const cocoon = (field: string, from: string, to: string): FieldChange[] => [{ target: 'cocoon', subject: account.code, field, from, to }];
  // Xero finds the contact by name (sync-model.ts): a code put on, or a contact restored under, another name still
  // fails. So such a fix renames too, as one decision, towards the name that keeps more information.
  const sameName = (): FieldChange[] => {
    if (!contact || xeroNameKey(contact.name) === xeroNameKey(account.name)) return [];
    return better === 'xero' ? cocoon('name', account.name, contact.name) : xero('Name', contact.name, account.name);
  };
  // Once the names agree, CocoonOPS works with the contact only if it is a customer: make it one in the same decision.
  const customer = (): FieldChange[] => (contact && !contact.isCustomer ? xero('IsCustomer', 'false', 'true') : []);
  switch (action) {
    case 'rename_in_xero':
      return [...xero('Name', contact?.name ?? '', account.name), ...customer()];
    case 'rename_in_cocoon':
      return contact ? [...cocoon('name', account.name, contact.name), ...customer()] : [];
    case 'set_account_number':
      return [...xero('AccountNumber', contact?.accountNumber ?? '', account.code), ...sameName(), ...customer()];
    case 'restore_in_xero':
      return [...xero('ContactStatus', contact?.status ?? 'ARCHIVED', 'ACTIVE'), ...sameName(), ...customer()];
    case 'mark_customer':
      return xero('IsCustomer', String(contact?.isCustomer ?? false), 'true');
    case 'recode_in_cocoon':
      // '' = a new code, chosen in CocoonOPS.
      return cocoon('code', account.code, finding?.kind === 'code_differs' && contact ? contact.accountNumber.trim() : '');
    case 'use_contact_code':
      // Invoices are filed by name: the code of the matching contact helps only once the names are equal too.
      return contact && contact.accountNumber.trim() !== ''
        ? [...cocoon('code', account.code, contact.accountNumber.trim()), ...sameName(), ...customer()]
        : [];
    case 'free_code': {
      // Clear the code on its holder (a Xero write; for an archived holder a web-app step), then give it to the
      // matching contact under the account's name. With no matching contact, the next sync creates one with the code.
      const free: FieldChange[] = holder
        ? [{ target: 'xero', subject: holder.contactId, field: 'AccountNumber', from: holder.accountNumber, to: '' }]
        : [];
      return free.length === 0
        ? []
        : [...free, ...xero('AccountNumber', contact?.accountNumber ?? '', account.code), ...sameName(), ...customer()];
    }
    case 'link':
      return [
        ...(contact && contact.accountNumber !== account.code ? xero('AccountNumber', contact.accountNumber, account.code) : []),
        ...sameName(),
      ];
    case 'create_in_xero':
    case 'different_business':
    case 'ignore':
      return [];
  }
}

/**
 * One line for the bulk preview and the accept dialog: what accepting will do to this account. When a decision writes
 * to more than one Xero contact, `nameOf` names the contact of each change.
 */
export function describeChanges(
  action: DecisionAction,
  changes: readonly FieldChange[],
  account: BillingAccount,
  nameOf?: (contactId: string) => string | undefined,
): string {
  if (action === 'create_in_xero') return `The next sync creates "${account.name}" in Xero`;
  if (action === 'different_business') return 'Mark the suggested Xero contact as a different business';
  if (action === 'ignore') return 'Ignore';
  if (changes.length === 0) return 'No change';
  const several = new Set(changes.filter((c) => c.target === 'xero').map((c) => c.subject)).size > 1;
  return changes
    .map((c) => {
      const named = several && nameOf && c.field !== 'Name' ? nameOf(c.subject) : undefined;
      const where = c.target === 'xero' ? `${named ? ` of "${named}"` : ''} in Xero` : ' in CocoonOPS';
      if (c.field === 'code' && c.to === '') return `Give ${account.code} a new code${where}`;
      if (c.field === 'AccountNumber' && c.to === '') return `Clear AccountNumber "${c.from}"${where}`;
      const unseen = unseenDifference(c.from, c.to);
      return `${c.field} "${c.from}" → "${c.to}"${where}${unseen ? ` ${unseen}` : ''}`;
    })
    .join('; ');
}
