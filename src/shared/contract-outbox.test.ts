// The outbox part of the contract: merged into the contract and its events, and malformed input refused.
import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from './channels';
import { OUTBOX_CHANNELS, OUTBOX_EVENTS } from './channels-outbox';
import { contract, events } from './contract';
import { outboxContract } from './contract-outbox';

describe('outbox contract', () => {
  it('is part of the channels, the contract and the events', () => {
    for (const c of OUTBOX_CHANNELS) {
      expect(CHANNELS).toContain(c);
      expect(contract[c]).toBe(outboxContract[c]);
    }
    for (const e of OUTBOX_EVENTS) {
      expect(EVENTS).toContain(e);
      expect(events[e]).toBeDefined();
    }
  });

  it('fills defaults and refuses unknown fields on outbox.push and outbox.plan', () => {
    expect(outboxContract['outbox.push'].input.parse({})).toEqual({ batchSize: 50 });
    expect(outboxContract['outbox.push'].input.safeParse({ batchSize: 51 }).success).toBe(false);
    expect(outboxContract['outbox.push'].input.safeParse({ batchSize: 1.5 }).success).toBe(false);
    expect(outboxContract['outbox.plan'].input.safeParse({ dryRun: true }).success).toBe(false);
  });

  it('refuses empty, negative or non-integer ids for undo and retry', () => {
    for (const c of ['outbox.undo', 'outbox.retry'] as const) {
      expect(outboxContract[c].input.safeParse({ ids: [3, 4] }).success).toBe(true);
      expect(outboxContract[c].input.safeParse({ ids: [] }).success).toBe(false);
      expect(outboxContract[c].input.safeParse({ ids: [0] }).success).toBe(false);
      expect(outboxContract[c].input.safeParse({ ids: ['1'] }).success).toBe(false);
      expect(outboxContract[c].input.safeParse({}).success).toBe(false);
    }
  });

  it('refuses a checklist tick without a key or a flag, and an unknown export format', () => {
    const tick = outboxContract['checklist.tick'].input;
    expect(tick.safeParse({ key: 'k1', ticked: true }).success).toBe(true);
    expect(tick.safeParse({ key: '', ticked: true }).success).toBe(false);
    expect(tick.safeParse({ key: 'k1' }).success).toBe(false);
    expect(tick.safeParse({ key: 'k1', ticked: 'yes' }).success).toBe(false);
    expect(outboxContract['checklist.export'].input.safeParse({ format: 'pdf' }).success).toBe(false);
    expect(outboxContract['audit.list'].input.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(outboxContract['audit.list'].input.safeParse({ limit: 0 }).success).toBe(false);
    expect(outboxContract['outbox.list'].input.safeParse({ status: 'lost' }).success).toBe(false);
  });
});
