// Does a decision make its account pass? Its changes applied to the account and the contacts they touch, and the sync
// model asked once for this account. And would Xero take its changes at all (a Name another active contact has, an
// AccountNumber another contact holds: the push's checks hold those back)? The whole run's effects (another account's
// invoice creating a contact) are the push plan's what-if; this is the quick answer given when the decision is made.
// Pure.
import type { BillingAccount, XeroContact } from '../../shared/domain';
import type { FieldChange } from '../../shared/review';
import {
  accountNumberKey,
  directoryOf,
  looseNameKey,
  editContact,
  editSent,
  syncFails,
  syncInvoice,
  withChanges,
  xeroNameKey,
  type SyncContact,
  type XeroDirectory,
} from '../../shared/sync-model';

export type ContactDirectory = XeroDirectory<string> & {
  has(contactId: string): boolean;
  /** Whether the contact was merged into another in Xero (archived, it keeps its AccountNumber). */
  mergedAway(contactId: string): boolean;
};

/** The workspace's contacts by ContactID, indexed for the model (build once for a bulk apply). */
export function contactDirectory(contacts: readonly XeroContact[]): ContactDirectory {
  const byId = new Map(contacts.map((c) => [c.contactId, c]));
  const directory = directoryOf(
    contacts.map((c) => c.contactId),
    (id) => byId.get(id)!,
  );
  return { ...directory, has: (id) => byId.has(id), mergedAway: (id) => Boolean(byId.get(id)?.mergedToContactId) };
}

/** What the account's next sync does with these changes made: why it still fails (null: it passes), and whether Xero would create a contact. */
export interface DecisionOutcome {
  stillFails: string | null;
  /** The invoice makes Xero create a contact named as the account sends it (null: it is filed, or refused). */
  creates: string | null;
}

/** The contacts as they would be with the changes made (contacts the workspace no longer holds left out). */
function contactsWith(xero: ContactDirectory, changes: readonly FieldChange[]): XeroDirectory<string> {
  const changed = new Map<string, SyncContact>();
  // A contact the workspace no longer holds (removed by a sync since) is left out of the check.
  for (const c of changes)
    if (c.target === 'xero' && xero.has(c.subject))
      changed.set(c.subject, editContact(changed.get(c.subject) ?? xero.view(c.subject), c.field, c.to));
  return withChanges(xero, changed);
}

/**
 * Why Xero would refuse to write the changes, judged on the contacts as they are with all of them made: a Name
 * another active contact has (names are unique among active contacts), an AccountNumber another contact holds
 * (archived ones too, unless merged away: the checklist has the step that frees it). Null when it would take them
 * (or they change nothing in Xero).
 */
export function xeroRefusal(xero: ContactDirectory, changes: readonly FieldChange[]): string | null {
  const mine = changes.filter((c) => c.target === 'xero' && xero.has(c.subject));
  if (mine.length === 0) return null;
  const after = contactsWith(xero, mine);
  for (const c of mine) {
    const to = c.to.trim();
    if (c.field === 'AccountNumber' && to !== '') {
      // A contact merged away in Xero keeps its number, archived: freeing it there is a checklist step, not a refusal.
      const holder = after.holding(accountNumberKey(to)).find((id) => id !== c.subject && !xero.mergedAway(id));
      if (holder !== undefined) return `Xero would refuse the AccountNumber: ${to} is held by '${after.view(holder).name}'`;
    }
    const name = c.field === 'Name' ? to : c.field === 'ContactStatus' && to === 'ACTIVE' ? after.view(c.subject).name : '';
    if (name === '' || after.view(c.subject).status !== 'ACTIVE') continue;
    const other = after.named(xeroNameKey(name)).find((id) => id !== c.subject && after.view(id).status === 'ACTIVE');
    if (other !== undefined) return `Xero would refuse it: the active contact '${after.view(other).name}' already has the name '${name}'`;
  }
  return null;
}

