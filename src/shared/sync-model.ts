// The sync model: what CocoonOPS sends when it syncs a billing account's invoice, and what Xero does with it.
// Written once and used by the matcher (its predictions), the what-if of a push plan, and the Xero stand-in
// (src/sandbox), so a prediction and what the stand-in does cannot drift apart. Pure. docs/sync-model.md explains it.
//
// CocoonOPS sends each invoice with Contact = { Name, AccountNumber } (the organisation name and the billing code).
// Xero finds the contact by name: "If you only provide a contact name, the API will either find the existing contact
// with that name or it will create a contact with that name if none currently exists" (Xero staff,
// community.xero.com/developer/discussion/106550833). The seed (shared/seeds/common-xero-exceptions.txt) describes the
// failure this gives: a name that differs from the contact holding the code makes Xero create a "new" contact with a
// number that is taken.

/** Xero's own words for the refusals the model predicts. */
export const XERO_MESSAGES = {
  /** calcinai/xero-php#880; the seed. */
  accountNumberTaken: 'The Account Number already exists. Please enter a different Account Number.',
  /** Xero's refusal to use an archived contact (calcinai/xero-php#525, on contact groups; unconfirmed for invoices). */
  archivedContact: 'Unable to assign an Archived contact.',
  /** Xero's OpenAPI spec (xero_accounting.yaml, the duplicate-name example). */
  nameTaken: (name: string): string =>
    `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
} as const;

/**
 * Xero's name equality, for finding a contact by name and for the rule that active names are unique: trimmed and
 * case-insensitive. Case: a `Name==` filter finds nothing where creating the same name in other case is refused as
 * taken (freakboy3742/pyxero#172), so uniqueness ignores case; that the invoice lookup ignores case as well is this
 * project's reading (issue 16). Inner whitespace is kept as sent: whether Xero collapses "A  B" to "A B" is
 * unconfirmed, and keeping it is the riskier reading (the lookup misses, the sync tries to create a contact).
 */
export function xeroNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Whitespace other than a single space: what looseNameKey has to fold (most names have none, and skip the replace). */
const FOLDABLE = /[^\S ]| {2}/;

/** xeroNameKey with runs of inner whitespace collapsed: names equal by this but not by xeroNameKey are a "may". */
export function looseNameKey(name: string): string {
  const trimmed = name.trim();
  return (FOLDABLE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/**
 * Xero's AccountNumber equality for its uniqueness rule: trimmed, case-insensitive (unconfirmed; the riskier reading,
 * since it refuses more). An empty number is held by nobody.
 */
export function accountNumberKey(code: string): string {
  return code.trim().toLowerCase();
}

/** The fields of a Xero contact the sync depends on. */
export interface SyncContact {
  name: string;
  accountNumber: string;
  /** ACTIVE, ARCHIVED or GDPRREQUEST. */
  status: string;
  /** Whether Xero counts it as a customer (unknown: not looked at). */
  isCustomer?: boolean;
}

/** What Xero holds, for the two lookups a sync makes. `C` is however the caller refers to a contact. */
export interface XeroDirectory<C> {
  /** Contacts whose name is equal to `key` (a xeroNameKey). */
  named(key: string): readonly C[];
  /** Contacts whose AccountNumber is `key` (an accountNumberKey), archived ones too. */
  holding(key: string): readonly C[];
  /** Active contacts whose looseNameKey is `key`; optional (without it, no "may" is ever said). */
  looselyNamed?(key: string): readonly C[];
  view(contact: C): SyncContact;
}

/** What CocoonOPS sends for a billing account. */
export interface SentContact {
  name: string;
  accountNumber: string;
}

export type SyncOutcome<C> =
  /** The invoice is filed to the active contact of that name (its AccountNumber is not looked at). */
  | { outcome: 'filed'; contact: C; doubt: string | null }
  /** No contact has the name: Xero creates one with the name and AccountNumber sent, and files the invoice there. */
  | { outcome: 'created'; doubt: string | null }
  /** Xero refuses the invoice: `contact` is the archived contact of that name, or the contact holding the number. */
  | { outcome: 'refused'; reason: 'archived' | 'code_taken'; contact: C; message: string; doubt: string | null };

const isActive = (c: SyncContact) => c.status === 'ACTIVE';

/** What Xero does with one invoice of a billing account, given what it holds. */
export function syncInvoice<C>(xero: XeroDirectory<C>, sent: SentContact): SyncOutcome<C> {
  const named = xero.named(xeroNameKey(sent.name));
  const active = named.find((c) => isActive(xero.view(c)));
  if (active !== undefined) return { outcome: 'filed', contact: active, doubt: null };
  // Only archived (or GDPR-erased) contacts have the name: Xero will not file an invoice to one.
  const archived = named[0];
  if (archived !== undefined) {
    return { outcome: 'refused', reason: 'archived', contact: archived, message: XERO_MESSAGES.archivedContact, doubt: null };
  }
  const near = xero.looselyNamed?.(looseNameKey(sent.name)) ?? [];
  const nearActive = near.find((c) => isActive(xero.view(c)));
  const doubt =
    nearActive === undefined ? null : `the names differ only in spacing ('${xero.view(nearActive).name}'), which Xero may not overlook`;
  const code = accountNumberKey(sent.accountNumber);
  const holder = code === '' ? undefined : xero.holding(code)[0];
  if (holder !== undefined)
    return { outcome: 'refused', reason: 'code_taken', contact: holder, message: XERO_MESSAGES.accountNumberTaken, doubt };
  return { outcome: 'created', doubt };
}

/** A directory over a list of contacts, indexed once; `add` puts a contact in (one the sync itself creates). */
export function directoryOf<C>(contacts: readonly C[], view: (contact: C) => SyncContact): XeroDirectory<C> & { add(contact: C): void } {
  const byName = new Map<string, C[]>();
  const byLooseName = new Map<string, C[]>();
  const byCode = new Map<string, C[]>();
  const add = (map: Map<string, C[]>, key: string, c: C) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  const put = (c: C) => {
    const v = view(c);
    add(byName, xeroNameKey(v.name), c);
    if (isActive(v)) add(byLooseName, looseNameKey(v.name), c);
    const code = accountNumberKey(v.accountNumber);
    if (code !== '') add(byCode, code, c);
  };
  contacts.forEach(put);
  const none: readonly C[] = [];
  return {
    add: put,
    named: (key) => byName.get(key) ?? none,
    holding: (key) => byCode.get(key) ?? none,
    looselyNamed: (key) => byLooseName.get(key) ?? none,
    view,
  };
}

/** The keys a sync of `sent` looks its contact up by: its name, its loose name, its AccountNumber. */
export type LookupKeys = readonly [name: string, loose: string, code: string];

export function lookupKeys(sent: SentContact): LookupKeys {
  return [xeroNameKey(sent.name), looseNameKey(sent.name), accountNumberKey(sent.accountNumber)];
}

/**
 * A run made before (what each account sent, its lookup keys, its outcome) and the lookups that may answer
 * differently now: the keys of every contact changed since, as it was and as it is. An account that sends the same
 * and looks up none of those keys keeps its earlier outcome; one that does not is run again, and when what it creates
 * changes, its keys join `changedKeys` for the accounts after it.
 */
export interface EarlierRun<C> {
  sent: readonly SentContact[];
  keys: readonly LookupKeys[];
  outcomes: readonly SyncOutcome<C>[];
  changedKeys: ChangedKeys;
}

export interface ChangedKeys {
  names: Set<string>;
  loose: Set<string>;
  codes: Set<string>;
}

export const noChangedKeys = (): ChangedKeys => ({ names: new Set(), loose: new Set(), codes: new Set() });

/** Marks a contact's keys (lookupKeys of it) as changed: lookups by them may answer differently. */
export function markChanged(changed: ChangedKeys, keys: LookupKeys): void {
  changed.names.add(keys[0]);
  changed.loose.add(keys[1]);
  if (keys[2] !== '') changed.codes.add(keys[2]);
}

// Indexed, not destructured: this runs for every account of a run, mostly before V8 has optimised it.
const lookupsChanged = (changed: ChangedKeys, keys: LookupKeys): boolean =>
  changed.names.has(keys[0]) || changed.loose.has(keys[1]) || changed.codes.has(keys[2]);

/**
 * A whole sync run, in the order given: an invoice that makes Xero create a contact changes what the later ones
 * find (a second account of the same name is filed to the contact the first one created). `created(i)` is how the
 * caller refers to the contact account i's invoice creates. An outcome that depends on that order says so. Given
 * an `earlier` run of the same accounts (and `created`), only the accounts its changes can reach are run again.
 */
export function syncRun<C>(
  xero: XeroDirectory<C> & { add(contact: C): void },
  sent: readonly SentContact[],
  created: (i: number) => C,
  earlier?: EarlierRun<C>,
): SyncOutcome<C>[] {
  const made = new Set<C>();
  const notMade = (list: readonly C[]) => list.filter((c) => !made.has(c));
  const before: XeroDirectory<C> = {
    named: (key) => notMade(xero.named(key)),
    holding: (key) => notMade(xero.holding(key)),
    looselyNamed: (key) => notMade(xero.looselyNamed?.(key) ?? []),
    view: xero.view,
  };
  const make = (i: number): void => {
    const c = created(i);
    made.add(c);
    xero.add(c);
  };
  return sent.map((s, i) => {
    const was = earlier?.outcomes[i];
    const sentBefore = earlier?.sent[i];
    const same = sentBefore !== undefined && sentBefore.name === s.name && sentBefore.accountNumber === s.accountNumber;
    if (was && same && !lookupsChanged(earlier!.changedKeys, earlier!.keys[i]!)) {
      if (was.outcome === 'created') make(i);
      return was;
    }
    const outcome = syncInvoice(xero, s);
    if (outcome.outcome === 'created') make(i);
    // What this account creates changed: the later lookups of its keys (as it sent them before, and now) may too.
    if (earlier && (!same || (was?.outcome === 'created') !== (outcome.outcome === 'created'))) {
      if (sentBefore && was?.outcome === 'created') markChanged(earlier.changedKeys, earlier.keys[i]!);
      if (outcome.outcome === 'created') markChanged(earlier.changedKeys, lookupKeys(s));
    }
    if (outcome.outcome !== 'filed' || !made.has(outcome.contact)) return outcome;
    const by = xero.view(outcome.contact);
    const alone = syncInvoice(before, s);
    const otherwise = alone.outcome === 'refused' ? `fails with "${alone.message}"` : 'creates a contact of its own';
    return {
      ...outcome,
      doubt: `filed to the contact that the invoice of ${by.accountNumber} creates ('${by.name}'); sent before that one, this invoice ${otherwise}`,
    };
  });
}

/**
 * Whether the account's next sync fails: Xero refuses the invoice, or files it to the contact holding the code while
 * that contact is not a customer ("may fail": CocoonOPS works with customers only, per the seed). The same line the
 * classifier draws with its failing kinds (domain.ts FAILING_KINDS).
 */
export function syncFails<C>(xero: XeroDirectory<C>, outcome: SyncOutcome<C>, sent: SentContact): boolean {
  if (outcome.outcome === 'refused') return true;
  if (outcome.outcome !== 'filed') return false;
  const filed = xero.view(outcome.contact);
  return filed.isCustomer === false && accountNumberKey(filed.accountNumber) === accountNumberKey(sent.accountNumber);
}

/** `base` with some contacts changed (renamed, renumbered, restored): a what-if for one decision without a copy of all. */
export function withChanges<C>(base: XeroDirectory<C>, changed: ReadonlyMap<C, SyncContact>): XeroDirectory<C> {
  if (changed.size === 0) return base;
  const merged = (fromBase: readonly C[], fromChanged: readonly C[]): readonly C[] => {
    const kept = fromBase.some((c) => changed.has(c)) ? fromBase.filter((c) => !changed.has(c)) : fromBase;
    return fromChanged.length === 0 ? kept : [...kept, ...fromChanged];
  };
  // A decision changes a contact or two: each lookup goes through them. A bulk apply changes thousands: indexed once.
  const extra: XeroDirectory<C> =
    changed.size > 16
      ? directoryOf([...changed.keys()], (c) => changed.get(c)!)
      : {
          named: (key) => [...changed].filter(([, v]) => xeroNameKey(v.name) === key).map(([c]) => c),
          holding: (key) => [...changed].filter(([, v]) => key !== '' && accountNumberKey(v.accountNumber) === key).map(([c]) => c),
          looselyNamed: (key) => [...changed].filter(([, v]) => isActive(v) && looseNameKey(v.name) === key).map(([c]) => c),
          view: (c) => changed.get(c)!,
        };
  return {
    named: (key) => merged(base.named(key), extra.named(key)),
    holding: (key) => merged(base.holding(key), extra.holding(key)),
    looselyNamed: (key) => merged(base.looselyNamed?.(key) ?? [], extra.looselyNamed!(key)),
    view: (c) => changed.get(c) ?? base.view(c),
  };
}

/** A planned change (`field` as Xero names it: Name, AccountNumber, ContactStatus, IsCustomer) made to a contact. */
export function editContact(contact: SyncContact, field: string, to: string): SyncContact {
  if (field === 'Name') return { ...contact, name: to };
  if (field === 'AccountNumber') return { ...contact, accountNumber: to };
  if (field === 'ContactStatus') return { ...contact, status: to };
  if (field === 'IsCustomer') return { ...contact, isCustomer: to === 'true' };
  return contact;
}

/**
 * A planned CocoonOPS change (`name`, `code`) made to what the account sends; `code` is its code before. A new code
 * chosen in CocoonOPS (`to` empty) is one nobody in Xero holds, which is all the model needs to know of it.
 */
export function editSent(sent: SentContact, code: string, field: string, to: string): SentContact {
  if (field === 'name') return { ...sent, name: to };
  if (field === 'code') return { ...sent, accountNumber: to || `${code}\u0000new` };
  return sent;
}
