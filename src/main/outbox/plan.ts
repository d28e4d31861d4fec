// The plan shown before a push: what changes, on how many contacts, what the checks block, and what it does to the
// failing accounts (the what-if: the sync model run on both sides with the plan applied). Reads only (a dry run
// computes it without creating the corrections it counts).
import { PLAN_LISTED, type PlanItem, type PlanWhatIf, type PushPlan } from '../../shared/contract-outbox';
import { writtenCounts } from '../../shared/push-summary';
import type { XeroContact } from '../../shared/domain';
import type { Decision, Workspace } from '../db';
import { perXeroSide, xeroContacts, xeroContactsById } from '../db/xero-side';
import { readBinding } from '../xero/binding';
import { isProduction } from '../xero/endpoints';
import type { CorrectionHead, NewCorrection } from '../db/repos/outbox';
import { checkPlan, type Block } from './checks';
import { currentDiff, decidedNow, type OnProgress } from './materialise';
import { isApiCorrection, type Correction } from './model';
import { whatIfBase, whatIfOn, type WhatIfBase } from './what-if';

type Pending = Pick<NewCorrection, 'accountCode' | 'target' | 'subject' | 'kind' | 'changes'> & { id: number | null; ref: string };
/** What the plan reads of a queued correction (a literal of its fields: spreading 10,000 corrections costs more). */
const pending = (c: Omit<Pending, 'id' | 'ref'>, id: number | null, ref: string): Pending => ({
  accountCode: c.accountCode,
  target: c.target,
  subject: c.subject,
  kind: c.kind,
  changes: c.changes,
  id,
  ref,
});

type Checked = Pick<Pending, 'ref' | 'subject' | 'kind' | 'changes'>;

/**
 * The last checks made against each list of contacts: the corrections' subjects and changes in order (what the checks
 * read: a ref only names a correction), and the block of each position. The checklist that follows a plan checks the
 * same corrections (queued ones, now with ids) against the same contacts: it reuses the plan's.
 */
const lastChecks = new WeakMap<readonly XeroContact[], { signature: string; blocks: [position: number, block: Block][] }>();
const signatureOf = (pending: readonly Checked[]): string =>
  pending.map((p) => `${p.subject}\u0000${JSON.stringify(p.changes)}`).join('\u0001');

/** The checks over the queued Xero corrections, by ref ("c12" for correction 12). */
export function blocksOf(
  ws: Workspace,
  pending: readonly Checked[],
  contacts: readonly XeroContact[] = xeroContacts(ws),
): Map<string, Block> {
  const signature = signatureOf(pending);
  const kept = lastChecks.get(contacts);
  if (kept?.signature === signature) {
    const blocks = new Map<string, Block>();
    for (const [i, b] of kept.blocks) blocks.set(pending[i]!.ref, b);
    return blocks;
  }
  const blocks = checkPlan(pending, contacts);
  const positions = new Map(pending.map((p, i) => [p.ref, i]));
  lastChecks.set(contacts, { signature, blocks: [...blocks].map(([ref, b]) => [positions.get(ref)!, b]) });
  return blocks;
}

export const refOf = (c: Pick<Correction, 'id'>): string => `c${c.id}`;

/** A block that holds a correction back from the push (not one that only sends it in a later round). */
export const held = (b: Block | undefined): b is Block => b !== undefined && !b.later;

const FIELD_OF: Record<string, 'name' | 'accountNumber' | 'status'> = {
  Name: 'name',
  AccountNumber: 'accountNumber',
  ContactStatus: 'status',
};

/**
 * The workspace's contacts with what pushes wrote and nobody has read back yet (done corrections), and what an
 * interrupted push may have written (corrections still `sending`): the checks judge the plan against these.
 */
export function contactsAfterPushes(ws: Workspace, corrections: readonly CorrectionHead[]): readonly XeroContact[] {
  const written = corrections.filter(
    (c) => isApiCorrection(c) && ((c.status === 'done' && c.resyncedAt === null) || c.status === 'sending'),
  );
  const contacts = xeroContacts(ws);
  if (written.length === 0) return contacts;
  const edits = new Map<string, CorrectionHead[]>();
  for (const c of written) edits.set(c.subject.toLowerCase(), [...(edits.get(c.subject.toLowerCase()) ?? []), c]);
  return contacts.map((k) => {
    const mine = edits.get(k.contactId.toLowerCase());
    if (!mine) return k;
    const next = { ...k };
    for (const e of mine.flatMap((c) => c.changes)) {
      const field = FIELD_OF[e.field];
      if (field === 'status') next.status = e.to.trim() as XeroContact['status'];
      else if (field) next[field] = e.to.trim();
    }
    return next;
  });
}

type Step = Pick<Pending, 'target' | 'subject' | 'changes'>;

/** Most accounts listed as still failing after a plan (the count covers them all). */
const MAX_LISTED = 1000;

/** The billing accounts as the sync model reads them, in file order (they change only with an import: perXeroSide's stamp has it). */
const accountsInFileOrder = perXeroSide((ws) =>
  ws.db.prepare<[], { code: string; name: string }>('SELECT code, name FROM billing_accounts ORDER BY row, code').all(),
);

/**
 * The what-if's starting point (the contacts indexed, the sync run on them as they are), kept while the accounts and
 * the contacts the checks see are the same: the same list (perXeroSide), or an equal copy with the same pushes.
 */
const bases = new WeakMap<Workspace, WhatIfBase>();
function whatIfBaseOf(ws: Workspace, contacts: readonly XeroContact[]): WhatIfBase {
  const accounts = accountsInFileOrder(ws);
  const kept = bases.get(ws);
  if (kept && kept.accounts === accounts && kept.contacts === contacts) return kept;
  const base = whatIfBase(accounts, contacts);
  bases.set(ws, base);
  return base;
}

