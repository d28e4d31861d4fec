// Company names for the synthetic set, and the ways the same name is typed differently in another system.
import type { Faker } from '@faker-js/faker';
import type { Rng } from './prng';

export type Region = 'AU' | 'GB' | 'US' | 'DE' | 'NL';

export const LEGAL_FORMS: Record<Region, readonly (readonly [string, number])[]> = {
  AU: [
    ['Pty Ltd', 55],
    ['Pty. Ltd.', 8],
    ['Pty Limited', 5],
    ['Ltd', 4],
    ['Limited', 2],
    ['', 26],
  ],
  GB: [
    ['Ltd', 48],
    ['Limited', 25],
    ['Ltd.', 3],
    ['LLP', 4],
    ['PLC', 3],
    ['', 17],
  ],
  US: [
    ['Inc', 22],
    ['Inc.', 15],
    ['LLC', 30],
    ['Corp', 8],
    ['Corporation', 4],
    ['Co.', 5],
    ['', 16],
  ],
  DE: [
    ['GmbH', 70],
    ['GmbH & Co. KG', 12],
    ['AG', 8],
    ['', 10],
  ],
  NL: [
    ['B.V.', 75],
    ['N.V.', 5],
    ['', 20],
  ],
};

/** Other spellings of the same legal form (and the forms a clerk would swap it for). */
const LEGAL_SWAPS: Record<string, readonly string[]> = {
  'Pty Ltd': ['Pty. Ltd.', 'Pty Limited', 'PTY LTD', 'P/L', 'Pty', 'Ltd'],
  'Pty. Ltd.': ['Pty Ltd', 'Pty Limited'],
  'Pty Limited': ['Pty Ltd', 'Pty. Ltd.'],
  Ltd: ['Limited', 'Ltd.', 'LTD'],
  'Ltd.': ['Ltd', 'Limited'],
  Limited: ['Ltd', 'Ltd.'],
  LLP: ['L.L.P.'],
  PLC: ['plc', 'Public Limited Company'],
  Inc: ['Inc.', 'Incorporated', 'LLC'],
  'Inc.': ['Inc', 'Incorporated'],
  LLC: ['L.L.C.', 'Inc', 'LLC.'],
  Corp: ['Corp.', 'Corporation', 'Inc'],
  Corporation: ['Corp', 'Corp.'],
  'Co.': ['Co', 'Company'],
  GmbH: ['Gmbh', 'GMBH', 'G.m.b.H.'],
  'GmbH & Co. KG': ['GmbH & Co KG', 'GmbH'],
  AG: ['A.G.'],
  'B.V.': ['BV', 'B.V', 'bv'],
  'N.V.': ['NV'],
};
const ALL_LEGAL = [...new Set([...Object.keys(LEGAL_SWAPS), ...Object.values(LEGAL_SWAPS).flat()])].sort((a, b) => b.length - a.length);

