// Recording decisions: one at a time (by hand) or in bulk (the suggestions of a filtered set). Each is stored
// at once, with an audit entry; a bulk action never touches an account that already has a decision (unless it
// needs attention: carried out, and the account still fails), leaves out renames where a name lost information
// and AccountNumbers that replace one unless asked, and can be undone whole.
import { FAILING_KINDS, type BillingAccount, type Finding, type XeroContact } from '../../shared/domain';
import { xeroNameKey } from '../../shared/sync-model';
import type { Workspace } from '../db';
import { perXeroSide, xeroContacts, xeroContactsById } from '../db/xero-side';
import { writeMark } from '../db/write-mark';
import type { Decision } from '../db/repos/decisions';
import { acceptActionsFor, actionAllowed, ACTION_LABELS, type ConflictMatch } from '../../shared/decision-rules';
import type { BatchUndone, BulkApplied, BulkOption, BulkPreview } from '../../shared/contract';
import { FINDING_KIND_LABELS } from '../../shared/decision-rules';
import type { DecisionAction, DecisionView, FieldChange, ReviewRow, RowDecision } from '../../shared/review';
import { AppError, unknownAccount } from '../../shared/app-error';
import { attentionByAccount, decisionStates, type DecisionState } from './attention';
import { changesFor, describeChanges, targetContactId } from './changes';
import { breakages, contactDirectory, keysOf, outcomeWith, xeroRefusal, type ContactDirectory } from './decision-check';
import { clashesOf } from './bulk-clashes';
import { compareNames, lossLabel, type NameVerdict } from './name-quality';
import type { DecisionPayload } from './decision-view';
import { toDecisionView } from './decision-view';
import { findingNameVerdict, lookOf } from './name-look';
import { reviewRow, rowDecision } from './rows';
import { progressEvery, type OnProgress } from '../../shared/progress-every';

export interface DecisionRequest {
  accountCode: string;
  action: DecisionAction;
  xeroContactId?: string;
  note?: string;
  /** Write a CocoonOPS name that lost information over the Xero name all the same (refused otherwise). */
  confirmNameLoss?: boolean;
}

interface Planned {
  accountCode: string;
  action: DecisionAction;
  xeroContactId: string | null;
  payload: DecisionPayload;
  summary: string;
  /**
   * Why the changes would be refused: by Xero (a name or AccountNumber another contact has), or by CocoonOPS (a code
   * another billing account has); null: they would be taken.
   */
  refused: string | null;
  refusedBy: 'Xero' | 'CocoonOPS' | null;
  /** Why the account would still fail with these changes made (null: it passes). */
  stillFails: string | null;
  /** The account fails today (the decision is a fix; otherwise a change must not make it fail). */
  failing: boolean;
  /** Why the decision would not work, as the accept dialog says it (null: it works). */
  problem: string | null;
  /** The changes were checked against the sync model and make the failing account pass. */
  passes: boolean;
  /** What else the sync would do that the bookkeeper should know (null: nothing). */
  caveat: string | null;
}

/** Why a code conflict's fix cannot be made for this account, or null when it can. */
function unavailable(
  action: DecisionAction,
  contact: { name: string; accountNumber: string } | undefined,
  holderId: string | null,
): string | null {
  if (action === 'use_contact_code') {
    if (!contact) return 'Xero has no contact that matches this account, so there is no code of its to use';
    if (contact.accountNumber.trim() === '') return `"${contact.name}" has no AccountNumber to use`;
  }
  if (action === 'free_code' && holderId === null) return 'no Xero contact holds the code';
  return null;
}

/** What planning a decision reads: a query each for one decision; for a bulk apply, each kind read once for all. */
interface Facts {
  account(code: string): BillingAccount | undefined;
  finding(code: string): Finding | undefined;
  contact(contactId: string): XeroContact | undefined;
  /** compareNames (a bulk apply keeps each pair's verdict: the suggestion and its plan compare the same two names). */
  compare(cocoon: string, xero: string): NameVerdict;
  /** The billing account that has this code (CocoonOPS codes are unique, trimmed and case-insensitive). */
  withCode(code: string): { code: string; name: string } | undefined;
}

