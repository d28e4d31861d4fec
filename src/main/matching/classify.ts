// Classification: what will happen to each billing account on the next sync, and why. The sync model
// (src/shared/sync-model.ts) says what Xero does with the account's invoice; the scores say which Xero contact is the
// same business; together they give the finding, its fix and its reason.
import type { BillingAccount, Candidate, Finding, FindingKind, SuggestedFix, SyncPrediction, XeroContact } from '../../shared/domain';
import { accountNumberKey, type SyncOutcome } from '../../shared/sync-model';
import { spacingChanges } from '../../shared/unseen-difference';
import type { ScoredPair } from './assign';
import type { MatchConfig } from './config';
import { describeNames, describePair, evidenceSummary } from './explain';
import { scorePair, type NameLevel, type ScoringContext } from './score';

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
  /** What Xero does with the account's next invoice (contacts by index). */
  sync: SyncOutcome<number>;
}

export interface Sides {
  contacts: readonly XeroContact[];
  scoring: ScoringContext;
}

/** Each contact's index by ContactID (lower case), built once per contact list: only merged contacts ask. */
const byIdOf = new WeakMap<readonly XeroContact[], Map<string, number>>();

/**
 * The active contact that `c` was merged into in Xero (following a merge of a merge), or null when `c` was not merged;
 * undefined when it was, but the contact it went to is not held or not active.
 */
export function survivorOf(contacts: readonly XeroContact[], c: number): number | null | undefined {
  if (!contacts[c]?.mergedToContactId) return null;
  let byId = byIdOf.get(contacts);
  if (!byId) {
    byId = new Map(contacts.map((x, i) => [x.contactId.toLowerCase(), i]));
    byIdOf.set(contacts, byId);
  }
  const seen = new Set([c]);
  let at = c;
  for (let next = contacts[at]!.mergedToContactId; next; next = contacts[at]!.mergedToContactId) {
    const i = byId.get(next.toLowerCase());
    if (i === undefined || seen.has(i)) return undefined;
    seen.add(i);
    at = i;
  }
  return contacts[at]!.status === 'ACTIVE' ? at : undefined;
}

const round = (x: number) => Math.round(x * 10000) / 10000;
/** Name levels close enough that the names alone say "same business"; below them, it took other evidence. */
const NEAR_NAME_LEVELS: ReadonlySet<NameLevel> = new Set(['exact', 'legal_form', 'very_similar', 'similar', 'contains']);

function prediction(sync: SyncOutcome<number>): SyncPrediction {
  switch (sync.outcome) {
    case 'filed':
      return { outcome: 'filed', message: null, doubt: sync.doubt };
    case 'created':
      return { outcome: 'created', message: null, doubt: sync.doubt };
    case 'refused':
      return { outcome: 'refused', message: sync.message, doubt: sync.doubt };
  }
}

/** "the sync will fail with …", or "the sync may fail with … (why)" when the model is not sure. */
function fails(sync: SyncOutcome<number>): string {
  if (sync.outcome !== 'refused') return '';
  return sync.doubt ? `the sync may fail with "${sync.message}": ${sync.doubt}` : `the sync will fail with "${sync.message}"`;
}

function finding(
  ctx: AccountContext,
  sides: Sides,
  kind: FindingKind,
  fix: SuggestedFix,
  about: ScoredPair | undefined,
  linked: ScoredPair | undefined,
  holder: ScoredPair | undefined,
  explanation: string,
): Finding {
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
    sync: prediction(ctx.sync),
  };
}

/**
 * The Xero contact a finding's score and contributions are about (the `about` pair of `finding` above): the code's
 * holder of a code conflict, else the finding's contact, else the best candidate (not_in_xero, and code_differs with
 * a contact created earlier in the same run). null when nothing was scored.
 */
export function scoredContactId(
  f: Pick<Finding, 'kind' | 'xeroContactId' | 'codeHolderId' | 'candidates' | 'contributions'>,
): string | null {
  if (f.contributions.length === 0) return null;
  if (f.kind === 'code_conflict') return f.codeHolderId;
  return f.xeroContactId ?? f.candidates[0]?.contactId ?? null;
}