export function outcomeWith(xero: ContactDirectory, account: BillingAccount, changes: readonly FieldChange[]): DecisionOutcome {
  let sent = { name: account.name, accountNumber: account.code };
  for (const c of changes) if (c.target === 'cocoon') sent = editSent(sent, account.code, c.field, c.to);
  const after = contactsWith(xero, changes);
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

/** Why the sync refuses an account (or files it to a contact that is not a customer), in a bookkeeper's words. */
function failureOf(
  after: XeroDirectory<string>,
  outcome: ReturnType<typeof syncInvoice<string>>,
  sent: { name: string; accountNumber: string },
): string {
  if (outcome.outcome === 'refused') {
    const other = after.view(outcome.contact);
    if (outcome.reason === 'archived') return `'${other.name}' would be archived in Xero`;
    return `the name differs from '${other.name}', which would hold ${sent.accountNumber}`;
  }
  return outcome.outcome === 'filed' ? `'${after.view(outcome.contact).name}' is not a customer in Xero` : 'Xero would refuse it';
}

/** The keys an account's sync looks contacts up by (its name, loosely too, and its code), or a contact is found by. */
export const keysOf = (name: string, code: string): string[] => [
  `n:${xeroNameKey(name)}`,
  `l:${looseNameKey(name)}`,
  `c:${accountNumberKey(code)}`,
];

export interface Breakage {
  /** The account that would fail: one that passes today, or a decided one whose own decision passes alone. */
  code: string;
  name: string;
  reason: string;
  decided: boolean;
}

/**
 * Accounts that would fail once all the planned decisions are made, though each decision passes alone: one that
 * passes today, or a decided one (sending what its own decision makes it send). By the other decisions whose Xero
 * changes touch what that account's sync looks up (a contact renamed away from its name, a number moved off its
 * code). One account at a time, as outcomeWith.
 */
export function breakages(
  xero: ContactDirectory,
  /** Every account, with its keysOf (kept while the accounts are unchanged: 20,000 of them). */
  accounts: readonly { code: string; name: string; keys: readonly string[] }[],
  planned: readonly { accountCode: string; changes: readonly FieldChange[] }[],
): Map<string, Breakage> {
  const touchedBy = new Map<string, Set<string>>();
  const all: FieldChange[] = [];
  for (const p of planned)
    for (const c of p.changes) {
      if (c.target !== 'xero' || !xero.has(c.subject)) continue;
      all.push(c);
      const before = xero.view(c.subject);
      for (const key of keysOf(before.name, before.accountNumber)) {
        const by = touchedBy.get(key);
        if (by) by.add(p.accountCode);
        else touchedBy.set(key, new Set([p.accountCode]));
      }
    }
  const out = new Map<string, Breakage>();
  if (all.length === 0) return out;
  const after = contactsWith(xero, all);
  // The keys the changed contacts have afterwards count too (a contact given an account's name or code).
  for (const p of planned)
    for (const c of p.changes) {
      if (c.target !== 'xero' || !xero.has(c.subject)) continue;
      const v = after.view(c.subject);
      for (const key of keysOf(v.name, v.accountNumber)) {
        const by = touchedBy.get(key);
        if (by) by.add(p.accountCode);
        else touchedBy.set(key, new Set([p.accountCode]));
      }
    }
  const own = new Map(planned.map((p) => [p.accountCode, p.changes]));
  for (const a of accounts) {
    // A decided account sends what its own decision makes it send; the others as they are.
    const mine = own.get(a.code);
    let sent = { name: a.name, accountNumber: a.code };
    for (const c of mine ?? []) if (c.target === 'cocoon') sent = editSent(sent, a.code, c.field, c.to);
    const keys = mine ? keysOf(sent.name, sent.accountNumber) : a.keys;
    if (!keys.some((k) => touchedBy.has(k))) continue;
    const by = new Set(keys.flatMap((k) => [...(touchedBy.get(k) ?? [])]));
    by.delete(a.code);
    if (by.size === 0) continue;
    // An undecided account that fails today is not made to fail (its own decision passes alone: decide's check).
    if (!mine && syncFails(xero, syncInvoice(xero, sent), sent)) continue;
    const outcome = syncInvoice(after, sent);
    if (!syncFails(after, outcome, sent)) continue;
    const breakage = { code: a.code, name: a.name, reason: failureOf(after, outcome, sent), decided: mine !== undefined };
    for (const code of by) if (!out.has(code)) out.set(code, breakage);
  }
  return out;
}
