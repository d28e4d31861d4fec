// Matching configuration: word lists and the match-weight table. Everything here can be overridden.

/**
 * Legal forms of the English-speaking world and Europe, as normalised token sequences (lower case, no
 * punctuation: "B.V." arrives as "bv", "S.A." as "sa"). Longest first, so "pty ltd" wins over "ltd".
 */
export const DEFAULT_LEGAL_FORMS: readonly string[] = [
  'proprietary limited',
  'pty limited',
  'pty ltd',
  'pty',
  'private limited',
  'pvt ltd',
  'pte ltd',
  'sdn bhd',
  'limited liability company',
  'limited liability partnership',
  'limited partnership',
  'public limited company',
  'limited',
  'ltd',
  'incorporated',
  'inc',
  'llc',
  'l l c',
  'llp',
  'lp',
  'pllc',
  'plc',
  'corporation',
  'corp',
  'company',
  'co',
  'ulc',
  'nl',
  'cic',
  'cio',
  'gmbh co kg',
  'gmbh and co kg',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'eg',
  'ev',
  'e v',
  'bv',
  'b v',
  'nv',
  'n v',
  'vof',
  'cv',
  'sa',
  's a',
  'sas',
  'sarl',
  'sasu',
  'sca',
  'sl',
  'slu',
  'srl',
  'spa',
  'sapa',
  'scarl',
  'snc',
  'sprl',
  'bvba',
  'ab',
  'aps',
  'as',
  'asa',
  'oy',
  'oyj',
  'hf',
  'ehf',
  'kft',
  'zrt',
  'sro',
  'spol s r o',
  'sp z o o',
  'doo',
  'ad',
  'lda',
  'ltda',
  'sc',
  'cooperative',
  'coop',
];

/** Abbreviations and spelling variants, mapped to one canonical token. */
export const DEFAULT_ABBREVIATIONS: Readonly<Record<string, string>> = {
  intl: 'international',
  assoc: 'association',
  assn: 'association',
  bros: 'brothers',
  bro: 'brothers',
  svc: 'services',
  svcs: 'services',
  serv: 'services',
  service: 'services',
  mfg: 'manufacturing',
  mfr: 'manufacturing',
  dept: 'department',
  dist: 'distribution',
  distrib: 'distribution',
  ctr: 'center',
  cntr: 'center',
  centre: 'center',
  ctrs: 'center',
  mt: 'mount',
  ft: 'fort',
  st: 'saint',
  ste: 'sainte',
  natl: 'national',
  nat: 'national',
  govt: 'government',
  univ: 'university',
  tech: 'technology',
  technologies: 'technology',
  sys: 'systems',
  system: 'systems',
  grp: 'group',
  hldgs: 'holdings',
  hldg: 'holdings',
  holding: 'holdings',
  ent: 'enterprises',
  enterprise: 'enterprises',
  ind: 'industries',
  inds: 'industries',
  industry: 'industries',
  transportation: 'transport',
  logistic: 'logistics',
  frt: 'freight',
  mgmt: 'management',
  mgt: 'management',
  dev: 'development',
  devel: 'development',
  org: 'organization',
  organisation: 'organization',
  organisations: 'organization',
  organizations: 'organization',
  aust: 'australia',
  acad: 'academy',
  sch: 'school',
  elem: 'elementary',
  cmty: 'community',
  hosp: 'hospital',
};

/** Words that carry no identity (dropped from name tokens after legal forms are removed). */
export const DEFAULT_STOPWORDS: readonly string[] = ['the', 'and', 'of', 'a', 'an', 'at', 'for', 'de', 'la', 'le', 'et', 'und', 'en'];

/** Mail domains shared by unrelated people: an equal domain there says nothing. */
export const FREEMAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.com.au',
  'yahoo.co.uk',
  'hotmail.com',
  'hotmail.co.uk',
  'outlook.com',
  'live.com',
  'live.com.au',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'bigpond.com',
  'bigpond.net.au',
  'optusnet.com.au',
  'xtra.co.nz',
  'btinternet.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'comcast.net',
  'att.net',
  'verizon.net',
];

/** One comparison level: m = P(level | same business), u = P(level | different businesses). */
export interface Level {
  m: number;
  u: number;
}

/**
 * The match-weight table (Fellegi-Sunter, as Splink uses it): each level contributes log2(m/u).
 * m and u were set from the rates seen on real customer lists (names agree exactly for most true pairs;
 * phones and addresses are often missing or stale, so "different" is weak evidence against).
 */
export const DEFAULT_LEVELS = {
  name: {
    exact: { m: 0.45, u: 0.0008 },
    legal_form: { m: 0.12, u: 0.0006 },
    very_similar: { m: 0.18, u: 0.004 },
    similar: { m: 0.1, u: 0.02 },
    contains: { m: 0.06, u: 0.004 },
    somewhat_rare: { m: 0.05, u: 0.002 },
    somewhat: { m: 0.04, u: 0.04 },
    conflicting: { m: 0.005, u: 0.05 },
    shares_rare: { m: 0.04, u: 0.004 },
    different: { m: 0.04, u: 0.9 },
  },
  phone: { exact: { m: 0.75, u: 0.0004 }, different: { m: 0.25, u: 0.9996 } },
  email: { exact: { m: 0.6, u: 0.0002 }, domain: { m: 0.2, u: 0.002 }, different: { m: 0.2, u: 0.9978 } },
  address: {
    exact: { m: 0.6, u: 0.0005 },
    same_street: { m: 0.15, u: 0.01 },
    different: { m: 0.25, u: 0.9895 },
  },
  postcode: { exact: { m: 0.85, u: 0.05 }, different: { m: 0.15, u: 0.95 } },
} satisfies Record<string, Record<string, Level>>;

export interface MatchConfig {
  legalForms: readonly string[];
  abbreviations: Readonly<Record<string, string>>;
  stopwords: readonly string[];
  freemailDomains: readonly string[];
  levels: typeof DEFAULT_LEVELS;
  /** log2 prior odds that a candidate pair found by name/evidence blocking is the same business. */
  candidatePrior: number;
  /** log2 prior odds that the holder of a billing code is the same business as the account. */
  codeHolderPrior: number;
  /** A pair at or above this probability is the same business. */
  linkThreshold: number;
  /** Two candidates within this many log2 units of each other are equally plausible. */
  ambiguityMargin: number;
  /** A token held by at most this many records is rare: sharing it is evidence on its own. */
  rareTokenRecords: number;
  /** Tokens held by more than this share of records are not used as blocks. */
  maxBlockShare: number;
  /** At most this many candidates per account are scored in full. */
  maxCandidates: number;
}

export const DEFAULT_CONFIG: MatchConfig = {
  legalForms: DEFAULT_LEGAL_FORMS,
  abbreviations: DEFAULT_ABBREVIATIONS,
  stopwords: DEFAULT_STOPWORDS,
  freemailDomains: FREEMAIL_DOMAINS,
  levels: DEFAULT_LEVELS,
  candidatePrior: -6,
  codeHolderPrior: 3,
  linkThreshold: 0.5,
  ambiguityMargin: 1,
  rareTokenRecords: 4,
  maxBlockShare: 0.003,
  maxCandidates: 8,
};

export function resolveConfig(overrides: Partial<MatchConfig> = {}): MatchConfig {
  return { ...DEFAULT_CONFIG, ...overrides };
}
