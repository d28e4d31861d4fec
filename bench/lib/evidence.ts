// Addresses, phones and emails of synthetic businesses, and how each system records them.
import type { Faker } from '@faker-js/faker';
import type { Rng } from './prng';
import type { Region } from './company-names';

export interface Evidence {
  street: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  /** Phone as digits: country code, area code (without trunk 0), local number. */
  phoneCountry: string;
  phoneArea: string;
  phoneLocal: string;
  domain: string;
  person: string;
}

const COUNTRY: Record<Region, [string, string]> = {
  AU: ['Australia', '61'],
  GB: ['United Kingdom', '44'],
  US: ['United States', '1'],
  DE: ['Germany', '49'],
  NL: ['Netherlands', '31'],
};
const TLD: Record<Region, string> = { AU: '.com.au', GB: '.co.uk', US: '.com', DE: '.de', NL: '.nl' };

export function makeEvidence(rng: Rng, f: Faker, region: Region, base: string): Evidence {
  const [country, cc] = COUNTRY[region];
  let area: string;
  let local: string;
  switch (region) {
    case 'AU':
      if (rng.chance(0.15))
        [area, local] = ['4', rng.digits(8)]; // mobile: 04xx xxx xxx
      else [area, local] = [rng.pick(['2', '3', '7', '8']), rng.pick(['9', '8', '5', '4']) + rng.digits(7)];
      break;
    case 'GB':
      [area, local] = rng.chance(0.4)
        ? ['20', rng.pick(['7', '8', '3']) + rng.digits(7)]
        : [rng.pick(['161', '121', '113', '117', '141', '131', '1223']), rng.digits(6) + rng.digits(1)];
      break;
    case 'US':
      [area, local] = [String(rng.range(201, 989)), String(rng.range(200, 999)) + rng.digits(4)];
      break;
    default:
      [area, local] = [String(rng.range(20, 899)), rng.digits(7)];
  }
  const slug =
    base
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 24) || 'mail';
  return {
    street: f.location.streetAddress(),
    city: f.location.city(),
    region: region === 'GB' || region === 'NL' ? '' : f.location.state({ abbreviated: true }),
    postcode: f.location.zipCode(),
    country,
    phoneCountry: cc,
    phoneArea: area,
    phoneLocal: local,
    domain: rng.chance(0.08) ? rng.pick(['gmail.com', 'outlook.com', 'bigpond.com', 'yahoo.com']) : `${slug}${TLD[region]}`,
    person: `${f.person.firstName()} ${f.person.lastName()}`,
  };
}

function groupLocal(region: Region, local: string): string {
  if (region === 'AU') return `${local.slice(0, 4)} ${local.slice(4)}`;
  if (region === 'US') return `${local.slice(0, 3)}-${local.slice(3)}`;
  return local.length > 6 ? `${local.slice(0, local.length - 4)} ${local.slice(-4)}` : local;
}

/** One free-text phone as a person would type it into CocoonOPS. */
export function phoneText(rng: Rng, region: Region, e: Evidence): string {
  const local = groupLocal(region, e.phoneLocal);
  const trunk = region === 'US' ? '' : '0';
  if (region === 'AU' && e.phoneArea === '4') {
    const m = `4${e.phoneLocal}`;
    return rng.weighted<string>([
      [`0${m.slice(0, 3)} ${m.slice(3, 6)} ${m.slice(6)}`, 4],
      [`+61 ${m.slice(0, 3)} ${m.slice(3, 6)} ${m.slice(6)}`, 1],
      [`0${m}`, 1],
    ]);
  }
  return rng.weighted<string>([
    [region === 'US' ? `(${e.phoneArea}) ${local}` : `(${trunk}${e.phoneArea}) ${local}`, 3],
    [`${trunk}${e.phoneArea} ${local}`, 3],
    [`+${e.phoneCountry} ${e.phoneArea} ${local}`, 2],
    [`${trunk}${e.phoneArea}${e.phoneLocal}`, 1],
  ]);
}

/** Xero's split phone fields. */
export function xeroPhone(rng: Rng, region: Region, e: Evidence): { number: string; area: string; country: string } {
  const local = groupLocal(region, e.phoneLocal);
  const trunk = region === 'US' ? '' : '0';
  if (region === 'AU' && e.phoneArea === '4') {
    const m = `4${e.phoneLocal}`;
    return {
      number: rng.chance(0.7) ? `0${m.slice(0, 3)} ${m.slice(3, 6)} ${m.slice(6)}` : `0${m}`,
      area: '',
      country: rng.chance(0.3) ? '61' : '',
    };
  }
  if (rng.chance(0.55))
    return {
      number: local,
      area: rng.chance(0.5) ? `${trunk}${e.phoneArea}` : e.phoneArea,
      country: rng.chance(0.5) ? e.phoneCountry : '',
    };
  return {
    number: rng.chance(0.5) ? `${trunk}${e.phoneArea} ${local}` : `+${e.phoneCountry} ${e.phoneArea} ${local}`,
    area: '',
    country: '',
  };
}

export function emailFor(rng: Rng, e: Evidence): string {
  const [first = 'info', last = ''] = e.person
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .split(' ');
  const box = rng.weighted<string>([
    ['accounts', 4],
    ['info', 2],
    ['admin', 1],
    ['ap', 1],
    [`${first}`, 1],
    [`${first}.${last}`, 1],
  ]);
  return `${box}@${e.domain}`;
}

const STREET_ABBREV: readonly [RegExp, string][] = [
  [/\bStreet\b/, 'St'],
  [/\bRoad\b/, 'Rd'],
  [/\bAvenue\b/, 'Ave'],
  [/\bDrive\b/, 'Dr'],
  [/\bPlace\b/, 'Pl'],
  [/\bCourt\b/, 'Ct'],
  [/\bLane\b/, 'Ln'],
  [/\bHighway\b/, 'Hwy'],
  [/\bParade\b/, 'Pde'],
  [/\bCrescent\b/, 'Cres'],
  [/\bBoulevard\b/, 'Blvd'],
  [/\bClose\b/, 'Cl'],
];

/** The same street written by someone else: abbreviated, unit prefix, case. */
export function varyStreet(rng: Rng, street: string): string {
  let s = street;
  if (rng.chance(0.5)) for (const [re, ab] of STREET_ABBREV) s = s.replace(re, ab);
  if (rng.chance(0.1)) s = `Unit ${rng.range(1, 20)}, ${s}`;
  if (rng.chance(0.1)) s = s.toUpperCase();
  return s;
}
