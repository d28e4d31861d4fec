// One account in full for the detail pane: both records, the finding's reason and evidence, the candidates
// with their contacts, what "accept" may do, and the decision history.
import type { Workspace } from '../db';
import { acceptActionsFor } from '../../shared/decision-rules';
import type { FindingDetail } from '../../shared/review';
import { unknownAccount } from '../../shared/app-error';
import { scoredContactId } from '../matching/classify';
import { undoableOf } from './attention';
import { toDecisionView } from './decision-view';
import { xeroExportSide, xeroFreshness } from './freshness';
import { findingNameVerdict, toNameCheck } from './name-look';
import { conflictMatchOf, previewActions } from './decide';
import { readBinding } from '../xero/binding';
import { isProduction } from '../xero/endpoints';
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
  const allowed = acceptActionsFor(finding?.kind ?? null, names?.better ?? null, finding?.fix, conflictMatchOf(ws, finding));
  // Only the fixes that can be made for this account (e.g. no "use its code" when the matching contact has none).
  const choices = previewActions(ws, code, allowed);
  const actions = choices.map((c) => c.action);
  const shown = contact(row.xeroId);
  const holder = contact(finding?.codeHolderId ?? null);
  /** A contact's pair percentage: the scored one's is the finding's score, the others' their candidate score. */
  const scoreOf = (c: { contactId: string } | null): number | null => {
    if (!c || !finding) return null;
    if (scoredContactId(finding) === c.contactId) return finding.score;
    return finding.candidates.find((k) => k.contactId === c.contactId)?.score ?? null;
  };
  const binding = readBinding(ws);
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
    contact: shown,
    codeHolder: holder,
    contactScore: scoreOf(shown),
    holderScore: scoreOf(holder),
    xeroWebApp: binding !== undefined && isProduction(binding.baseUrl) && xeroExportSide(ws) === null,
    candidates: (finding?.candidates ?? []).map((candidate) => ({ candidate, contact: contact(candidate.contactId) })),
    actions,
    choices,
    nameCheck: toNameCheck(names),
    decision: decision ? toDecisionView(decision) : null,
    undoable: decision ? undoableOf(ws, decision.id) : [],
    history: ws.decisions.history(code).map(toDecisionView).reverse(),
    xeroTrust,
  };
}