/** Every billing account by its code as CocoonOPS compares codes (from accountNames: one read of the accounts). */
const accountsByCode = perXeroSide((ws) => new Map(accountNames(ws).map((a) => [a.code.trim().toLowerCase(), a])));

const queried = (ws: Workspace): Facts => ({
  account: (c) => ws.accounts.get(c),
  finding: (c) => ws.findings.get(c),
  contact: (id) => ws.contacts.get(id),
  compare: compareNames,
  withCode: (code) => accountsByCode(ws).get(code.trim().toLowerCase()),
});

/** Why CocoonOPS would refuse a decided code: another billing account has it (its import would refuse the export too). */
function cocoonRefusal(facts: Facts, account: BillingAccount, changes: readonly FieldChange[]): string | null {
  const recode = changes.find((c) => c.target === 'cocoon' && c.field === 'code' && c.to.trim() !== '');
  const other = recode ? facts.withCode(recode.to) : undefined;
  if (!other || other.code === account.code) return null;
  return `CocoonOPS would refuse the code: ${other.code} is the code of another billing account ('${other.name}')`;
}

/**
 * compareNames, each pair's verdict kept while the workspace is open: a verdict depends on the two names alone, and
 * a bulk preview, its apply and the next preview (an option ticked) compare the same pairs. Dropped past MAX_VERDICTS.
 */
const verdicts = new WeakMap<Workspace, Map<string, NameVerdict>>();
const MAX_VERDICTS = 200_000;
function keptVerdicts(ws: Workspace): (cocoon: string, xero: string) => NameVerdict {
  let kept = verdicts.get(ws);
  if (!kept) verdicts.set(ws, (kept = new Map()));
  const m = kept;
  return (cocoon, xero) => {
    const key = `${cocoon}\u0000${xero}`;
    let v = m.get(key);
    if (!v) {
      if (m.size >= MAX_VERDICTS) m.clear();
      m.set(key, (v = compareNames(cocoon, xero)));
    }
    return v;
  };
}

/** The accounts and findings of `codes` in one read each, the contacts from the kept list (xeroContactsById). */
function readInBulk(ws: Workspace, codes: readonly string[]): Facts {
  const accounts = ws.accounts.getMany(codes);
  const findings = ws.findings.getMany(codes);
  const contacts = xeroContactsById(ws);
  return {
    account: (c) => accounts.get(c),
    finding: (c) => findings.get(c),
    contact: (id) => contacts.get(id),
    compare: keptVerdicts(ws),
    withCode: (code) => accountsByCode(ws).get(code.trim().toLowerCase()),
  };
}

/**
 * Checks a request against the account's finding and works out its changes, and whether they make the account pass;
 * throws AppError when it does not fit. `xero` is the workspace's contacts for the check (built once for a bulk).
 */
