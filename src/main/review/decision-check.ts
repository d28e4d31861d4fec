// Does a decision make its account pass? Its changes applied to the account and the contacts they touch, and the sync
// model asked once for this account. The whole run's effects (another account's invoice creating a contact) are the
// push plan's what-if; this is the quick answer given when the decision is made. Pure.
import type { BillingAccount, XeroContact } from '../../shared/domain';
import type { FieldChange } from '../../shared/review';
import {
  directoryOf,
  editContact,
  editSent,
  syncFails,
  syncInvoice,
  withChanges,
  type SyncContact,
  type XeroDirectory,
} from '../../shared/sync-model';

export type ContactDirectory = XeroDirectory<string> & { has(contactId: string): boolean };

/** The workspace's contacts by ContactID, indexed for the model (build once for a bulk apply). */
export function contactDirectory(contacts: readonly XeroContact[]): ContactDirectory {
  const byId = new Map(contacts.map((c) => [c.contactId, c]));
  const directory = directoryOf(
    contacts.map((c) => c.contactId),
    (id) => byId.get(id)!,
  );
  return { ...directory, has: (id) => byId.has(id) };
}

/** What the account's next sync does with these changes made: why it still fails (null: it passes), and whether Xero would create a contact. */
export interface DecisionOutcome {
  stillFails: string | null;
  /** The invoice makes Xero create a contact named as the account sends it (null: it is filed, or refused). */
  creates: string | null;
}

export function outcomeWith(xero: ContactDirectory, account: BillingAccount, changes: readonly FieldChange[]): DecisionOutcome {
  const changed = new Map<string, SyncContact>();
  let sent = { name: account.name, accountNumber: account.code };
  for (const c of changes) {
    if (c.target === 'cocoon') sent = editSent(sent, account.code, c.field, c.to);
    // A contact the workspace no longer holds (removed by a sync since) is left out of the check.
    else if (xero.has(c.subject)) changed.set(c.subject, editContact(changed.get(c.subject) ?? xero.view(c.subject), c.field, c.to));
  }
  const after = withChanges(xero, changed);
  const outcome = syncInvoice(after, sent);
  if (!syncFails(after, outcome, sent)) return { stillFails: null, creates: outcome.outcome === 'created' ? sent.name : null };
  if (outcome.outcome === 'refused') {
    const other = after.view(outcome.contact);
    if (outcome.reason === 'archived') return { stillFails: `'${other.name}' stays archived in Xero`, creates: null };
    return {
      stillFails: `Xero would still look for '${sent.name}' by name and find none, while '${other.name}' holds ${sent.accountNumber}`,
      creates: null,
    };
  }
  return { stillFails: 'the Xero contact is still not a customer', creates: null };
}

/** Why the account still fails with these changes made, or null when it passes. */
export function stillFailsWith(xero: ContactDirectory, account: BillingAccount, changes: readonly FieldChange[]): string | null {
  return outcomeWith(xero, account, changes).stillFails;
}
