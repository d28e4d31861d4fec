// Decisions on accounts that still fail: those that need attention (carried out, every Xero correction pushed, every
// Xero web-app step done with Xero read since, or the CocoonOPS export showing the change, and the account still
// fails) and those pending (a step of the fix still to do, or a web-app step done by hand that no sync has checked). Derived when read, from the decisions, the outbox and the current findings, so it is never stale and no
// decision is rewritten; the one place the table, the detail and bulk accept ask.
import type { Workspace } from '../db';
import { reviewRepoOf, type DecidedFailing, type DecidedStage } from '../db/repos/review';
import { undoRefusal } from './undo-refusal';
import type { FindingDetail } from '../../shared/review';

type AttentionStage = Extract<DecidedStage, 'pushed' | 'webAppFailed' | 'changed'>;
const PREFIX: Record<AttentionStage, string> = {
  pushed: 'Pushed; still fails: ',
  webAppFailed: "Done in Xero's web app; still fails after a sync: ",
  changed: 'Changed in CocoonOPS; still fails: ',
};
const PENDING: Record<Exclude<DecidedStage, AttentionStage>, string> = {
  queued: 'Fix to push: the account fails until it is pushed to Xero',
  webApp: "A step to do in Xero's web app (see the checklist): the account fails until it is done",
  webAppToCheck: "Done in Xero's web app: sync with Xero to check it",
  cocoon: 'Waits for the change in CocoonOPS (checklist): the account fails until then',
};
const isAttention = (stage: DecidedStage): stage is AttentionStage => stage in PREFIX;

/** The first telling clause of a finding's explanation ("names differ ('Acme')"), at most `max` characters. Pure. */
export function shortReason(explanation: string, max = 90): string {
  const clauses = explanation
    .split('; ')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'same code' && !/^the sync (will|may) fail/.test(s));
  const first = (clauses[0] ?? explanation).replace(/: the sync (will|may) fail.*$/, '');
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

export const attentionReason = (r: { stage: AttentionStage; explanation: string }): string => PREFIX[r.stage] + shortReason(r.explanation);

/** A failing account's decision: why it needs attention, or what it still waits for (one of the two is set). */
export interface DecisionState {
  attention: string | null;
  pending: string | null;
}

function stateOf(r: DecidedFailing): DecisionState {
  if (isAttention(r.stage)) return { attention: attentionReason({ stage: r.stage, explanation: r.explanation }), pending: null };
  // A fix the last push held back does not go by pushing again: it says why, as the push did.
  if (r.stage === 'queued' && r.held) return { attention: null, pending: `Held back by the last push: ${r.held}` };
  return { attention: null, pending: PENDING[r.stage] };
}

/** Every failing account with a decision carried out or under way (or those of `codes`), by account code (one pass). */
export function decisionStates(ws: Workspace, codes?: readonly string[]): Map<string, DecisionState> {
  const repo = reviewRepoOf(ws.db);
  return new Map((codes ? repo.decidedFailingOf(codes) : repo.decidedFailing()).map((r) => [r.code, stateOf(r)]));
}

/** The state of one account's decision; null when it stands (or there is none). */
export function decisionStateOf(ws: Workspace, code: string): DecisionState | null {
  const r = reviewRepoOf(ws.db).decidedFailing(code)[0];
  return r ? stateOf(r) : null;
}

/** Every account whose current decision needs attention, with the reason, by account code. */
export function attentionByAccount(ws: Workspace, codes?: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, state] of decisionStates(ws, codes)) if (state.attention) out.set(code, state.attention);
  return out;
}

/** The decision's Xero corrections that an undo can reverse now (written by a push, not undone yet), with what each wrote. */
export function undoableOf(ws: Workspace, decisionId: number): FindingDetail['undoable'] {
  return reviewRepoOf(ws.db)
    .xeroCorrectionIds(decisionId)
    .flatMap((id) => {
      const c = ws.outbox.get(id);
      return c && undoRefusal(ws, c, id) === '' ? [{ id, subject: c.subject, changes: c.changes }] : [];
    });
}
