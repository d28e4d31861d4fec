import { describe, expect, it } from 'vitest';
import { seededRandom } from '../clock';
import type { XeroFailure } from '../errors';
import { backoffMs, decide, DEFAULT_RETRY, type RetryState } from './retry-policy';

const failure = (status: number, extra: Partial<XeroFailure> = {}): XeroFailure => ({
  status,
  body: {},
  headers: {},
  network: false,
  ...extra,
});
const fresh: RetryState = { failures: 0, rateLimited: 0, refreshed: false };
const random = seededRandom(7);

describe('decide', () => {
  it('refreshes once on 401, then gives up', () => {
    expect(decide(failure(401), fresh, DEFAULT_RETRY, true, random)).toEqual({ kind: 'refresh' });
    expect(decide(failure(401), { ...fresh, refreshed: true }, DEFAULT_RETRY, true, random)).toEqual({ kind: 'fail' });
  });

  it("waits out a 429's Retry-After (1 s when absent), up to a bound", () => {
    expect(decide(failure(429, { headers: { retryAfterSeconds: 7 } }), fresh, DEFAULT_RETRY, true, random)).toEqual({
      kind: 'pause',
      delayMs: 7000,
    });
    expect(decide(failure(429), fresh, DEFAULT_RETRY, false, random)).toEqual({ kind: 'pause', delayMs: 1000 });
    expect(decide(failure(429), { ...fresh, rateLimited: DEFAULT_RETRY.maxRateLimited }, DEFAULT_RETRY, true, random).kind).toBe('fail');
    // a day 429 is never waited out, however short its Retry-After (the work stops and says when to carry on)
    expect(
      decide(failure(429, { headers: { rateLimitProblem: 'day', retryAfterSeconds: 5 } }), fresh, DEFAULT_RETRY, true, random).kind,
    ).toBe('fail');
  });

  it('retries 5xx and broken connections with growing delays, only when the call is idempotent, and not forever', () => {
    const d1 = decide(failure(503), { ...fresh, failures: 1 }, DEFAULT_RETRY, true, random);
    const d3 = decide(failure(0, { network: true, body: 'ECONNRESET' }), { ...fresh, failures: 3 }, DEFAULT_RETRY, true, random);
    expect(d1.kind).toBe('retry');
    expect(d3.kind).toBe('retry');
    expect((d3 as { delayMs: number }).delayMs).toBeGreaterThan((d1 as { delayMs: number }).delayMs);
    expect(decide(failure(200, { network: true, body: 'aborted' }), { ...fresh, failures: 1 }, DEFAULT_RETRY, false, random).kind).toBe(
      'fail',
    );
    expect(decide(failure(500), { ...fresh, failures: DEFAULT_RETRY.maxAttempts }, DEFAULT_RETRY, true, random).kind).toBe('fail');
  });

  it('does not retry what a retry cannot fix', () => {
    for (const s of [400, 403, 404, 412, 501])
      expect(decide(failure(s), { ...fresh, failures: 1 }, DEFAULT_RETRY, true, random).kind).toBe('fail');
  });
});

describe('backoffMs', () => {
  it('doubles per failure within [step/2, step], capped', () => {
    const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let n = 1; n <= 8; n++) {
      const step = Math.min(1000, 100 * 2 ** (n - 1));
      const d = backoffMs(n, o, random);
      expect(d).toBeGreaterThanOrEqual(step / 2);
      expect(d).toBeLessThanOrEqual(step);
    }
  });
});
