// app.info and workspace.*: which workspace is open, opening one (or the demo), and the dashboard's status.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { dashboardStatus } from '../../review/dashboard';
import type { AppContext, HandlerGroup } from './context';
import { openDemo } from './demo-handler';
import { describeRecent } from '../recent-workspaces';

export function workspaceHandlers(
  ctx: AppContext,
): HandlerGroup<
  'app.info' | 'workspace.current' | 'workspace.recent' | 'workspace.open' | 'workspace.openDemo' | 'workspace.close' | 'workspace.status'
> {
  const reason = ctx.xero.unavailableReason();
  return {
    'app.info': async () => ({
      version: ctx.config.version ?? '0.1.0',
      host: ctx.config.host,
      features: { demo: true, connect: reason === null, sync: reason === null },
      xeroUnavailableReason: reason,
    }),
    'workspace.current': async () => ctx.session.info(),
    'workspace.recent': async () => ctx.config.settings.recentWorkspaces().map(describeRecent),
    'workspace.open': async ({ path, create }) => {
      if (create) mkdirSync(dirname(path), { recursive: true });
      return ctx.session.open(path, { create });
    },
    'workspace.openDemo': async ({ reset }) => openDemo(ctx, reset),
    'workspace.close': async () => {
      ctx.session.close();
      return null;
    },
    'workspace.status': async () => {
      const { ws, info } = ctx.session.require();
      return dashboardStatus(ws, info);
    },
  };
}