function plan(facts: Facts, req: DecisionRequest, xero: ContactDirectory): Planned {
  const account = facts.account(req.accountCode);
  if (!account) throw unknownAccount(req.accountCode);
  const finding = facts.finding(req.accountCode);
  const kind = finding?.kind ?? null;
  if (!actionAllowed(kind, req.action, finding?.fix)) {
    const what = kind ? `a "${FINDING_KIND_LABELS[kind]}" finding` : 'an account without a finding (no Xero data yet)';
    throw new AppError('conflict', `"${ACTION_LABELS[req.action]}" does not apply to ${what} (${req.accountCode}).`);
  }
  if (req.action === 'link' && !req.xeroContactId) throw new AppError('bad_input', 'Linking needs the Xero contact to link.');
  const contactId = targetContactId(req.action, finding, req.xeroContactId);
  const contact = contactId === null ? undefined : facts.contact(contactId);
  if (req.action === 'link' && !contact)
    throw new AppError('not_found', `There is no Xero contact ${req.xeroContactId} in this workspace.`);
  const holderId = finding?.codeHolderId ?? null;
  const why = unavailable(req.action, contact, holderId);
  if (why) throw new AppError('conflict', `"${ACTION_LABELS[req.action]}" does not apply to ${req.accountCode}: ${why}.`);
  const holder = holderId !== null && holderId !== contact?.contactId ? facts.contact(holderId) : undefined;
  // Which name keeps more matters only where the two differ (changesFor then renames one side): compared only there.
  const better =
    contact && xeroNameKey(contact.name) !== xeroNameKey(account.name) ? facts.compare(account.name, contact.name).better : null;
  const changes = changesFor(req.action, { account, finding, contact, better, holder });
  // Any change to Xero must be one Xero takes (the push's checks would hold it back otherwise), and a code one CocoonOPS takes.
  const byXero = xeroRefusal(xero, changes);
  const refused = byXero ?? cocoonRefusal(facts, account, changes);
  const refusedBy = byXero ? 'Xero' : refused ? 'CocoonOPS' : null;
  // Every change is checked against the sync: a fix must make its account pass, and a tidy-up of an account that
  // passes must not make it fail. Ignoring, or letting the sync create the contact, changes nothing on purpose.
  const fixes = finding !== undefined && FAILING_KINDS.includes(finding.kind);
  const outcome = changes.length > 0 && finding !== undefined && refused === null ? outcomeWith(xero, account, changes) : null;
  // A contact the sync creates while Xero has the business under another name is a second contact for it.
  const same = finding?.xeroContactId ? facts.contact(finding.xeroContactId) : undefined;
  const caveat =
    fixes && outcome?.creates && same && same.contactId !== holderId
      ? `Xero then gets a second contact, "${outcome.creates}", for the business it already has as "${same.name}"`
      : null;
  const names = (id: string) => facts.contact(id)?.name;
  const payload: DecisionPayload = { changes, contactUpdatedDateUtc: contact?.updatedDateUtc || null };
  if (holder && changes.some((c) => c.subject === holder.contactId))
    payload.otherUpdatedDateUtc = { [holder.contactId]: holder.updatedDateUtc };
  return {
    accountCode: account.code,
    action: req.action,
    xeroContactId: contact?.contactId ?? contactId,
    payload,
    summary: describeChanges(req.action, changes, account, names),
    refused,
    refusedBy,
    stillFails: refused ?? outcome?.stillFails ?? null,
    failing: fixes,
    problem: refused
      ? `${refused}: ${refusedBy === 'Xero' ? 'the push would hold it back' : 'decide which account keeps it'}`
      : outcome?.stillFails
        ? fixes
          ? `The sync would still fail: ${outcome.stillFails}`
          : `It passes today, and the sync would fail with this change: ${outcome.stillFails}`
        : null,
    passes: fixes && outcome !== null && outcome.stillFails === null,
    caveat,
  };
}

function store(
  ws: Workspace,
  p: Planned,
  note: string,
  source: 'manual' | 'bulk',
  batchId: number | null = null,
  actor = 'user',
  replaces?: number,
) {
  const decision = ws.decisions.add({
    accountCode: p.accountCode,
    action: p.action,
    xeroContactId: p.xeroContactId,
    payload: p.payload,
    note,
    source,
    batchId,
  });
  ws.audit.append({
    actor,
    action: `decision.${p.action}`,
    subject: p.accountCode,
    after: p.payload,
    result: 'ok',
    detail: { decisionId: decision.id, source, note, batchId, replaces },
  });
  return decision;
}

function rowOf(ws: Workspace, code: string): ReviewRow {
  const row = reviewRow(ws, code);
  if (!row) throw unknownAccount(code);
  return row;
}

/** The workspace's contacts indexed for the decision check (kept while the Xero side is unchanged). */
const contactsOf = perXeroSide((ws) => contactDirectory(xeroContacts(ws)));

/** Builds what a bulk apply reads of the whole of both sides (kept while they are unchanged), ahead of the first one. */
export function prepareBulk(ws: Workspace): void {
  contactsOf(ws);
  xeroContactsById(ws);
  accountNames(ws);
}

