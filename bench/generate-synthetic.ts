// Bench data set (b): synthetic CocoonOPS accounts × Xero contacts at scale (default 20,000 × 50,000), faker-seeded.
// Usage: tsx bench/generate-synthetic.ts OUTDIR [--seed N]
import { fileURLToPath } from 'node:url';
import { Faker, base, de, en, en_AU, en_GB, en_US, nl } from '@faker-js/faker';
import { CodeAllocator, XeroNameRegistry, looseName, writeDataset } from './lib/dataset';
import type { DatasetSummary, GenAccount, GenContact } from './lib/dataset';
import { Rng } from './lib/prng';
import { displayName, legalName, makeCompanyName, varyName } from './lib/company-names';
import type { CompanyName, Region } from './lib/company-names';
import { emailFor, makeEvidence, phoneText, varyStreet, xeroPhone } from './lib/evidence';
import type { Evidence } from './lib/evidence';
import { cliMain } from './lib/cli';

export interface SyntheticOptions {
  accounts?: number;
  contacts?: number;
}

type Scenario = 'ok' | 'name_mismatch' | 'code_missing' | 'archived_holder' | 'code_conflict' | 'not_in_xero' | 'not_customer';
const MIX: readonly (readonly [Scenario, number])[] = [
  ['ok', 0.35],
  ['name_mismatch', 0.25],
  ['code_missing', 0.12],
  ['archived_holder', 0.05],
  ['code_conflict', 0.08],
  ['not_in_xero', 0.1],
  ['not_customer', 0.05],
];
const REGIONS: readonly (readonly [Region, number])[] = [
  ['AU', 45],
  ['GB', 22],
  ['US', 25],
  ['DE', 4],
  ['NL', 4],
];

interface Entity {
  id: string;
  region: Region;
  name: CompanyName;
  ev: Evidence;
}

function looseVariant(rng: Rng, name: string): string {
  return rng.weighted<(s: string) => string>([
    [(s) => s, 7],
    [(s) => s.toUpperCase(), 1.5],
    [(s) => s.toLowerCase(), 0.5],
  ])(name);
}

