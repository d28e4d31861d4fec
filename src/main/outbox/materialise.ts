// Keeps the outbox in step with the current decisions: a new accepted decision adds its corrections; a decision
// undone or replaced before its corrections were sent withdraws them (status undone). Corrections already sent
// stay as they are (a pushed change is reversed only by an explicit undo). `diffOutbox` only reads (dry run).
import type { FindingKind } from '../../shared/domain';
import type { Workspace } from '../db';
import type { Correction, CorrectionHead, NewCorrection } from '../db/repos/outbox';
import { isApplied } from './compare';
import { draftKey, draftsFor } from './derive';
import { isApiCorrection, updatedOf, type Json } from './model';
import { progressEvery, type OnProgress } from '../../shared/progress-every';
export type { OnProgress };

export interface OutboxDiff {
  inserts: NewCorrection[];
  withdraw: CorrectionHead[];
}

const WITHDRAWABLE = new Set(['queued', 'failed', 'conflict']);

/** A new Xero correction checked against the workspace's copy of the contact. */
function initialState(d: NewCorrection, nowIso: string): NewCorrection {
  if (!isApiCorrection(d)) return d;
  const raw = d.before;
  if (!raw) {
    return { ...d, status: 'failed', message: `Xero contact ${d.subject} is not in this workspace: sync with Xero, then push again.` };
  }
  if (isApplied(raw, d)) return { ...d, status: 'done', message: 'Xero already has this: nothing to write.', after: raw, doneAt: nowIso };
  const cached = updatedOf(raw);
  if (d.reviewedUpdatedUtc && cached && cached !== d.reviewedUpdatedUtc) {
    return {
      ...d,
      status: 'conflict',
      current: raw,
      message: `Changed in Xero since it was reviewed (reviewed at ${d.reviewedUpdatedUtc}, Xero's copy is of ${cached}): not sent. Compare both sides, then retry or decide again.`,
    };
  }
  return d;
}

/** A current decision as the outbox reads it: what its corrections are made from, with its account's name and finding. */
export interface Decided {
  id: number;
  accountCode: string;
  payload: unknown;
  name: string | null;
  kind: FindingKind | null;
  explanation: string | null;
}

type DecidedRow = [
  id: number,
  code: string,
  payload: string | null,
  name: string | null,
  kind: FindingKind | null,
  explanation: string | null,
];
const DECIDED = `SELECT d.id, d.account_code, d.payload_json, a.name, f.kind, f.explanation
  FROM decisions d LEFT JOIN billing_accounts a ON a.code = d.account_code LEFT JOIN findings f ON f.account_code = d.account_code
  WHERE d.id IN (SELECT max(id) FROM decisions WHERE undone_at IS NULL GROUP BY account_code)
  ORDER BY d.account_code`;
const decidedStatements = new WeakMap<Workspace, { all(): DecidedRow[] }>();

/**
 * Every account's current decision (the newest not undone) with the account's name and finding, in one read of the
 * columns the outbox uses (not a query per decision, nor the decisions' other columns), by account code.
 */
export function decidedNow(ws: Workspace): Decided[] {
  let statement = decidedStatements.get(ws);
  if (!statement) decidedStatements.set(ws, (statement = ws.db.prepare<[], DecidedRow>(DECIDED).raw(true)));
  return statement.all().map((r) => ({
    id: r[0],
    accountCode: r[1],
    payload: r[2] === null ? null : JSON.parse(r[2]),
    name: r[3],
    kind: r[4],
    explanation: r[5],
  }));
}

/** The ContactIDs a decision's payload changes in Xero (read without checking it: draftsFor does). */
function xeroSubjectsOf(payload: unknown): string[] {
  const changes = (payload as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(changes)) return [];
  return changes.flatMap((c: { target?: unknown; subject?: unknown }) =>
    c?.target === 'xero' && typeof c.subject === 'string' ? [c.subject] : [],
  );
}

/** What the outbox lacks (corrections of current decisions) and holds in vain (unsent ones of old decisions). */
export function diffOutbox(
  ws: Workspace,
  nowIso: string,
  current: readonly Decided[] = decidedNow(ws),
  onProgress?: OnProgress,
): OutboxDiff {
  const tell = progressEvery(current.length, onProgress);
  const currentIds = new Set(current.map((d) => d.id));
  // The corrections of decisions, without the raw Xero contacts they keep (only their keys and states are compared).
  const existing = ws.outbox.heads().filter((c) => c.decisionId !== null);
  const have = new Set(existing.map((c) => draftKey(c)));
  // The Xero contacts the decisions change, as stored, in one read (what the checks compare, standing for the raw JSON).
  const raws = ws.contacts.storedCopiesOf(current.flatMap((d) => xeroSubjectsOf(d.payload)));
  const inserts: NewCorrection[] = [];
  for (const [i, decision] of current.entries()) {
    tell(i + 1);
    const drafts = draftsFor({
      decision,
      account: decision.name === null ? undefined : { name: decision.name },
      finding: decision.kind === null ? undefined : { kind: decision.kind, explanation: decision.explanation ?? '' },
      rawContact: (id) => raws.get(id) as Json | undefined,
    });
    for (const d of drafts) if (!have.has(draftKey(d))) inserts.push(initialState(d, nowIso));
  }
  const withdraw = existing.filter((c) => c.decisionId !== null && !currentIds.has(c.decisionId) && WITHDRAWABLE.has(c.status));
  return { inserts, withdraw };
}

