// outbox.*, checklist.* and audit.*: the Push and Checklist screens. Built, like every handler group, from the
// app's context: the open workspace, an event emitter, and the workspace's Xero client.
import type { OutboxChannel } from '../../../shared/channels-outbox';
import type { OutboxInput, OutboxOutput, PushProgress } from '../../../shared/contract-outbox';
import type { Workspace } from '../../db';
import { AppError } from '../../../shared/app-error';
import type { XeroAccountingClient } from '../../xero/api/accounting-client';
import { RECONNECTABLE, XeroAuthError, XeroDayBudgetError, XeroError } from '../../xero/errors';
import { currentChecklist, tickLine } from '../../outbox/checklist';
import { allAuditEntries, auditCsv, checklistCsv, checklistHtml, checklistXlsx } from '../../exports/checklist-files';
import { buildPlan, listedPlan } from '../../outbox/plan';
import { RECOMPUTE_PENDING_KEY } from '../../db/state-keys';
import { pushBudget, pushGuard, runPush } from '../../outbox/service';
import { undoCorrections } from '../../outbox/undo';
import { listCorrections, retryCorrections } from '../../outbox/views';
import { runsOffThread, type OffThreadWork, type OutboxAnswer, type OutboxTask } from '../../threads/outbox-thread';
import { readBinding } from '../../xero/binding';
import { xeroExportSide } from '../../review/freshness';
import { EXPORT_PUSH_REFUSAL } from '../../../shared/xero-export';
import type { XeroPort } from '../../xero/port';
import { recomputeAndAnnounce, type AppContext } from './context';

export interface OutboxServices {
  /** The open workspace and its display name (throws AppError 'no_workspace' when none). */
  workspace(): { ws: Workspace; name: string };
  /** The Accounting client of the workspace's Xero organisation (shared rate limiter); throws when not connected. */
  xeroClient(ws: Workspace): XeroAccountingClient | Promise<XeroAccountingClient>;
  /** Why a push cannot run for this workspace now (null: it can). */
  pushUnavailable(ws: Workspace): string | null;
  /** Pushes the push's progress to the UI (event "outbox.progress"). */
  emitProgress(p: PushProgress): void;
  /** After a push or undo changed the Xero side (drop caches, tell the UI). */
  dataChanged(): void;
  /** Recomputes the findings off the main thread (with its own progress and Cancel). */
  recompute(ws: Workspace): Promise<unknown>;
  /** The window as printed, as PDF bytes (Electron's webContents.printToPDF); absent where the host cannot (the web host). */
  printToPdf?: () => Promise<Uint8Array>;
  now?: () => string;
  /** From how many decisions on the plan and checklist are built on a worker thread (default WORKER_FROM). */
  workerFrom?: number;
  /** Runs them there, on the progress line with Cancel; without it they are built here. */
  offThread?: OffThreadWork;
}

export type OutboxHandlers = { [C in OutboxChannel]: (input: OutboxInput<C>) => Promise<OutboxOutput<C>> };

/** Xero and network failures as the contract's errors (the UI shows the message; nothing was lost). */
async function asAppError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof XeroAuthError) throw new AppError(RECONNECTABLE.has(error.code) ? 'reconnect' : 'unauthorized', error.message);
    if (error instanceof XeroDayBudgetError) throw new AppError('unavailable', error.message); // says when to push again
    if (error instanceof XeroError) throw new AppError('unavailable', `${error.message} Nothing was lost: push again to finish.`);
    throw error;
  }
}

const fileBase = (name: string): string => name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').trim() || 'workspace';

/** The outbox's services from the app's context. */
export function outboxServices(ctx: AppContext): OutboxServices {
  /** The demo workspace talks to its in-process sandbox; any other to the configured Xero. */
  const xeroPort = (): XeroPort => (ctx.session.info()?.isDemo && ctx.demoXero ? ctx.demoXero : ctx.xero);
  return {
    workspace: () => {
      const { ws, info } = ctx.session.require();
      return { ws, name: info.name };
    },
    xeroClient: (ws) => xeroPort().accountingClient(ws),
    pushUnavailable: (ws) =>
      (xeroExportSide(ws) ? EXPORT_PUSH_REFUSAL : null) ??
      xeroPort().unavailableReason() ??
      (readBinding(ws) ? null : 'Connect this workspace to Xero first.'),
    emitProgress: (p) => ctx.events.emit('outbox.progress', p),
    dataChanged: () => ctx.session.dataChanged('synced'),
    recompute: (ws) => recomputeAndAnnounce(ctx, ws, 'synced'),
    printToPdf: ctx.config.printToPdf,
    workerFrom: ctx.config.workerFrom,
    offThread: ctx.offThread,
  };
}

export function outboxHandlers(ctx: AppContext): OutboxHandlers {
  return outboxHandlersOver(outboxServices(ctx));
}

