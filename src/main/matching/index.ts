// The matcher: billing accounts and Xero contacts in, one finding per account (plus Xero-side findings)
// out. Pure: no database, files, clock or network; the same inputs give the same output.
import type { BillingAccount, Finding, MatchResult, XeroContact } from '../../shared/domain';
import { accountNumberKey, directoryOf, syncRun } from '../../shared/sync-model';
import { assignLinks, byScore, type ScoredPair } from './assign';
import { buildContactIndex, evidenceStats, generateCandidates } from './candidates';
import { classify } from './classify';
import { resolveConfig, type MatchConfig } from './config';
import { findDuplicateContacts } from './duplicates';
import { compileNameRules } from './normalise-name';
import { prepareAccounts, prepareContacts, weighSides, type PreparedContacts, type PreparedSide } from './prepare';
import { scorePair, type ScoringContext } from './score';

export { DEFAULT_CONFIG, resolveConfig, type MatchConfig } from './config';
export { prepareAccounts, prepareContacts, type PreparedContacts, type PreparedSide } from './prepare';

/** Candidates per account scored in full and kept for the review (other candidates, ambiguity). */
const KEPT_PER_ACCOUNT = 5;

export interface MatchOptions {
  config?: Partial<MatchConfig>;
  /** Called now and then with (done, total) accounts, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Look for likely duplicate Xero contacts too (default); without, `xeroFindings` is empty. */
  xeroFindings?: boolean;
}

export function matchAccounts(accounts: readonly BillingAccount[], contacts: readonly XeroContact[], options: MatchOptions = {}): MatchResult {
  const config = resolveConfig(options.config);
  return matchPrepared(accounts, prepareAccounts(accounts, config), prepareContacts(contacts, config), options);
}

/**
 * matchAccounts on sides prepared beforehand, with the same config (`prepareAccounts`, `prepareContacts`): on
 * two threads, or while the other file is still being read.
 */
export function matchPrepared(accounts: readonly BillingAccount[], accountSide: PreparedSide, prepared: PreparedContacts, options: MatchOptions = {}): MatchResult {
  const { contacts } = prepared;
  if (accountSide.size !== accounts.length || prepared.side.size !== contacts.length) throw new Error('matchPrepared: the prepared sides are not those of these records');
  const config = resolveConfig(options.config);
  const sides = weighSides(accountSide, prepared.side);
  const index = buildContactIndex(sides.contacts);
  const blocks = generateCandidates(sides.accounts, index, sides.words, contacts.length, config);
  const scoring: ScoringContext = { ...sides, evidence: evidenceStats(index, contacts.length), config };
  // Score every blocked candidate and keep the best few (per-field contributions are worked out lazily).
  const scored: ScoredPair[][] = blocks.map((block, a) => {
    if (a % 1000 === 0) options.onProgress?.(a, accounts.length);
    // Holders found by fingerprint, confirmed on the codes themselves.
    const code = accountNumberKey(accounts[a]!.code);
    const holders = block.holders.filter((c) => accountNumberKey(contacts[c]!.accountNumber) === code);
    return block.candidates
      .map((c) => {
        const isHolder = holders.includes(c);
        return { contact: c, isHolder, score: scorePair(a, c, isHolder, scoring) };
      })
      .sort(byScore)
      .filter((p, k) => k < KEPT_PER_ACCOUNT || p.isHolder);
  });
  const links = assignLinks(scored, config.linkThreshold, (c) => contacts[c]!.status !== 'ACTIVE');
  const linkedContacts = new Map<number, number>();
  links.forEach((k, a) => k >= 0 && linkedContacts.set(scored[a]![k]!.contact, a));
  const context = { contacts, scoring };
  // What Xero does with each account's invoice, by the sync model, in file order (contacts by index; index
  // contacts.length + a is the contact account a's invoice creates).
  const n = contacts.length;
  const xero = directoryOf(
    contacts.map((_, c) => c),
    (c) => (c < n ? contacts[c]! : { name: accounts[c - n]!.name, accountNumber: accounts[c - n]!.code, status: 'ACTIVE' }),
  );
  const sync = syncRun(
    xero,
    accounts.map((account) => ({ name: account.name, accountNumber: account.code })),
    (a) => n + a,
  );
  const findings: Finding[] = accounts.map((account, a) =>
    classify(
      {
        account,
        index: a,
        pairs: scored[a]!,
        link: links[a]!,
        linkedElsewhere: { has: (c: number) => linkedContacts.has(c) && linkedContacts.get(c) !== a },
        sync: sync[a]!,
      },
      context,
      config,
    ),
  );
  options.onProgress?.(accounts.length, accounts.length);
  const xeroFindings = options.xeroFindings === false ? [] : findDuplicateContacts(contacts, sides.contacts, compileNameRules(config));
  return { findings, xeroFindings };
}
