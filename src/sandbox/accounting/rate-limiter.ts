// Xero's rate limits: per tenant (concurrent, minute, day) and per app (minute), as fixed windows. A tenant's day
// window starts at its first call (or at its configured time of day, UTC) and then repeats every day at that same
// time, so windows reset at different times per tenant; each tenant may have its own day budget (Starter: 1,000).
import type { Limits } from '../types.js';

export type RateProblem = 'minute' | 'day' | 'concurrent' | 'appminute';

interface Window {
  start: number;
  count: number;
}

interface TenantCounters {
  minute: Window;
  day: Window;
  inFlight: number;
}

/** One tenant's own day budget: its calls a day, and the time of day (UTC, "HH:MM") its day window resets. */
export interface TenantDayLimits {
  perDay?: number;
  dayResetUtc?: string;
}

export interface DayStatus {
  limit: number;
  used: number;
  remaining: number;
  /** When the current day window ends (ms); null before the tenant's first call. */
  resetsAtMs: number | null;
}

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the call is refused (429). */
  problem?: RateProblem;
  retryAfterSeconds?: number;
  /** Call when the response is done (frees the concurrency slot); a no-op when refused. */
  release: () => void;
}

const DAY_MS = 86_400_000;

/** "HH:MM" (UTC) → ms after midnight; undefined when it is not such a time. */
export function parseUtcTime(value: string | undefined): number | undefined {
  const m = value ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : undefined;
}

export class RateLimiter {
  private readonly tenants = new Map<string, TenantCounters>();
  private readonly apps = new Map<string, Window>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Limits,
    /** A tenant's own day budget (unset fields: the sandbox-wide limits). */
    private readonly tenantLimits: (tenantId: string) => TenantDayLimits = () => ({}),
  ) {}

  reset(): void {
    this.tenants.clear();
    this.apps.clear();
  }

  private perDay(tenantId: string): number {
    return this.tenantLimits(tenantId).perDay ?? this.limits.perDay;
  }

  /** Where the first day window of a tenant starts: the last configured reset time before now, else now. */
  private firstDayStart(tenantId: string, now: number): number {
    const at = parseUtcTime(this.tenantLimits(tenantId).dayResetUtc);
    if (at === undefined) return now;
    const today = Math.floor(now / DAY_MS) * DAY_MS + at;
    return today <= now ? today : today - DAY_MS;
  }

  private counters(tenantId: string, now: number): TenantCounters {
    let t = this.tenants.get(tenantId);
    if (!t) {
      t = { minute: { start: now, count: 0 }, day: { start: this.firstDayStart(tenantId, now), count: 0 }, inFlight: 0 };
      this.tenants.set(tenantId, t);
    }
    roll(t.minute, now, this.limits.minuteWindowMs);
    roll(t.day, now, this.limits.dayWindowMs);
    return t;
  }

  /** After a tenant's reset time changed: its current day window starts at the last such time (calls stay counted). */
  realign(tenantId: string): void {
    const t = this.tenants.get(tenantId);
    if (t) t.day.start = this.firstDayStart(tenantId, this.now());
  }

  /** The tenant's day budget as the stand-in counts it (for /admin/state and tests). */
  dayStatus(tenantId: string): DayStatus {
    const limit = this.perDay(tenantId);
    const t = this.tenants.get(tenantId);
    if (!t) return { limit, used: 0, remaining: limit, resetsAtMs: null };
    const now = this.now();
    this.counters(tenantId, now);
    return { limit, used: t.day.count, remaining: Math.max(0, limit - t.day.count), resetsAtMs: t.day.start + this.limits.dayWindowMs };
  }

  acquire(clientId: string, tenantId: string): RateDecision {
    const now = this.now();
    const L = this.limits;
    const perDay = this.perDay(tenantId);
    const t = this.counters(tenantId, now);
    const app = this.apps.get(clientId) ?? { start: now, count: 0 };
    this.apps.set(clientId, app);
    roll(app, now, L.minuteWindowMs);

    const wait = (w: Window, len: number): number => Math.max(1, Math.ceil((w.start + len - now) / 1000));
    let problem: RateProblem | undefined;
    let retryAfterSeconds: number | undefined;
    if (t.day.count >= perDay) [problem, retryAfterSeconds] = ['day', wait(t.day, L.dayWindowMs)];
    else if (t.minute.count >= L.perMinute) [problem, retryAfterSeconds] = ['minute', wait(t.minute, L.minuteWindowMs)];
    else if (app.count >= L.appPerMinute) [problem, retryAfterSeconds] = ['appminute', wait(app, L.minuteWindowMs)];
    else if (t.inFlight >= L.concurrent) [problem, retryAfterSeconds] = ['concurrent', 1];

    let release = (): void => {};
    if (!problem) {
      t.minute.count++;
      t.day.count++;
      app.count++;
      t.inFlight++;
      let released = false;
      release = () => {
        if (!released) t.inFlight--;
        released = true;
      };
    }
    const headers = {
      'X-DayLimit-Remaining': String(Math.max(0, perDay - t.day.count)),
      'X-MinLimit-Remaining': String(Math.max(0, L.perMinute - t.minute.count)),
      'X-AppMinLimit-Remaining': String(Math.max(0, L.appPerMinute - app.count)),
    };
    return { headers, problem, retryAfterSeconds, release };
  }
}

/** A fixed window: once over, the next one starts where whole windows from the first one end (no drift). */
function roll(w: Window, now: number, length: number): void {
  if (now >= w.start + length) {
    w.start += Math.floor((now - w.start) / length) * length;
    w.count = 0;
  }
}
