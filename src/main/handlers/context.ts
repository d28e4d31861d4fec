// What every handler group is built from: the config, the open workspace, the event emitter, Xero.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../dispatch';
import type { AppEvents } from '../app-events';
import type { Session } from '../session';
import type { SettingsStore } from '../settings-store';
import type { XeroPort } from '../xero-port';
import type { Workspace } from '../db';
import type { WorkspaceInfo } from '../../shared/review';
import { recomputeFindings } from '../services/recompute';

export interface AppConfig {
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
}

export interface AppContext {
  config: AppConfig;
  session: Session;
  events: AppEvents;
  xero: XeroPort;
  /** The demo's link to its in-process sandbox Xero (set once the demo has started). */
  demoXero: XeroPort | null;
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

/** Recomputes the findings with progress events, then tells the UI the data changed. */
export function recomputeAndAnnounce(ctx: AppContext, ws: Workspace, reason: 'imported' | 'synced'): void {
  ctx.events.emit('progress', { task: 'match', message: 'Matching…', done: 0, total: null, finished: false });
  const summary = recomputeFindings(ws, {
    onProgress: (done, total) => ctx.events.emit('progress', { task: 'match', message: 'Matching…', done, total, finished: false }),
  });
  ctx.events.emit('progress', { task: 'match', message: 'Findings up to date', done: summary.accounts, total: summary.accounts, finished: true });
  ctx.session.dataChanged(reason);
}
