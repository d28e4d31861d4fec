import { describe, expect, it } from 'vitest';
import { compareNames, lossLabel, repairMojibake } from './name-quality';

describe('compareNames', () => {
  it.each([
    // real pairs of the demo (CocoonOPS, Xero): the side that keeps the information
    ['McCann?s Daycare Center', "McCann's Daycare Center", 'xero', 'cocoon', 'lost_character'],
    ["Children's Place Family Center", 'Children?s Place Family Center', 'cocoon', 'xero', 'lost_character'],
    ['Nixon', 'Chicago Public Schools Nixon, William P.', 'xero', 'cocoon', 'dropped_words'],
    ['CHICAGO PUBLIC SCHOOLS MORTON CAREER ACADEMY', 'Morton', 'cocoon', 'xero', 'dropped_words'],
    ['Caf\u00c3\u00a9 Bleu', 'Caf\u00e9 Bleu', 'xero', 'cocoon', 'mojibake'],
    ['It\u00e2\u20ac\u2122s Freight', 'It\u2019s Freight', 'xero', 'cocoon', 'mojibake'],
    // U+FFFD for a lost accented letter
    ['El Hogar del Ni\uFFFDo', 'El Hogar del Ni\u00f1o', 'xero', 'cocoon', 'lost_character'],
  ] as const)('%s | %s: %s keeps more', (cocoon, xero, better, side, kind) => {
    const v = compareNames(cocoon, xero);
    expect(v.better).toBe(better);
    expect(v.losses).toContainEqual(expect.objectContaining({ side, kind }));
  });

  it('reads mojibake made twice over through Mac Roman (a real CocoonOPS name)', () => {
    expect(repairMojibake('Children\u201a\u00c4\u00f6\u221a\u00d1\u221a\u00a5s Place')).toBe('Children\u2019s Place');
    const v = compareNames(
      'Children\u201a\u00c4\u00f6\u221a\u00d1\u221a\u00a5s Place Association (Partner) Family Center',
      "Children's Place Association - Family Center",
    );
    // the Xero name drops "partner", but garbled characters weigh more: Xero's name is the better target
    expect(v.better).toBe('xero');
    expect(v.losses.map((l) => `${l.side}:${l.kind}`).sort()).toEqual(['cocoon:mojibake', 'xero:dropped_words']);
  });

  it('prefers the side with whole characters when the other side has both faults', () => {
    const v = compareNames('Creative Mansion', 'Creative Mansion Children?s Academy');
    expect(v.better).toBe('cocoon');
  });

  it('gives no verdict when both sides lost characters', () => {
    expect(compareNames('Ni?o Caf\u00e9', 'Ni\u00f1o Caf?').better).toBeNull();
  });

  it.each([
    ['Terry Town Nursery School, Inc.', 'Terry Town Nursery School'], // legal form
    ['Kidwatch Plus, Inc.', 'Kidwatch Plus'],
    ['Irving Park Early Learning Center', 'Irving Park Early Learning Ctr'], // abbreviation
    ['Lutheran Family Mission Family Center', 'Lutheran Family Mission Fam Cnt'], // shortened words: not a subset
    ['Mt. Greenwood', 'Mt Greenwood'],
    ['V & J Day Care Center', 'V and J Day Care Center'],
    ['Pullman West', 'West Pullman'], // word order
    ['Haymarket Center - Haymarket Center', 'Haymarket Center'], // a repeated name says nothing more
    ['Gads Hill Center', 'Gads Hill Center 1'], // a trailing counter is not a word
    ['South-East Asia Center', 'SOUTH-EAST ASIA CENTER-1'],
    ['Who? Freight', 'Who? Freight Ltd'], // '?' on both sides is no loss
    ['Why Not?', 'Why Nothing'], // a '?' that ends a name stands for nothing
    ['Acme Freight', 'Acme Freight'],
  ])('no verdict: %s | %s', (cocoon, xero) => {
    expect(compareNames(cocoon, xero)).toEqual({ better: null, losses: [] });
  });

  it('leaves an ordinary name alone when repairing mojibake', () => {
    for (const name of ['Müller GmbH', 'Café Bleu', 'Ångström & Søn', 'Plain ASCII']) expect(repairMojibake(name)).toBe(name);
  });

  it('labels a loss for the table and the bulk preview', () => {
    expect(lossLabel({ side: 'cocoon', kind: 'lost_character' })).toBe('CocoonOPS name lost a character');
    expect(lossLabel({ side: 'xero', kind: 'dropped_words' })).toBe('Xero name drops words the other has');
  });
});
