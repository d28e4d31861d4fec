// Xero's per-tenant limits on our side: at most N calls in flight and M per minute (a sliding window, which never
// exceeds Xero's fixed one), pauses after a 429, and the X-*Limit-Remaining headers, which also count calls that
// other programs made for the same organisation. The day budget is Xero's to count: the limiter remembers what
// Xero's last answer said of it (day-budget.ts), the work is planned against that, and a day 429 stops it.
import { systemClock, type Clock } from '../clock';
import { XeroRateLimitError, type RateHeaders } from '../errors';
import { newer, observeBudget, type DayBudget } from './day-budget';

export interface RateLimits {
  concurrent: number;
  perMinute: number;
  minuteMs: number;
  /** Longer waits than this fail at once instead of blocking for hours. */
  maxWaitMs: number;
}

export const XERO_RATE_LIMITS: RateLimits = {
  concurrent: 5,
  perMinute: 60,
  minuteMs: 60_000,
  maxWaitMs: 15 * 60_000,
};

/** Timestamps of recent calls; phantom entries stand for calls the server counted that we did not make. */
export class SlidingWindow {
  private stamps: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly lengthMs: number,
  ) {}

  used(now: number): number {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= now - this.lengthMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
    return this.stamps.length - this.head;
  }

  /** How long until one more call fits (0 = now). */
  waitMs(now: number): number {
    const used = this.used(now);
    if (used < this.limit) return 0;
    return this.stamps[this.head + used - this.limit]! + this.lengthMs - now;
  }

  add(now: number, n = 1): void {
    for (let i = 0; i < n; i++) this.stamps.push(now);
  }

  /** The server says only `remaining` calls are left: count the difference as used now. */
  absorb(now: number, remaining: number): void {
    const mine = this.limit - this.used(now);
    if (remaining < mine) this.add(now, mine - remaining);
  }
}

export interface LimiterStats {
  calls: number;
  /** Calls Xero refused with 429. */
  rateLimited: number;
  /** Time spent waiting for room (windows, pauses, concurrency), summed over calls. */
  waitedMs: number;
}

export type Release = () => void;

/** One tenant's budget, shared by every call to that tenant in this process. */
export class TenantRateLimiter {
  private readonly minute: SlidingWindow;
  private day: DayBudget | undefined;
  private inFlight = 0;
  private pausedUntil = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private releaseWaiters: (() => void)[] = [];
  readonly stats: LimiterStats = { calls: 0, rateLimited: 0, waitedMs: 0 };

  constructor(
    readonly limits: RateLimits,
    /** The clock the limits (and the day budget's times) are measured on. */
    readonly clock: Clock,
  ) {
    // A small margin covers the time a request spends on the wire before Xero counts it.
    this.minute = new SlidingWindow(limits.perMinute, limits.minuteMs * 1.02);
  }

  /** The day budget as Xero's last answer gave it (undefined before any answer). */
  get dayBudget(): DayBudget | undefined {
    return this.day;
  }

  /** What a workspace remembers of the day budget, when it is newer than what this process saw. */
  rememberBudget(b: DayBudget | undefined): void {
    this.day = newer(this.day, b);
  }

  /** Waits for room (first come, first served) and takes it; call the returned function when the call is done. */
  acquire(signal?: AbortSignal): Promise<Release> {
    const turn = this.tail.then(() => this.waitForRoom(signal));
    this.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Reads the remaining-calls headers of any answer (success or error). */
  observe(h: RateHeaders): void {
    const now = this.clock.now();
    if (h.minRemaining !== undefined) this.minute.absorb(now, h.minRemaining);
    this.day = observeBudget(this.day, h, now);
  }

  /** After a 429: no call for this tenant starts before `ms` from now. */
  pause(ms: number): void {
    this.stats.rateLimited++;
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  private async waitForRoom(signal?: AbortSignal): Promise<Release> {
    const started = this.clock.now();
    for (;;) {
      signal?.throwIfAborted();
      if (this.inFlight >= this.limits.concurrent) {
        await this.nextRelease(signal);
        continue;
      }
      const now = this.clock.now();
      const wait = Math.max(this.pausedUntil - now, this.minute.waitMs(now));
      if (wait <= 0) {
        this.minute.add(now);
        this.inFlight++;
        this.stats.calls++;
        this.stats.waitedMs += now - started;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.inFlight--;
          const waiters = this.releaseWaiters;
          this.releaseWaiters = [];
          for (const w of waiters) w();
        };
      }
      if (wait > this.limits.maxWaitMs) {
        const hours = Math.max(1, Math.round(wait / 3_600_000));
        throw new XeroRateLimitError(`Xero asked Reconciler to wait; try again in about ${hours} h.`, wait);
      }
      await this.clock.sleep(wait, signal);
    }
  }

  private nextRelease(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.releaseWaiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}

/** One limiter per tenant for the whole process (the sync, the push and the UI all share it). */
export class RateLimiterRegistry {
  private readonly byTenant = new Map<string, TenantRateLimiter>();

  constructor(
    private readonly limits: RateLimits = XERO_RATE_LIMITS,
    private readonly clock: Clock = systemClock,
  ) {}

  for(tenantId: string): TenantRateLimiter {
    const key = tenantId.toLowerCase();
    let limiter = this.byTenant.get(key);
    if (!limiter) {
      limiter = new TenantRateLimiter(this.limits, this.clock);
      this.byTenant.set(key, limiter);
    }
    return limiter;
  }
}

/** The process-wide registry, for callers that do not bring their own. */
export const sharedRateLimiters = new RateLimiterRegistry();
