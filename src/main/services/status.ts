// What a workspace holds: counts, findings per kind, the last import of each kind and the last sync.
import type { FindingKind } from '../../shared/domain';
import { countFailing } from '../../shared/domain';
import type { ImportRecord, Workspace } from '../db';

export interface WorkspaceStatus {
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
}

export function workspaceStatus(ws: Workspace): WorkspaceStatus {
  const findings = ws.findings.countsByKind();
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
  };
}
