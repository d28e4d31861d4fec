// The generators' in-memory model of a bench data set, the truth labelling rules, and the files written from it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FindingKind } from '../../src/shared/domain';
import { accountNumberKey, directoryOf, syncInvoice } from '../../src/shared/sync-model';
import { toCsv } from './csv';
import type { Rng } from './prng';

/** One CocoonOPS billing account plus the real business (entity) it belongs to. */
export interface GenAccount {
  code: string;
  name: string;
  contactName: string;
  email: string;
  address: string;
  phone: string;
  postcode: string;
  entity: string;
  /** Id of the source record (Chicago `Id`), '' for synthetic. */
  sourceId: string;
}

export interface GenContact {
  id: string;
  name: string;
  accountNumber: string;
  status: 'ACTIVE' | 'ARCHIVED';
  isCustomer: boolean;
  isSupplier: boolean;
  email: string;
  addressLine1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phoneNumber: string;
  phoneAreaCode: string;
  phoneCountryCode: string;
  updatedMs: number;
  entity: string;
  sourceId: string;
}

export interface GenDataset {
  accounts: GenAccount[];
  contacts: GenContact[];
  envelopeId: string;
  dateTimeMs: number;
}

export const COCOON_HEADER = [
  'Organisation Name',
  'Billing Account Code',
  'Contact Name',
  'Email',
  'Address',
  'Phone',
  'Postcode',
] as const;
export const TRUTH_HEADER = ['billing_account_code', 'xero_contact_id', 'finding', 'code_holder_id'] as const;
export const DUPLICATES_HEADER = ['contact_id_a', 'contact_id_b'] as const;
export const ENTITIES_HEADER = ['side', 'key', 'entity_id', 'source_id'] as const;

export const FILES = {
  cocoon: 'cocoon.csv',
  xero: 'xero-contacts.json',
  truth: 'truth.csv',
  duplicates: 'truth-duplicates.csv',
  entities: 'truth-entities.csv',
} as const;

export interface TruthRow {
  code: string;
  xeroContactId: string;
  finding: FindingKind;
  codeHolderId: string;
}

/** Names that a generator must keep apart (case and spacing ignored): no two contacts may be this alike. */
export function looseName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
export const codeKey = accountNumberKey;

/** The minimum a contact needs for the truth rules. */
export interface TruthContact {
  id: string;
  name: string;
  accountNumber: string;
  status: string;
  isCustomer: boolean;
  entity: string;
}

/**
 * Labels each account by the bench's rules (see bench/README.md): what Xero does with its invoice comes from the sync
 * model (src/shared/sync-model.ts), and "same business" is "same entity". Filed to a contact: ok / not_customer when it
 * holds the code, code_missing when it has no number, else code_differs. Refused: archived_holder for an archived
 * contact of that name, else by the holder of the code (same entity: name_mismatch, or archived_holder when archived;
 * another entity: code_conflict). Created: code_missing when Xero has the business under another name, else
 * not_in_xero. The linked contact is the one filed to, else the same-entity holder, else an ACTIVE contact of the
 * entity, else its first in file order.
 */
