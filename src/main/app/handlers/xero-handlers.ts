// xero.*: connect (PKCE sign-in, bound to a workspace), reconnect the open workspace, sync now with progress, and cancel.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openWorkspace } from '../../db';
import { readBinding } from '../../xero/binding';
import { AppError } from '../../../shared/app-error';
import type { XeroPort } from '../../xero/port';
import { recomputeAndAnnounce, type AppContext, type HandlerGroup } from './context';

/** A file name from a tenant name: letters, digits, spaces, dots and dashes only. */
export function workspaceFileFor(tenantName: string): string {
  const safe =
    tenantName
      .replace(/[^\p{L}\p{N} ().,&'-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Xero organisation';
  return `${safe}.reconciler`;
}

function freePath(dir: string, tenantName: string): string {
  const base = workspaceFileFor(tenantName).replace(/\.reconciler$/, '');
  for (let n = 1; ; n++) {
    const path = join(dir, `${base}${n === 1 ? '' : ` (${n})`}.reconciler`);
    if (!existsSync(path)) return path;
  }
}

/** Connects a new workspace (named after the organisation once it is known). */
async function connectNew(ctx: AppContext): Promise<{ tenantName: string; path: string }> {
  const dir = join(ctx.config.dataDir, 'workspaces');
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.connecting-${randomBytes(6).toString('hex')}.reconciler`);
  const ws = openWorkspace(temp, { create: true });
  try {
    const { tenantName } = await ctx.xero.connect(ws, {});
    ws.close();
    const path = freePath(dir, tenantName);
    renameSync(temp, path);
    return { tenantName, path };
  } finally {
    ws.close();
    for (const p of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(p, { force: true });
  }
}

export function xeroHandlers(ctx: AppContext): HandlerGroup<'xero.connect' | 'xero.reconnect' | 'xero.sync' | 'xero.cancelSync'> {
  let running: AbortController | null = null;
  const portFor = (isDemo: boolean): XeroPort => (isDemo && ctx.demoXero ? ctx.demoXero : ctx.xero);
  return {
    'xero.connect': async () => {
      const unavailable = ctx.xero.unavailableReason();
      if (unavailable) throw new AppError('unavailable', unavailable);
      const open = ctx.session.info();
      if (open && !open.isDemo) {
        // The open workspace (e.g. made from files) gets its Xero connection.
        const { tenantName } = await ctx.xero.connect(ctx.session.require().ws, {});
        ctx.session.dataChanged('synced');
        return { tenantName, workspace: open };
      }
      const { tenantName, path } = await connectNew(ctx);
      return { tenantName, workspace: ctx.session.open(path) };
    },
    'xero.reconnect': async () => {
      // The same organisation again (connect keeps the workspace's tenant and everything synced), through the port
      // the workspace syncs with: the demo's own stand-in for the demo.
      const { ws, info } = ctx.session.require();
      if (!readBinding(ws))
        throw new AppError('unavailable', 'This workspace was never connected to Xero (its Xero side came from a file): use Connect Xero.');
      const port = portFor(info.isDemo);
      const unavailable = port.unavailableReason();
      if (unavailable) throw new AppError('unavailable', unavailable);
      const { tenantName } = await port.connect(ws, {});
      ctx.session.dataChanged('synced');
      return { tenantName };
    },
    'xero.sync': async ({ allowShrink }) => {
      const { ws, info } = ctx.session.require();
      const port = portFor(info.isDemo);
      const unavailable = port.unavailableReason();
      if (unavailable) throw new AppError('unavailable', unavailable);
      if (running) throw new AppError('conflict', 'A sync is already running.');
      const controller = new AbortController();
      running = controller;
      const emit = (message: string, done: number, total: number | null, finished = false) =>
        ctx.events.emit('progress', { task: 'sync', message, done, total, finished });
      try {
        emit('Connecting to Xero…', 0, null);
        const { contacts } = await port.sync(ws, {
          signal: controller.signal,
          allowShrink,
          onProgress: (p) => emit(p.message, p.done, p.total),
        });
        emit(`Sync complete (${contacts} contacts read)`, 1, 1, true);
        await recomputeAndAnnounce(ctx, ws, 'synced');
        return { contacts, finishedAt: new Date().toISOString() };
      } catch (error) {
        const asks = error instanceof AppError && error.code === 'needs_confirmation';
        emit(controller.signal.aborted ? 'Sync cancelled' : asks ? 'Sync waiting for your confirmation' : 'Sync failed', 0, null, true);
        ctx.session.dataChanged('synced'); // the freshness banner must show the failed or partial sync
        if (controller.signal.aborted && !(error instanceof AppError)) {
          throw new AppError('cancelled', 'The sync was cancelled; what was read so far is kept, and the next sync continues from there.');
        }
        throw error;
      } finally {
        running = null;
      }
    },
    'xero.cancelSync': async () => {
      if (!running) return { cancelled: false };
      running.abort(new AppError('cancelled', 'cancelled by the user'));
      return { cancelled: true };
    },
  };
}