/** Builds what the plan reads from the whole of both sides (the what-if's base, the checks' index), ahead of the first one. */
export function preparePlan(ws: Workspace): void {
  const contacts = contactsAfterPushes(ws, ws.outbox.heads());
  whatIfBaseOf(ws, contacts);
  blocksOf(ws, [], contacts);
}

/** The what-if of sending `push` and doing every open checklist line (`steps`), for the plan's readers. */
function planWhatIf(
  ws: Workspace,
  current: readonly Pick<Decision, 'accountCode'>[],
  contacts: readonly XeroContact[],
  push: readonly Step[],
  steps: readonly Step[],
): PlanWhatIf {
  const base = whatIfBaseOf(ws, contacts);
  const accounts = base.accounts;
  const result = whatIfOn(base, {
    push,
    xeroSteps: steps.filter((p) => p.target === 'xero'),
    cocoon: steps.filter((p) => p.target === 'cocoon'),
  });
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const decidedCodes = new Set(current.map((d) => d.accountCode));
  const decided = result.afterChecklist.stillFailing.filter((f) => decidedCodes.has(f.code));
  const side = ({ failing, fixed, broken }: typeof result.afterPush) => ({ failing, fixed, broken });
  return {
    failingNow: result.failingNow,
    afterPush: side(result.afterPush),
    afterChecklist: side(result.afterChecklist),
    stillFailing: decided.slice(0, MAX_LISTED).map((f) => ({ code: f.code, name: names.get(f.code) ?? '', reason: f.reason })),
    decidedStillFailing: decided.length,
  };
}

/** Checklist steps ticked off (done by hand) for decisions that stand: the data shows them only after a re-import. */
function ticked(current: readonly Pick<Decision, 'id'>[], corrections: readonly CorrectionHead[]): CorrectionHead[] {
  const live = new Set(current.map((d) => d.id));
  return corrections.filter((c) => c.status === 'done' && !isApiCorrection(c) && c.decisionId !== null && live.has(c.decisionId));
}

/** The plan, read in one snapshot (the diff it works out is kept for the write that follows: see currentDiff). */
export function buildPlan(ws: Workspace, nowIso: string, onProgress?: OnProgress): PushPlan {
  return ws.db.transaction(() => planNow(ws, nowIso, onProgress))();
}

function planNow(ws: Workspace, nowIso: string, onProgress?: OnProgress): PushPlan {
  const current = decidedNow(ws);
  // Once the outbox is up to date (a checklist or push since the last change), nothing is left to add or withdraw.
  const diff = currentDiff(ws, nowIso, current, onProgress);
  const withdrawn = new Set(diff.withdraw.map((c) => c.id));
  const existing = ws.outbox.heads().filter((c) => !withdrawn.has(c.id));
  const queued: Pending[] = [
    ...existing.filter((c) => c.status === 'queued').map((c) => pending(c, c.id, refOf(c))),
    ...diff.inserts.filter((c) => (c.status ?? 'queued') === 'queued').map((c, i) => pending(c, null, `new${i}`)),
  ];
  const api = queued.filter(isApiCorrection);
  const contacts = contactsAfterPushes(ws, existing);
  const blocks = blocksOf(ws, api, contacts);
  const byId = xeroContactsById(ws);
  const names = new Map<string, string>();
  const nameOf = (id: string): string => {
    if (!names.has(id)) names.set(id, byId.get(id)?.name ?? '');
    return names.get(id)!;
  };
  const items: PlanItem[] = api.map((p) => ({
    correctionId: p.id,
    accountCode: p.accountCode,
    contactId: p.subject,
    contactName: nameOf(p.subject),
    kind: p.kind,
    changes: p.changes,
    blocked: held(blocks.get(p.ref)) ? blocks.get(p.ref)!.reason : null,
  }));
  // What waits for another change of this push goes in a later round of it: sendable too.
  const sendable = api.filter((p) => !held(blocks.get(p.ref)));
  const byKind: Record<string, number> = {};
  for (const p of sendable) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
  const inserted = (s: string) => diff.inserts.filter((c) => c.status === s).length;
  const cocoonOpen = queued.filter((p) => !isApiCorrection(p));
  const binding = readBinding(ws);
  return {
    computedAt: nowIso,
    organisation: binding ? { tenantName: binding.tenantName, sandbox: !isProduction(binding.baseUrl) } : null,
    toSend: sendable.length,
    contacts: new Set(sendable.map((p) => p.subject.toLowerCase())).size,
    byKind,
    written: writtenCounts(items),
    items,
    blocked: [...blocks.values()].filter(held).length,
    conflicts: existing.filter((c) => c.status === 'conflict').length + inserted('conflict'),
    failed: existing.filter((c) => c.status === 'failed').length + inserted('failed'),
    resuming: existing.filter((c) => c.status === 'sending').length,
    // The checklist's steps: open ones, and ticked ones the data does not show yet (a re-import or sync will).
    whatIf: planWhatIf(ws, current, contacts, sendable, [...cocoonOpen, ...ticked(current, existing)]),
    // Re-sends are counted by the checklist itself: a line only where an open exception names a document to re-send.
    checklistOpen: cocoonOpen.filter((c) => c.kind !== 'resend').length + [...blocks.values()].filter((b) => b.clash).length,
    notReady: null,
  };
}

/** The plan as the Push screen shows it: every blocked change, and the first PLAN_LISTED of the rest. */
export function listedPlan(plan: PushPlan): PushPlan {
  let sendable = 0;
  return { ...plan, items: plan.items.filter((i) => i.blocked !== null || sendable++ < PLAN_LISTED) };
}
