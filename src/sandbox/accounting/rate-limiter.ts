// Xero's rate limits: per tenant (concurrent, minute, day) and per app (minute), as fixed windows that
// start at a tenant's first call, so they reset at different times per tenant.
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

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the call is refused (429). */
  problem?: RateProblem;
  retryAfterSeconds?: number;
  /** Call when the response is done (frees the concurrency slot); a no-op when refused. */
  release: () => void;
}

export class RateLimiter {
  private readonly tenants = new Map<string, TenantCounters>();
  private readonly apps = new Map<string, Window>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Limits,
  ) {}

  reset(): void {
    this.tenants.clear();
    this.apps.clear();
  }

  acquire(clientId: string, tenantId: string): RateDecision {
    const now = this.now();
    const L = this.limits;
    const t = this.tenants.get(tenantId) ?? { minute: { start: now, count: 0 }, day: { start: now, count: 0 }, inFlight: 0 };
    this.tenants.set(tenantId, t);
    const app = this.apps.get(clientId) ?? { start: now, count: 0 };
    this.apps.set(clientId, app);
    roll(t.minute, now, L.minuteWindowMs);
    roll(t.day, now, L.dayWindowMs);
    roll(app, now, L.minuteWindowMs);

    const wait = (w: Window, len: number): number => Math.max(1, Math.ceil((w.start + len - now) / 1000));
    let problem: RateProblem | undefined;
    let retryAfterSeconds: number | undefined;
    if (t.day.count >= L.perDay) [problem, retryAfterSeconds] = ['day', wait(t.day, L.dayWindowMs)];
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
      'X-DayLimit-Remaining': String(Math.max(0, L.perDay - t.day.count)),
      'X-MinLimit-Remaining': String(Math.max(0, L.perMinute - t.minute.count)),
      'X-AppMinLimit-Remaining': String(Math.max(0, L.appPerMinute - app.count)),
    };
    return { headers, problem, retryAfterSeconds, release };
  }
}

function roll(w: Window, now: number, length: number): void {
  if (now >= w.start + length) {
    w.start = now;
    w.count = 0;
  }
}
