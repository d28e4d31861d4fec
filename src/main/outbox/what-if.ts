// What-if: the planned corrections applied to a copy of both sides in memory, and the sync model run again. Says how
// many of today's failing accounts a plan makes pass (after the push alone, and after the CocoonOPS checklist too),
// which still fail and why, and which would start to fail. Pure: records in, counts out.
import type { FieldEdit } from '../../shared/contract-outbox';
import type { XeroContact } from '../../shared/domain';
import { directoryOf, editContact, editSent, syncFails, syncRun, type SentContact, type SyncContact, type SyncOutcome, type XeroDirectory } from '../../shared/sync-model';

/** A planned change to a Xero contact (by ContactID) or to a billing account (by code). */
export interface PlannedChange {
  subject: string;
  changes: readonly FieldEdit[];
}

export interface WhatIfInput {
  /** The billing accounts in file order (the order a sync run is modelled in). */
  accounts: readonly { code: string; name: string }[];
  contacts: readonly XeroContact[];
  /** Xero writes the push would send (Name, AccountNumber, ContactStatus). */
  push: readonly PlannedChange[];
  /** Steps of the checklist: in Xero's web app (IsCustomer) and in CocoonOPS (name, code; code '' = a new code). */
  xeroSteps: readonly PlannedChange[];
  cocoon: readonly PlannedChange[];
}

/** One account the model still sees failing, and why. */
export interface StillFailing {
  code: string;
  reason: string;
}

export interface SideOutcome {
  /** Accounts that fail after the changes. */
  failing: number;
  /** Of today's failing accounts, how many pass after the changes. */
  fixed: number;
  /** Accounts that pass today and would fail after the changes. */
  broken: string[];
  /** Accounts that fail after the changes, with the reason. */
  stillFailing: StillFailing[];
}

export interface WhatIfResult {
  failingNow: number;
  afterPush: SideOutcome;
  afterChecklist: SideOutcome;
}

type Account = { code: string; name: string };
type Run = { fails: boolean[]; reasons: (string | null)[] };

/** Xero's reason, in a bookkeeper's words, for an outcome that fails. */
function reasonOf(xero: XeroDirectory<number>, outcome: SyncOutcome<number>, sent: SentContact): string {
  if (outcome.outcome === 'refused') {
    const c = xero.view(outcome.contact);
    const may = outcome.doubt ? ` (may fail: ${outcome.doubt})` : '';
    if (outcome.reason === 'archived') return `'${c.name}' is archived in Xero${may}`;
    return `the name differs from '${c.name}', which holds ${sent.accountNumber}${may}`;
  }
  if (outcome.outcome === 'filed') return `'${xero.view(outcome.contact).name}' is not a customer in Xero (may fail: CocoonOPS links customers only)`;
  return '';
}

function run(accounts: readonly Account[], contacts: readonly SyncContact[]): Run {
  const n = contacts.length;
  const sent: SentContact[] = accounts.map((a) => ({ name: a.name, accountNumber: a.code }));
  const view = (c: number): SyncContact => (c < n ? contacts[c]! : { name: sent[c - n]!.name, accountNumber: sent[c - n]!.accountNumber, status: 'ACTIVE', isCustomer: true });
  const xero = directoryOf(
    contacts.map((_, i) => i),
    view,
  );
  const outcomes = syncRun(xero, sent, (a) => n + a);
  const fails = outcomes.map((o, a) => syncFails(xero, o, sent[a]!));
  return { fails, reasons: outcomes.map((o, a) => (fails[a] ? reasonOf(xero, o, sent[a]!) : null)) };
}

/** The planned changes by subject (a ContactID or an account code, compared without case). */
function bySubject(planned: readonly PlannedChange[]): Map<string, FieldEdit[]> {
  const edits = new Map<string, FieldEdit[]>();
  for (const p of planned) edits.set(p.subject.toLowerCase(), [...(edits.get(p.subject.toLowerCase()) ?? []), ...p.changes]);
  return edits;
}

function applyToContacts(contacts: readonly XeroContact[], planned: readonly PlannedChange[]): SyncContact[] {
  const edits = bySubject(planned);
  return contacts.map((c) =>
    (edits.get(c.contactId.toLowerCase()) ?? []).reduce<SyncContact>((copy, e) => editContact(copy, e.field, e.to), {
      name: c.name,
      accountNumber: c.accountNumber,
      status: c.status,
      isCustomer: c.isCustomer,
    }),
  );
}

function applyToAccounts(accounts: readonly Account[], planned: readonly PlannedChange[]): Account[] {
  const edits = bySubject(planned);
  return accounts.map((a) => {
    const sent = (edits.get(a.code.toLowerCase()) ?? []).reduce((s, e) => editSent(s, a.code, e.field, e.to), { name: a.name, accountNumber: a.code });
    return { name: sent.name, code: sent.accountNumber };
  });
}

function compare(accounts: readonly Account[], now: Run, after: Run): SideOutcome {
  const out: SideOutcome = { failing: 0, fixed: 0, broken: [], stillFailing: [] };
  accounts.forEach((a, i) => {
    if (after.fails[i]) {
      out.failing++;
      out.stillFailing.push({ code: a.code, reason: after.reasons[i]! });
      if (!now.fails[i]) out.broken.push(a.code);
    } else if (now.fails[i]) out.fixed++;
  });
  return out;
}

export function whatIf(input: WhatIfInput): WhatIfResult {
  const contactsNow: SyncContact[] = input.contacts.map((c) => ({ name: c.name, accountNumber: c.accountNumber, status: c.status, isCustomer: c.isCustomer }));
  const now = run(input.accounts, contactsNow);
  const afterPush = run(input.accounts, applyToContacts(input.contacts, input.push));
  const afterChecklist = run(applyToAccounts(input.accounts, input.cocoon), applyToContacts(input.contacts, [...input.push, ...input.xeroSteps]));
  return {
    failingNow: now.fails.filter(Boolean).length,
    afterPush: compare(input.accounts, now, afterPush),
    afterChecklist: compare(input.accounts, now, afterChecklist),
  };
}
