import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../shared/review';
import { buildReviewSearch, CLOSE, CONTAINS, quickSearch, type SearchHits } from './review-search';
import { TypoMatcher } from './typo-match';

const row = (i: number, name: string, xeroName = '', code = `R${i}`, xeroNumber = ''): ReviewRow => ({
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
});

const NAMES: [string, string, string, string][] = [
  ['Harbour Freight Pty Ltd', 'Harbor Freight', 'HF01', 'HF01'],
  ['McCann?s Daycare Center', "McCann's Daycare Center", '898037', '898037'],
  ['Northwind Traders', '', 'NW1', ''],
  ['Société Générale', 'Societe Generale SA', 'SG', 'SG'],
  ['Blue Sky Logistics', 'Bluesky Logistic Ltd', 'BSL', ''],
];
const rows = NAMES.map(([name, xeroName, code, xeroNumber], i) => row(i, name, xeroName, code, xeroNumber));

const closeOf = (h: SearchHits | null) => h!.rows.slice(h!.exact);
const containingOf = (h: SearchHits | null) => h!.rows.slice(0, h!.exact);

describe('review search', () => {
  it('finds either side, accents and punctuation aside, and the close matches after the rows that contain the query', async () => {
    const s = await buildReviewSearch(rows);
    expect(s.search('')).toBeNull();
    expect(s.search('  ')).toBeNull();
    // "harbor" is in the Xero name of row 0 as typed
    expect(containingOf(s.search('harbor'))).toEqual([0]);
    // one typo: a close match, labelled as such
    const typo = s.search('daycare centr')!;
    expect(typo.exact).toBe(0);
    expect(closeOf(typo)).toEqual([1]);
    expect(typo.tier[1]).toBe(CLOSE);
    expect(closeOf(s.search('northwnd'))).toEqual([2]);
    expect(containingOf(s.search('societe generale'))).toEqual([3]);
    // spaces aside: "blue sky" is close to "Bluesky"; row 4 contains "blue sky logistic" on its CocoonOPS side anyway
    expect(containingOf(s.search('blue sky logistic'))).toEqual([4]);
    expect(closeOf(s.search('bluesky logistics'))).toEqual([4]);
    expect(containingOf(s.search('898037'))).toEqual([1]);
    expect(s.search('zzzzzz')!.rows).toEqual([]);
    expect(containingOf(s.search('er'))).toEqual(expect.arrayContaining([2, 3]));
  });

  it('counts every row that contains the query, however many (no cap), and each tier is the list', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      row(i, i % 10 < 7 ? `Company ${i} Pty Ltd` : `Company ${i} Limited`, i % 10 === 9 ? `Company ${i} Lts` : ''),
    );
    const s = await buildReviewSearch(many);
    const ltd = s.search('LTD')!;
    expect(ltd.exact).toBe(3500);
    expect(ltd.rows).toHaveLength(3500);
    expect(new Set(ltd.rows).size).toBe(3500);
    expect(ltd.rows.every((i) => many[i]!.name.endsWith('Pty Ltd'))).toBe(true);
    expect(ltd.tier.filter((t) => t === CONTAINS)).toHaveLength(3500);
    // one typo in 5 to 9 characters (spaces aside): the rows that end in "0 Pty Ltd", and only they, are close to
    // "0 pty ltdd"
    const pty = s.search('0 pty ltdd')!;
    expect(pty.exact).toBe(0);
    expect(pty.rows.length).toBeGreaterThan(0);
    expect(pty.rows.every((i) => pty.tier[i] === CLOSE && many[i]!.name.endsWith('0 Pty Ltd'))).toBe(true);
    expect(pty.rows).toHaveLength(many.filter((r) => /0 Pty Ltd$/.test(r.name)).length);
  });

  it('ranks by relevance: a whole name or code, whole words (first at the start), then the start of a name or word', async () => {
    const s = await buildReviewSearch([
      row(0, 'Metro Freightways'),
      row(1, 'Blue Freight Lines'),
      row(2, 'Freight'),
      row(3, 'Airfreight Co'),
      row(4, 'Freight Forwarders Australia'),
      row(5, 'Freight Co'),
      row(6, 'Someone', '', 'FREIGHT'),
      row(7, 'Freightliner Transport'),
    ]);
    expect(s.search('freight')!.rows).toEqual([2, 6, 5, 4, 1, 7, 0, 3]);
  });

  it('ranks the close matches by fewest typos, then the shorter name', async () => {
    const s = await buildReviewSearch([
      row(0, 'Harbur Freight Services Australia'),
      row(1, 'Hrabour'),
      row(2, 'Harbor'),
      row(3, 'Habrour Co'),
    ]);
    // "harbour": rows 0 and 2 are one typo away, 1 and 3 two (a swap): too far for 7 characters
    expect(s.search('harbour')!.rows).toEqual([2, 0]);
    expect(s.search('harbour freight')!.rows).toEqual([0]);
    // as many typos (spaces aside): the name with the query's words as typed first, though longer
    const t = await buildReviewSearch([row(0, 'V & J Day Care Center'), row(1, "McCann's Daycare Center")]);
    expect(t.search('daycare centr')!.rows).toEqual([1, 0]);
  });

  it('matches codes exactly: a code one digit off is another account', async () => {
    const s = await buildReviewSearch([
      row(0, 'Alpha', '', 'C004217'),
      row(1, 'Beta', '', 'C004218'),
      row(2, 'Gamma', 'Gamma', 'X1', 'C004217'),
    ]);
    const h = s.search('c004217')!;
    expect(h.rows).toEqual([0, 2]);
    expect(h.exact).toBe(2);
  });

  it('answers by substring before the texts are prepared, the same rows in the same order', async () => {
    const s = await buildReviewSearch(rows);
    expect(quickSearch(rows, 'FREIGHT')!.rows).toEqual([0]);
    expect(quickSearch(rows, 'e')!.rows).toEqual(s.search('e')!.rows);
    expect(quickSearch(rows, '  ')).toBeNull();
  });
});

describe('typo distance', () => {
  it('counts the typos with which a text contains a pattern anywhere', () => {
    const m = new TypoMatcher('harbour');
    expect(m.distanceIn('harbourfreight')).toBe(0);
    expect(m.distanceIn('theharborfreight')).toBe(1);
    expect(m.distanceIn('hrabour')).toBe(2);
    expect(m.distanceIn('harbxur')).toBe(1);
    expect(m.distanceIn('')).toBe(7);
    expect(new TypoMatcher('smithtransport').distanceIn('servicessouthtransport')).toBe(2);
    const long = 'abcdefghijklmnopqrstuvwxyzabcdef';
    expect(new TypoMatcher(long).distanceIn(`xx${long}yy`)).toBe(0);
    expect(new TypoMatcher(long).distanceIn(`xx${long.replace('q', 'Q')}yy`)).toBe(1);
    expect(() => new TypoMatcher(`${long}g`)).toThrow(RangeError);
  });
});