const INDUSTRY: Record<Region, readonly string[]> = {
  AU: [
    'Freight',
    'Logistics',
    'Transport',
    'Haulage',
    'Cartage',
    'Couriers',
    'Removals',
    'Trading',
    'Imports',
    'Services',
    'Engineering',
    'Supplies',
    'Distribution',
    'Warehousing',
    'Foods',
    'Holdings',
    'Group',
    'Construction',
    'Manufacturing',
    'Solutions',
    'Electrical',
    'Plumbing',
    'Motors',
    'Packaging',
    'Timber',
    'Steel',
    'Produce',
    'Containers',
    'Marine',
    'Agencies',
    'Enterprises',
    'Industries',
    'Wholesale',
    'Hardware',
    'Machinery',
    'Plastics',
    'Print',
    'Automotive',
    'Customs Brokers',
    'Cold Storage',
    'Freight Services',
    'Tyres',
    'Concrete',
    'Pharmacy',
    'Bakery',
    'Fresh Produce',
    'Earthmoving',
    'Landscaping',
    'Building Supplies',
    'Australia',
  ],
  GB: [
    'Freight',
    'Logistics',
    'Transport',
    'Haulage',
    'Shipping',
    'Couriers',
    'Removals',
    'Trading',
    'Imports',
    'Exports',
    'Services',
    'Engineering',
    'Supplies',
    'Distribution',
    'Warehousing',
    'Foods',
    'Holdings',
    'Group',
    'Construction',
    'Manufacturing',
    'Solutions',
    'Technologies',
    'Electrical',
    'Motors',
    'Packaging',
    'Timber',
    'Steel',
    'Textiles',
    'Beverages',
    'Associates',
    'Consulting',
    'Wholesale',
    'Chemicals',
    'Paper',
    'Print',
    'Fabrications',
    'Precision Engineering',
    'Fine Foods',
    'Commercials',
    'Plant Hire',
    'Joinery',
  ],
  US: [
    'Freight',
    'Logistics',
    'Transport',
    'Trucking',
    'Shipping',
    'Express',
    'Moving',
    'Trading',
    'Imports',
    'Services',
    'Engineering',
    'Supply',
    'Distribution',
    'Warehousing',
    'Foods',
    'Holdings',
    'Group',
    'Construction',
    'Manufacturing',
    'Solutions',
    'Technologies',
    'Electric',
    'Plumbing',
    'Motors',
    'Packaging',
    'Lumber',
    'Steel',
    'Industries',
    'Enterprises',
    'Associates',
    'Consulting',
    'Wholesale',
    'Pharmaceuticals',
    'Furniture',
    'Machinery',
    'Chemicals',
    'Plastics',
    'Printing',
    'Automotive',
    'Systems',
    'Partners',
    'Brands',
    'Labs',
  ],
  DE: [
    'Logistik',
    'Spedition',
    'Transporte',
    'Handel',
    'Maschinenbau',
    'Technik',
    'Logistics',
    'Bau',
    'Elektro',
    'Verpackung',
    'Metallbau',
    'Lebensmittel',
    'Trading',
  ],
  NL: [
    'Transport',
    'Logistiek',
    'Handel',
    'Expeditie',
    'Techniek',
    'Logistics',
    'Trading',
    'Groothandel',
    'Bouw',
    'Verpakkingen',
    'Installatietechniek',
  ],
};
const ADJECTIVES = [
  'Blue',
  'Red',
  'Golden',
  'Silver',
  'Green',
  'Swift',
  'Rapid',
  'Premier',
  'Prime',
  'United',
  'Allied',
  'Pacific',
  'Atlantic',
  'Southern',
  'Northern',
  'Western',
  'Eastern',
  'Coastal',
  'Central',
  'Pioneer',
  'Royal',
  'Imperial',
  'Global',
  'National',
  'Metro',
  'Summit',
  'Apex',
  'Eagle',
  'Crown',
  'Anchor',
  'Harbour',
  'Valley',
  'Ridge',
  'Oak',
  'Cedar',
  'Iron',
  'Star',
  'Lion',
  'Falcon',
  'Phoenix',
  'Liberty',
  'Heritage',
  'Sterling',
  'Precision',
  'Quality',
  'Total',
  'First',
  'True',
  'Bright',
  'Direct',
];
const NOUNS = [
  'Harbour',
  'River',
  'Mountain',
  'Bay',
  'Coast',
  'Bridge',
  'Gate',
  'Line',
  'Point',
  'Field',
  'Stone',
  'Wood',
  'Arrow',
  'Wave',
  'Wing',
  'Peak',
  'Cross',
  'Link',
  'Way',
  'Port',
  'Star',
  'Sun',
  'Sky',
  'Rock',
  'Lake',
  'Hill',
  'Park',
  'Lane',
  'Road',
  'Track',
];

