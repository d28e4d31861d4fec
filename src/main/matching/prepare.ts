// Turns records into the normalised form the matcher compares, once per record: name readings with
// their token weights, name keys, and the evidence keys; and counts how rare each token and value is.
import type { BillingAccount, XeroContact } from '../../shared/domain';
import type { MatchConfig } from './config';
import { addressKey, emailKey, phoneKey, postcodeKey, type AddressKey, type EmailKey } from './normalise-fields';
import { compileNameRules, normaliseName, type NormalisedName } from './normalise-name';

/** One way of reading a name (the whole name, its trading name, its legal entity…): unique tokens and their weights. */
export interface Reading {
  tokens: string[];
  weights: number[];
  total: number;
  /** The tokens joined without spaces. */
  compact: string;
  /** The legal-entity part of a T/A name: two of these never vouch for each other (one entity, many trades). */
  entity: boolean;
}

export interface Prepared {
  name: NormalisedName;
  /** Every name key (whole, alternatives, spacing-blind): equal keys = same name up to legal form and punctuation. */
  keys: string[];
  /** The key of the legal entity of a T/A name, or ''. */
  entityKey: string;
  readings: Reading[];
  /** Unique tokens over all readings. */
  tokens: string[];
  /** Probability that a random record's name holds all of this name's tokens (term-frequency u). */
  nameRarity: number;
  phone: string;
  email: EmailKey;
  address: AddressKey;
  /** "27 smith" (house number and street), or '' when either is missing. */
  addressValue: string;
  postcode: string;
}

/** Which Xero contacts hold each phone, email and street address: a shared value is weaker evidence. */
export interface EvidenceStats {
  contacts: number;
  phone: ReadonlyMap<string, readonly number[]>;
  email: ReadonlyMap<string, readonly number[]>;
  address: ReadonlyMap<string, readonly number[]>;
}

export interface TokenStats {
  /** Inverse document frequency over both sides: rare tokens weigh more. */
  weight(token: string): number;
  /** How many records (of both sides) hold the token. */
  frequency(token: string): number;
  records: number;
}

export function codeKey(code: string): string {
  return code.trim().toLowerCase();
}

type Fields = { name: string; phone: string; email: string; address: string; postcode: string };

/** The tokens without repeats (the same array when it has none: most names). */
function unique(tokens: string[]): string[] {
  for (let i = 1; i < tokens.length; i++) if (tokens.indexOf(tokens[i]!) < i) return [...new Set(tokens)];
  return tokens;
}

function readingsOf(name: NormalisedName): string[][] {
  const readings = [unique(name.tokens)];
  for (const alt of name.alternatives) readings.push(unique(alt));
  if (name.entity) readings.push(unique(name.entity));
  return readings;
}

/** The whole key, the spacing-blind key and the alternatives' keys, each once, none empty. */
function keysOf(name: NormalisedName, joined: string): string[] {
  const keys: string[] = [];
  const add = (k: string) => k && !keys.includes(k) && keys.push(k);
  add(name.key);
  add(joined);
  for (const alt of name.alternatives) add(alt.join(' '));
  return keys;
}

/** Everything but the token weights, which need the token counts of both sides first. */
function normaliseRecord(r: Fields, rules: ReturnType<typeof compileNameRules>, freemail: ReadonlySet<string>): Prepared {
  const name = normaliseName(r.name, rules);
  const address = addressKey(r.address);
  const raw = readingsOf(name);
  // The whole name without spaces: a key, and the compact form of its reading (unless a token repeats).
  const joined = name.tokens.join('');
  const keys = keysOf(name, joined);
  const compact = (tokens: string[]) => (tokens === name.tokens ? joined : tokens.join(''));
  return {
    name,
    keys,
    entityKey: name.entity?.join(' ') ?? '',
    // Filled in by weigh(): tokens only for now.
    readings: raw.map((tokens, k) => ({ tokens, weights: [], total: 0, compact: compact(tokens), entity: name.entity !== null && k === raw.length - 1 })),
    tokens: raw.length === 1 ? raw[0]! : [...new Set(raw.flat())],
    nameRarity: 1,
    phone: phoneKey(r.phone),
    email: emailKey(r.email, freemail),
    address,
    addressValue: address.number && address.street ? `${address.number} ${address.street}` : '',
    postcode: postcodeKey(r.postcode),
  };
}

function weigh(p: Prepared, stats: TokenStats): void {
  for (const reading of p.readings) {
    reading.weights = reading.tokens.map((t) => stats.weight(t));
    reading.total = reading.weights.reduce((s, w) => s + w, 0);
  }
  p.nameRarity = p.name.tokens.reduce((r, t) => r * (Math.max(1, stats.frequency(t)) / stats.records), 1);
}

function countTokens(records: readonly { tokens: string[] }[]): TokenStats {
  const df = new Map<string, number>();
  for (const r of records) for (const t of r.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const n = records.length;
  const cache = new Map<string, number>();
  return {
    records: n,
    frequency: (t) => df.get(t) ?? 0,
    weight(t) {
      let w = cache.get(t);
      if (w === undefined) {
        w = Math.log(1 + n / Math.max(1, df.get(t) ?? 0));
        cache.set(t, w);
      }
      return w;
    },
  };
}

export function prepareAll(accounts: readonly BillingAccount[], contacts: readonly XeroContact[], config: MatchConfig) {
  const rules = compileNameRules(config);
  const freemail = new Set(config.freemailDomains);
  const preparedAccounts = accounts.map((r) => normaliseRecord(r, rules, freemail));
  const preparedContacts = contacts.map((r) => normaliseRecord(r, rules, freemail));
  const stats = countTokens([...preparedAccounts, ...preparedContacts]);
  for (const p of preparedAccounts) weigh(p, stats);
  for (const p of preparedContacts) weigh(p, stats);
  return { accounts: preparedAccounts, contacts: preparedContacts, stats };
}
