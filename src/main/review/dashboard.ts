// The dashboard: counts per finding kind, how many accounts will fail on the next sync (and where their fixes stand),
// what the last push fixed, and data freshness.
import type { Workspace } from '../db';
import { reviewRepoOf } from '../db/repos/review';
import { workspaceSummary, type XeroConnectionStatus } from './workspace-summary';
import type { WorkspaceInfo, WorkspaceStatus } from '../../shared/review';
import { importInfo, xeroFreshness } from './freshness';
import { RECOMPUTE_PENDING_KEY } from '../db/state-keys';
import { lastPushOutcome } from './last-push';

/**
 * Whether the stored findings no longer describe both sides: older than the last import or sync, a recompute a push
 * asked for is still due, or an older version computed them with another model of the sync.
 */
export function findingsOutdated(ws: Workspace, base: ReturnType<typeof workspaceSummary> = workspaceSummary(ws)): boolean {
  const lastImport = [base.lastCocoonImport, base.lastXeroImport, base.lastSync].reduce(
    (t, r) => (r?.finishedAt && r.finishedAt > t ? r.finishedAt : t),
    '',
  );
  return (base.findingsComputedAt ?? '') < lastImport || Boolean(ws.syncState.get(RECOMPUTE_PENDING_KEY)) || ws.findings.olderModel();
}

export function dashboardStatus(ws: Workspace, info: WorkspaceInfo): WorkspaceStatus {
  const base = workspaceSummary(ws);
  const repo = reviewRepoOf(ws.db);
  const failingBreakdown = repo.failingBreakdown();
  const freshness = xeroFreshness(ws);
  const waitingFor = freshness.trust === 'missing' ? 'xero' : base.lastCocoonImport ? null : 'cocoon';
  return {
    workspace: info,
    accounts: base.accounts,
    contacts: base.contacts,
    counts: base.findings,
    failing: base.failing,
    mayFail: repo.mayFailCount(),
    failingUndecided: failingBreakdown.undecided,
    failingBreakdown,
    lastPush: lastPushOutcome(ws),
    decided: repo.decidedCount(),
    findingsComputedAt: base.findingsComputedAt,
    xeroTrust: freshness.trust,
    xeroTrustReason: freshness.reason,
    lastSync: importInfo(base.lastSync),
    lastXeroImport: importInfo(base.lastXeroImport),
    lastCocoonImport: importInfo(base.lastCocoonImport),
    waitingFor,
    findingsOutdated: waitingFor === null && findingsOutdated(ws, base),
    xeroExport: base.xeroExport,
    xeroConnection: connection(base.xeroConnection),
    xeroBudget: base.xeroBudget,
  };
}

function connection(c: XeroConnectionStatus | null): WorkspaceStatus['xeroConnection'] {
  return c && !c.disconnectedAt ? { tenantName: c.tenantName, sandbox: c.sandbox } : null;
}
