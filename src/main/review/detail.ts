// One account in full for the detail pane: both records, the finding's reason and evidence, the candidates
// with their contacts, what "accept" may do, and the decision history.
import type { Workspace } from '../db';
import { acceptActionsFor } from '../../shared/decision-rules';
import type { FindingDetail } from '../../shared/review';
import { unknownAccount } from '../app-error';
import { scoredContactId } from '../matching/classify';
import { undoableOf } from './attention';
import { toDecisionView } from './decision-view';
import { xeroFreshness } from './freshness';
import { findingNameVerdict, toNameCheck } from './name-look';
import { previewActions } from './decide';
import { reviewRow } from './rows';

export function findingDetail(ws: Workspace, code: string): FindingDetail {
  const account = ws.accounts.get(code);
  const row = reviewRow(ws, code);
  if (!account || !row) throw unknownAccount(code);
  const finding = ws.findings.get(code);
  const contact = (id: string | null) => (id === null ? null : (ws.contacts.get(id) ?? null));
  const decision = ws.decisions.current(code);
  const xeroTrust = xeroFreshness(ws).trust;
  const names = findingNameVerdict(account, finding, (id) => ws.contacts.get(id)?.name);
  const actions = [...acceptActionsFor(finding?.kind ?? null, names?.better ?? null, finding?.fix)];
  const noFinding =
    xeroTrust === 'missing'
      ? 'No finding yet: the Xero side has not been loaded (connect Xero and sync, or import a contacts file).'
      : 'No finding yet: matching stopped before it reached this account (Match again).';
  return {
    row,
    account,
    explanation: finding?.explanation ?? noFinding,
    contributions: finding?.contributions ?? [],
    scoredContact: finding ? contact(scoredContactId(finding)) : null,
    contact: contact(row.xeroId),
    codeHolder: contact(finding?.codeHolderId ?? null),
    candidates: (finding?.candidates ?? []).map((candidate) => ({ candidate, contact: contact(candidate.contactId) })),
    actions,
    choices: previewActions(ws, code, actions),
    nameCheck: toNameCheck(names),
    decision: decision ? toDecisionView(decision) : null,
    undoable: decision ? undoableOf(ws, decision.id) : [],
    history: ws.decisions.history(code).map(toDecisionView).reverse(),
    xeroTrust,
  };
}
