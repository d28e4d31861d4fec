// The push as one service for every caller (the app's outbox handlers, `reconciler push`): the guard that holds a
// push to Xero's calls left today for the organisation, and the push itself run inside it.
import type { Workspace } from '../db';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { describeBudget } from '../xero/api/day-budget';
import { readBinding } from '../xero/binding';
import { readDayBudget, refusal, withinDayBudget, type BudgetGuard } from '../xero/budget';
import { planPushCalls, queuedLeft } from './call-plan';
import { pushOutbox, type PushOptions } from './push';

export interface PushGuardOptions {
  /** Start even when the push needs more calls than are left today (it stops when they run out). */
  ignoreBudget?: boolean;
  /** How to say that (the CLI's --ignore-budget). */
  overrideHint?: string;
}

/** What the push of `contacts` contacts needs from Xero's day budget, for withinDayBudget and refusal. */
export function pushGuard(ws: Workspace, contacts: number, batchSize?: number, o: PushGuardOptions = {}): BudgetGuard {
  const organisation = readBinding(ws)?.tenantName ?? 'the organisation';
  return { work: 'push', needed: planPushCalls(ws, { contacts }, batchSize), organisation, ...o, kept: () => queuedLeft(ws) };
}

/** The push's calls against the day budget as Xero's last answer gave it: the guard, a line to show, why it is refused. */
export function pushBudget(ws: Workspace, contacts: number, nowMs: number, batchSize?: number) {
  const binding = readBinding(ws);
  const budget = binding ? readDayBudget(ws, binding.tenantId) : undefined;
  const guard = pushGuard(ws, contacts, batchSize);
  return { guard, line: describeBudget(budget, nowMs), refused: refusal(budget, guard, nowMs)?.message ?? null };
}

/** Pushes the outbox within the guard: a day 429 stops it, and what it did not send stays queued. */
export function runPush(ws: Workspace, client: XeroAccountingClient, guard: BudgetGuard, options: PushOptions) {
  return withinDayBudget(client, guard, () => pushOutbox(ws, client, options));
}
