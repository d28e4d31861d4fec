// Plain words for what a decision will do, shown before anything is stored.
import { ACTION_LABELS } from '../../../shared/decision-rules';
import type { DecisionAction, FieldChange, FindingDetail } from '../../../shared/review';

export function describeAction(action: DecisionAction, d: Pick<FindingDetail, 'account' | 'contact' | 'codeHolder' | 'row'>): string {
  const contact = d.contact?.name ? `"${d.contact.name}"` : 'the Xero contact';
  const account = `"${d.account.name}"`;
  switch (action) {
    case 'rename_in_xero':
      return `Rename ${contact} in Xero to ${account} (the CocoonOPS name is right).`;
    case 'rename_in_cocoon':
      return `Rename ${account} in CocoonOPS to ${contact} (the Xero name is right).`;
    case 'set_account_number': {
      const replaced = replacedNumber(d);
      // A contact merged into this one keeps the number (archived): it is freed there first, a step on the checklist.
      const merged = d.codeHolder?.mergedToContactId && d.codeHolder.mergedToContactId === d.contact?.contactId ? d.codeHolder : null;
      const free = merged
        ? ` First free ${d.account.code} from the archived "${merged.name}" (merged into it) in the Xero web app: a step on the checklist; the push waits for it.`
        : '';
      return `Set the AccountNumber of ${contact} in Xero to ${d.account.code}${replaced ? ` (replaces ${replaced})` : ''}.${free}`;
    }
    case 'restore_in_xero': {
      const archived = d.contact ?? d.codeHolder;
      return `Restore the archived contact ${archived?.name ? `"${archived.name}"` : ''} in Xero.`;
    }
    case 'mark_customer':
      return `Make ${contact} a customer in Xero.`;
    case 'recode_in_cocoon':
      // The invoices go to the contact of that name: its code is the one to use.
      if (d.row.kind === 'code_differs' && d.contact?.accountNumber)
        return `Use ${d.contact.accountNumber.trim()} as the billing account code of ${account} in CocoonOPS (the code of ${contact}, which the invoices go to).`;
      return `Give ${account} a new billing account code in CocoonOPS${d.codeHolder && d.codeHolder.contactId !== d.contact?.contactId ? ` (${d.account.code} belongs to another business)` : ''}.`;
    case 'use_contact_code': {
      const code = d.contact?.accountNumber.trim() ?? '';
      return `Use ${code} as the billing account code of ${account} in CocoonOPS: the code ${contact} already has in Xero. The names are made equal too, as Xero files invoices by name.`;
    }
    case 'free_code': {
      // The shown contact is the matching one (same business, another name) only when it is not the code's holder
      // itself: a conflict with no matching contact shows the holder, and the decision then only clears the code.
      const holder = d.codeHolder;
      const matching = d.contact && d.contact.contactId !== holder?.contactId ? d.contact : null;
      const from = holder ? `"${holder.name}"` : 'the contact that holds it';
      const where =
        holder && holder.status !== 'ACTIVE' ? `in the Xero web app (${holder.status.toLowerCase()}: a step on the checklist)` : 'in Xero';
      const then = matching
        ? `, then give it to "${matching.name}" and make the names equal`
        : `; the next sync then creates ${account} in Xero with it`;
      return `Clear ${d.account.code} from ${from} ${where}${then}.`;
    }
    case 'create_in_xero':
      return `Let the next sync create ${account} in Xero.`;
    case 'different_business':
      return `${contact} is a different business: do not link them.`;
    case 'link':
      return `Link ${account} to ${contact}.`;
    case 'ignore':
      return `Leave ${account} as it is.`;
  }
}

/** The AccountNumber "set AccountNumber" would overwrite on the contact ('' when it has none, or the same). */
export function replacedNumber(d: Pick<FindingDetail, 'account' | 'contact'>): string {
  const current = d.contact?.accountNumber.trim() ?? '';
  return current !== '' && current !== d.account.code ? current : '';
}

/**
 * What the CocoonOPS name lost against the Xero contact's ("CocoonOPS name lost a character: '?' where the other has
 * "'""), when "Rename in Xero" would copy such a name into Xero; null when it would not.
 */
export function damagedCocoonName(d: Pick<FindingDetail, 'nameCheck'>): string | null {
  const lost = d.nameCheck?.losses.filter((l) => l.side === 'cocoon') ?? [];
  return lost.length === 0 ? null : [...new Set(lost.map((l) => `${l.label}: ${l.detail}`))].join('; ');
}

/**
 * Where a stored change leads, in words: the new value quoted, or what an empty one means (a CocoonOPS code left to
 * CocoonOPS to choose; a Xero value cleared, e.g. an AccountNumber freed for another contact).
 */
type ChangeTo = Pick<FieldChange, 'field' | 'to'> & { target?: FieldChange['target'] };

/** (`target` left out: a Xero change, as the push plan's are.) */
export function changeTo(c: ChangeTo): string {
  if (c.to !== '') return `“${c.to}”`;
  return c.target === 'cocoon' && c.field === 'code' ? 'a new code, chosen in CocoonOPS' : 'none (cleared)';
}

/** A value a change starts from: quoted, or "none" when the field is empty. */
export const changeFrom = (c: Pick<FieldChange, 'from'>): string => (c.from !== '' ? `“${c.from}”` : 'none');

/** `Name “A” → “B”`, `AccountNumber “K1” → none (cleared)`: a change as one line of text. */
export const changeLine = (c: ChangeTo & Pick<FieldChange, 'from'>): string => `${c.field} ${changeFrom(c)} → ${changeTo(c)}`;

export function actionLabel(action: DecisionAction): string {
  return ACTION_LABELS[action];
}