/** Each action the account's finding allows, worked out: its changes in a line, and whether they make it pass. */
/** A code conflict's matching contact, as the choice of fixes depends on it (undefined for other findings). */
export function conflictMatchOf(
  ws: Workspace,
  finding: Pick<Finding, 'kind' | 'xeroContactId' | 'codeHolderId'> | undefined,
  contact: (contactId: string) => XeroContact | undefined = (id) => ws.contacts.get(id),
): ConflictMatch | undefined {
  if (finding?.kind !== 'code_conflict') return undefined;
  const match = finding.xeroContactId && finding.xeroContactId !== finding.codeHolderId ? contact(finding.xeroContactId) : undefined;
  if (!match) return 'none';
  return match.accountNumber.trim() === '' ? 'no_code' : 'has_code';
}

export function previewActions(
  ws: Workspace,
  accountCode: string,
  actions: readonly DecisionAction[],
): Pick<Planned, 'action' | 'summary' | 'stillFails' | 'problem' | 'passes' | 'caveat'>[] {
  const xero = contactsOf(ws);
  return actions.flatMap((action) => {
    try {
      const p = plan(queried(ws), { accountCode, action }, xero);
      const problem = p.problem ?? contradicts(ws, xero, p);
      const caveat = problem ? null : (p.caveat ?? breaksAnother(ws, xero, p));
      return [{ action, summary: p.summary, stillFails: p.stillFails, problem, passes: p.passes && !problem, caveat }];
    } catch (error) {
      if (error instanceof AppError) return [];
      throw error;
    }
  });
}

/**
 * Why a planned decision must not be stored unconfirmed: it writes a CocoonOPS name that lost information (a lost
 * character, garbled characters, dropped words) over the Xero contact's name. Null when it writes no such name.
 */
function nameLossRefusal(facts: Facts, p: Planned): AppError | null {
  for (const c of p.payload.changes) {
    if (c.target !== 'xero' || c.field !== 'Name') continue;
    const lost = facts.compare(c.to, c.from).losses.filter((l) => l.side === 'cocoon');
    if (lost.length === 0) continue;
    const what = [...new Set(lost.map((l) => `${lossLabel(l)}: ${l.detail}`))].join('; ');
    return new AppError(
      'needs_confirmation',
      `${p.accountCode}: "${ACTION_LABELS[p.action]}" would write "${c.to}" over Xero's "${c.from}", but that CocoonOPS name is ` +
        `damaged (${what}). Nothing was stored. Rename in CocoonOPS instead, or correct the name in CocoonOPS and import it ` +
        `again; to write it to Xero as it is, confirm it.`,
    );
  }
  return null;
}

/**
 * Records one decision; `warning` says why its fix would not make the account pass (it is recorded all the same).
 * A decision that would write a CocoonOPS name that lost information to Xero is refused unless `confirmNameLoss`.
 */
export function applyDecision(ws: Workspace, req: DecisionRequest): { decision: DecisionView; row: ReviewRow; warning: string | null } {
  const facts = queried(ws);
  const xero = contactsOf(ws);
  const planned = plan(facts, req, xero);
  const refusal = req.confirmNameLoss ? null : nameLossRefusal(facts, planned);
  if (refusal) throw refusal;
  const clash = planned.problem ? null : contradicts(ws, xero, planned);
  const caveat = planned.caveat ?? breaksAnother(ws, xero, planned);
  const decision = ws.transaction(() => store(ws, planned, req.note ?? '', 'manual'));
  const warning = planned.refused
    ? planned.refusedBy === 'Xero'
      ? `${planned.refused}: the push will hold this change back until that is resolved.`
      : `${planned.refused}: recorded all the same, but neither CocoonOPS nor the import of its export takes two accounts with one code; decide which account keeps it.`
    : clash
      ? `${clash}.`
      : planned.stillFails
        ? planned.failing
          ? `This fix alone does not make ${req.accountCode} pass: ${planned.stillFails}.`
          : `${req.accountCode} passes today, and the sync would fail with this change: ${planned.stillFails}.`
        : caveat && `It passes, but ${caveat}.`;
  return { decision: toDecisionView(decision), row: rowOf(ws, req.accountCode), warning };
}