export interface CompanyName {
  region: Region;
  /** Name without legal form, e.g. "Hartley & Sons Freight". */
  base: string;
  legalForm: string;
  /** Legal entity behind a trading name ("Nguyen Holdings Pty Ltd" trading as base), or ''. */
  legalEntity: string;
}

export function legalName(n: CompanyName): string {
  return n.legalForm ? `${n.base} ${n.legalForm}` : n.base;
}

/** The name as one system records it: mostly the legal name; for trading names one of the usual forms. */
export function displayName(rng: Rng, n: CompanyName): string {
  if (!n.legalEntity) return legalName(n);
  return rng.weighted<string>([
    [`${n.legalEntity} T/A ${n.base}`, 3],
    [`${n.legalEntity} t/as ${n.base}`, 1],
    [`${n.base} (${n.legalEntity})`, 1],
    [n.base, 3],
    [n.legalEntity, 2],
  ]);
}

export function makeCompanyName(rng: Rng, f: Faker, region: Region): CompanyName {
  const last = () => f.person.lastName();
  const ind = () => rng.pick(INDUSTRY[region]);
  const pattern = rng.weighted([
    ['last-ind', 26],
    ['last-last', 10],
    ['bros', 4],
    ['place-ind', 12],
    ['adj-noun', 16],
    ['faker', 12],
    ['initials', 8],
    ['intl', 6],
    ['last-ind-ind', 6],
  ] as const);
  let base: string;
  switch (pattern) {
    case 'last-ind':
      base = `${last()} ${ind()}`;
      break;
    case 'last-last':
      base = `${last()} ${rng.pick(['&', '&', 'and'])} ${last()}${rng.chance(0.5) ? ` ${ind()}` : ''}`;
      break;
    case 'bros':
      base = `${last()} ${rng.pick(['Brothers', 'Bros', '& Sons', 'and Sons', 'Family'])}${rng.chance(0.6) ? ` ${ind()}` : ''}`;
      break;
    case 'place-ind':
      base = `${f.location.city()} ${ind()}`;
      break;
    case 'adj-noun':
      base = `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${ind()}`;
      break;
    case 'faker':
      // faker's own names carry a legal form now and then ("Bosco Pty Ltd", "Neurohr KG"): the form is chosen below.
      base = f.company.name().replace(/\s*,?\s+(Pty Ltd|LLC|Inc|Corp|GmbH|AG|KG|OHG|NV|V\.O\.F\.|B\.V\.)$/, '');
      break;
    case 'initials': {
      const a = String.fromCharCode(65 + rng.int(26));
      const b = String.fromCharCode(65 + rng.int(26));
      base = rng.chance(0.5) ? `${a}${b} ${ind()}` : `${a}.${b}. ${last()} ${ind()}`;
      break;
    }
    case 'intl':
      base = `${rng.chance(0.5) ? last() : rng.pick(ADJECTIVES)} International${rng.chance(0.6) ? ` ${ind()}` : ''}`;
      break;
    default: {
      const first = ind();
      base = `${last()} ${first} ${rng.pick(['Services', 'Company', 'Solutions', 'Supplies', 'Group'].filter((w) => !first.includes(w)))}`;
    }
  }
  const legalForm = rng.weighted(LEGAL_FORMS[region]);
  let legalEntity = '';
  if (rng.chance(0.07) && legalForm !== '') {
    legalEntity = rng.weighted<string>([
      [`${last()} Holdings ${legalForm}`, 3],
      [`${last()} Family Trust`, region === 'AU' ? 2 : 0.2],
      [`${last()} Enterprises ${legalForm}`, 2],
      [`${rng.digits(3)} ${rng.digits(3)} ${rng.digits(3)} ${legalForm}`, region === 'AU' ? 1 : 0.1],
    ]);
  }
  return { region, base, legalForm, legalEntity };
}

// ---- variation: how another person in another system types the same name ----

