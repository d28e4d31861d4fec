// Turns records into the normalised form the matcher compares, once per record: name readings with
// their token weights, name keys, and the evidence keys; and counts how rare each token is. The result is
// columnar (see columns.ts).
import type { BillingAccount, XeroContact } from '../../shared/domain';
import { FingerprintCounts, fingerprint, ints, RaggedBuilder, type Ragged } from './columns';
import type { MatchConfig } from './config';
import { accountNumberKey } from '../../shared/sync-model';
import { addressKey, emailKey, phoneKey, postcodeKey } from './normalise-fields';
import { compileNameRules, normaliseName, type NameRules, type NormalisedName } from './normalise-name';

/**
 * One side (the billing accounts, or the Xero contacts), a column per value; strings that are only compared
 * are kept as fingerprints (see columns.ts). A name has readings (the whole name, its trading name, its legal
 * entity…): each a set of unique tokens.
 */
export interface PreparedSide {
  size: number;
  /** The code as the code join compares it (billing code, or AccountNumber). */
  code: Float64Array;
  /** The name as the sync compares it: trimmed, spaces collapsed, lower case. */
  syncKey: Float64Array;
  /** The canonical tokens joined by spaces. */
  nameKey: Float64Array;
  /** The key of the legal entity of a T/A name, or 0. */
  entityKey: Float64Array;
  /** Every name key (whole, alternatives, spacing-blind): equal keys = same name up to legal form and punctuation. */
  keys: Ragged;
  /** Unique tokens over all readings, in order of first appearance, and their text. */
  tokens: Ragged;
  tokenText: string[];
  /** The name's canonical tokens, in order, repeats kept. */
  nameTokens: Ragged;
  /** Legal forms the name carried, as displayed ("Pty Ltd"), joined by newlines. */
  legalForms: string[];
  /** Record r's readings are readings readingStart[r] … readingStart[r + 1] - 1. */
  readingStart: Int32Array;
  /** Each reading's unique tokens, with their text and weight beside them. */
  readingTokens: Ragged;
  readingTokenText: string[];
  /** Set by `weigh`. */
  readingTokenWeight: Float64Array;
  /** A reading's tokens joined without spaces. */
  readingCompact: string[];
  /** 1 for the legal-entity part of a T/A name: two of these never vouch for each other (one entity, many trades). */
  readingEntity: Uint8Array;
  /** Sum of a reading's token weights (set by `weigh`). */
  readingTotal: Float64Array;
  /** Probability that a random record's name holds all of this name's tokens (term-frequency u; set by `weigh`). */
  nameRarity: Float64Array;
  phone: Float64Array;
  email: Float64Array;
  /** The email's domain, 0 for shared mail providers. */
  emailDomain: Float64Array;
  street: Float64Array;
  houseNumber: Float64Array;
  /** "27 smith" (house number and street), or 0 when either is missing. */
  addressValue: Float64Array;
  postcode: Float64Array;
}

/** How often and how heavily each token counts over both sides. */
export interface Words {
  /** Inverse document frequency over both sides: rare tokens weigh more. */
  weight(token: number): number;
  /** How many records (of both sides) hold the token. */
  frequency(token: number): number;
  records: number;
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

/** Ends a row of `builder` with the tokens' fingerprints (`own`'s when they are the name's own tokens), keeping their text. */
function addTokens(
  builder: RaggedBuilder,
  tokens: readonly string[],
  nameTokens: readonly string[],
  own: readonly number[],
  text: string[],
): void {
  for (let k = 0; k < tokens.length; k++) {
    builder.push(tokens === nameTokens ? own[k]! : fingerprint(tokens[k]!));
    text.push(tokens[k]!);
  }
  builder.end();
}

/** Normalises one side into columns; token weights come later (`weigh`), once both sides are counted. */
function prepareSide<R extends Fields>(
  records: readonly R[],
  codeOf: (r: R) => string,
  config: MatchConfig,
  rules: NameRules,
): PreparedSide {
  const freemail = new Set(config.freemailDomains);
  const n = records.length;
  const column = () => new Float64Array(n);
  const side = {
    size: n,
    code: column(),
    syncKey: column(),
    nameKey: column(),
    entityKey: column(),
    phone: column(),
    email: column(),
    emailDomain: column(),
    street: column(),
    houseNumber: column(),
    addressValue: column(),
    postcode: column(),
    nameRarity: new Float64Array(n),
    legalForms: [] as string[],
    tokenText: [] as string[],
    readingTokenText: [] as string[],
    readingCompact: [] as string[],
  };
  const keys = new RaggedBuilder();
  const tokens = new RaggedBuilder();
  const nameTokens = new RaggedBuilder();
  const readingStart = ints();
  const readingTokens = new RaggedBuilder();
  const readingEntity = ints();
  let readings = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const name = normaliseName(r.name, rules);
    // Most names have one reading, their own tokens: their fingerprints are worked out once and used thrice.
    const own = name.tokens.map(fingerprint);
    side.code[i] = fingerprint(accountNumberKey(codeOf(r)));
    side.syncKey[i] = fingerprint(name.syncKey);
    side.nameKey[i] = fingerprint(name.key);
    side.entityKey[i] = name.entity ? fingerprint(name.entity.join(' ')) : 0;
    // The whole name without spaces: a key, and the compact form of its reading (unless a token repeats).
    const joined = name.tokens.join('');
    for (const k of keysOf(name, joined)) keys.push(k === name.key ? side.nameKey[i]! : fingerprint(k));
    keys.end();
    for (const f of own) nameTokens.push(f);
    nameTokens.end();
    side.legalForms.push(name.legalForms.length === 0 ? '' : name.legalForms.join('\n'));
    const raw = readingsOf(name);
    const all = raw.length === 1 ? raw[0]! : [...new Set(raw.flat())];
    addTokens(tokens, all, name.tokens, own, side.tokenText);
    readingStart.push(readings);
    for (let k = 0; k < raw.length; k++) {
      const reading = raw[k]!;
      addTokens(readingTokens, reading, name.tokens, own, side.readingTokenText);
      side.readingCompact.push(reading === name.tokens ? joined : reading.join(''));
      readingEntity.push(name.entity !== null && k === raw.length - 1 ? 1 : 0);
      readings++;
    }

    side.phone[i] = fingerprint(phoneKey(r.phone));
    const email = emailKey(r.email, freemail);
    side.email[i] = fingerprint(email.address);
    side.emailDomain[i] = fingerprint(email.domain);
    const address = addressKey(r.address);
    side.street[i] = fingerprint(address.street);
    side.houseNumber[i] = fingerprint(address.number);
    side.addressValue[i] = address.number && address.street ? fingerprint(`${address.number} ${address.street}`) : 0;
    side.postcode[i] = fingerprint(postcodeKey(r.postcode));
  }
  readingStart.push(readings);
  const readingTokensDone = readingTokens.finish();
  return {
    ...side,
    keys: keys.finish(),
    tokens: tokens.finish(),
    nameTokens: nameTokens.finish(),
    readingStart: readingStart.finish(),
    readingTokens: readingTokensDone,
    readingTokenWeight: new Float64Array(readingTokensDone.items.length),
    readingEntity: Uint8Array.from(readingEntity.finish()),
    readingTotal: new Float64Array(readings),
  };
}

