// Findings are derived data: recomputed from both sides, replaced as a whole in one transaction.
// Without a complete Xero side there are no findings at all: an account must never look "not in Xero"
// because Xero was not read yet. The open exceptions' invoice-number verdicts read the same Xero side, so they
// are checked again here too: after every sync, Xero file import and push; and once a sync has taken over from Xero's
// contacts export, the decisions made on the exported contacts move to Xero's own.
import type { FindingKind } from '../../shared/domain';
import type { Workspace } from '../db';
import { recheckExceptions } from '../exceptions';
import { matchAccounts, type MatchOptions } from '../matching';
import { carryExportDecisions } from '../review/export-takeover';
import { RECOMPUTE_PENDING_KEY } from '../db/state-keys';

export interface RecomputeSummary {
  computedAt: string;
  accounts: number;
  contacts: number;
  counts: Record<FindingKind, number>;
  /** Set when findings could not be computed yet, saying which side is missing. */
  waitingFor: 'xero' | 'cocoon' | null;
  /** Open exceptions whose invoice number was checked again. */
  exceptionsRechecked: number;
}

export function hasXeroSide(ws: Workspace): boolean {
  return Boolean(ws.imports.latest('xero_file', 'complete') ?? ws.imports.latest('xero_sync', 'complete'));
}

export function recomputeFindings(ws: Workspace, options: MatchOptions & { now?: () => Date } = {}): RecomputeSummary {
  const computedAt = (options.now?.() ?? new Date()).toISOString();
  const waitingFor = !hasXeroSide(ws) ? 'xero' : !ws.imports.latest('cocoon', 'complete') ? 'cocoon' : null;
  const accounts = waitingFor ? [] : ws.accounts.list();
  const contacts = waitingFor ? [] : ws.contacts.list();
  const result = matchAccounts(accounts, contacts, options);
  ws.transaction(() => {
    ws.findings.replaceAll(result, computedAt);
    // A recompute a push asked for (after reading contacts back) is done by any recompute.
    ws.syncState.set(RECOMPUTE_PENDING_KEY, '');
  });
  const exceptionsRechecked = recheckExceptions(ws).checked;
  if (!waitingFor) carryExportDecisions(ws);
  return {
    computedAt,
    accounts: accounts.length,
    contacts: contacts.length,
    counts: ws.findings.countsByKind(),
    waitingFor,
    exceptionsRechecked,
  };
}
