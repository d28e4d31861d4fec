import { describe, expect, it } from 'vitest';
import { planEntity, type EntityCursor, type PlanInput } from './cursor';

const base: PlanInput = {
  entity: 'contacts',
  cursor: undefined,
  last: undefined,
  full: false,
  fileImportId: undefined,
  importId: 9,
  nowIso: '2026-01-01T00:10:00.000Z',
  overlapMs: 120_000,
};
const last = { highWater: '2026-01-01T00:00:00.000Z', importId: 5, full: true, at: '2026-01-01T00:01:00.000Z' };
const cursor = (o: Partial<EntityCursor> = {}): EntityCursor => ({
  full: false,
  since: '2025-12-31T23:58:00.000Z',
  nextPage: 4,
  pageCount: 9,
  highWater: '2026-01-01T00:05:00.000Z',
  sweepFrom: 7,
  records: 300,
  startedAt: '2026-01-01T00:05:00.000Z',
  ...o,
});

describe('planEntity', () => {
  it('starts full without a complete sync, and incremental (with the overlap) after one', () => {
    expect(planEntity(base)).toMatchObject({ resumed: false, cursor: { full: true, since: null, nextPage: 1, sweepFrom: 9 } });
    expect(planEntity({ ...base, last })).toMatchObject({ resumed: false, cursor: { full: false, since: '2025-12-31T23:58:00.000Z' } });
    expect(planEntity({ ...base, last, full: true }).cursor.full).toBe(true);
  });

  it('resumes a run in progress unless --full asks to start over', () => {
    expect(planEntity({ ...base, last, cursor: cursor() })).toEqual({ resumed: true, cursor: cursor() });
    expect(planEntity({ ...base, cursor: cursor({ full: true }) }).resumed).toBe(true);
    expect(planEntity({ ...base, last, cursor: cursor(), full: true })).toMatchObject({
      resumed: false,
      cursor: { full: true, nextPage: 1 },
    });
    expect(planEntity({ ...base, cursor: cursor({ full: false }) })).toMatchObject({ resumed: false, cursor: { full: true } });
  });

  it('re-reads every contact after a newer contacts file import', () => {
    expect(planEntity({ ...base, last, fileImportId: 6 }).cursor.full).toBe(true);
    expect(planEntity({ ...base, last, fileImportId: 4 }).cursor.full).toBe(false);
    expect(planEntity({ ...base, entity: 'invoices', last, fileImportId: 6 }).cursor.full).toBe(false);
    expect(planEntity({ ...base, last, fileImportId: 8, cursor: cursor({ full: true }) })).toMatchObject({
      resumed: false,
      cursor: { full: true, sweepFrom: 9 },
    });
  });
});
