// The matcher: billing accounts and Xero contacts in, one finding per account (plus Xero-side findings)
// out. Pure: no database, files, clock or network; the same inputs give the same output.
import type { BillingAccount, Finding, MatchResult, XeroContact, XeroFinding } from '../../shared/domain';
import { accountNumberKey, directoryOf, syncRun, type SyncOutcome } from '../../shared/sync-model';
import { assignLinks, byScore, type ScoredPair } from './assign';
import { buildContactIndex, evidenceStats, generateCandidates, type AccountCandidates, type EvidenceStats } from './candidates';
import { classify } from './classify';
import { resolveConfig, type MatchConfig } from './config';
import { findDuplicateContacts } from './duplicates';
import { compileNameRules } from './normalise-name';
import { prepareAccounts, prepareContacts, weighSides, type PreparedContacts, type PreparedSide, type PreparedSides } from './prepare';
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

export function matchAccounts(
  accounts: readonly BillingAccount[],
  contacts: readonly XeroContact[],
  options: MatchOptions = {},
): MatchResult {
  const config = resolveConfig(options.config);
  return matchPrepared(accounts, prepareAccounts(accounts, config), prepareContacts(contacts, config), options);
}

/**
 * matchAccounts on sides prepared beforehand, with the same config (`prepareAccounts`, `prepareContacts`): on
 * two threads, or while the other file is still being read.
 */
export function matchPrepared(
  accounts: readonly BillingAccount[],
  accountSide: PreparedSide,
  prepared: PreparedContacts,
  options: MatchOptions = {},
): MatchResult {
  const findings: Finding[] = [];
  const xeroFindings = matchEach(accounts, accountSide, prepared, (f) => findings.push(f), options);
  return { findings, xeroFindings };
}

/**
 * matchPrepared handing each finding to `emit` as it is made, in account order, and keeping none of them: a large
 * run's findings (about 1 kB each) can be written out as they come instead of all being held at once. Returns the
 * Xero-side findings. What each step needs is let go as soon as the step is done (the name and code maps of the sync
 * model, the blocking index, each account's candidates and scored pairs), so the peak is not the sum of all steps.
 */
export function matchEach(
  accounts: readonly BillingAccount[],
  accountSide: PreparedSide,
  prepared: PreparedContacts,
  emit: (finding: Finding) => void,
  options: MatchOptions = {},
): XeroFinding[] {
  const { contacts } = prepared;
  if (accountSide.size !== accounts.length || prepared.side.size !== contacts.length)
    throw new Error('matchPrepared: the prepared sides are not those of these records');
  const config = resolveConfig(options.config);
  const sync = predictSync(accounts, contacts);
  const sides = weighSides(accountSide, prepared.side);
  const { scored, scoring } = scoreCandidates(accounts, contacts, sides, config, options.onProgress);
  const links = assignLinks(scored, config.linkThreshold, (c) => contacts[c]!.status !== 'ACTIVE');
  const linkedContacts = new Map<number, number>();
  links.forEach((k, a) => k >= 0 && linkedContacts.set(scored[a]![k]!.contact, a));
  const context = { contacts, scoring };
  for (let a = 0; a < accounts.length; a++) {
    emit(
      classify(
        {
          account: accounts[a]!,
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
    // The finding keeps what it shows of the pairs (candidates, the contributions of one score).
    scored[a] = NO_PAIRS;
  }
  options.onProgress?.(accounts.length, accounts.length);
  return options.xeroFindings === false ? [] : findDuplicateContacts(contacts, sides.contacts, compileNameRules(config));
}

const NO_PAIRS: ScoredPair[] = [];

/**
 * What Xero does with each account's invoice, by the sync model, in file order (contacts by index; index
 * contacts.length + a is the contact account a's invoice creates). Only the outcomes are kept: the directory's maps
 * of every name and code are let go on return.
 */
function predictSync(accounts: readonly BillingAccount[], contacts: readonly XeroContact[]): SyncOutcome<number>[] {
  const n = contacts.length;
  const xero = directoryOf(
    contacts.map((_, c) => c),
    (c) => (c < n ? contacts[c]! : { name: accounts[c - n]!.name, accountNumber: accounts[c - n]!.code, status: 'ACTIVE' }),
  );
  return syncRun(
    xero,
    accounts.map((account) => ({ name: account.name, accountNumber: account.code })),
    (a) => n + a,
  );
}

/**
 * Every blocked candidate of each account scored, the best few kept (per-field contributions are worked out lazily).
 * All accounts are blocked first, then scored (interleaved, the two evict each other's data from the caches: 10–15%
 * slower); the blocking index is let go before scoring (scoring keeps only its evidence counts), and each account's
 * block once it is scored.
 */
function scoreCandidates(
  accounts: readonly BillingAccount[],
  contacts: readonly XeroContact[],
  sides: PreparedSides,
  config: MatchConfig,
  onProgress: MatchOptions['onProgress'],
): { scored: ScoredPair[][]; scoring: ScoringContext } {
  const { blocks, evidence } = blockAll(sides, contacts.length, config);
  const scoring: ScoringContext = { ...sides, evidence, config };
  const scored: ScoredPair[][] = [];
  for (let a = 0; a < blocks.length; a++) {
    if (a % 1000 === 0) onProgress?.(a, accounts.length);
    const block = blocks[a]!;
    blocks[a] = NO_BLOCK;
    // Holders found by fingerprint, confirmed on the codes themselves.
    const code = accountNumberKey(accounts[a]!.code);
    const holders = block.holders.filter((c) => accountNumberKey(contacts[c]!.accountNumber) === code);
    scored.push(
      block.candidates
        .map((c) => {
          const isHolder = holders.includes(c);
          return { contact: c, isHolder, score: scorePair(a, c, isHolder, scoring) };
        })
        .sort(byScore)
        .filter((p, k) => k < KEPT_PER_ACCOUNT || p.isHolder),
    );
  }
  return { scored, scoring };
}

const NO_BLOCK: AccountCandidates = { holders: [], candidates: [] };

/** Each account's candidates, and the evidence counts scoring needs; the rest of the blocking index is let go on return. */
function blockAll(
  sides: PreparedSides,
  contactCount: number,
  config: MatchConfig,
): { blocks: AccountCandidates[]; evidence: EvidenceStats } {
  const index = buildContactIndex(sides.contacts);
  return {
    blocks: generateCandidates(sides.accounts, index, sides.words, contactCount, config),
    evidence: evidenceStats(index, contactCount),
  };
}
