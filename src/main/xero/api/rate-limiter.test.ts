import { describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { SlidingWindow, TenantRateLimiter, XERO_RATE_LIMITS, type RateLimits } from './rate-limiter';

/** Time moves only when someone sleeps (instantly), so waits are measured, not spent. */
function manualClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

const limits = (o: Partial<RateLimits> = {}): RateLimits => ({ ...XERO_RATE_LIMITS, ...o });

describe('SlidingWindow', () => {
  it('counts calls in the window and says how long until the next fits', () => {
    const w = new SlidingWindow(2, 1000);
    w.add(0);
    w.add(100);
    expect(w.waitMs(500)).toBe(500);
    expect(w.waitMs(999)).toBe(1);
    expect(w.waitMs(1000)).toBe(0);
    expect(w.used(1100)).toBe(0);
    w.absorb(1100, 0); // the server says none are left
    expect(w.waitMs(1100)).toBe(1000);
  });
});

describe('TenantRateLimiter', () => {
  it('lets 60 calls through, then waits for the minute window', async () => {
    const clock = manualClock();
    const limiter = new TenantRateLimiter(limits(), clock);
    for (let i = 0; i < 60; i++) (await limiter.acquire())();
    expect(clock.slept).toEqual([]);
    (await limiter.acquire())();
    expect(clock.slept).toHaveLength(1);
    expect(clock.slept[0]).toBeCloseTo(60_000 * 1.02, -1);
    expect(limiter.stats.calls).toBe(61);
  });

  it('holds calls beyond the concurrent limit until one finishes, first come first served', async () => {
    const limiter = new TenantRateLimiter(limits({ concurrent: 2 }), manualClock());
    const order: string[] = [];
    const a = await limiter.acquire();
    await limiter.acquire();
    const c = limiter.acquire().then((r) => (order.push('c'), r));
    const d = limiter.acquire().then((r) => (order.push('d'), r));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    a();
    await c;
    expect(order).toEqual(['c']);
    (await c)();
    await d;
    expect(order).toEqual(['c', 'd']);
  });

  it("follows Xero's remaining-calls headers and pauses after a 429", async () => {
    const clock = manualClock();
    const limiter = new TenantRateLimiter(limits(), clock);
    (await limiter.acquire())();
    limiter.observe({ minRemaining: 0 }); // another program used the rest of this minute
    (await limiter.acquire())();
    expect(clock.slept[0]).toBeGreaterThan(60_000);
    limiter.pause(7000);
    (await limiter.acquire())();
    expect(clock.slept[1]).toBe(7000);
    expect(limiter.stats.rateLimited).toBe(1);
  });

  it("remembers Xero's day budget from the headers (and a workspace's, when newer) without refusing calls itself; stops waiting when aborted", async () => {
    const clock = manualClock();
    const limiter = new TenantRateLimiter(limits(), clock);
    expect(limiter.dayBudget).toBeUndefined();
    limiter.observe({ dayRemaining: 1, minRemaining: 50 });
    expect(limiter.dayBudget).toMatchObject({ remaining: 1, atMs: clock.now(), resetAtMs: null });
    limiter.observe({ dayRemaining: 0 });
    (await limiter.acquire())(); // Xero counts the day: a call is still sent, and a day 429 ends the work
    expect(clock.slept).toEqual([]);
    limiter.rememberBudget({ remaining: 3000, atMs: clock.now() - 1000, windowSeenFromMs: 0, resetAtMs: null }); // older: ignored
    expect(limiter.dayBudget?.remaining).toBe(0);

    const busy = new TenantRateLimiter(limits({ concurrent: 1 }), clock);
    await busy.acquire();
    const stop = new AbortController();
    const waiting = busy.acquire(stop.signal);
    stop.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