export function generate(outDir: string, seed = 1, opts: SyntheticOptions = {}): DatasetSummary {
  const nAccounts = opts.accounts ?? 20_000;
  const nContacts = opts.contacts ?? 50_000;
  const rng = new Rng(seed);
  const fakers: Record<Region, Faker> = {
    AU: new Faker({ locale: [en_AU, en, base] }),
    GB: new Faker({ locale: [en_GB, en, base] }),
    US: new Faker({ locale: [en_US, en, base] }),
    DE: new Faker({ locale: [de, en, base] }),
    NL: new Faker({ locale: [nl, en, base] }),
  };
  Object.values(fakers).forEach((f, i) => f.seed(seed * 101 + i));

  const erng = rng.fork('entities');
  const takenBase = new Set<string>();
  let entityCount = 0;
  const newEntity = (name?: CompanyName): Entity => {
    const region = name?.region ?? erng.weighted(REGIONS);
    const f = fakers[region];
    let n = name;
    while (!n) {
      const candidate = makeCompanyName(erng, f, region);
      // Unrelated businesses share a name now and then, but rarely.
      if (!takenBase.has(looseName(candidate.base)) || erng.chance(0.03)) n = candidate;
    }
    takenBase.add(looseName(n.base));
    return { id: `e${++entityCount}`, region, name: n, ev: makeEvidence(erng, f, region, n.base) };
  };

  const codes = new CodeAllocator(rng.fork('codes'));
  const names = new XeroNameRegistry(rng.fork('names'));
  const arng = rng.fork('accounts');
  const crng = rng.fork('contacts');
  const vrng = rng.fork('variation');
  const accounts: GenAccount[] = [];
  const contacts: GenContact[] = [];
  const vary = (s: string) => varyName(vrng, s, looseName);

  const account = (e: Entity): GenAccount => {
    let name = displayName(arng, e.name);
    if (arng.chance(0.03)) name = name.toUpperCase();
    const ev = e.ev;
    const a: GenAccount = {
      code: codes.billing(name),
      name,
      contactName: arng.chance(0.8) ? ev.person : '',
      email: arng.chance(0.7) ? emailFor(arng, ev) : '',
      address: arng.chance(0.9) ? (arng.chance(0.6) ? `${ev.street}, ${ev.city}${ev.region ? ` ${ev.region}` : ''}` : ev.street) : '',
      phone: arng.chance(0.8) ? phoneText(arng, e.region, ev) : '',
      postcode: arng.chance(0.85) ? ev.postcode : '',
      entity: e.id,
      sourceId: '',
    };
    accounts.push(a);
    return a;
  };

  /** A Xero contact for entity `e`; `related` = it is the account's own business as recorded by another person. */
  const contact = (e: Entity, name: string, over: Partial<GenContact> = {}, related = true): GenContact => {
    // One in ten businesses has moved since Xero was last updated.
    const ev =
      related && crng.chance(0.1)
        ? { ...makeEvidence(crng, fakers[e.region], e.region, e.name.base), domain: e.ev.domain, person: e.ev.person }
        : e.ev;
    const phone = xeroPhone(crng, e.region, ev);
    const hasPhone = crng.chance(0.8);
    const c: GenContact = {
      id: crng.uuid(),
      name: names.claim(name),
      accountNumber: '',
      status: 'ACTIVE',
      isCustomer: true,
      isSupplier: crng.chance(0.05),
      email: crng.chance(0.7) ? emailFor(crng, ev) : '',
      addressLine1: crng.chance(0.9) ? (related ? varyStreet(crng, ev.street) : ev.street) : '',
      city: ev.city,
      region: ev.region,
      postalCode: crng.chance(0.9) ? ev.postcode : '',
      country: crng.chance(0.5) ? ev.country : '',
      phoneNumber: hasPhone ? phone.number : '',
      phoneAreaCode: hasPhone ? phone.area : '',
      phoneCountryCode: hasPhone ? phone.country : '',
      updatedMs: 1_483_228_800_000 + crng.int(2_500_000_000) * 100,
      entity: e.id,
      sourceId: '',
    };
    Object.assign(c, over);
    contacts.push(c);
    return c;
  };
  const holderCode = (code: string) =>
    crng.weighted<(s: string) => string>([
      [(s) => s, 0.94],
      [(s) => s.toLowerCase(), 0.03],
      [(s) => ` ${s}`, 0.03],
    ])(code);
  /** The other system's spelling: another form of a trading name, or the usual edits. */
  const otherSpelling = (e: Entity, cocoonName: string): string => {
    if (e.name.legalEntity && vrng.chance(0.5)) {
      const alt = displayName(vrng, e.name);
      if (looseName(alt) !== looseName(cocoonName)) return alt;
    }
    return vary(cocoonName);
  };

  const labels: Scenario[] = [];
  for (const [k, share] of MIX) for (let i = 0; i < Math.round(share * nAccounts); i++) labels.push(k);
  while (labels.length < nAccounts) labels.push('ok');
  labels.length = nAccounts;
  rng.fork('labels').shuffle(labels);

  for (const scenario of labels) {
    const e = newEntity();
    const a = account(e);
    let holder: GenContact | undefined;
    switch (scenario) {
      case 'ok':
        holder = contact(e, looseVariant(crng, a.name), { accountNumber: holderCode(a.code) });
        break;
      case 'name_mismatch':
        holder = contact(e, otherSpelling(e, a.name), { accountNumber: holderCode(a.code) });
        break;
      case 'code_missing':
        holder = contact(e, crng.chance(0.25) ? looseVariant(crng, a.name) : otherSpelling(e, a.name), {
          accountNumber: crng.chance(0.35) ? codes.legacy() : '',
        });
        break;
      case 'archived_holder': {
        const h = contact(e, crng.chance(0.5) ? a.name : otherSpelling(e, a.name), {
          status: 'ARCHIVED',
          accountNumber: holderCode(a.code),
        });
        if (crng.chance(0.5)) contact(e, crng.chance(0.5) ? h.name : otherSpelling(e, a.name));
        break;
      }
      case 'code_conflict': {
        const other = newEntity();
        contact(other, displayName(crng, other.name), { accountNumber: holderCode(a.code) }, false);
        if (crng.chance(0.6))
          contact(e, crng.chance(0.4) ? looseVariant(crng, a.name) : otherSpelling(e, a.name), {
            accountNumber: crng.chance(0.3) ? codes.legacy() : '',
          });
        break;
      }
      case 'not_customer':
        holder = contact(e, looseVariant(crng, a.name), {
          accountNumber: holderCode(a.code),
          isCustomer: false,
          isSupplier: crng.chance(0.5),
        });
        break;
      case 'not_in_xero':
        // A quarter have a look-alike in Xero that is another business (same surname or place, other trade; rarely the same name).
        if (crng.chance(0.25)) {
          const sameName = crng.chance(0.1);
          const words = e.name.base.split(' ');
          const lookalike: CompanyName | undefined = sameName
            ? { ...e.name, legalForm: e.name.legalForm === '' ? 'Ltd' : '', legalEntity: '' }
            : words.length >= 2
              ? {
                  ...makeCompanyName(crng, fakers[e.region], e.region),
                  base: `${words[0]} ${newEntity().name.base.split(' ').slice(-1)[0]}`,
                }
              : undefined;
          if (lookalike && looseName(legalName(lookalike)) !== looseName(a.name)) {
            const other = newEntity({ ...lookalike, region: e.region });
            contact(other, legalName(other.name), {}, false);
          }
        }
        break;
    }
    // Xero-side duplicates of the same business ("Name 1" / "Name-1", another spelling, archived copies).
    if (holder && crng.chance(0.04)) {
      contact(e, crng.chance(0.6) ? `${holder.name}${crng.pick([' 1', '-1', ' 2'])}` : otherSpelling(e, a.name), {
        // Without a same-business holder an ACTIVE copy would make "the" contact a matter of file order: archive it.
        status: scenario === 'code_missing' || crng.chance(0.5) ? 'ARCHIVED' : 'ACTIVE',
      });
    }
  }
  // Everyone else in the Xero organisation: other customers, suppliers, archived contacts.
  while (contacts.length < nContacts) {
    const e = newEntity();
    const supplier = crng.chance(0.2);
    contact(
      e,
      displayName(crng, e.name),
      {
        isSupplier: supplier || crng.chance(0.05),
        isCustomer: !supplier || crng.chance(0.25),
        status: crng.chance(0.08) ? 'ARCHIVED' : 'ACTIVE',
        accountNumber: crng.chance(0.3) ? codes.legacy() : '',
      },
      false,
    );
  }

  return writeDataset(outDir, {
    accounts: rng.fork('account-order').shuffle(accounts),
    contacts: rng.fork('contact-order').shuffle(contacts),
    envelopeId: rng.fork('envelope').uuid(),
    dateTimeMs: 1_735_689_600_000 + (seed % 1000) * 86_400_000,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  cliMain('generate-synthetic', (out, seed) => generate(out, seed));
