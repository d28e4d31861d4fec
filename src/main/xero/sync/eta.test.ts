import { describe, expect, it } from 'vitest';
import { EtaEstimator, limitFloorMs } from './eta';

describe('EtaEstimator', () => {
  it('estimates the pages left from a moving average of page times', () => {
    const eta = new EtaEstimator(0, 0.5);
    expect(eta.page(1000, 9)).toBe(9000);
    expect(eta.page(1500, 8)).toBe(6000); // 0.5·500 + 0.5·1000 = 750 ms a page
    expect(eta.page(2000, undefined)).toBeUndefined();
    expect(eta.page(2100, 0)).toBe(0);
  });
});

describe('limitFloorMs', () => {
  it('is calls ÷ calls per minute', () => {
    expect(limitFloorMs(120, 60, 60_000)).toBe(120_000);
    expect(limitFloorMs(69, 60, 60_000)).toBe(69_000);
    expect(limitFloorMs(0, 60, 60_000)).toBe(0);
  });
});
