// Classification: what will happen to each billing account on the next sync, and why.
import type { BillingAccount, Candidate, Finding, FindingKind, SuggestedFix, XeroContact } from '../../shared/domain';
import type { ScoredPair } from './assign';
import type { MatchConfig } from './config';
import { describeNames, describePair, evidenceSummary } from './explain';
import type { NameLevel, ScoringContext } from './score';

export interface AccountContext {
  account: BillingAccount;
  /** The account's index. */
  index: number;
  /** Scored pairs, best first. */
  pairs: ScoredPair[];
  /** Index into pairs of the linked contact, or -1. */
  link: number;
  /** Contacts linked to other accounts. */
  linkedElsewhere: { has(contact: number): boolean };
}

export interface Sides {
  contacts: readonly XeroContact[];
  scoring: ScoringContext;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
/** Name levels close enough that the names alone say "same business"; below them, it took other evidence. */
const NEAR_NAME_LEVELS: ReadonlySet<NameLevel> = new Set(['exact', 'legal_form', 'very_similar', 'similar', 'contains']);
const FAILS = 'the sync will fail with "The Account Number already exists"';

function finding(ctx: AccountContext, sides: Sides, kind: FindingKind, fix: SuggestedFix, about: ScoredPair | undefined, linked: ScoredPair | undefined, holder: ScoredPair | undefined, explanation: string): Finding {
  const candidates: Candidate[] = ctx.pairs.slice(0, 5).map((p) => {
    const c = sides.contacts[p.contact]!;
    return { contactId: c.contactId, name: c.name, accountNumber: c.accountNumber, score: round(p.score.probability) };
  });
  return {
    accountCode: ctx.account.code,
    accountRow: ctx.account.row,
    kind,
    xeroContactId: linked ? sides.contacts[linked.contact]!.contactId : null,
    codeHolderId: holder ? sides.contacts[holder.contact]!.contactId : null,
    score: about ? round(about.score.probability) : 0,
    explanation,
    contributions: about ? about.score.contributions : [],
    candidates,
    fix,
  };
}

export function classify(ctx: AccountContext, sides: Sides, config: MatchConfig): Finding {
  const { pairs, index: a } = ctx;
  const prepared = sides.scoring.contacts;
  const linked = ctx.link >= 0 ? pairs[ctx.link] : undefined;
  const holder = pairs.find((p) => p.isHolder && p === linked) ?? pairs.find((p) => p.isHolder);
  const contact = (p: ScoredPair) => sides.contacts[p.contact]!;
  const name = (p: ScoredPair) => `'${contact(p).name}'`;
  const describe = (p: ScoredPair) => describePair(sides.scoring, a, p.contact, p.score);

  if (holder && holder === linked) {
    const h = contact(holder);
    if (h.status !== 'ACTIVE') {
      return finding(ctx, sides, 'archived_holder', 'restore_archived', holder, holder, holder, `code held by archived contact ${name(holder)} (same business: ${describe(holder)}); restore it or free the code`);
    }
    if (holder.score.nameLevel === 'exact') {
      return h.isCustomer
        ? finding(ctx, sides, 'ok', 'none', holder, holder, holder, `same code and name as ${name(holder)}`)
        : finding(ctx, sides, 'not_customer', 'mark_customer', holder, holder, holder, `same code and name, but ${name(holder)} is not a customer in Xero (CocoonOPS syncs to customers only)`);
    }
    const { agree } = evidenceSummary(holder.score.contributions);
    const names = describeNames(sides.scoring, a, holder.contact, holder.score);
    const renamed = !NEAR_NAME_LEVELS.has(holder.score.nameLevel);
    const why = renamed && agree ? `${names} (${name(holder)}) but ${agree}: same business, renamed` : describe(holder);
    return finding(ctx, sides, 'name_mismatch', 'rename_in_xero_or_cocoon', holder, holder, holder, `same code; ${why}; ${FAILS}`);
  }

  if (holder) {
    const h = describe(holder);
    const also = linked ? `; ${name(linked)} matches (${describe(linked)})` : '';
    return finding(ctx, sides, 'code_conflict', 'recode_in_cocoon', holder, linked, holder, `code held by ${name(holder)}, an unrelated business (${h})${also}`);
  }

  if (linked) {
    const rivals = pairs.filter(
      (p) =>
        p !== linked &&
        !ctx.linkedElsewhere.has(p.contact) &&
        p.score.probability >= config.linkThreshold &&
        linked.score.logOdds - p.score.logOdds < config.ambiguityMargin &&
        contact(p).status === 'ACTIVE' &&
        prepared.nameKey[p.contact] !== prepared.nameKey[linked.contact],
    );
    if (rivals.length > 0 && contact(linked).status === 'ACTIVE') {
      const all = [linked, ...rivals].map((p) => `${name(p)} (${Math.round(p.score.probability * 100)}%)`);
      return finding(ctx, sides, 'ambiguous', 'review', linked, linked, undefined, `${all.length} Xero contacts match about equally: ${all.join(', ')}`);
    }
    const current = contact(linked).accountNumber;
    const has = current ? `holds account number '${current}' instead` : 'has no account number';
    const archived = contact(linked).status === 'ACTIVE' ? '' : ' (archived)';
    return finding(ctx, sides, 'code_missing', 'set_account_number', linked, linked, undefined, `${name(linked)}${archived} matches (${describe(linked)}) but ${has}`);
  }

  const best = pairs[0];
  const closest = best && best.score.probability >= 0.05 ? `; closest: ${name(best)} (${Math.round(best.score.probability * 100)}%)` : '';
  return finding(ctx, sides, 'not_in_xero', 'create_in_xero', best, undefined, undefined, `no Xero contact matches; the sync will create one${closest}`);
}
