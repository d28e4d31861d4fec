// What-if: the planned corrections applied to a copy of both sides in memory, and the sync model run again. Says how
// many of today's failing accounts a plan makes pass (after the push alone, and after the CocoonOPS checklist too),
// which still fail and why, and which would start to fail. Pure: records in, counts out.
import type { FieldEdit } from '../../shared/contract-outbox';
import type { XeroContact } from '../../shared/domain';
import {
  directoryOf,
  editContact,
  editSent,
  lookupKeys,
  markChanged,
  noChangedKeys,
  syncFails,
  syncRun,
  type EarlierRun,
  type LookupKeys,
  type SentContact,
  type SyncContact,
  type SyncOutcome,
  type XeroDirectory,
} from '../../shared/sync-model';

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
type Run = { fails: boolean[]; reasons: (string | null)[]; sent: SentContact[]; outcomes: SyncOutcome<number>[] };
type Directory = XeroDirectory<number> & { add(contact: number): void };

/** Xero's reason, in a bookkeeper's words, for an outcome that fails. */
function reasonOf(xero: XeroDirectory<number>, outcome: SyncOutcome<number>, sent: SentContact): string {
  if (outcome.outcome === 'refused') {
    const c = xero.view(outcome.contact);
    const may = outcome.doubt ? ` (may fail: ${outcome.doubt})` : '';
    if (outcome.reason === 'archived') return `'${c.name}' is archived in Xero${may}`;
    return `the name differs from '${c.name}', which holds ${sent.accountNumber}${may}`;
  }
  if (outcome.outcome === 'filed')
    return `'${xero.view(outcome.contact).name}' is not a customer in Xero (may fail: CocoonOPS links customers only)`;
  return '';
}

/**
 * The contacts as they are, indexed once (contact i is i; a contact the sync creates for account a is n + a), the
 * sync run on them, and each contact's place by ContactID: what every what-if of the same workspace starts from.
 */
export interface WhatIfBase {
  accounts: readonly Account[];
  contacts: readonly XeroContact[];
  index: XeroDirectory<number>;
  placeOf: ReadonlyMap<string, number>;
  /** Each contact's lookup keys, and each account's as the base's run sent it. */
  contactKeys: readonly LookupKeys[];
  accountKeys: readonly LookupKeys[];
  now: Run;
}

/**
 * The base directory with some contacts changed (`changed`, by place) and the ones a run creates (`add`): the base's
 * lists without the changed contacts, merged with a small directory of the changed and created ones in place order,
 * which is the order a directory of all of them would list (created ones come last, in the order they are made).
 */
function overlay(base: WhatIfBase, sent: readonly SentContact[], changed: ReadonlyMap<number, SyncContact>): Directory {
  const n = base.contacts.length;
  const view = (c: number): SyncContact =>
    c < n
      ? (changed.get(c) ?? base.index.view(c))
      : { name: sent[c - n]!.name, accountNumber: sent[c - n]!.accountNumber, status: 'ACTIVE', isCustomer: true };
  const extra = directoryOf([...changed.keys()], view);
  const merged = (fromBase: readonly number[], fromExtra: readonly number[]): readonly number[] => {
    // Most lists hold no changed contact: kept as they are (a copy per lookup, 60,000 lookups a run, cost more than the run).
    const kept = changed.size === 0 || !fromBase.some((c) => changed.has(c)) ? fromBase : fromBase.filter((c) => !changed.has(c));
    if (fromExtra.length === 0) return kept;
    return kept.length === 0 ? fromExtra : [...kept, ...fromExtra].sort((a, b) => a - b);
  };
  return {
    add: extra.add,
    named: (key) => merged(base.index.named(key), extra.named(key)),
    holding: (key) => merged(base.index.holding(key), extra.holding(key)),
    looselyNamed: (key) => merged(base.index.looselyNamed!(key), extra.looselyNamed!(key)),
    view,
  };
}

/** A run the next one may start from: its outcomes, and the contacts it had changed (by place). */
type Before = { run: Run; changed: ReadonlyMap<number, SyncContact> };

const sameContact = (a: SyncContact, b: SyncContact): boolean =>
  a.name === b.name && a.accountNumber === b.accountNumber && a.status === b.status && a.isCustomer === b.isCustomer;

/**
 * The sync run on the base's contacts with `changed` ones, for `accounts` (the base's, or with CocoonOPS changes made),
 * run again only where it differs from the run `before` (see syncRun): the base's own, or one of the same accounts
 * with fewer changes (the push before the checklist).
 */
