// Candidate generation (blocking): which Xero contacts are worth scoring against each billing account,
// without comparing every pair. Blocks: the code join, equal normalised names, equal phone / email /
// street address, and shared name tokens (rare ones weigh more, very common ones are not blocks), with
// a typo-tolerant token index (symmetric deletions) so "Fairyand" still meets "Fairyland".
import type { BillingAccount, XeroContact } from '../../shared/domain';
import type { MatchConfig } from './config';
import { codeKey, type EvidenceStats, type Prepared, type TokenStats } from './prepare';

export interface AccountCandidates {
  /** Contacts whose AccountNumber equals the billing code. */
  holders: number[];
  /** Contacts worth scoring (holders included), best blocking evidence first. */
  candidates: number[];
}

type Index = Map<string, number[]>;

function add(index: Index, key: string, i: number): void {
  if (!key) return;
  const list = index.get(key);
  if (list) {
    if (list[list.length - 1] !== i) list.push(i);
  } else index.set(key, [i]);
}

function deletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
}

const FUZZY_MIN_LENGTH = 5;
const STRONG = 1000;

export function buildContactIndex(contacts: readonly XeroContact[], prepared: readonly Prepared[]) {
  const byCode: Index = new Map();
  const byKey: Index = new Map();
  const byToken: Index = new Map();
  const byPhone: Index = new Map();
  const byEmail: Index = new Map();
  const byAddress: Index = new Map();
  const byDeletion = new Map<string, string[]>();
  prepared.forEach((p, i) => {
    add(byCode, codeKey(contacts[i]!.accountNumber), i);
    for (const key of p.keys) add(byKey, key, i);
    for (const t of p.tokens) add(byToken, t, i);
    add(byPhone, p.phone, i);
    add(byEmail, p.email.address, i);
    add(byAddress, p.addressValue, i);
  });
  for (const token of byToken.keys()) {
    if (token.length < FUZZY_MIN_LENGTH) continue;
    for (const d of deletions(token)) {
      const list = byDeletion.get(d);
      if (list) list.push(token);
      else byDeletion.set(d, [token]);
    }
  }
  return { byCode, byKey, byToken, byPhone, byEmail, byAddress, byDeletion };
}

export type ContactIndex = ReturnType<typeof buildContactIndex>;

/** The contacts sharing each phone, email and address: the index's own postings. */
export function evidenceStats(index: ContactIndex, contacts: number): EvidenceStats {
  return { contacts, phone: index.byPhone, email: index.byEmail, address: index.byAddress };
}

/** Contact tokens one edit away from `token` (by symmetric deletion), excluding the token itself. */
function fuzzyTokens(token: string, index: ContactIndex, cache: Map<string, string[]>): string[] {
  if (token.length < FUZZY_MIN_LENGTH) return [];
  const known = cache.get(token);
  if (known) return known;
  const found = new Set<string>();
  for (const d of [token, ...deletions(token)]) {
    for (const t of index.byDeletion.get(d) ?? []) if (t !== token) found.add(t);
    if (index.byToken.has(d) && d.length >= FUZZY_MIN_LENGTH - 1 && d !== token) found.add(d);
  }
  const result = [...found].sort();
  cache.set(token, result);
  return result;
}

/**
 * The k items with the highest score, best first (ties: lower index first): what sorting and slicing gives,
 * without sorting the thousands of contacts a common token touches to keep eight.
 */
export function strongest(items: readonly number[], k: number, score: Float64Array): number[] {
  const ahead = (x: number, y: number) => score[x]! > score[y]! || (score[x] === score[y] && x < y);
  const top: number[] = [];
  for (const i of items) {
    if (top.length === k && !ahead(i, top[k - 1]!)) continue;
    let j = Math.min(top.length, k - 1);
    for (; j > 0 && ahead(i, top[j - 1]!); j--) top[j] = top[j - 1]!;
    top[j] = i;
  }
  return top;
}

export function generateCandidates(
  accounts: readonly BillingAccount[],
  prepared: readonly Prepared[],
  contactCount: number,
  index: ContactIndex,
  stats: TokenStats,
  config: MatchConfig,
): AccountCandidates[] {
  const maxPosting = Math.max(50, Math.floor(config.maxBlockShare * stats.records));
  const acc = new Float64Array(contactCount);
  const touched: number[] = [];
  const fuzzyCache = new Map<string, string[]>();
  const bump = (i: number, w: number) => {
    if (acc[i] === 0) touched.push(i);
    acc[i] = acc[i]! + w;
  };
  return accounts.map((account, a) => {
    const p = prepared[a]!;
    const holders = [...(index.byCode.get(codeKey(account.code)) ?? [])];
    for (const i of holders) bump(i, STRONG * 4);
    for (const key of p.keys) {
      for (const i of index.byKey.get(key) ?? []) bump(i, STRONG * 2);
    }
    for (const list of [p.phone && index.byPhone.get(p.phone), p.email.address && index.byEmail.get(p.email.address), p.addressValue && index.byAddress.get(p.addressValue)]) {
      if (list && list.length <= maxPosting) for (const i of list) bump(i, STRONG);
    }
    const tokens = p.tokens;
    const rarest = tokens.reduce((best, t) => (best === '' || stats.frequency(t) < stats.frequency(best) ? t : best), '');
    for (const t of tokens) {
      const list = index.byToken.get(t);
      if (list && (list.length <= maxPosting || t === rarest)) {
        const w = stats.weight(t);
        const limit = Math.min(list.length, maxPosting * 4);
        for (let k = 0; k < limit; k++) bump(list[k]!, w);
      }
      for (const near of fuzzyTokens(t, index, fuzzyCache)) {
        const nearList = index.byToken.get(near)!;
        if (nearList.length > maxPosting) continue;
        const w = stats.weight(near) * 0.8;
        for (const i of nearList) bump(i, w);
      }
    }
    const candidates = strongest(touched, Math.max(config.maxCandidates, holders.length), acc);
    for (const i of touched) acc[i] = 0;
    touched.length = 0;
    return { holders, candidates };
  });
}