/** The handlers over any services (tests give their own clock and Xero client). */
export function outboxHandlersOver(s: OutboxServices): OutboxHandlers {
  const now = s.now ?? (() => new Date().toISOString());
  let running: AbortController | null = null;
  const ready = (ws: Workspace): void => {
    const why = s.pushUnavailable(ws);
    if (why) throw new AppError('unavailable', why);
    if (running) throw new AppError('conflict', 'A push is already running.');
  };
  // The push reads the touched contacts back; the findings are then recomputed in the background, so the window
  // keeps answering. A cancelled recompute stays due (RECOMPUTE_PENDING_KEY): the status says the findings are
  // out of date until any recompute (Match again, the next push) is done.
  const recomputeIfDue = async (ws: Workspace): Promise<void> => {
    if (ws.db.open && ws.syncState.get(RECOMPUTE_PENDING_KEY)) await s.recompute(ws);
  };
  // A push or an undo writes to Xero: one at a time, cancellable by outbox.cancel, then the findings recomputed if due.
  const writing = async <T>(ws: Workspace, write: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    ready(ws);
    const controller = new AbortController();
    running = controller;
    try {
      const result = await write(controller.signal);
      await recomputeIfDue(ws);
      return result;
    } finally {
      running = null;
      s.dataChanged();
    }
  };
  // A large workspace's plan, checklist, results and a push's first step run on a worker: the window keeps answering.
  const offThread = <K extends 'plan' | 'checklist' | 'results' | 'materialise'>(
    ws: Workspace,
    task: Extract<OutboxTask, { kind: K }>,
    message: string,
    here: () => OutboxAnswer[K],
  ): Promise<OutboxAnswer[K]> =>
    s.offThread && runsOffThread(ws, task, s.workerFrom) ? s.offThread.run(ws, task, now(), message) : Promise.resolve(here());
  return {
    'outbox.plan': async () => {
      const { ws } = s.workspace();
      const plan = await offThread(ws, { kind: 'plan' }, 'Planning the push…', () => listedPlan(buildPlan(ws, now())));
      const budget = pushBudget(ws, plan.contacts, Date.parse(now()));
      return { ...plan, notReady: s.pushUnavailable(ws) ?? budget.refused, calls: { needed: budget.guard.needed, budget: budget.line } };
    },
    'outbox.push': async ({ batchSize }) => {
      const { ws } = s.workspace();
      return writing(ws, async (signal) => {
        const options = { batchSize, signal, onProgress: s.emitProgress, now, recompute: false } as const;
        const plan = await offThread(ws, { kind: 'plan' }, 'Planning the push…', () => buildPlan(ws, now()));
        const guard = pushGuard(ws, plan.contacts, batchSize);
        // Its first step, the corrections of the decisions written, on the worker too: the push finds it done.
        await offThread(ws, { kind: 'materialise', actor: 'user' }, 'Checking the plan…', () => 0);
        return asAppError(async () => runPush(ws, await s.xeroClient(ws), guard, options));
      });
    },
    'outbox.cancel': async () => {
      if (!running) return { cancelled: s.offThread?.cancel() ?? false };
      running.abort(new AppError('cancelled', 'cancelled by the user'));
      return { cancelled: true };
    },
    'outbox.list': async (q) => {
      const { ws } = s.workspace();
      if (!q.results) return listCorrections(ws, q);
      return offThread(ws, { kind: 'results', limit: q.limit }, 'Reading the results…', () => listCorrections(ws, q));
    },
    'outbox.undo': async ({ ids }) => {
      const { ws } = s.workspace();
      return writing(ws, (signal) => {
        const options = { signal, onProgress: s.emitProgress, now, recompute: false } as const;
        return asAppError(async () => undoCorrections(ws, await s.xeroClient(ws), ids, options));
      });
    },
    'outbox.retry': async ({ ids }) => retryCorrections(s.workspace().ws, ids),
    'checklist.get': async () => {
      const { ws } = s.workspace();
      return offThread(ws, { kind: 'checklist', actor: 'user' }, 'Building the checklist…', () => currentChecklist(ws, now()));
    },
    'checklist.tick': async ({ key, ticked }) => tickLine(s.workspace().ws, key, ticked, now()),
    'checklist.export': async ({ format, dates = {} }) => {
      const { ws, name } = s.workspace();
      const list = currentChecklist(ws, now());
      const base = `${fileBase(name)} checklist`;
      if (format === 'csv') return { fileName: `${base}.csv`, mimeType: 'text/csv', content: checklistCsv(list, dates) };
      if (format === 'html')
        return { fileName: `${base}.html`, mimeType: 'text/html', content: checklistHtml(list, `CocoonOPS checklist: ${name}`, dates) };
      const bytes = await checklistXlsx(list);
      return {
        fileName: `${base}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: bytes.toString('base64'),
        encoding: 'base64' as const,
      };
    },
    'checklist.pdf': async () => {
      const { name } = s.workspace();
      if (!s.printToPdf)
        throw new AppError(
          'unavailable',
          'Saving as PDF is part of the desktop app: here, choose Print and then the print dialog\'s "Save as PDF".',
        );
      const bytes = await s.printToPdf();
      return {
        fileName: `${fileBase(name)} checklist.pdf`,
        mimeType: 'application/pdf',
        content: Buffer.from(bytes).toString('base64'),
        encoding: 'base64' as const,
      };
    },
    'audit.list': async ({ limit, offset }) => {
      const { ws } = s.workspace();
      return { entries: ws.audit.list({ limit, offset }), total: ws.audit.count() };
    },
    'audit.export': async () => {
      const { ws, name } = s.workspace();
      return { fileName: `${fileBase(name)} audit.csv`, mimeType: 'text/csv', content: auditCsv(allAuditEntries(ws.audit)) };
    },
  };
}