function run(base: WhatIfBase, accounts: readonly Account[], changed: ReadonlyMap<number, SyncContact>, before?: Before): Run {
  const n = base.contacts.length;
  const sent: SentContact[] = accounts.map((a) => ({ name: a.name, accountNumber: a.code }));
  const xero = overlay(base, sent, changed);
  let earlier: EarlierRun<number> | undefined;
  if (before) {
    // Both runs a later one starts from (the base's, the push's) send the base's accounts: their keys are the base's.
    earlier = { sent: before.run.sent, keys: base.accountKeys, outcomes: before.run.outcomes, changedKeys: noChangedKeys() };
    const keysBefore = (place: number): LookupKeys => {
      const was = before.changed.get(place);
      return was ? lookupKeys(was) : base.contactKeys[place]!;
    };
    for (const [place, now] of changed) {
      const was = before.changed.get(place) ?? base.index.view(place);
      if (sameContact(was, now)) continue;
      markChanged(earlier.changedKeys, keysBefore(place));
      markChanged(earlier.changedKeys, lookupKeys(now));
    }
    for (const place of before.changed.keys()) {
      if (changed.has(place)) continue;
      markChanged(earlier.changedKeys, keysBefore(place));
      markChanged(earlier.changedKeys, base.contactKeys[place]!);
    }
  }
  const outcomes = syncRun(xero, sent, (a) => n + a, earlier);
  const fails = outcomes.map((o, a) => syncFails(xero, o, sent[a]!));
  return { fails, reasons: outcomes.map((o, a) => (fails[a] ? reasonOf(xero, o, sent[a]!) : null)), sent, outcomes };
}

/** Indexes the contacts and runs the sync on them as they are (kept by the caller while neither side changes). */
export function whatIfBase(accounts: readonly Account[], contacts: readonly XeroContact[]): WhatIfBase {
  const views: SyncContact[] = contacts.map((c) => ({
    name: c.name,
    accountNumber: c.accountNumber,
    status: c.status,
    isCustomer: c.isCustomer,
  }));
  const index = directoryOf(
    views.map((_, i) => i),
    (c) => views[c]!,
  );
  const base = {
    accounts,
    contacts,
    index,
    placeOf: new Map(contacts.map((c, i) => [c.contactId.toLowerCase(), i])),
    contactKeys: views.map(lookupKeys),
    accountKeys: accounts.map((a) => lookupKeys({ name: a.name, accountNumber: a.code })),
    now: { fails: [], reasons: [], sent: [], outcomes: [] } as Run,
  };
  base.now = run(base, accounts, new Map());
  return base;
}

/** The planned changes by subject (a ContactID or an account code, compared without case). */
function bySubject(planned: readonly PlannedChange[]): Map<string, FieldEdit[]> {
  const edits = new Map<string, FieldEdit[]>();
  for (const p of planned) {
    const key = p.subject.toLowerCase();
    const list = edits.get(key);
    if (list) list.push(...p.changes);
    else edits.set(key, [...p.changes]);
  }
  return edits;
}

/** The contacts the planned changes edit, by place, as they are after the changes. */
function changedContacts(base: WhatIfBase, planned: readonly PlannedChange[]): Map<number, SyncContact> {
  const changed = new Map<number, SyncContact>();
  for (const [subject, edits] of bySubject(planned)) {
    const place = base.placeOf.get(subject);
    if (place === undefined) continue;
    changed.set(
      place,
      edits.reduce<SyncContact>((copy, e) => editContact(copy, e.field, e.to), base.index.view(place)),
    );
  }
  return changed;
}

function applyToAccounts(accounts: readonly Account[], planned: readonly PlannedChange[]): Account[] {
  const edits = bySubject(planned);
  return accounts.map((a) => {
    const sent = (edits.get(a.code.toLowerCase()) ?? []).reduce((s, e) => editSent(s, a.code, e.field, e.to), {
      name: a.name,
      accountNumber: a.code,
    });
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

/** The what-if of the planned changes, against `base` (whatIfBase of the same accounts and contacts). */
export function whatIfOn(base: WhatIfBase, planned: Pick<WhatIfInput, 'push' | 'xeroSteps' | 'cocoon'>): WhatIfResult {
  const { accounts, now } = base;
  const pushed = changedContacts(base, planned.push);
  const afterPush = run(base, accounts, pushed, { run: now, changed: new Map() });
  // The checklist's run starts from the push's: most of what it changes, the push has changed already.
  const afterChecklist = run(
    base,
    applyToAccounts(accounts, planned.cocoon),
    changedContacts(base, [...planned.push, ...planned.xeroSteps]),
    { run: afterPush, changed: pushed },
  );
  return {
    failingNow: now.fails.filter(Boolean).length,
    afterPush: compare(accounts, now, afterPush),
    afterChecklist: compare(accounts, now, afterChecklist),
  };
}

export function whatIf(input: WhatIfInput): WhatIfResult {
  return whatIfOn(whatIfBase(input.accounts, input.contacts), input);
}
