// Recording decisions: one at a time (by hand) or in bulk (the suggestions of a filtered set). Each is stored
// at once, with an audit entry; a bulk action never touches an account that already has a decision.
import type { Workspace } from '../db';
import { actionAllowed, ACTION_LABELS, suggestedAction } from '../../shared/decision-rules';
import type { BulkPreview } from '../../shared/contract';
import { KIND_LABELS } from '../../shared/decision-rules';
import type { DecisionAction, DecisionView, ReviewRow } from '../../shared/review';
import { AppError, unknownAccount } from '../app-error';
import { changesFor, describeChanges, targetContactId } from './changes';
import type { DecisionPayload } from './decision-view';
import { toDecisionView } from './decision-view';
import { reviewRow } from './rows';

export interface DecisionRequest {
  accountCode: string;
  action: DecisionAction;
  xeroContactId?: string;
  note?: string;
}

interface Planned {
  accountCode: string;
  action: DecisionAction;
  xeroContactId: string | null;
  payload: DecisionPayload;
  summary: string;
}

/** Checks a request against the account's finding and works out its changes; throws AppError when it does not fit. */
function plan(ws: Workspace, req: DecisionRequest): Planned {
  const account = ws.accounts.get(req.accountCode);
  if (!account) throw unknownAccount(req.accountCode);
  const finding = ws.findings.get(req.accountCode);
  const kind = finding?.kind ?? null;
  if (!actionAllowed(kind, req.action)) {
    const what = kind ? `a "${KIND_LABELS[kind]}" finding` : 'an account without a finding (no Xero data yet)';
    throw new AppError('conflict', `"${ACTION_LABELS[req.action]}" does not apply to ${what} (${req.accountCode}).`);
  }
  if (req.action === 'link' && !req.xeroContactId) throw new AppError('bad_input', 'Linking needs the Xero contact to link.');
  const contactId = targetContactId(req.action, finding, req.xeroContactId);
  const contact = contactId === null ? undefined : ws.contacts.get(contactId);
  if (req.action === 'link' && !contact) throw new AppError('not_found', `There is no Xero contact ${req.xeroContactId} in this workspace.`);
  const changes = changesFor(req.action, { account, finding, contact });
  return {
    accountCode: account.code,
    action: req.action,
    xeroContactId: contact?.contactId ?? contactId,
    payload: { changes, contactUpdatedDateUtc: contact?.updatedDateUtc || null },
    summary: describeChanges(req.action, changes, account),
  };
}

function store(ws: Workspace, p: Planned, note: string, source: 'manual' | 'bulk') {
  const decision = ws.decisions.add({ accountCode: p.accountCode, action: p.action, xeroContactId: p.xeroContactId, payload: p.payload, note, source });
  ws.audit.append({ actor: 'user', action: `decision.${p.action}`, subject: p.accountCode, after: p.payload, result: 'ok', detail: { decisionId: decision.id, source, note } });
  return decision;
}

function rowOf(ws: Workspace, code: string): ReviewRow {
  const row = reviewRow(ws, code);
  if (!row) throw unknownAccount(code);
  return row;
}

export function applyDecision(ws: Workspace, req: DecisionRequest): { decision: DecisionView; row: ReviewRow } {
  const planned = plan(ws, req);
  const decision = ws.transaction(() => store(ws, planned, req.note ?? '', 'manual'));
  return { decision: toDecisionView(decision), row: rowOf(ws, req.accountCode) };
}

export function undoDecision(ws: Workspace, accountCode: string): { undone: DecisionView | null; row: ReviewRow } {
  if (!ws.accounts.get(accountCode)) throw unknownAccount(accountCode);
  const undone = ws.transaction(() => {
    const d = ws.decisions.undoLatest(accountCode);
    if (d) ws.audit.append({ actor: 'user', action: 'decision.undo', subject: accountCode, before: { action: d.action, id: d.id }, result: 'ok' });
    return d;
  });
  return { undone: undone ? toDecisionView(undone) : null, row: rowOf(ws, accountCode) };
}

export interface BulkRequest {
  accountCodes: readonly string[];
  action: DecisionAction | 'suggested';
  note?: string;
}

function bulkPlan(ws: Workspace, req: BulkRequest): { planned: Planned[]; skipped: BulkPreview['skipped'] } {
  const planned: Planned[] = [];
  const skipped: BulkPreview['skipped'] = [];
  for (const code of new Set(req.accountCodes)) {
    const current = ws.decisions.current(code);
    if (current) {
      skipped.push({ accountCode: code, reason: current.source === 'manual' ? 'already decided by hand' : 'already decided' });
      continue;
    }
    const kind = ws.findings.get(code)?.kind ?? null;
    const action = req.action === 'suggested' ? suggestedAction(kind) : req.action;
    if (action === null) {
      skipped.push({ accountCode: code, reason: kind ? `nothing to accept for "${KIND_LABELS[kind]}"` : 'no finding yet' });
      continue;
    }
    if (action === 'link') {
      skipped.push({ accountCode: code, reason: 'links are made one at a time' });
      continue;
    }
    try {
      planned.push(plan(ws, { accountCode: code, action }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ accountCode: code, reason: error.message });
    }
  }
  return { planned, skipped };
}

export function previewBulk(ws: Workspace, req: BulkRequest): BulkPreview {
  const { planned, skipped } = bulkPlan(ws, req);
  return { items: planned.map((p) => ({ accountCode: p.accountCode, action: p.action, summary: p.summary })), skipped };
}

/** Re-plans at apply time (a decision made since the preview is respected), then stores all in one transaction. */
export function applyBulk(ws: Workspace, req: BulkRequest): { applied: number; skipped: BulkPreview['skipped']; rows: ReviewRow[] } {
  const { planned, skipped } = bulkPlan(ws, req);
  ws.transaction(() => {
    for (const p of planned) store(ws, p, req.note ?? '', 'bulk');
  });
  return { applied: planned.length, skipped, rows: planned.map((p) => rowOf(ws, p.accountCode)) };
}