const ABBREVIATIONS: readonly (readonly [string, readonly string[]])[] = [
  ['International', ['Intl', "Int'l", 'Intl.']],
  ['Services', ['Svcs', 'Service', 'Svc']],
  ['Brothers', ['Bros', 'Bros.']],
  ['Bros', ['Brothers']],
  ['Company', ['Co', 'Co.']],
  ['Engineering', ['Eng', 'Engg']],
  ['Manufacturing', ['Mfg', 'Mfg.']],
  ['Distribution', ['Dist', 'Distn']],
  ['Holdings', ['Hldgs']],
  ['Trading', ['Trdg']],
  ['Associates', ['Assoc', 'Assocs']],
  ['Australia', ['Aust', 'Aus']],
  ['Transport', ['Tpt', 'Transportation']],
  ['Corporation', ['Corp']],
  ['Supplies', ['Supply']],
  ['Supply', ['Supplies']],
  ['Logistics', ['Logistic']],
  ['Technologies', ['Tech', 'Technology']],
  ['Industries', ['Ind', 'Industry']],
  ['Enterprises', ['Ent', 'Enterprise']],
  ['Electrical', ['Elec']],
  ['Warehousing', ['Whse', 'Warehouse']],
  ['Construction', ['Constr', 'Constructions']],
  ['Mountain', ['Mtn']],
  ['Saint', ['St']],
  ['Port', ['Pt']],
  ['North', ['Nth']],
  ['South', ['Sth']],
];

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The legal form at the end of a name, if any (longest match). */
export function trailingLegalForm(name: string): string {
  for (const lf of ALL_LEGAL) if (new RegExp(`[\\s,]+${escapeRe(lf)}$`, 'i').test(name)) return lf;
  return '';
}

type Op = (rng: Rng, s: string) => string | null;