/**
 * Makes a current decision again on another Xero contact (its changes worked out anew), keeping its action, note,
 * source and batch: how decisions made on the contacts of Xero's export move to Xero's own after a sync. `xeroContactId`
 * is the contact for a link; the other actions take theirs from the account's finding. Throws AppError when the finding
 * no longer allows the action.
 */
export function redecide(ws: Workspace, decision: Decision, xeroContactId: string | undefined, actor: string): DecisionView {
  const planned = plan(
    queried(ws),
    { accountCode: decision.accountCode, action: decision.action as DecisionAction, xeroContactId, note: decision.note },
    contactsOf(ws),
  );
  return toDecisionView(ws.transaction(() => store(ws, planned, decision.note, decision.source, decision.batchId, actor, decision.id)));
}

export function undoDecision(ws: Workspace, accountCode: string): { undone: DecisionView | null; row: ReviewRow } {
  if (!ws.accounts.get(accountCode)) throw unknownAccount(accountCode);
  const undone = ws.transaction(() => {
    const d = ws.decisions.undoLatest(accountCode);
    if (d)
      ws.audit.append({
        actor: 'user',
        action: 'decision.undo',
        subject: accountCode,
        before: { action: d.action, id: d.id },
        result: 'ok',
      });
    return d;
  });
  return { undone: undone ? toDecisionView(undone) : null, row: rowOf(ws, accountCode) };
}

export interface BulkRequest {
  accountCodes: readonly string[];
  action: DecisionAction | 'suggested';
  note?: string;
  includeNameLoss?: boolean;
  replaceAccountNumbers?: boolean;
}

type BulkPlanned = Planned & { note: string | null };
type Skip = BulkPreview['skipped'][number];

const RENAMES: readonly DecisionAction[] = ['rename_in_xero', 'rename_in_cocoon'];

/** The AccountNumber a planned decision would replace on its contact ('' when it replaces none). */
const replacedNumber = (p: Planned): string => {
  const change = p.payload.changes.find((c) => c.target === 'xero' && c.field === 'AccountNumber');
  return change && change.from.trim() !== '' && change.from !== change.to ? change.from : '';
};

/** Why an option must include a planned decision, or null when it goes in as it is. */
function held(p: Planned, look: string | null): { reason: string; note: string; option: BulkOption } | null {
  if (look && RENAMES.includes(p.action)) return { reason: `${look}: look first`, note: look, option: 'includeNameLoss' };
  const replaced = replacedNumber(p);
  if (replaced)
    return {
      reason: 'would replace the AccountNumber the contact already has',
      note: `replaces ${replaced}`,
      option: 'replaceAccountNumbers',
    };
  return null;
}

/** A planned decision with its note (a literal of its fields: spreading thousands of them costs more). */
const withNote = (p: Planned, note: string | null): BulkPlanned => ({
  accountCode: p.accountCode,
  action: p.action,
  xeroContactId: p.xeroContactId,
  payload: p.payload,
  summary: p.summary,
  refused: p.refused,
  refusedBy: p.refusedBy,
  stillFails: p.stillFails,
  failing: p.failing,
  problem: p.problem,
  passes: p.passes,
  caveat: p.caveat,
  note,
});

interface BulkPlan {
  planned: BulkPlanned[];
  skipped: Skip[];
}

