import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../shared/review';
import { buildReviewSearch, quickSearch } from './review-search';
import { TrigramIndex } from './trigram-index';

const NAMES: [string, string, string, string][] = [
  ['Harbour Freight Pty Ltd', 'Harbor Freight', 'HF01', 'HF01'],
  ['McCann?s Daycare Center', "McCann's Daycare Center", '898037', '898037'],
  ['Northwind Traders', '', 'NW1', ''],
  ['Société Générale', 'Societe Generale SA', 'SG', 'SG'],
  ['Blue Sky Logistics', 'Bluesky Logistic Ltd', 'BSL', ''],
];
const rows: ReviewRow[] = NAMES.map(([name, xeroName, code, xeroNumber], i) => ({
  code,
  row: i + 2,
  name,
  kind: 'ok',
  score: 1,
  fix: 'none',
  xeroId: null,
  xeroName,
  xeroNumber,
  xeroStatus: null,
  decision: null,
  look: null,
}));

describe('review search', () => {
  it('finds either side, typos and accents included, best first', async () => {
    const s = await buildReviewSearch(rows);
    expect(s.search('')).toBeNull();
    expect(s.search('harbor')?.[0]).toBe(0);
    expect(s.search('daycare centr')?.[0]).toBe(1);
    expect(s.search('northwnd')).toContain(2);
    expect(s.search('societe generale')?.[0]).toBe(3);
    expect(s.search('logistic')?.slice(0, 1)).toEqual([4]);
    expect(s.search('898037')).toEqual([1]);
    expect(s.search('zzzzzz')).toEqual([]);
    expect(s.search('er')).toEqual(expect.arrayContaining([2, 3]));
  });

  it('answers by substring before the index exists', () => {
    expect(quickSearch(rows, 'FREIGHT')).toEqual([0]);
    expect(quickSearch(rows, '  ')).toBeNull();
  });

  it('ranks texts by shared trigrams', () => {
    const t = TrigramIndex.of(['abcdef', 'abcxyz', 'qqqqqq', 'abcdeg']);
    // one typo away (2 of 4 trigrams shared) qualifies; one shared trigram of four does not
    expect(t.candidates('abcdxf', 10)).toEqual([0, 3]);
    expect(t.candidates('abcdef', 10)).toEqual([0, 3]);
    expect(t.candidates('abcdef', 1)).toEqual([0]);
    expect(t.candidates('qqq', 10)).toEqual([2]);
  });
});
