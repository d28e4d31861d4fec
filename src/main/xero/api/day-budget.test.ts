import { describe, expect, it } from 'vitest';
import { DAY_MS, describeBudget, observeBudget, remainingAt, resetOf, whenText } from './day-budget';

const T0 = Date.UTC(2026, 2, 16, 9, 0);

describe('day budget', () => {
  it('follows X-DayLimit-Remaining; the window resets by a day after its first answer, or when Xero says (day 429)', () => {
    let b = observeBudget(undefined, { dayRemaining: 4999 }, T0);
    b = observeBudget(b, { dayRemaining: 4000, minRemaining: 10 }, T0 + 3_600_000);
    expect(b).toEqual({ remaining: 4000, atMs: T0 + 3_600_000, windowSeenFromMs: T0, resetAtMs: null });
    expect(resetOf(b!)).toEqual({ atMs: T0 + DAY_MS, exact: false });
    expect(remainingAt(b, T0 + 5_000_000)).toBe(4000);
    expect(remainingAt(b, T0 + DAY_MS)).toBeNull(); // a new day at Xero: the whole budget
    expect(observeBudget(b, { minRemaining: 3 }, T0 + 2)).toBe(b); // no day header: nothing learnt

    const spent = observeBudget(b, { rateLimitProblem: 'day', retryAfterSeconds: 600, dayRemaining: 0 }, T0 + 7_200_000);
    expect(spent).toMatchObject({ remaining: 0, resetAtMs: T0 + 7_200_000 + 600_000, windowSeenFromMs: T0 });
    expect(resetOf(spent!).exact).toBe(true);
    // the count went up: a new window, seen from now
    const next = observeBudget(spent, { dayRemaining: 4999 }, T0 + 7_900_000);
    expect(next).toEqual({ remaining: 4999, atMs: T0 + 7_900_000, windowSeenFromMs: T0 + 7_900_000, resetAtMs: null });
  });

  it('says when, in local time, and describes the budget', () => {
    const now = new Date(2026, 2, 16, 14, 2).getTime();
    expect(whenText(new Date(2026, 2, 16, 21, 4).getTime(), now)).toBe('21:04 today (in about 7 h)');
    expect(whenText(new Date(2026, 2, 17, 6, 30).getTime(), now)).toBe('06:30 tomorrow (in about 16 h)');
    expect(whenText(new Date(2026, 2, 19, 6, 30).getTime(), now)).toBe('06:30 on 19 Mar (in about 64 h)');
    expect(whenText(now + 5 * 60_000, now)).toBe('14:07 today (in about 5 min)');
    const b = observeBudget(undefined, { dayRemaining: 4873 }, now);
    expect(describeBudget(b, now + 60_000)).toBe(
      '4,873 calls left today (Xero said so at 14:02); resets by 14:02 tomorrow (in about 24 h)',
    );
    expect(describeBudget(b, now + DAY_MS)).toMatch(
      /^a new day at Xero since the last call: up to 5,000 calls \(1,000 on Xero's Starter plan\)$/,
    );
    expect(describeBudget(undefined, now)).toBeNull();
  });
});