function bulkPlan(ws: Workspace, req: BulkRequest, onProgress?: OnProgress): BulkPlan {
  const planned: BulkPlanned[] = [];
  const skipped: Skip[] = [];
  const xero = contactsOf(ws);
  const codes = [...new Set(req.accountCodes)];
  // Each kind of fact read once for all the accounts, never a query per account.
  const facts = readInBulk(ws, codes);
  const decided = ws.decisions.currentOf(codes);
  // Whether a decision needs attention is asked only of the accounts that have one.
  const attention = decided.size > 0 ? attentionByAccount(ws, [...decided.keys()]) : new Map<string, string>();
  const tell = progressEvery(codes.length, onProgress);
  for (const [i, code] of codes.entries()) {
    tell(i + 1);
    const current = decided.get(code);
    // A decision that was carried out and did not fix the account is open again: a fresh one may go over it.
    if (current && !attention.has(code)) {
      skipped.push({ accountCode: code, reason: current.source === 'manual' ? 'already decided by hand' : 'already decided' });
      continue;
    }
    const account = facts.account(code);
    const finding = facts.finding(code);
    const kind = finding?.kind ?? null;
    const names = account ? findingNameVerdict(account, finding, (id) => facts.contact(id)?.name, facts.compare) : null;
    const action =
      req.action === 'suggested'
        ? (acceptActionsFor(kind, names?.better ?? null, finding?.fix, conflictMatchOf(ws, finding, facts.contact))[0] ?? null)
        : req.action;
    if (action === null) {
      skipped.push({ accountCode: code, reason: kind ? `nothing to accept for "${FINDING_KIND_LABELS[kind]}"` : 'no finding yet' });
      continue;
    }
    if (action === 'link') {
      skipped.push({ accountCode: code, reason: 'links are made one at a time' });
      continue;
    }
    let p: Planned;
    try {
      p = plan(facts, { accountCode: code, action }, xero);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ accountCode: code, reason: error.message });
      continue;
    }
    // A change Xero would refuse, or a suggestion that would not make the account pass, is never accepted in bulk.
    if (p.refused) {
      skipped.push({ accountCode: code, reason: `decide it by hand: ${p.refusedBy} would refuse the change`, detail: p.refused });
      continue;
    }
    if (p.stillFails) {
      skipped.push({
        accountCode: code,
        reason: p.failing ? 'the suggested fix would not make it pass' : 'decide it by hand: the suggested change would make it fail',
        detail: p.stillFails,
      });
      continue;
    }
    if (p.caveat) {
      skipped.push({ accountCode: code, reason: 'decide it by hand: Xero would get a second contact for the business', detail: p.caveat });
      continue;
    }
    const hold = held(p, lookOf(names));
    if (hold && !req[hold.option]) skipped.push({ accountCode: code, reason: hold.reason, option: hold.option });
    else planned.push(withNote(p, hold?.note ?? null));
  }
  // Suggestions that pass alone but contradict each other (one contact, two new names) are left to the bookkeeper.
  const mine = planned.map((p) => ({ accountCode: p.accountCode, changes: p.payload.changes }));
  const clashes = clashesOf(mine, activeAfter(xero, mine));
  for (const [accountCode, detail] of clashes)
    skipped.push({ accountCode, reason: 'decide it by hand: another suggestion in this bulk accept contradicts it', detail });
  // Nor one that contradicts a decision made before (by hand, or in an earlier bulk accept).
  for (const p of planned) {
    if (clashes.has(p.accountCode)) continue;
    const clash = contradicts(ws, xero, p);
    if (!clash) continue;
    clashes.set(p.accountCode, clash);
    skipped.push({ accountCode: p.accountCode, reason: 'decide it by hand: it contradicts a decision made before', detail: clash });
  }
  const agreed = clashes.size === 0 ? planned : planned.filter((p) => !clashes.has(p.accountCode));
  // Nor is one that would make an account that passes today fail (renaming the contact it is filed to by name).
  const broken = breakages(
    xero,
    accountNames(ws),
    agreed.map((p) => ({ accountCode: p.accountCode, changes: p.payload.changes })),
  );
  for (const [accountCode, b] of broken)
    skipped.push({
      accountCode,
      reason: 'decide it by hand: it would make another account fail',
      detail: `${b.code} (${b.name}) ${b.decided ? 'would fail with its own decision and this one' : 'passes today and would fail'}: ${b.reason}`,
    });
  return { planned: broken.size === 0 ? agreed : agreed.filter((p) => !broken.has(p.accountCode)), skipped };
}

/**
 * For one decision (the accept dialog's choices, a decision by hand): the current decision of another account it
 * contradicts (one contact's field set to two values, one name or AccountNumber given to two contacts), said as the
 * problem the push would hold both back for; null when none.
 */
