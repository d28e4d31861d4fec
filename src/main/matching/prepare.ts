// Turns records into the normalised form the matcher compares, and counts how rare each name token is.
import type { BillingAccount, XeroContact } from '../../shared/domain';
import type { MatchConfig } from './config';
import { addressKey, emailKey, phoneKey, postcodeKey, type AddressKey, type EmailKey } from './normalise-fields';
import { compileNameRules, normaliseName, type NormalisedName } from './normalise-name';

export interface Prepared {
  name: NormalisedName;
  phone: string;
  email: EmailKey;
  address: AddressKey;
  postcode: string;
}

/** How many Xero contacts share each phone, email and street address: a shared value is weaker evidence. */
export interface EvidenceStats {
  contacts: number;
  phone: ReadonlyMap<string, number>;
  email: ReadonlyMap<string, number>;
  address: ReadonlyMap<string, number>;
}

export function addressValue(p: Prepared): string {
  return p.address.number && p.address.street ? `${p.address.number} ${p.address.street}` : '';
}

function evidenceStats(contacts: readonly Prepared[]): EvidenceStats {
  const count = (key: (p: Prepared) => string) => {
    const m = new Map<string, number>();
    for (const p of contacts) {
      const k = key(p);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  return { contacts: contacts.length, phone: count((p) => p.phone), email: count((p) => p.email.address), address: count(addressValue) };
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

function prepareOne(name: string, fields: { phone: string; email: string; address: string; postcode: string }, rules: ReturnType<typeof compileNameRules>, freemail: ReadonlySet<string>): Prepared {
  return {
    name: normaliseName(name, rules),
    phone: phoneKey(fields.phone),
    email: emailKey(fields.email, freemail),
    address: addressKey(fields.address),
    postcode: postcodeKey(fields.postcode),
  };
}

export function prepareAll(accounts: readonly BillingAccount[], contacts: readonly XeroContact[], config: MatchConfig) {
  const rules = compileNameRules(config);
  const freemail = new Set(config.freemailDomains);
  const preparedAccounts = accounts.map((a) => prepareOne(a.name, a, rules, freemail));
  const preparedContacts = contacts.map((c) => prepareOne(c.name, c, rules, freemail));
  return {
    accounts: preparedAccounts,
    contacts: preparedContacts,
    stats: tokenStats([...preparedAccounts, ...preparedContacts]),
    evidence: evidenceStats(preparedContacts),
  };
}

export function nameTokens(p: Prepared): string[] {
  if (p.name.alternatives.length === 0) return p.name.tokens;
  return [...new Set([...p.name.tokens, ...p.name.alternatives.flat()])];
}

export function tokenStats(records: readonly Prepared[]): TokenStats {
  const df = new Map<string, number>();
  for (const r of records) for (const t of nameTokens(r)) df.set(t, (df.get(t) ?? 0) + 1);
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