/** Writes the diff in one transaction, with one audit entry. Returns the corrections added. */
export function applyOutboxDiff(ws: Workspace, diff: OutboxDiff, actor: string, onProgress?: OnProgress): Correction[] {
  if (diff.inserts.length === 0 && diff.withdraw.length === 0) return [];
  const tell = progressEvery(diff.inserts.length, onProgress);
  return ws.transaction(() => {
    const added = diff.inserts.map((c, i) => {
      tell(i + 1);
      return ws.outbox.add(c);
    });
    for (const c of diff.withdraw) {
      ws.outbox.patch(c.id, { status: 'undone', message: 'Withdrawn: its decision was undone or replaced before it was sent.' });
    }
    const count = (s: string) => added.filter((c) => c.status === s).length;
    ws.audit.append({
      actor,
      action: 'outbox.queue',
      subject: '',
      result: 'ok',
      detail: {
        added: added.length,
        queued: count('queued'),
        alreadyInXero: count('done'),
        conflicts: added.filter((c) => c.status === 'conflict').map((c) => c.id),
        withdrawn: diff.withdraw.map((c) => c.id),
      },
    });
    return added;
  });
}

/**
 * What the outbox's diff is computed from: the decisions (made, undone), the corrections, the imports (accounts and
 * contacts files), the contacts (syncs and read-backs), and the findings (when they were computed). Equal before and
 * after a call: the outbox is already up to date, and the diff (a few queries per decision) is not computed again.
 */
const INPUTS_STATE = `SELECT
  (SELECT count(*) || '|' || coalesce(max(id), 0) || '|' || count(undone_at) || '|' || coalesce(max(undone_at), '') FROM decisions) || '#' ||
  (SELECT count(*) || '|' || coalesce(max(updated_at), '') FROM corrections) || '#' ||
  (SELECT coalesce(max(id), 0) FROM imports) || '#' ||
  (SELECT count(*) || '|' || coalesce(max(updated_date_utc), '') FROM xero_contacts)`;
const MATERIALISED_KEY = 'outbox.materialised_from';

function inputsState(ws: Workspace): () => string {
  const inputs = ws.db.prepare<[], string>(INPUTS_STATE).pluck();
  return () => `${inputs.get() ?? ''}#${ws.findings.computedAt() ?? ''}`;
}

/** The last diff worked out, with the inputs' state it was worked out from (materialise writes it if they are unchanged). */
const lastDiff = new WeakMap<Workspace, { state: string; diff: OutboxDiff }>();

/**
 * The outbox's diff now (a dry run: the plan's), kept with the inputs' state: the checklist or push that follows a
 * plan writes it without working it out again; empty when the outbox is up to date with what it is computed from (a
 * checklist or push since the last change). Read in one snapshot (`current`, if given, read in the caller's).
 */
export function currentDiff(ws: Workspace, nowIso: string, current?: readonly Decided[], onProgress?: OnProgress): OutboxDiff {
  return ws.db.transaction(() => {
    const state = inputsState(ws)();
    if (ws.syncState.get(MATERIALISED_KEY) === state) return { inserts: [], withdraw: [] };
    const kept = lastDiff.get(ws);
    if (kept?.state === state) return kept.diff;
    const diff = diffOutbox(ws, nowIso, current, onProgress);
    lastDiff.set(ws, { state, diff });
    return diff;
  })();
}

/**
 * Brings the outbox up to date with the decisions (the first step of a push, and of the checklist). Read and
 * written in one IMMEDIATE transaction, so two processes never add the same correction twice; skipped when nothing
 * it reads has changed since it last ran.
 */
export function materialise(ws: Workspace, nowIso: string, actor: string, onProgress?: OnProgress): Correction[] {
  return materialiseWith(ws, nowIso, actor, onProgress, false).added;
}

/**
 * Materialises, and when it wrote anything returns the corrections not undone as they are after its writes, in id
 * order (those it found, less the ones it withdrew, then those it added: what the checklist reads, without reading
 * back the thousands it has just written); null when it wrote nothing.
 */
export function materialiseLive(ws: Workspace, nowIso: string, actor: string, onProgress?: OnProgress): CorrectionHead[] | null {
  return materialiseWith(ws, nowIso, actor, onProgress, true).live;
}

function materialiseWith(
  ws: Workspace,
  nowIso: string,
  actor: string,
  onProgress: OnProgress | undefined,
  readLive: boolean,
): { added: Correction[]; live: CorrectionHead[] | null } {
  const state = inputsState(ws);
  return ws.db
    .transaction(() => {
      const before = state();
      if (ws.syncState.get(MATERIALISED_KEY) === before) return { added: [], live: null };
      const kept = lastDiff.get(ws);
      lastDiff.delete(ws);
      const diff = kept?.state === before ? kept.diff : diffOutbox(ws, nowIso);
      const found = readLive && (diff.inserts.length > 0 || diff.withdraw.length > 0) ? ws.outbox.heads() : null;
      const added = applyOutboxDiff(ws, diff, actor, onProgress);
      ws.syncState.set(MATERIALISED_KEY, state());
      if (!found) return { added, live: null };
      const withdrawn = new Set(diff.withdraw.map((c) => c.id));
      return { added, live: [...found.filter((c) => c.status !== 'undone' && !withdrawn.has(c.id)), ...added] };
    })
    .immediate();
}