const dropLegal: Op = (_rng, s) => {
  const lf = trailingLegalForm(s);
  return lf ? s.replace(new RegExp(`[\\s,]+${escapeRe(lf)}$`, 'i'), '') : null;
};
const changeLegal: Op = (rng, s) => {
  const lf = trailingLegalForm(s);
  if (!lf) return null;
  const swaps = LEGAL_SWAPS[lf] ?? LEGAL_SWAPS[Object.keys(LEGAL_SWAPS).find((k) => k.toLowerCase() === lf.toLowerCase()) ?? ''];
  if (!swaps) return null;
  return s.replace(new RegExp(`([\\s,]+)${escapeRe(lf)}$`, 'i'), `$1${rng.pick(swaps)}`);
};
const addLegal: Op = (rng, s) => (trailingLegalForm(s) ? null : `${s} ${rng.pick(['Pty Ltd', 'Ltd', 'Inc', 'LLC', 'Limited'])}`);
const ampAnd: Op = (rng, s) => {
  if (/ & /.test(s)) return s.replace(/ & /, rng.chance(0.8) ? ' and ' : '&');
  if (/ and /i.test(s)) return s.replace(/ and /i, ' & ');
  return null;
};
const abbreviate: Op = (rng, s) => {
  const hits = ABBREVIATIONS.filter(([w]) => new RegExp(`\\b${w}\\b`).test(s));
  if (hits.length === 0) return null;
  const [w, alts] = rng.pick(hits);
  return s.replace(new RegExp(`\\b${w}\\b`), rng.pick(alts));
};
const typo: Op = (rng, s) => {
  const words = [...s.matchAll(/[A-Za-z]{4,}/g)].filter((m) => !ALL_LEGAL.includes(m[0]));
  if (words.length === 0) return null;
  const m = rng.pick(words);
  const w = m[0];
  const i = 1 + rng.int(w.length - 2);
  const ch = w[i] as string;
  let out: string;
  switch (rng.int(4)) {
    case 0:
      out = w.slice(0, i) + (w[i + 1] ?? '') + ch + w.slice(i + 2);
      break;
    case 1:
      out = w.slice(0, i) + w.slice(i + 1);
      break;
    case 2:
      out = w.slice(0, i) + ch + w.slice(i);
      break;
    default: {
      const n = KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? 'e';
      const r = n[rng.int(n.length)] as string;
      out = w.slice(0, i) + (ch === ch.toUpperCase() ? r.toUpperCase() : r) + w.slice(i + 1);
    }
  }
  return out === w ? null : s.slice(0, m.index) + out + s.slice((m.index ?? 0) + w.length);
};
const wordOrder: Op = (rng, s) => {
  const amp = /^(.+?) (&|and) (\S+)(.*)$/.exec(s);
  if (amp) return `${amp[3]} ${amp[2]} ${amp[1]}${amp[4]}`;
  const lf = trailingLegalForm(s);
  const core = lf ? s.slice(0, s.length - lf.length).replace(/[\s,]+$/, '') : s;
  const words = core.split(' ');
  if (words.length < 2 || rng.chance(0.5)) return null;
  return `${words.slice(1).join(' ')}, ${words[0]}${lf ? ` ${lf}` : ''}`;
};
const theprefix: Op = (_rng, s) => (/^the /i.test(s) ? s.replace(/^the /i, '') : `The ${s}`);
const casing: Op = (rng, s) => {
  const out = rng.weighted<(x: string) => string>([
    [(x) => x.toUpperCase(), 4],
    [(x) => x.toLowerCase(), 1],
    [(x) => x.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()), 2],
  ])(s);
  return out === s ? null : out;
};
const punctuation: Op = (rng, s) => {
  const options: string[] = [];
  if (/[.,']/.test(s)) options.push(s.replace(/[.,']/g, ''));
  if (/-/.test(s)) options.push(s.replace(/-/g, rng.chance(0.5) ? ' ' : ''), s.replace(/-/g, ' - '));
  const lf = trailingLegalForm(s);
  if (lf && !s.includes(',')) options.push(s.replace(new RegExp(` ${escapeRe(lf)}$`), `, ${lf}`));
  if (/ & /.test(s)) options.push(s.replace(/ & /, '&'), s.replace(/ & /, ' + '));
  if (/\b[A-Z]{2}\b/.test(s)) options.push(s.replace(/\b([A-Z])([A-Z])\b/, '$1.$2.'));
  if (/\b[A-Z]\.[A-Z]\./.test(s)) options.push(s.replace(/\b([A-Z])\.([A-Z])\./, '$1$2'));
  return options.length ? rng.pick(options) : null;
};
const addWord: Op = (rng, s) => {
  const lf = trailingLegalForm(s);
  const core = lf ? s.slice(0, s.length - lf.length).replace(/[\s,]+$/, '') : s;
  const extra = rng.pick([' (Head Office)', ' - Accounts', ' Services', ' Group', ' - Melbourne', ' (NSW)', ' Branch', ' Division']);
  return `${core}${extra}${lf ? ` ${lf}` : ''}`;
};

/** Applies 1-3 of the usual edits; never returns a name equal to `name` ignoring case and whitespace. */
export function varyName(rng: Rng, name: string, loose: (s: string) => string): string {
  const ops: readonly (readonly [Op, number])[] = [
    [dropLegal, 30],
    [changeLegal, 16],
    [addLegal, 4],
    [ampAnd, 8],
    [abbreviate, 12],
    [typo, 10],
    [wordOrder, 3],
    [theprefix, 4],
    [casing, 12],
    [punctuation, 10],
    [addWord, 3],
  ];
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = rng.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    let out = name;
    let changed = 0;
    for (let k = 0; k < n * 3 && changed < n; k++) {
      const next = rng.weighted(ops)(rng, out);
      if (next !== null && next !== out) {
        out = next.replace(/\s+/g, ' ').trim();
        changed++;
      }
    }
    if (loose(out) !== loose(name)) return out;
  }
  return `${name} (old)`;
}
