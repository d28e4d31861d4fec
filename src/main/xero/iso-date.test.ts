import { describe, expect, it } from 'vitest';
import { isoFromMillis } from './iso-date';

const iso = (ms: number) => new Date(ms).toISOString();

describe('isoFromMillis', () => {
  it('writes what toISOString writes: leap days, ends of years and centuries, the last instant of 9999', () => {
    const instants = [
      0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000, 951_868_799_999, 978_307_199_999, 1_503_348_544_227, 4_107_542_400_000,
      253_402_300_799_999,
    ];
    for (const ms of instants) expect(isoFromMillis(ms)).toBe(iso(ms));
  });

  it('agrees with toISOString on 200,000 random instants from 1970 to 9999', () => {
    // A fixed linear congruential sequence: the same instants every run.
    let seed = 12345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const differ: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const ms = Math.floor(next() * 253_402_300_800_000);
      if (isoFromMillis(ms) !== iso(ms)) differ.push(ms);
    }
    expect(differ).toEqual([]);
  });

  it('leaves instants before 1970, after 9999 or between milliseconds to toISOString', () => {
    for (const ms of [-1, -62_198_755_200_000, 253_402_300_800_000, 8.64e15, 1.5]) expect(isoFromMillis(ms)).toBe(iso(ms));
    expect(() => isoFromMillis(Number.NaN)).toThrow(RangeError);
  });
});