/** Counts tokens over both sides, then sets each reading's token weights and total, and each name's rarity. */
function weigh(sides: readonly PreparedSide[]): Words {
  const counts = new FingerprintCounts(sides.reduce((n, side) => n + side.tokens.items.length, 0));
  let records = 0;
  for (const side of sides) {
    records += side.size;
    for (const t of side.tokens.items) counts.add(t);
  }
  const frequency = (t: number) => counts.count(t);
  const weight = (t: number) => Math.log(1 + records / Math.max(1, frequency(t)));
  for (const side of sides) {
    const { start, items } = side.readingTokens;
    for (let r = 0; r < side.readingTotal.length; r++) {
      let total = 0;
      for (let k = start[r]!; k < start[r + 1]!; k++) {
        const w = weight(items[k]!);
        side.readingTokenWeight[k] = w;
        total += w;
      }
      side.readingTotal[r] = total;
    }
    for (let i = 0; i < side.size; i++) {
      let rarity = 1;
      for (let k = side.nameTokens.start[i]!; k < side.nameTokens.start[i + 1]!; k++)
        rarity *= Math.max(1, frequency(side.nameTokens.items[k]!)) / records;
      side.nameRarity[i] = rarity;
    }
  }
  return { weight, frequency, records };
}

export interface PreparedSides {
  accounts: PreparedSide;
  contacts: PreparedSide;
  words: Words;
}

/**
 * Xero contacts ready to be matched: in ContactID order, so that ties (equal scores, the candidate cut-off) fall
 * the same way whatever order they came in (the same organisation gives the same findings from a saved file and
 * from a workspace), and in columns.
 */
export interface PreparedContacts {
  contacts: readonly XeroContact[];
  side: PreparedSide;
}

/** The contacts by ContactID (the same array when they already are, as a workspace reads them). */
function byContactId(contacts: readonly XeroContact[]): readonly XeroContact[] {
  for (let i = 1; i < contacts.length; i++) {
    if (contacts[i - 1]!.contactId > contacts[i]!.contactId) return [...contacts].sort((x, y) => (x.contactId < y.contactId ? -1 : 1));
  }
  return contacts;
}

const accountCode = (a: BillingAccount) => a.code;
const contactCode = (c: XeroContact) => c.accountNumber;

/** The billing accounts in columns (their token weights are set by `weighSides`). */
export function prepareAccounts(accounts: readonly BillingAccount[], config: MatchConfig, rules = compileNameRules(config)): PreparedSide {
  return prepareSide(accounts, accountCode, config, rules);
}

/** The Xero contacts in matching order and in columns (their token weights are set by `weighSides`). */
export function prepareContacts(given: readonly XeroContact[], config: MatchConfig): PreparedContacts {
  const contacts = byContactId(given);
  return { contacts, side: prepareSide(contacts, contactCode, config, compileNameRules(config)) };
}

/** The two sides, prepared with the same config, with their token weights counted over both. */
export function weighSides(accounts: PreparedSide, contacts: PreparedSide): PreparedSides {
  return { accounts, contacts, words: weigh([accounts, contacts]) };
}

/** Both sides prepared (contacts in the order given) and weighed: for tests of the matcher's parts. */
export function prepareAll(accounts: readonly BillingAccount[], contacts: readonly XeroContact[], config: MatchConfig): PreparedSides {
  const rules = compileNameRules(config);
  return weighSides(prepareAccounts(accounts, config, rules), prepareSide(contacts, contactCode, config, rules));
}
