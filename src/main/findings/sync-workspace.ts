// A sync of the workspace's Xero side, then its findings recomputed from both sides: what `reconciler sync` and the
// tests run. (The app syncs with xero's syncXeroSide alone and recomputes on its worker, so the window keeps answering.)
import type { Workspace } from '../db';
import type { MatchOptions } from '../matching';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { syncXeroSide, type SyncOptions, type SyncSummary } from '../xero/sync/run-sync';
import { recomputeFindings, type RecomputeSummary } from './recompute';

export interface SyncWorkspaceOptions extends SyncOptions {
  /** Options for the findings recompute after a complete sync; false skips it. */
  recompute?: false | (MatchOptions & { now?: () => Date });
}

export interface SyncedWorkspace extends SyncSummary {
  findings: RecomputeSummary | null;
}

/** Findings are recomputed only after a complete sync (an interrupted one throws before this). */
export async function syncWorkspace(ws: Workspace, client: XeroAccountingClient, o: SyncWorkspaceOptions = {}): Promise<SyncedWorkspace> {
  const summary = await syncXeroSide(ws, client, o);
  return { ...summary, findings: o.recompute === false ? null : recomputeFindings(ws, o.recompute ?? {}) };
}