export function deriveTruth(
  accounts: readonly { code: string; name: string; entity: string }[],
  contacts: readonly TruthContact[],
): TruthRow[] {
  const byEntity = new Map<string, TruthContact[]>();
  const held = new Set<string>();
  for (const c of contacts) {
    const k = codeKey(c.accountNumber);
    if (k !== '') {
      if (held.has(k)) throw new Error(`AccountNumber ${c.accountNumber} held twice`);
      held.add(k);
    }
    const list = byEntity.get(c.entity);
    if (list) list.push(c);
    else byEntity.set(c.entity, [c]);
  }
  const xero = directoryOf(contacts, (c) => c);
  return accounts.map((a) => {
    const holder = xero.holding(codeKey(a.code))[0];
    const same = byEntity.get(a.entity) ?? [];
    const sync = syncInvoice(xero, { name: a.name, accountNumber: a.code });
    let linked: TruthContact | undefined =
      holder && holder.entity === a.entity ? holder : (same.find((c) => c.status === 'ACTIVE') ?? same[0]);
    let finding: FindingKind;
    if (sync.outcome === 'filed') {
      linked = sync.contact;
      if (holder === sync.contact) finding = holder.isCustomer ? 'ok' : 'not_customer';
      else finding = sync.contact.accountNumber.trim() === '' ? 'code_missing' : 'code_differs';
    } else if (sync.outcome === 'refused' && sync.reason === 'archived') {
      linked = sync.contact;
      finding = 'archived_holder';
    } else if (sync.outcome === 'refused') {
      if (sync.contact.entity === a.entity) finding = sync.contact.status === 'ACTIVE' ? 'name_mismatch' : 'archived_holder';
      else finding = 'code_conflict';
    } else finding = linked ? 'code_missing' : 'not_in_xero';
    return { code: a.code, xeroContactId: linked?.id ?? '', finding, codeHolderId: holder?.id ?? '' };
  });
}

/** Every pair of Xero contacts that are the same business, a before b in file order. */
export function deriveDuplicates(contacts: readonly { id: string; entity: string }[]): [string, string][] {
  const byEntity = new Map<string, string[]>();
  for (const c of contacts) {
    const list = byEntity.get(c.entity);
    if (list) list.push(c.id);
    else byEntity.set(c.entity, [c.id]);
  }
  const pairs: [string, string][] = [];
  const order = new Map(contacts.map((c, i) => [c.id, i]));
  for (const ids of byEntity.values())
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i] as string, ids[j] as string]);
  pairs.sort(
    (p, q) => (order.get(p[0]) as number) - (order.get(q[0]) as number) || (order.get(p[1]) as number) - (order.get(q[1]) as number),
  );
  return pairs;
}

export function xeroDate(ms: number, withOffset: boolean): string {
  return withOffset ? `/Date(${ms}+0000)/` : `/Date(${ms})/`;
}

/** A contact as Xero's GET /Contacts returns it (PascalCase; AccountNumber omitted when blank). */
export function toXeroJson(c: GenContact): Record<string, unknown> {
  const out: Record<string, unknown> = { ContactID: c.id, ContactStatus: c.status, Name: c.name };
  if (c.accountNumber !== '') out.AccountNumber = c.accountNumber;
  out.EmailAddress = c.email;
  out.Addresses = [
    { AddressType: 'STREET', AddressLine1: c.addressLine1, City: c.city, Region: c.region, PostalCode: c.postalCode, Country: c.country },
    { AddressType: 'POBOX', AddressLine1: '', City: '', Region: '', PostalCode: '', Country: '' },
  ];
  out.Phones = [{ PhoneType: 'DEFAULT', PhoneNumber: c.phoneNumber, PhoneAreaCode: c.phoneAreaCode, PhoneCountryCode: c.phoneCountryCode }];
  out.UpdatedDateUTC = xeroDate(c.updatedMs, true);
  out.IsSupplier = c.isSupplier;
  out.IsCustomer = c.isCustomer;
  out.HasAttachments = false;
  return out;
}

export interface DatasetSummary {
  accounts: number;
  contacts: number;
  findings: Record<string, number>;
  duplicatePairs: number;
}

