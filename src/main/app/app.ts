// The composition root: builds the session, services and handler table from a config. Imports nothing from
// 'electron': the Electron bootstrap, the web host, the CLI and the tests all build the app here.
import { createAppEvents, type AppEvents } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createSession, type Session } from './workspace-session';
import { unavailableXero } from '../xero/port';
import type { AppConfig, AppContext } from './handlers/context';
import { exceptionHandlers } from './handlers/exception-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { importHandlers } from './handlers/import-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { workspaceHandlers } from './handlers/workspace-handlers';
import { xeroHandlers } from './handlers/xero-handlers';
import { outboxHandlers } from './handlers/outbox-handlers';
import { BackgroundRecompute } from '../threads/recompute-thread';
import { OffThreadWork, stopOutboxWorker, warmOutboxWorker } from '../threads/outbox-thread';

export type { AppConfig } from './handlers/context';

export const XERO_NOT_AVAILABLE =
  "Connecting to Xero is not set up in this app. Use the demo, or import Xero's contacts export (in Xero: Contacts → Export) or a saved GET /Contacts response.";

export interface App {
  handlers: Handlers;
  /** The handler table behind the contract's parsing: what IPC and HTTP call. */
  dispatch: Dispatch;
  events: AppEvents;
  session: Session;
  close(): Promise<void>;
}

export function createApp(config: AppConfig): App {
  const events = createAppEvents();
  const session = createSession(events, config.settings);
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx: AppContext = {
    config,
    session,
    events,
    xero: config.xero ?? unavailableXero(XERO_NOT_AVAILABLE),
    demoXero: null,
    matching: new BackgroundRecompute(),
    offThread: new OffThreadWork((message, finished, done = 0, total) =>
      events.emit('progress', { task: 'outbox', message, done, total: total ?? null, finished }),
    ),
    onClose: (fn) => cleanups.push(fn),
  };
  const handlers: Handlers = {
    ...workspaceHandlers(ctx),
    ...reviewHandlers(ctx),
    ...importHandlers(ctx),
    ...xeroHandlers(ctx),
    ...exceptionHandlers(ctx),
    ...exportHandlers(ctx),
    ...outboxHandlers(ctx),
  };
  // The outbox worker holds its own connection to the workspace: it goes when the workspace closes.
  // A large workspace's worker starts when it opens, and indexes both sides before the first bulk apply or plan.
  events.on('workspace.changed', (e) => {
    if (e.reason === 'closed') stopOutboxWorker();
    if (e.reason === 'opened' && session.info()) void warmOutboxWorker(session.require().ws, config.workerFrom);
  });
  const dispatch = createDispatcher(handlers, {
    validateOutput: config.validateOutput,
    onInternalError: (channel, error) => console.error(`[${channel}]`, error),
  });
  return {
    handlers,
    dispatch,
    events,
    session,
    async close() {
      ctx.matching.cancel();
      stopOutboxWorker();
      session.close();
      for (const fn of cleanups.splice(0).reverse()) await fn();
    },
  };
}
