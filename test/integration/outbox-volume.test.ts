// A push of 2,000 corrections under Xero's limits (60 calls a minute, 5 at once) with time compressed 60× on both
// sides (a Xero minute per real second): batches of 50, a re-read before each, the read-back after; every contact
// written exactly once and left as planned.
import { describe, expect, it } from 'vitest';
import { buildPlan, pushOutbox } from '../../src/main/outbox';
import { limitFloorMs, XERO_RATE_LIMITS } from '../../src/main/xero';
import { contactId, countWrites, outboxWorld, planned, sandboxContact } from '../support/outbox-setup';

const N = 2000;

describe('a large push', () => {
  it(`sends ${N} corrections within the rate limits, each contact written once`, async () => {
    const t0 = performance.now();
    const w = await outboxWorld({ n: N, bystanders: 100 });
    const setupMs = performance.now() - t0;
    const { ws, sb } = w;
    const plan = buildPlan(ws, new Date().toISOString());
    expect(plan).toMatchObject({ toSend: N, contacts: N, blocked: 0 });
    const stats = { ...w.session.client.limiter.stats };
    const counter = countWrites(sb);
    const xeroStart = w.clock.now();
    const t1 = performance.now();
    const result = await pushOutbox(ws, w.session.client, { batchSize: 50 });
    const realMs = performance.now() - t1;
    const xeroMs = w.clock.now() - xeroStart;
    expect(result).toMatchObject({ done: N, failed: 0, conflicts: 0, batches: N / 50, resynced: N });
    for (let i = 0; i < N; i++) {
      const c = sandboxContact(sb, i);
      expect({ Name: c.Name, AccountNumber: c.AccountNumber, ContactStatus: c.ContactStatus }).toEqual(planned(i));
    }
    expect([...counter.counts.values()].every((n) => n === 1)).toBe(true);
    expect(counter.counts.size).toBe(N);
    expect(counter.counts.has(contactId(N))).toBe(false); // bystanders untouched
    const calls = w.session.client.limiter.stats.calls - stats.calls;
    const rateLimited = w.session.client.limiter.stats.rateLimited - stats.rateLimited;
    // a dropped keep-alive socket is retried by the client now and then: only reads, never a second write
    expect(w.retries.every((r) => r.decision === 'retry' && r.label.startsWith('GET'))).toBe(true);
    expect(calls).toBe(3 * (N / 50) + w.retries.length); // re-read, POST, read-back per batch
    expect(rateLimited).toBe(0);
    const floorMs = limitFloorMs(calls, XERO_RATE_LIMITS.perMinute, XERO_RATE_LIMITS.minuteMs);
    expect(ws.findings.countsByKind().ok).toBe(N);
    console.log(
      `outbox push benchmark ${JSON.stringify({ corrections: N, calls, xeroMinutes: +(xeroMs / 60_000).toFixed(2), floorMinutes: +(floorMs / 60_000).toFixed(2), realMs: Math.round(realMs), setupMs: Math.round(setupMs) })}`,
    );
    counter.stop();
  });
});
