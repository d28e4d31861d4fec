// Xero's day budget per workspace and organisation: what the last answer's X-DayLimit-Remaining said, kept in the
// workspace (so `status`, the dashboard and the next run know it), and the check that refuses work the budget
// cannot finish, and turns a day 429 into a stop that says what was kept and when to carry on.
import type { Workspace } from '../db';
import type { XeroAccountingClient } from './api/accounting-client';
import { DayBudget, describeBudget, remainingAt, resetOf, whenText, XERO_DAY_LIMIT, XERO_STARTER_DAY_LIMIT } from './api/day-budget';
import { XeroDayBudgetError } from './errors';

const key = (tenantId: string): string => `xero.budget.${tenantId.toLowerCase()}`;

export function readDayBudget(ws: Workspace, tenantId: string): DayBudget | undefined {
  const text = ws.syncState.get(key(tenantId));
  if (!text) return undefined;
  try {
    const parsed = DayBudget.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveDayBudget(ws: Workspace, tenantId: string, b: DayBudget | undefined): void {
  if (b && ws.db.open) ws.syncState.set(key(tenantId), JSON.stringify(b));
}

/** The budget line for `status` and the screens: null before any answer from Xero. */
export interface BudgetView {
  /** Calls left today; null when Xero's day has reset since the last answer (the whole budget again). */
  remaining: number | null;
  /** When Xero's day resets (ISO); `exact` when Xero said so, else "at the latest". */
  resetAt: string;
  exact: boolean;
  /** When Xero last said how many were left (ISO). */
  asOf: string;
  line: string;
}

export function budgetView(b: DayBudget | undefined, nowMs: number): BudgetView | null {
  const line = describeBudget(b, nowMs);
  if (!b || !line) return null;
  const reset = resetOf(b);
  return {
    remaining: remainingAt(b, nowMs),
    resetAt: new Date(reset.atMs).toISOString(),
    exact: reset.exact,
    asOf: new Date(b.atMs).toISOString(),
    line,
  };
}

/** The line `status` and the end of a sync or push print; null before any answer from Xero. */
export function budgetLine(ws: Workspace, tenantId: string, nowMs = Date.now()): string | null {
  return describeBudget(readDayBudget(ws, tenantId), nowMs);
}

export type Work = 'sync' | 'push';

export interface BudgetGuard {
  work: Work;
  /** Calls the work needs, as planned (sync/call-plan.ts, outbox/call-plan.ts). */
  needed: number;
  /** The organisation's name, for messages. */
  organisation: string;
  /** Start even when the plan needs more than is left (it then stops where Xero's budget runs out). */
  ignoreBudget?: boolean;
  /** What the CLI adds to a refusal (how to start anyway); the app adds nothing. */
  overrideHint?: string;
  /** After a day 429: what the stopped work kept, e.g. "The 3 pages it read are kept" (ends without a stop). */
  kept: () => string;
}

const LIMITS_TEXT = `Xero allows ${XERO_DAY_LIMIT.toLocaleString('en-GB')} calls a day per organisation, ${XERO_STARTER_DAY_LIMIT.toLocaleString('en-GB')} on its Starter plan`;

/** Refuses work that needs more calls than today's known remainder (`b`: as Xero last said); null when it may start. */
export function refusal(b: DayBudget | undefined, g: Omit<BudgetGuard, 'kept'>, nowMs: number): XeroDayBudgetError | null {
  const left = remainingAt(b, nowMs);
  if (g.ignoreBudget || !b || left === null || g.needed <= left) return null;
  const reset = resetOf(b);
  const when = `${reset.exact ? '' : 'by '}${whenText(reset.atMs, nowMs)}`;
  const message =
    `Not started: this ${g.work} needs about ${g.needed.toLocaleString('en-GB')} calls to Xero, and ${g.organisation} has ${left.toLocaleString('en-GB')} of today's left (${LIMITS_TEXT}). ` +
    `Xero's day for it resets ${when}: ${g.work} then.${g.overrideHint ? ` ${g.overrideHint}` : ''}`;
  return new XeroDayBudgetError(message, reset.atMs - nowMs, reset.atMs, reset.exact, false);
}

/** Runs the work if the day budget allows it; a day 429 ends it with what was kept and when to carry on. */
export async function withinDayBudget<T>(client: XeroAccountingClient, g: BudgetGuard, run: () => Promise<T>): Promise<T> {
  const clock = client.limiter.clock; // the clock the budget's times were taken on
  const refused = refusal(client.limiter.dayBudget, g, clock.now());
  if (refused) throw refused;
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof XeroDayBudgetError) || !error.stopped) throw error;
    const again = g.work === 'sync' ? 'sync again' : 'push again';
    const finish = g.work === 'sync' ? 'it carries on where it stopped' : 'it finishes them without writing anything twice';
    const when = `${error.exact ? '' : 'at the latest '}${whenText(error.resetAtMs, clock.now())}`;
    const message = `Xero's daily limit of calls for ${g.organisation} is used up (${LIMITS_TEXT}), so the ${g.work} stopped. ${g.kept()}; ${again} after ${when} and ${finish}.`;
    throw new XeroDayBudgetError(message, error.retryAfterMs, error.resetAtMs, error.exact, true);
  }
}
