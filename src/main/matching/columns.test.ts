import { describe, expect, it } from 'vitest';
import { FingerprintCounts, fingerprint, fingerprintWithout, Postings, RaggedBuilder, single } from './columns';

describe('fingerprint', () => {
  it('is 0 only for the empty string, equal for equal strings, and tells 200,000 strings apart', () => {
    expect(fingerprint('')).toBe(0);
    expect(fingerprint('acme freight')).toBe(fingerprint(['acme', 'freight'].join(' ')));
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) {
      const f = fingerprint(`token${i}`);
      expect(f).toBeGreaterThan(0);
      expect(Number.isSafeInteger(f)).toBe(true);
      seen.add(f);
    }
    expect(seen.size).toBe(200_000);
  });

  it('fingerprints a string without one of its characters as the shorter string itself', () => {
    for (const text of ['fairyland', 'a', 'ab', 'müller', '']) {
      for (let i = 0; i < text.length; i++) expect(fingerprintWithout(text, i)).toBe(fingerprint(text.slice(0, i) + text.slice(i + 1)));
    }
    expect(fingerprintWithout('acme', -1)).toBe(fingerprint('acme'));
  });
});

describe('Postings', () => {
  it('lists, for each value, the rows holding it in ascending order, as a Map-based index would', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    // 3,000 distinct values over 3,000 rows: hundreds of buckets hold several values; one value is in a third of the rows.
    const values = Array.from({ length: 3000 }, (_, i) => fingerprint(`v${i}`));
    const rows = new RaggedBuilder();
    const expected = new Map<number, number[]>();
    for (let row = 0; row < 3000; row++) {
      const held = new Set(Array.from({ length: random(4) }, () => values[random(3) === 0 ? 0 : random(values.length)]!));
      if (random(10) === 0) rows.push(0);
      for (const v of held) {
        rows.push(v);
        expected.set(v, [...(expected.get(v) ?? []), row]);
      }
      rows.end();
    }
    const postings = new Postings(rows.finish());
    for (const v of values) {
      expect(postings.lookup(v)).toEqual(expected.get(v) ?? []);
      expect(postings.count(v)).toBe(expected.get(v)?.length ?? 0);
    }
    expect(postings.lookup(0)).toEqual([]);
    expect(postings.lookup(fingerprint('absent'))).toEqual([]);
  });

  it('indexes a column with one value per row', () => {
    const postings = new Postings(single(Float64Array.from(['a', '', 'b', 'a'], fingerprint)));
    expect(postings.lookup(fingerprint('a'))).toEqual([0, 3]);
    expect(postings.lookup(fingerprint('b'))).toEqual([2]);
  });
});

describe('FingerprintCounts', () => {
  it('counts each value as a Map would, when low bits collide and the table is full to its capacity', () => {
    let seed = 5;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    // Half the values share their low 32 bits with another (the bits that choose the slot).
    const values: number[] = [];
    for (let i = 0; i < 2000; i++)
      values.push(i % 2 === 0 ? fingerprint(`v${i}`) : (values[i - 1]! % 2 ** 32) + 2 ** 32 * (1 + random(1000)));
    const counts = new FingerprintCounts(2000);
    const expected = new Map<number, number>();
    for (let k = 0; k < 20_000; k++) {
      const v = values[random(3) === 0 ? 0 : random(values.length)]!;
      counts.add(v);
      expected.set(v, (expected.get(v) ?? 0) + 1);
    }
    for (const v of values) expect(counts.count(v)).toBe(expected.get(v) ?? 0);
    expect(counts.count(fingerprint('never added'))).toBe(0);
    counts.add(0);
    expect(counts.count(0)).toBe(0);
  });
});
