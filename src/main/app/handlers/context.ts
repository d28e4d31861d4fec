// What every handler group is built from: the config, the open workspace, the event emitter, Xero.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../dispatch';
import type { AppEvents } from '../events';
import type { Session } from '../workspace-session';
import type { SettingsStore } from '../settings-store';
import type { XeroPort } from '../../xero/port';
import type { Workspace } from '../../db';
import type { WorkspaceInfo } from '../../../shared/review';
import type { ExportFormat } from '../../../shared/contract-exports';
import type { RecomputeSummary } from '../../findings/recompute';
import { RecomputeCancelledError, type BackgroundRecompute } from '../../threads/recompute-thread';
import type { OffThreadWork } from '../../threads/outbox-thread';

export interface AppConfig {
  /** From how many decisions (or accounts in a bulk apply) on, the plan, checklist and bulk apply run on a worker thread (default WORKER_FROM). */
  workerFrom?: number;
  host: 'electron' | 'web';
  version?: string;
  /** Where the demo and new workspaces are kept (Electron: userData; web host: --data-dir). */
  dataDir: string;
  /** The folder holding demo/cocoon.csv and demo/xero-contacts.json. */
  demoDir: string;
  settings: SettingsStore;
  /** The Xero connection; without one, connect and sync answer "unavailable" with the reason. */
  xero?: XeroPort;
  /** Check every output against the contract too (development and tests). */
  validateOutput?: boolean;
  /** The demo reads its Xero side from the sandbox through the Xero client (default true); false imports the file. */
  demoSync?: boolean;
  /** The app window as printed, as PDF bytes (Electron only: the checklist's "Save as PDF"). */
  printToPdf?: () => Promise<Uint8Array>;
  /**
   * Asks where to save an export (Electron's save dialog): the path, or null when the user cancelled. Without it (the
   * web host) an export goes back to the UI, which downloads it.
   */
  chooseSavePath?: (suggested: { fileName: string; format: ExportFormat }) => Promise<string | null>;
}

export interface AppContext {
  config: AppConfig;
  session: Session;
  events: AppEvents;
  xero: XeroPort;
  /** The demo's link to its in-process sandbox Xero (set once the demo has started). */
  demoXero: XeroPort | null;
  /** Matching, run in a worker thread so the window keeps answering; cancellable. */
  matching: BackgroundRecompute;
  /** The plan, checklist and bulk apply of a large workspace, on a worker thread; cancellable. */
  offThread: OffThreadWork;
  /** Cleanups run by app.close() (e.g. the demo's sandbox). */
  onClose: (fn: () => Promise<void> | void) => void;
}

export type HandlerGroup<K extends keyof Handlers> = Pick<Handlers, K>;

/** The open workspace, or a default one under dataDir (created on first use) for an import without one. */
export function workspaceForImport(ctx: AppContext): { ws: Workspace; info: WorkspaceInfo } {
  if (!ctx.session.info()) {
    const dir = join(ctx.config.dataDir, 'workspaces');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'My workspace.reconciler');
    ctx.session.open(path, { create: !existsSync(path) });
  }
  return ctx.session.require();
}

/**
 * Recomputes the findings in the background with progress events, then tells the UI the data changed. Null when
 * the run was cancelled (or superseded by a newer one): the stored findings are then those of the previous run.
 */
export async function recomputeAndAnnounce(
  ctx: AppContext,
  ws: Workspace,
  reason: 'imported' | 'synced' | 'matched',
): Promise<RecomputeSummary | null> {
  const progress = (message: string, done: number, total: number | null, finished = false) =>
    ctx.events.emit('progress', { task: 'match', message, done, total, finished });
  progress('Matching…', 0, null);
  try {
    const summary = await ctx.matching.run(ws.path, (done, total) => progress('Matching…', done, total));
    progress('Findings up to date', summary.accounts, summary.accounts, true);
    return summary;
  } catch (error) {
    if (!(error instanceof RecomputeCancelledError)) {
      progress('Matching failed', 0, null, true);
      throw error;
    }
    if (!ctx.matching.running) progress('Matching cancelled: the findings are older than the last import', 0, null, true);
    return null;
  } finally {
    ctx.session.dataChanged(reason);
  }
}