export function classify(ctx: AccountContext, sides: Sides, config: MatchConfig): Finding {
  const { pairs, index: a, account, sync } = ctx;
  const prepared = sides.scoring.contacts;
  const linked = ctx.link >= 0 ? pairs[ctx.link] : undefined;
  const holder = pairs.find((p) => p.isHolder && p === linked) ?? pairs.find((p) => p.isHolder);
  const contact = (p: ScoredPair) => sides.contacts[p.contact]!;
  const name = (p: ScoredPair) => `'${contact(p).name}'`;
  const describe = (p: ScoredPair) => describePair(sides.scoring, a, p.contact, p.score);
  const code = accountNumberKey(account.code);
  /** The scored pair of a contact (scored now when it was not among the kept candidates). */
  const pairOf = (c: number): ScoredPair =>
    pairs.find((p) => p.contact === c) ?? { contact: c, isHolder: false, score: scorePair(a, c, false, sides.scoring) };
  /**
   * An archived contact `m` that was merged into an active one (the web app's merge): the finding follows it to the
   * surviving contact, which is where the business now is. The merged-away contact still holds its AccountNumber, so
   * giving the survivor the code means freeing it there first (the checklist says so).
   */
  const followMerge = (m: ScoredPair, survivor: number): Finding => {
    const s = pairOf(survivor);
    const held = accountNumberKey(contact(m).accountNumber) === code;
    const named = sync.outcome === 'refused' && sync.reason === 'archived';
    const what = [named ? "has the account's name" : '', held ? `holds ${account.code}` : ''].filter(Boolean).join(' and ');
    const free = held ? ` (to give ${name(s)} ${account.code}, free it from ${name(m)} first)` : '';
    return finding(
      ctx,
      sides,
      'archived_holder',
      'follow_merge',
      s,
      s,
      held ? m : holder,
      `${name(m)} was merged into ${name(s)} in Xero and is archived, but still ${what}; ${fails(sync)}; follow the merge: make the names of the account and ${name(s)} equal${free}`,
    );
  };
  /** " (merged into a contact this workspace does not hold or that is archived)" for a merged one that cannot be followed. */
  const unfollowed = (p: ScoredPair) =>
    survivorOf(sides.contacts, p.contact) === undefined ? ' (merged in Xero into a contact that is not active or not synced)' : '';
  /** "; C01217 is held by 'East Moline …'" when a contact other than `p` holds the account's code. */
  const heldBy = (p: ScoredPair) => (holder && holder.contact !== p.contact ? `; ${account.code} is held by ${name(holder)}` : '');

  if (sync.outcome === 'filed' && sync.contact >= sides.contacts.length) {
    // Filed to the contact another account's invoice creates earlier in the same run (two accounts, one name).
    return finding(
      ctx,
      sides,
      'code_differs',
      'use_xero_code',
      pairs[0],
      undefined,
      holder,
      `invoices are filed by name; ${sync.doubt ?? ''}; give the two accounts one code in CocoonOPS, or different names`,
    );
  }
  if (sync.outcome === 'filed') {
    // Xero files the invoice to the active contact of that name, whatever its AccountNumber.
    const filed = pairOf(sync.contact);
    const f = contact(filed);
    if (accountNumberKey(f.accountNumber) === code) {
      return f.isCustomer
        ? finding(ctx, sides, 'ok', 'none', filed, filed, filed, `same code and name as ${name(filed)}`)
        : finding(
            ctx,
            sides,
            'not_customer',
            'mark_customer',
            filed,
            filed,
            filed,
            `same code and name, but ${name(filed)} is not a customer in Xero: the sync may fail, as CocoonOPS links customers only`,
          );
    }
    if (f.accountNumber.trim() === '') {
      return finding(
        ctx,
        sides,
        'code_missing',
        'set_account_number',
        filed,
        filed,
        holder,
        `invoices are filed to ${name(filed)} (same name), which has no account number; set it to ${account.code}${heldBy(filed)}`,
      );
    }
    const theirs = f.accountNumber.trim();
    return finding(
      ctx,
      sides,
      'code_differs',
      'use_xero_code',
      filed,
      filed,
      holder,
      `invoices are filed to ${name(filed)} (same name), whose account number is ${theirs}, not ${account.code}: use ${theirs} in CocoonOPS${heldBy(filed)}`,
    );
  }

  if (sync.outcome === 'refused' && sync.reason === 'archived') {
    // Only an archived contact has the name: Xero will not file to it.
    const archived = pairOf(sync.contact);
    const survivor = survivorOf(sides.contacts, archived.contact);
    if (typeof survivor === 'number') return followMerge(archived, survivor);
    const held = accountNumberKey(contact(archived).accountNumber) === code;
    const what = held ? 'holds the code and has the same name' : 'has the same name';
    return finding(
      ctx,
      sides,
      'archived_holder',
      'restore_archived',
      archived,
      archived,
      held ? archived : holder,
      `archived contact ${name(archived)}${unfollowed(archived)} ${what}; ${fails(sync)}; restore it in Xero`,
    );
  }

  if (sync.outcome === 'refused') {
    // No contact has the name, so Xero tries to create one with a number another contact holds.
    const h = holder && accountNumberKey(contact(holder).accountNumber) === code ? holder : pairOf(sync.contact);
    const survivor = survivorOf(sides.contacts, h.contact);
    // Merged away: the same business now is the survivor (it may be the one the scores link, rather than h).
    if (typeof survivor === 'number' && (h === linked || linked?.contact === survivor)) return followMerge(h, survivor);
    if (h === linked) {
      if (contact(h).status !== 'ACTIVE') {
        return finding(
          ctx,
          sides,
          'archived_holder',
          'restore_archived',
          h,
          h,
          h,
          `code held by archived contact ${name(h)}${unfollowed(h)} (same business: ${describe(h)}); ${fails(sync)}; restore it and make the names equal`,
        );
      }
      const { agree } = evidenceSummary(h.score.contributions);
      const names = describeNames(sides.scoring, a, h.contact, h.score);
      const renamed = !NEAR_NAME_LEVELS.has(h.score.nameLevel);
      const spacing = h.score.nameLevel === 'exact' && sync.doubt !== null;
      const where = spacingChanges(contact(h).name, account.name)
        .slice(0, 3)
        .map((c) => `${c.from}${c.where ? ` ${c.where}` : ''} in Xero, ${c.to} in CocoonOPS`);
      const why = spacing
        ? `names differ only in spacing (${name(h)}${where.length > 0 ? `: ${where.join('; ')}` : ''})`
        : renamed && agree
          ? `${names} (${name(h)}) but ${agree}: same business, renamed`
          : describe(h);
      return finding(ctx, sides, 'name_mismatch', 'rename_in_xero_or_cocoon', h, h, h, `same code; ${why}; ${fails(sync)}`);
    }
    const also = linked ? `; ${name(linked)} matches (${describe(linked)})` : '';
    return finding(
      ctx,
      sides,
      'code_conflict',
      'recode_in_cocoon',
      h,
      linked,
      h,
      `code held by ${name(h)}, an unrelated business (${describe(h)}); ${fails(sync)}${also}`,
    );
  }

  // Nobody has the name or the code: the sync creates a contact. Fine, unless Xero has the business under another name.
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
      return finding(
        ctx,
        sides,
        'ambiguous',
        'review',
        linked,
        linked,
        undefined,
        `${all.length} Xero contacts match about equally: ${all.join(', ')}; the sync will create a new contact`,
      );
    }
    const current = contact(linked).accountNumber;
    const has = current ? `holds account number '${current}'` : 'has no account number';
    const archived = contact(linked).status === 'ACTIVE' ? '' : ' (archived)';
    return finding(
      ctx,
      sides,
      'code_missing',
      'set_account_number',
      linked,
      linked,
      undefined,
      `${name(linked)}${archived} matches (${describe(linked)}) but ${has} and another name: the sync will create a second contact; give it the code and the same name`,
    );
  }

  const best = pairs[0];
  const closest = best && best.score.probability >= 0.05 ? `; closest: ${name(best)} (${Math.round(best.score.probability * 100)}%)` : '';
  return finding(
    ctx,
    sides,
    'not_in_xero',
    'create_in_xero',
    best,
    undefined,
    undefined,
    `no Xero contact matches; the sync will create one${closest}`,
  );
}
