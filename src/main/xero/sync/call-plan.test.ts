import { describe, expect, it } from 'vitest';
import { entityCalls } from './call-plan';
import { pushCalls } from '../../outbox/call-plan';

const cursor = {
  full: true,
  since: null,
  nextPage: 1,
  pageCount: null,
  highWater: null,
  sweepFrom: 1,
  records: 0,
  startedAt: '2026-03-16T00:00:00Z',
};

describe('call plans', () => {
  it('a sync: pages of a full read from the stored count, the rest of a resumed run, one page of changes', () => {
    expect(entityCalls({ cursor, resumed: false, known: 2500, pageSize: 1000 })).toBe(3);
    expect(entityCalls({ cursor, resumed: false, known: 0, pageSize: 1000 })).toBe(1);
    expect(entityCalls({ cursor: { ...cursor, full: false }, resumed: false, known: 50_000, pageSize: 1000 })).toBe(1);
    // pages 1-3 of 10 saved: 4..10, page 3 again, and the pass over what changed meanwhile
    expect(entityCalls({ cursor: { ...cursor, nextPage: 4, pageCount: 10 }, resumed: true, known: 0, pageSize: 1000 })).toBe(9);
  });

  it('a push: a read and a write per batch of 50, a read back per 50 written, and an interrupted batch again', () => {
    expect(pushCalls({ contacts: 0, sendingBatches: 0, toReadBack: 0 })).toBe(0);
    expect(pushCalls({ contacts: 120, sendingBatches: 0, toReadBack: 0 })).toBe(2 * 3 + 3);
    expect(pushCalls({ contacts: 120, sendingBatches: 1, toReadBack: 10 })).toBe(2 * 3 + 2 + 3);
    expect(pushCalls({ contacts: 120, sendingBatches: 0, toReadBack: 0, batchSize: 10 })).toBe(2 * 12 + 3);
  });
});
