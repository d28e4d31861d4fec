// Bench data set (a): CocoonOPS ⇄ Xero split of the Chicago early-childhood records (real name variation, True Id = entity).
// Usage: tsx bench/generate-chicago.ts OUTDIR [--seed N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { CodeAllocator, XeroNameRegistry, looseName, writeDataset } from './lib/dataset';
import type { DatasetSummary, GenAccount, GenContact } from './lib/dataset';
import { Rng, hash32 } from './lib/prng';
import { cliMain } from './lib/cli';

export const CHICAGO_CSV = fileURLToPath(new URL('../data/chicago-early-childhood/csv_example_input_with_true_ids.csv', import.meta.url));

export interface SourceRecord {
  id: string;
  entity: string;
  source: string;
  name: string;
  address: string;
  zip: string;
  phone: string;
  email: string;
  contactName: string;
}

type Scenario = 'ok' | 'name_mismatch' | 'code_missing' | 'archived_holder' | 'code_conflict' | 'not_customer';

/** Share of billing accounts per finding (not_in_xero comes from single-record entities). */
const MIX: Record<Scenario | 'not_in_xero', number> = {
  ok: 0.35,
  name_mismatch: 0.25,
  code_missing: 0.12,
  archived_holder: 0.05,
  code_conflict: 0.08,
  not_in_xero: 0.1,
  not_customer: 0.05,
};

/** What an export does to a field: newlines inside become one space, ends trimmed; nothing else. */
export function cleanField(s: string | undefined): string {
  return (s ?? '').replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}

/** Sources whose columns are shifted: where each keeps a person's name (the centre's director, else the executive). */
const CONTACT_NAME_COLUMNS: Record<string, string[]> = {
  'DFSS_AgencySiteLies_2012.csv': ['NAEYC Valid Until', 'ECE Available Programs'],
  'chapin_dfss_providers_2011_070212.csv': ['Eearly Head Start Fund'],
};
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

export function loadChicago(path = CHICAGO_CSV): SourceRecord[] {
  const rows = parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => {
    const source = cleanField(r.Source);
    const contactName = (CONTACT_NAME_COLUMNS[source] ?? []).map((c) => cleanField(r[c])).find((v) => v !== '') ?? '';
    // The email sits in a shifted column for some sources ("Email Address" holds dates there): take any field that is one.
    const email =
      Object.values(r)
        .map(cleanField)
        .find((v) => EMAIL.test(v)) ?? '';
    return {
      id: cleanField(r.Id),
      entity: cleanField(r['True Id']),
      source,
      name: cleanField(r['Site name']),
      address: cleanField(r.Address),
      zip: cleanField(r.Zip),
      email,
      // A few phones are mangled (14 or 6 digits): an export would carry them as they are.
      phone: cleanField(r.Phone),
      contactName,
    };
  });
}

/**
 * The source's `True Id`s miss some duplicates: records with the same name (ignoring case, spacing and
 * punctuation) and the same phone or street address sit under different ids ("Immaculate Conception",
 * "Woodson South"). No bookkeeper would call those two businesses, so they are merged into one entity
 * before the sides are dealt; the rest of the labels are kept as the source has them.
 */
export function mergeObviousDuplicates(records: SourceRecord[]): SourceRecord[] {
  const parent = new Map<string, string>();
  const find = (e: string): string => {
    let root = e;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(e, root);
    return root;
  };
  const firstEntity = new Map<string, string>();
  const name = (r: SourceRecord) => r.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const digits = (s: string) => s.replace(/\D+/g, '').slice(-7);
  for (const r of records) {
    for (const key of [
      digits(r.phone).length === 7 ? `p:${name(r)}|${digits(r.phone)}` : '',
      r.address ? `a:${name(r)}|${r.address.toLowerCase().replace(/[^a-z0-9]+/g, '')}` : '',
    ]) {
      if (!key) continue;
      const other = firstEntity.get(key);
      if (other === undefined) firstEntity.set(key, r.entity);
      else if (find(other) !== find(r.entity)) parent.set(find(r.entity), find(other));
    }
  }
  return records.map((r) => ({ ...r, entity: find(r.entity) }));
}