function contradicts(ws: Workspace, xero: ContactDirectory, p: Planned): string | null {
  const mine = p.payload.changes.filter((c) => c.target === 'xero');
  if (mine.length === 0) return null;
  const index = decidedXeroChanges(ws);
  // The other accounts whose decisions change the same contact, or give the same name or AccountNumber.
  const others = new Set<string>();
  const add = ({ accountCode }: DecidedChange) => {
    if (accountCode !== p.accountCode) others.add(accountCode);
  };
  for (const c of mine) {
    for (const o of index.bySubject.get(c.subject.toLowerCase()) ?? []) add(o);
    if ((c.field === 'AccountNumber' || c.field === 'Name') && c.to.trim() !== '')
      for (const o of index.byValue.get(`${c.field}|${c.to.trim().toLowerCase()}`) ?? []) add(o);
  }
  if (others.size === 0) return null;
  // Each other decision with all its Xero changes: the one that names a contact may also restore it (an archived
  // contact given a name an active one gets is no clash; restored as well, it is).
  const planned = [
    { accountCode: p.accountCode, changes: mine },
    ...[...others].map((accountCode) => ({ accountCode, changes: index.byAccount.get(accountCode) ?? [] })),
  ];
  const clash = clashesOf(planned, activeAfter(xero, planned), 'The decision on').get(p.accountCode);
  return clash ? `${clash}: the push would hold both back until one of them is decided again` : null;
}

type DecidedChange = { accountCode: string; change: FieldChange };
/** The current decisions' Xero changes by contact and by the name or AccountNumber they give, kept until the next write. */
interface DecidedIndex {
  bySubject: Map<string, DecidedChange[]>;
  byValue: Map<string, DecidedChange[]>;
  /** Each account's Xero changes, all of them. */
  byAccount: Map<string, FieldChange[]>;
}
const decidedChanges = new WeakMap<Workspace, DecidedIndex & { mark: string }>();
function decidedXeroChanges(ws: Workspace): DecidedIndex {
  const mark = writeMark(ws);
  const kept = decidedChanges.get(ws);
  if (kept?.mark === mark) return kept;
  const bySubject = new Map<string, DecidedChange[]>();
  const byValue = new Map<string, DecidedChange[]>();
  const byAccount = new Map<string, FieldChange[]>();
  const put = <T>(m: Map<string, T[]>, key: string, d: T) => {
    const list = m.get(key);
    if (list) list.push(d);
    else m.set(key, [d]);
  };
  for (const d of ws.decisions.currentXeroChanges()) {
    put(bySubject, d.change.subject.toLowerCase(), d);
    put(byAccount, d.accountCode, d.change);
    if ((d.change.field === 'AccountNumber' || d.change.field === 'Name') && d.change.to.trim() !== '')
      put(byValue, `${d.change.field}|${d.change.to.trim().toLowerCase()}`, d);
  }
  const built = { mark, bySubject, byValue, byAccount };
  decidedChanges.set(ws, built);
  return built;
}

/**
 * For one decision (the accept dialog's choices, a decision by hand): the account that passes today and would fail
 * once it is made, said as a caveat ("CONCOR01 (Concordia Place) would then fail: …"); null when none would, or when
 * the decision itself does not work (its problem is said instead). Judged on Xero as it is, without other decisions.
 */
function breaksAnother(ws: Workspace, xero: ContactDirectory, p: Planned): string | null {
  if (p.problem || !p.payload.changes.some((c) => c.target === 'xero')) return null;
  const b = breakages(xero, accountNames(ws), [{ accountCode: p.accountCode, changes: p.payload.changes }]).get(p.accountCode);
  return b ? `${b.code} (${b.name}) would then fail: ${b.reason}` : null;
}

/** Every account's code, name and lookup keys (they change only with an import, which the Xero side's key covers). */
const accountNames = perXeroSide((ws) => [...ws.accounts.places()].map(([code, { name }]) => ({ code, name, keys: keysOf(name, code) })));

/** Whether a Xero contact is active once the planned decisions are made (their ContactStatus changes applied). */
function activeAfter(xero: ContactDirectory, planned: readonly { changes: readonly FieldChange[] }[]): (subject: string) => boolean {
  const status = new Map<string, string>();
  for (const p of planned)
    for (const c of p.changes) if (c.target === 'xero' && c.field === 'ContactStatus') status.set(c.subject, c.to.trim());
  return (subject) => (status.get(subject) ?? (xero.has(subject) ? xero.view(subject).status : 'ACTIVE')) === 'ACTIVE';
}

