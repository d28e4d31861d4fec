// What a workspace holds: counts, findings per kind, the last import of each kind and the last sync.
import type { FindingKind } from '../../shared/domain';
import { countFailing } from '../../shared/domain';
import type { ImportRecord, Workspace } from '../db';
import { xeroExportSide, xeroFreshness, type Freshness } from './freshness';
import type { XeroExportSide } from '../../shared/xero-export';
import { readBinding } from '../xero/binding';
import { isProduction } from '../xero/endpoints';
import { budgetView, readDayBudget, type BudgetView } from '../xero/budget';

/** The Xero organisation the workspace is bound to (its tokens live outside the workspace). */
export interface XeroConnectionStatus {
  tenantId: string;
  tenantName: string;
  /** Bound to a sandbox, not the real Xero. */
  sandbox: boolean;
  connectedAt: string;
  /** Set once disconnected: syncing and pushing need `reconciler connect` again. */
  disconnectedAt: string | null;
}

export interface WorkspaceSummary {
  path: string;
  accounts: number;
  contacts: number;
  invoices: number;
  findings: Record<FindingKind, number>;
  /** Accounts whose next sync will fail. */
  failing: number;
  findingsComputedAt: string | null;
  lastCocoonImport: ImportRecord | null;
  lastXeroImport: ImportRecord | null;
  lastSync: ImportRecord | null;
  /** Can the Xero side be trusted: 'stale' after a failed or unfinished sync (with why), 'missing' with none. */
  xeroData: Freshness;
  /** Set when the Xero side is Xero's contacts export: its views, and what cannot be known from them. */
  xeroExport: XeroExportSide | null;
  /** Null when the workspace was never connected (its Xero side, if any, came from files). */
  xeroConnection: XeroConnectionStatus | null;
  /** Xero's day budget for the organisation, as its last answer gave it (null before any answer). */
  xeroBudget: BudgetView | null;
}

function xeroConnection(ws: Workspace): XeroConnectionStatus | null {
  const b = readBinding(ws);
  return b
    ? {
        tenantId: b.tenantId,
        tenantName: b.tenantName,
        sandbox: !isProduction(b.baseUrl),
        connectedAt: b.connectedAt,
        disconnectedAt: b.disconnectedAt,
      }
    : null;
}

export function workspaceSummary(ws: Workspace, nowMs = Date.now()): WorkspaceSummary {
  const findings = ws.findings.countsByKind();
  const connection = xeroConnection(ws);
  return {
    path: ws.path,
    accounts: ws.accounts.count(),
    contacts: ws.contacts.count(),
    invoices: ws.invoices.count(),
    findings,
    failing: countFailing(findings),
    findingsComputedAt: ws.findings.computedAt() ?? null,
    lastCocoonImport: ws.imports.latest('cocoon', 'complete') ?? null,
    lastXeroImport: ws.imports.latest('xero_file', 'complete') ?? null,
    lastSync: ws.imports.latest('xero_sync', 'complete') ?? null,
    xeroData: xeroFreshness(ws),
    xeroExport: xeroExportSide(ws),
    xeroConnection: connection,
    xeroBudget: connection && !connection.disconnectedAt ? budgetView(readDayBudget(ws, connection.tenantId), nowMs) : null,
  };
}
