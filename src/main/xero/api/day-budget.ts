// Xero's day budget for one organisation as the app last saw it (pure): X-DayLimit-Remaining of the last answer,
// and when the day window resets. Xero says when only in the Retry-After of a day 429; until then the window ends
// at the latest 24 hours after the first answer seen in it (a window begins where the remaining count went up).
import { z } from 'zod';
import type { RateHeaders } from '../errors';

export const DAY_MS = 86_400_000;

/** What Xero allows an organisation a day (developer.xero.com/faq/limits; 1,000 on its Starter plan). */
export const XERO_DAY_LIMIT = 5000;
export const XERO_STARTER_DAY_LIMIT = 1000;

export const DayBudget = z.object({
  /** X-DayLimit-Remaining of the last answer. */
  remaining: z.number().int().nonnegative(),
  /** When that answer came (ms, this computer's clock). */
  atMs: z.number(),
  /** The first answer seen in the current day window (ms). */
  windowSeenFromMs: z.number(),
  /** When the window resets, exactly (from a day 429's Retry-After); null when Xero has not said. */
  resetAtMs: z.number().nullable(),
});
export type DayBudget = z.infer<typeof DayBudget>;

/** When the day window resets: exactly when Xero said so, else at the latest a day after its first answer seen. */
export function resetOf(b: DayBudget): { atMs: number; exact: boolean } {
  return b.resetAtMs !== null ? { atMs: b.resetAtMs, exact: true } : { atMs: b.windowSeenFromMs + DAY_MS, exact: false };
}

/** Calls left now: null when the window has reset since the last answer (a new day: Xero's whole budget). */
export function remainingAt(b: DayBudget | undefined, nowMs: number): number | null {
  if (!b || nowMs >= resetOf(b).atMs) return null;
  return b.remaining;
}

/** The budget after an answer with these headers. */
export function observeBudget(prev: DayBudget | undefined, h: RateHeaders, nowMs: number): DayBudget | undefined {
  const dayLimited = h.rateLimitProblem === 'day';
  const remaining = h.dayRemaining ?? (dayLimited ? 0 : undefined);
  if (remaining === undefined) return prev;
  const newWindow = !prev || remaining > prev.remaining || nowMs >= resetOf(prev).atMs;
  const retryAfter = dayLimited && h.retryAfterSeconds !== undefined ? nowMs + h.retryAfterSeconds * 1000 : null;
  return {
    remaining,
    atMs: nowMs,
    windowSeenFromMs: newWindow ? nowMs : prev.windowSeenFromMs,
    resetAtMs: retryAfter ?? (newWindow ? null : prev.resetAtMs),
  };
}

/** The later-seen of two budgets (the workspace's and the process's). */
export function newer(a: DayBudget | undefined, b: DayBudget | undefined): DayBudget | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.atMs > a.atMs ? b : a;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "21:04 today", "06:30 tomorrow", "06:30 on 19 Mar", with "(in about 7 h)": this computer's local time. */
export function whenText(atMs: number, nowMs: number): string {
  const at = new Date(atMs);
  const now = new Date(nowMs);
  const dayOf = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((dayOf(at) - dayOf(now)) / DAY_MS);
  const month = at.toLocaleString('en-GB', { month: 'short' });
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `on ${at.getDate()} ${month}`;
  const left = atMs - nowMs;
  const about = left < 90 * 60_000 ? `${Math.max(1, Math.round(left / 60_000))} min` : `${Math.round(left / 3_600_000)} h`;
  return `${pad(at.getHours())}:${pad(at.getMinutes())} ${day} (in about ${about})`;
}

/** "4,873 calls left today (as Xero said at 14:02); resets by 13:58 tomorrow", or null before any answer. */
export function describeBudget(b: DayBudget | undefined, nowMs: number): string | null {
  if (!b) return null;
  const reset = resetOf(b);
  if (nowMs >= reset.atMs)
    return `a new day at Xero since the last call: up to ${XERO_DAY_LIMIT.toLocaleString('en-GB')} calls (${XERO_STARTER_DAY_LIMIT.toLocaleString('en-GB')} on Xero's Starter plan)`;
  const seen = new Date(b.atMs);
  return `${b.remaining.toLocaleString('en-GB')} call${b.remaining === 1 ? '' : 's'} left today (Xero said so at ${pad(seen.getHours())}:${pad(seen.getMinutes())}); resets ${reset.exact ? 'at' : 'by'} ${whenText(reset.atMs, nowMs)}`;
}
