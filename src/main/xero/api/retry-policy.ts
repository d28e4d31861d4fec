// What to do after a failed Accounting call (pure): refresh once on 401, wait out a 429's Retry-After (not a day 429),
// back off exponentially (with jitter) on 5xx and broken connections, and otherwise give up.
import type { XeroFailure } from '../errors';

export interface RetryOptions {
  /** Attempts in all for a call that keeps failing with 5xx or network errors. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429s tolerated for one call before giving up. */
  maxRateLimited: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRateLimited: 30 };

export interface RetryState {
  /** 5xx / network failures so far. */
  failures: number;
  rateLimited: number;
  refreshed: boolean;
}

export type RetryDecision =
  { kind: 'refresh' } | { kind: 'pause'; delayMs: number } | { kind: 'retry'; delayMs: number } | { kind: 'fail' };

const TRANSIENT = new Set([500, 502, 503, 504]);

/** Exponential, capped, with "equal jitter": half the step plus a random half. */
export function backoffMs(failures: number, o: RetryOptions, random: () => number): number {
  const step = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * `idempotent`: a GET, or a write with an Idempotency-Key, may be sent again after a broken connection.
 * `state.failures` already counts this failure when it is transient.
 */
export function decide(f: XeroFailure, state: RetryState, o: RetryOptions, idempotent: boolean, random: () => number): RetryDecision {
  if (f.status === 401) return state.refreshed ? { kind: 'fail' } : { kind: 'refresh' };
  if (f.status === 429) {
    if (f.headers.rateLimitProblem === 'day') return { kind: 'fail' }; // spent until Xero's day window resets: never waited out
    if (state.rateLimited >= o.maxRateLimited) return { kind: 'fail' };
    return { kind: 'pause', delayMs: Math.max(1, f.headers.retryAfterSeconds ?? 1) * 1000 };
  }
  const transient = f.network || TRANSIENT.has(f.status);
  if (!transient || !idempotent || state.failures >= o.maxAttempts) return { kind: 'fail' };
  return { kind: 'retry', delayMs: backoffMs(state.failures, o, random) };
}