/** Writes cocoon.csv, xero-contacts.json, truth.csv, truth-duplicates.csv and truth-entities.csv. */
export function writeDataset(outDir: string, ds: GenDataset): DatasetSummary {
  mkdirSync(outDir, { recursive: true });
  const truth = deriveTruth(ds.accounts, ds.contacts);
  const dups = deriveDuplicates(ds.contacts);
  writeFileSync(
    join(outDir, FILES.cocoon),
    toCsv(
      COCOON_HEADER,
      ds.accounts.map((a) => [a.name, a.code, a.contactName, a.email, a.address, a.phone, a.postcode]),
    ),
  );
  const envelope = {
    Id: ds.envelopeId,
    Status: 'OK',
    ProviderName: 'Reconciler bench',
    DateTimeUTC: xeroDate(ds.dateTimeMs, false),
    Contacts: ds.contacts.map(toXeroJson),
  };
  writeFileSync(join(outDir, FILES.xero), JSON.stringify(envelope) + '\n');
  writeFileSync(
    join(outDir, FILES.truth),
    toCsv(
      TRUTH_HEADER,
      truth.map((t) => [t.code, t.xeroContactId, t.finding, t.codeHolderId]),
    ),
  );
  writeFileSync(join(outDir, FILES.duplicates), toCsv(DUPLICATES_HEADER, dups));
  writeFileSync(
    join(outDir, FILES.entities),
    toCsv(ENTITIES_HEADER, [
      ...ds.accounts.map((a) => ['cocoon', a.code, a.entity, a.sourceId]),
      ...ds.contacts.map((c) => ['xero', c.id, c.entity, c.sourceId]),
    ]),
  );
  const findings: Record<string, number> = {};
  for (const t of truth) findings[t.finding] = (findings[t.finding] ?? 0) + 1;
  return { accounts: ds.accounts.length, contacts: ds.contacts.length, findings, duplicatePairs: dups.length };
}

/** Makes Xero contact names unique the way Xero forces it (integrations append " 1", "-1", " 2" …). */
export class XeroNameRegistry {
  private readonly taken = new Set<string>();
  constructor(private readonly rng: Rng) {}

  has(name: string): boolean {
    return this.taken.has(looseName(name));
  }

  /** Returns `name`, or `name` with a counter if another contact already has it; records the result. */
  claim(name: string): string {
    let out = name;
    if (this.taken.has(looseName(out))) {
      const sep = this.rng.weighted([
        [' ', 3],
        ['-', 1],
        [' (', 1],
      ] as const);
      for (let n = 1; ; n++) {
        out = sep === ' (' ? `${name} (${n})` : `${name}${sep}${n}`;
        if (!this.taken.has(looseName(out))) break;
      }
    }
    this.taken.add(looseName(out));
    return out;
  }
}

/** Hands out unique codes (case-insensitive), in a few styles seen in real ledgers. */
export class CodeAllocator {
  private readonly used = new Set<string>();
  private seq = 100;
  constructor(private readonly rng: Rng) {}

  isUsed(code: string): boolean {
    return this.used.has(codeKey(code));
  }

  private take(code: string): string | null {
    if (this.isUsed(code)) return null;
    this.used.add(codeKey(code));
    return code;
  }

  /** A CocoonOPS-style billing code: `C00123`, `ACME01` (from the name), or numeric `104233`. */
  billing(name: string): string {
    const style = this.rng.weighted([
      ['C', 4],
      ['prefix', 4],
      ['numeric', 2],
    ] as const);
    for (;;) {
      let code: string | null = null;
      if (style === 'C') {
        this.seq += 1 + this.rng.int(7);
        code = this.take(`C${String(this.seq).padStart(5, '0')}`);
      } else if (style === 'numeric') {
        code = this.take(String(100000 + this.rng.int(900000)));
      } else {
        const letters = (
          name
            .normalize('NFKD')
            .toUpperCase()
            .replace(/^THE\s+/, '')
            .match(/[A-Z]+/g) ?? ['ACCT']
        ).join('');
        const prefix = (letters + 'XXXX').slice(0, this.rng.pick([4, 4, 5, 6]));
        for (let n = 1; n < 100 && code === null; n++) code = this.take(`${prefix}${String(n).padStart(2, '0')}`);
      }
      if (code !== null) return code;
    }
  }

  /** A code from some other numbering (an old system, another integration): never a billing code. */
  legacy(): string {
    for (;;) {
      const style = this.rng.pick(['OLD', 'X-', 'CUST', 'ACC'] as const);
      const code = this.take(`${style}${this.rng.digits(style === 'X-' ? 5 : 4)}`);
      if (code !== null) return code;
    }
  }
}

/** True when every file of a data set is in `dir`. */
export function datasetComplete(dir: string, exists: (p: string) => boolean): boolean {
  return Object.values(FILES).every((f) => exists(join(dir, f)));
}