/** The last bulk plan worked out, with the request and the database's write mark it was worked out from. */
const lastBulk = new WeakMap<Workspace, { request: string; mark: string; plan: BulkPlan }>();

/**
 * The bulk plan of `req`. The Accept of the bulk dialog follows its preview of the same request: when nothing has been
 * written to the workspace since (no decision, import, sync or push: the write mark is unchanged), the preview's plan
 * is the one the apply would work out again, and it is taken as it is.
 */
function bulkPlanOf(ws: Workspace, req: BulkRequest, onProgress?: OnProgress): BulkPlan {
  const request = JSON.stringify([req.action, req.includeNameLoss === true, req.replaceAccountNumbers === true, req.accountCodes]);
  // Marked before planning: a write while it plans makes the next call plan again.
  const mark = writeMark(ws);
  const kept = lastBulk.get(ws);
  if (kept?.request === request && kept.mark === mark) return kept.plan;
  const plan = bulkPlan(ws, req, onProgress);
  lastBulk.set(ws, { request, mark, plan });
  return plan;
}

export function previewBulk(ws: Workspace, req: BulkRequest, onProgress?: OnProgress): BulkPreview {
  const { planned, skipped } = bulkPlanOf(ws, req, onProgress);
  return { items: planned.map((p) => ({ accountCode: p.accountCode, action: p.action, summary: p.summary, note: p.note })), skipped };
}

/**
 * Plans at apply time unless nothing was written since the preview of the same request (a decision made since the
 * preview is respected), then stores all in one transaction.
 */
export function applyBulk(ws: Workspace, req: BulkRequest, onProgress?: OnProgress): BulkApplied {
  const { planned, skipped } = bulkPlanOf(ws, req, onProgress);
  const { batchId, stored } = ws.transaction(() => {
    if (planned.length === 0) return { batchId: null, stored: [] };
    const batch = ws.decisions.newBatchId();
    return { batchId: batch, stored: planned.map((p) => store(ws, p, req.note ?? '', 'bulk', batch)) };
  });
  // Only the decisions (the table patches its rows' decision cells), their states read in one pass.
  const states =
    stored.length > 0
      ? decisionStates(
          ws,
          stored.map((d) => d.accountCode),
        )
      : new Map<string, DecisionState>();
  const decisions = stored.map((d): [string, RowDecision] => {
    const state = states.get(d.accountCode);
    return [d.accountCode, rowDecision(d, state?.attention ?? null, state?.pending ?? null)];
  });
  return { applied: planned.length, skipped: skipped.length, decisions, batchId };
}

/**
 * Undoes a whole bulk apply, as decisions.undo does one decision: the decisions are marked undone, their
 * corrections not yet sent are withdrawn by the next push, and those already written to Xero stay there until
 * undone on the Push screen (`pushed` says how many decisions had such corrections).
 */
export function undoBatch(ws: Workspace, batchId: number): BatchUndone {
  if (ws.decisions.batchSize(batchId) === 0) throw new AppError('not_found', `There is no bulk apply #${batchId}.`);
  const undone = ws.transaction(() => {
    const list = ws.decisions.undoBatch(batchId);
    if (list.length > 0) {
      ws.audit.append({
        actor: 'user',
        action: 'decision.undo_batch',
        subject: '',
        before: { batchId, ids: list.map((d) => d.id) },
        result: 'ok',
        detail: { batchId, undone: list.length },
      });
    }
    return list;
  });
  const ids = new Set(undone.map((d) => d.id));
  const pushed = new Set(
    ws.outbox
      .fromDecisions()
      .filter(
        (c) =>
          c.decisionId !== null &&
          ids.has(c.decisionId) &&
          c.target === 'xero' &&
          (c.status === 'sending' || (c.status === 'done' && c.attempts > 0)),
      )
      .map((c) => c.decisionId),
  );
  const rows = undone.flatMap((d) => reviewRow(ws, d.accountCode) ?? []);
  return { undone: undone.length, pushed: pushed.size, rows };
}