function pickXeroRecord(rng: Rng, cocoon: SourceRecord, others: SourceRecord[]): SourceRecord {
  const differs = (r: SourceRecord) => looseName(r.name) !== looseName(cocoon.name);
  const tiers = [
    others.filter((r) => differs(r) && r.source !== cocoon.source),
    others.filter(differs),
    others.filter((r) => r.source !== cocoon.source),
    others,
  ];
  return rng.pick(tiers.find((t) => t.length > 0) as SourceRecord[]);
}

/** Case and trailing-space variants that Xero still counts as the same name (inner spacing it may not: sync-model.ts). */
function looseVariant(rng: Rng, name: string): string {
  return rng.weighted<(s: string) => string>([
    [(s) => s, 6],
    [(s) => s.toUpperCase(), 1.5],
    [(s) => s.replace(/\b([a-z])/g, (m) => m.toUpperCase()), 1],
    [(s) => `${s} `, 0.5],
  ])(name);
}

export function generate(outDir: string, seed = 1): DatasetSummary {
  const rng = new Rng(seed);
  const records = mergeObviousDuplicates(loadChicago());
  const byEntity = new Map<string, SourceRecord[]>();
  for (const r of records) {
    const list = byEntity.get(r.entity);
    if (list) list.push(r);
    else byEntity.set(r.entity, [r]);
  }
  const multi = rng.shuffle([...byEntity.values()].filter((v) => v.length >= 2));
  const singles = rng.shuffle([...byEntity.values()].filter((v) => v.length === 1).map((v) => v[0] as SourceRecord));

  // Totals: every multi-record entity is a billing account; not_in_xero accounts are single-record entities.
  const total = Math.round(multi.length / (1 - MIX.not_in_xero));
  const quota = (k: Scenario) => Math.round(MIX[k] * total);

  interface Plan {
    records: SourceRecord[];
    cocoon: SourceRecord;
    xero: SourceRecord;
    extras: SourceRecord[];
    scenario: Scenario;
  }
  const plans: Plan[] = multi.map((recs) => {
    const cocoon = rng.pick(recs);
    const others = recs.filter((r) => r !== cocoon);
    const xero = pickXeroRecord(rng, cocoon, others);
    return { records: recs, cocoon, xero, extras: others.filter((r) => r !== xero), scenario: 'ok' };
  });
  // name_mismatch needs a Xero record whose own name differs; the rest is dealt at random.
  const differing = plans.filter((p) => looseName(p.xero.name) !== looseName(p.cocoon.name));
  const nm = new Set(differing.slice(0, quota('name_mismatch')));
  const rest = plans.filter((p) => !nm.has(p));
  const labels: Scenario[] = [];
  for (const k of ['code_missing', 'archived_holder', 'code_conflict', 'not_customer'] as const)
    for (let i = 0; i < quota(k); i++) labels.push(k);
  while (labels.length < rest.length) labels.push('ok');
  rng.shuffle(labels);
  for (const p of nm) p.scenario = 'name_mismatch';
  rest.forEach((p, i) => (p.scenario = labels[i] as Scenario));

  const notInXero = singles.slice(0, total - multi.length);
  const conflictHolders = singles.slice(notInXero.length, notInXero.length + quota('code_conflict'));
  const xeroOnly = singles.slice(notInXero.length + conflictHolders.length);

  const codes = new CodeAllocator(rng.fork('codes'));
  const names = new XeroNameRegistry(rng.fork('names'));
  const crng = rng.fork('contacts');
  const accounts: GenAccount[] = [];
  const contacts: GenContact[] = [];

  const account = (r: SourceRecord): GenAccount => {
    const a: GenAccount = {
      code: codes.billing(r.name),
      name: r.name,
      contactName: r.contactName,
      email: r.email,
      address: r.address,
      phone: r.phone,
      postcode: r.zip,
      entity: r.entity,
      sourceId: r.id,
    };
    accounts.push(a);
    return a;
  };

  const contact = (r: SourceRecord, over: Partial<GenContact> = {}): GenContact => {
    const areaCode = hash32(r.entity) % 2 === 0 ? '312' : '773';
    const digits = r.phone.replace(/\D/g, '');
    const withArea = digits.length === 7 && crng.chance(0.5);
    const formatted = digits.length === 7 && crng.chance(0.5) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : r.phone;
    const chicago = r.zip.startsWith('606');
    const c: GenContact = {
      id: crng.uuid(),
      name: r.name,
      accountNumber: '',
      status: 'ACTIVE',
      isCustomer: true,
      isSupplier: crng.chance(0.04),
      email: r.email,
      addressLine1: r.address,
      city: chicago ? 'Chicago' : '',
      region: chicago ? 'IL' : '',
      postalCode: r.zip,
      country: chicago ? 'USA' : '',
      phoneNumber: formatted,
      phoneAreaCode: withArea ? areaCode : '',
      phoneCountryCode: withArea && crng.chance(0.3) ? '1' : '',
      updatedMs: 1_420_070_400_000 + crng.int(3_000_000_000) * 100,
      entity: r.entity,
      sourceId: r.id,
      ...over,
    };
    c.name = names.claim(c.name);
    contacts.push(c);
    return c;
  };
  /** Holders sometimes carry the code with different case or a stray space; the truth rules trim and ignore case. */
  const holderCode = (code: string) =>
    crng.weighted<(s: string) => string>([
      [(s) => s, 0.94],
      [(s) => s.toLowerCase(), 0.03],
      [(s) => `${s} `, 0.03],
    ])(code);

  // Conflict holders are unrelated Xero-only businesses that (by mistake) hold another account's code.
  const conflictQueue = [...conflictHolders];
  const duplicateEvery = 25; // about one entity in 25 also gets a Xero-side duplicate

  plans.forEach((p, i) => {
    const a = account(p.cocoon);
    switch (p.scenario) {
      case 'ok':
        contact(p.xero, { name: looseVariant(crng, p.cocoon.name), accountNumber: holderCode(a.code) });
        break;
      case 'name_mismatch':
        contact(p.xero, { accountNumber: holderCode(a.code) });
        break;
      case 'code_missing':
        contact(p.xero, {
          name: crng.chance(0.2) ? looseVariant(crng, p.cocoon.name) : p.xero.name,
          accountNumber: crng.chance(0.35) ? codes.legacy() : '',
        });
        break;
      case 'archived_holder': {
        contact(p.xero, {
          status: 'ARCHIVED',
          name: crng.chance(0.5) ? p.cocoon.name : p.xero.name,
          accountNumber: holderCode(a.code),
        });
        if (crng.chance(0.5)) contact(p.extras[0] ?? p.cocoon, { name: (p.extras[0] ?? p.cocoon).name });
        break;
      }
      case 'code_conflict': {
        const unrelated = conflictQueue.shift();
        if (unrelated) contact(unrelated, { accountNumber: holderCode(a.code) });
        if (crng.chance(0.6)) contact(p.xero, { accountNumber: crng.chance(0.3) ? codes.legacy() : '' });
        break;
      }
      case 'not_customer':
        contact(p.xero, {
          name: looseVariant(crng, p.cocoon.name),
          accountNumber: holderCode(a.code),
          isCustomer: false,
          isSupplier: crng.chance(0.5),
        });
        break;
    }
    // Xero-side duplicates of the same business: another record's spelling, or "Name 1" / "Name-1", often archived.
    if (p.scenario !== 'code_conflict' && p.scenario !== 'archived_holder' && i % duplicateEvery === 7) {
      const extra = p.extras[0];
      const holderName = contacts[contacts.length - 1]?.name ?? p.xero.name;
      contact(extra ?? p.xero, {
        name: extra && looseName(extra.name) !== looseName(holderName) ? extra.name : `${holderName}${crng.pick([' 1', '-1'])}`,
        // Without a same-business holder an ACTIVE copy would make "the" contact a matter of file order: archive it.
        status: p.scenario === 'code_missing' || crng.chance(0.5) ? 'ARCHIVED' : 'ACTIVE',
      });
    }
  });
  for (const r of notInXero) account(r);
  for (const r of xeroOnly) {
    const supplier = crng.chance(0.2);
    contact(r, {
      isSupplier: supplier,
      isCustomer: !supplier || crng.chance(0.3),
      status: crng.chance(0.08) ? 'ARCHIVED' : 'ACTIVE',
      accountNumber: crng.chance(0.3) ? codes.legacy() : '',
    });
  }

  return writeDataset(outDir, {
    accounts: rng.fork('account-order').shuffle(accounts),
    contacts: rng.fork('contact-order').shuffle(contacts),
    envelopeId: rng.fork('envelope').uuid(),
    dateTimeMs: 1_735_689_600_000 + (seed % 1000) * 86_400_000,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) cliMain('generate-chicago', generate);
