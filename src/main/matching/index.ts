// The matcher: billing accounts and Xero contacts in, one finding per account (plus Xero-side findings)
// out. Pure: no database, files, clock or network; the same inputs give the same output.
import type { BillingAccount, Finding, MatchResult, XeroContact } from '../../shared/domain';
import { assignLinks, byScore, type ScoredPair } from './assign';
import { buildContactIndex, evidenceStats, generateCandidates } from './candidates';
import { classify } from './classify';
import { resolveConfig, type MatchConfig } from './config';
import { findDuplicateContacts } from './duplicates';
import { codeKey, prepareAll, type PreparedSide } from './prepare';
import { scorePair, type ScoringContext } from './score';

export { DEFAULT_CONFIG, resolveConfig, type MatchConfig } from './config';
export { prepareAccounts, type PreparedSide } from './prepare';

/** Candidates per account scored in full and kept for the review (other candidates, ambiguity). */
const KEPT_PER_ACCOUNT = 5;

export interface MatchOptions {
  config?: Partial<MatchConfig>;
  /** Called now and then with (done, total) accounts, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Look for likely duplicate Xero contacts too (default); without, `xeroFindings` is empty. */
  xeroFindings?: boolean;
  /** The accounts as `prepareAccounts(accounts, config)` prepared them beforehand (on another thread, say). */
  preparedAccounts?: PreparedSide;
}

/** The contacts by ContactID (the same array when they already are, as a workspace reads them). */
function byContactId(contacts: readonly XeroContact[]): readonly XeroContact[] {
  for (let i = 1; i < contacts.length; i++) {
    if (contacts[i - 1]!.contactId > contacts[i]!.contactId) return [...contacts].sort((x, y) => (x.contactId < y.contactId ? -1 : 1));
  }
  return contacts;
}

export function matchAccounts(accounts: readonly BillingAccount[], given: readonly XeroContact[], options: MatchOptions = {}): MatchResult {
  // Ties (equal scores, the candidate cut-off) fall the same way whatever order the contacts came in: the same
  // organisation gives the same findings from a saved file (its order) and from a workspace (ContactID order).
  const contacts = byContactId(given);
  const config = resolveConfig(options.config);
  const prepared = prepareAll(accounts, contacts, config, options.preparedAccounts);
  const index = buildContactIndex(prepared.contacts);
  const blocks = generateCandidates(prepared.accounts, index, prepared.words, contacts.length, config);
  const scoring: ScoringContext = { ...prepared, evidence: evidenceStats(index, contacts.length), config };
  // Score every blocked candidate and keep the best few (per-field contributions are worked out lazily).
  const scored: ScoredPair[][] = blocks.map((block, a) => {
    if (a % 1000 === 0) options.onProgress?.(a, accounts.length);
    // Holders found by fingerprint, confirmed on the codes themselves.
    const code = codeKey(accounts[a]!.code);
    const holders = new Set(block.holders.filter((c) => codeKey(contacts[c]!.accountNumber) === code));
    return block.candidates
      .map((c) => ({ contact: c, isHolder: holders.has(c), score: scorePair(a, c, holders.has(c), scoring) }))
      .sort(byScore)
      .filter((p, k) => k < KEPT_PER_ACCOUNT || p.isHolder);
  });
  const links = assignLinks(scored, config.linkThreshold, (c) => contacts[c]!.status !== 'ACTIVE');
  const linkedContacts = new Map<number, number>();
  links.forEach((k, a) => k >= 0 && linkedContacts.set(scored[a]![k]!.contact, a));
  const sides = { contacts, scoring };
  const findings: Finding[] = accounts.map((account, a) =>
    classify(
      {
        account,
        index: a,
        pairs: scored[a]!,
        link: links[a]!,
        linkedElsewhere: { has: (c: number) => linkedContacts.has(c) && linkedContacts.get(c) !== a },
      },
      sides,
      config,
    ),
  );
  options.onProgress?.(accounts.length, accounts.length);
  const xeroFindings = options.xeroFindings === false ? [] : findDuplicateContacts(contacts, prepared.contacts, prepared.rules);
  return { findings, xeroFindings };
}
