// Candidate generation (blocking): which Xero contacts are worth scoring against each billing account,
// without comparing every pair. Blocks: the code join, equal normalised names, equal phone / email /
// street address, and shared name tokens (rare ones weigh more, very common ones are not blocks), with
// a typo-tolerant token index (symmetric deletions) so "Fairyand" still meets "Fairyland".
import { fingerprintWithout, Postings, RaggedBuilder, single } from './columns';
import type { MatchConfig } from './config';
import type { PreparedSide, Words } from './prepare';

export interface AccountCandidates {
  /** Contacts whose AccountNumber equals the billing code. */
  holders: number[];
  /** Contacts worth scoring (holders included), best blocking evidence first. */
  candidates: number[];
}

/** The fingerprints of a token's one-letter deletions, each once (deleting either of two equal neighbours is one). */
function deletions(token: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < token.length; i++) if (i === 0 || token[i] !== token[i - 1]) out.push(fingerprintWithout(token, i));
  return out;
}

const FUZZY_MIN_LENGTH = 5;
const STRONG = 1000;

/** The contacts holding each code, name key, token, phone, email and street address. */
export function buildContactIndex(contacts: PreparedSide) {
  // Contact tokens (by fingerprint, with their spelling) by themselves and by each of their one-letter
  // deletions: two tokens one edit apart share a key. Row r of `byDeletion` is the r-th spelling.
  const spelling = new Map<number, string>();
  contacts.tokens.items.forEach((t, k) => spelling.set(t, contacts.tokenText[k]!));
  const keys = new RaggedBuilder();
  const spelled: number[] = [];
  for (const [t, token] of spelling) {
    if (token.length >= FUZZY_MIN_LENGTH - 1) {
      keys.push(t);
      if (token.length >= FUZZY_MIN_LENGTH) for (const d of deletions(token)) keys.push(d);
    }
    keys.end();
    spelled.push(t);
  }
  return {
    byCode: new Postings(single(contacts.code)),
    byKey: new Postings(contacts.keys),
    byToken: new Postings(contacts.tokens),
    byPhone: new Postings(single(contacts.phone)),
    byEmail: new Postings(single(contacts.email)),
    byAddress: new Postings(single(contacts.addressValue)),
    byDeletion: new Postings(keys.finish()),
    spelled: Float64Array.from(spelled),
    spelling,
  };
}

type ContactIndex = ReturnType<typeof buildContactIndex>;

/** Which Xero contacts hold each phone, email and street address: a shared value is weaker evidence. */
export interface EvidenceStats {
  contacts: number;
  phone: Postings;
  email: Postings;
  address: Postings;
}

/** The contacts sharing each phone, email and address: the index's own postings. */
export function evidenceStats(index: ContactIndex, contacts: number): EvidenceStats {
  return { contacts, phone: index.byPhone, email: index.byEmail, address: index.byAddress };
}

/** Contact tokens one edit away from `token` (by symmetric deletion), excluding the token itself, by spelling. */
function fuzzyTokens(t: number, token: string, index: ContactIndex, cache: Map<number, number[]>): number[] {
  if (token.length < FUZZY_MIN_LENGTH) return [];
  const known = cache.get(t);
  if (known) return known;
  const found = new Set<number>();
  for (const d of [t, ...deletions(token)]) {
    const from = index.byDeletion.first(d);
    for (let e = from, to = index.byDeletion.end(from); e < to; e++) {
      const near = index.spelled[index.byDeletion.row(e)]!;
      if (near !== t) found.add(near);
    }
  }
  const spelling = (x: number) => index.spelling.get(x)!;
  const result = [...found].sort((x, y) => (spelling(x) < spelling(y) ? -1 : 1));
  cache.set(t, result);
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
  accounts: PreparedSide,
  index: ContactIndex,
  words: Words,
  contactCount: number,
  config: MatchConfig,
): AccountCandidates[] {
  const maxPosting = Math.max(50, Math.floor(config.maxBlockShare * words.records));
  const acc = new Float64Array(contactCount);
  const touched: number[] = [];
  const fuzzyCache = new Map<number, number[]>();
  const bumpAll = (postings: Postings, value: number, w: number, limit = Infinity) => {
    const from = postings.first(value);
    for (let e = from, to = Math.min(postings.end(from), from + limit); e < to; e++) {
      const i = postings.row(e);
      if (acc[i] === 0) touched.push(i);
      acc[i] = acc[i]! + w;
    }
  };
  // Evidence shared by too many contacts (a head office's phone) is no block.
  const bumpUnlessCommon = (postings: Postings, value: number) => {
    if (postings.count(value) <= maxPosting) bumpAll(postings, value, STRONG);
  };
  const result: AccountCandidates[] = [];
  for (let a = 0; a < accounts.size; a++) {
    const holders = index.byCode.lookup(accounts.code[a]!);
    bumpAll(index.byCode, accounts.code[a]!, STRONG * 4);
    for (let k = accounts.keys.start[a]!; k < accounts.keys.start[a + 1]!; k++) bumpAll(index.byKey, accounts.keys.items[k]!, STRONG * 2);
    bumpUnlessCommon(index.byPhone, accounts.phone[a]!);
    bumpUnlessCommon(index.byEmail, accounts.email[a]!);
    bumpUnlessCommon(index.byAddress, accounts.addressValue[a]!);
    const from = accounts.tokens.start[a]!;
    const to = accounts.tokens.start[a + 1]!;
    let rarest = -1;
    for (let k = from; k < to; k++) {
      const t = accounts.tokens.items[k]!;
      if (rarest < 0 || words.frequency(t) < words.frequency(rarest)) rarest = t;
    }
    for (let k = from; k < to; k++) {
      const t = accounts.tokens.items[k]!;
      const n = index.byToken.count(t);
      if (n > 0 && (n <= maxPosting || t === rarest)) bumpAll(index.byToken, t, words.weight(t), maxPosting * 4);
      for (const near of fuzzyTokens(t, accounts.tokenText[k]!, index, fuzzyCache)) {
        if (index.byToken.count(near) > maxPosting) continue;
        bumpAll(index.byToken, near, words.weight(near) * 0.8);
      }
    }
    const candidates = strongest(touched, Math.max(config.maxCandidates, holders.length), acc);
    for (const i of touched) acc[i] = 0;
    touched.length = 0;
    result.push({ holders, candidates });
  }
  return result;
}
