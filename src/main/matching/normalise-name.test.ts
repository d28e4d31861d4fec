import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { compileNameRules, foldText, normaliseName } from './normalise-name';

const rules = compileNameRules(DEFAULT_CONFIG);
const key = (name: string) => normaliseName(name, rules).key;

describe('normaliseName', () => {
  it('folds case, whitespace, punctuation and diacritics', () => {
    expect(key('  ACME   Freight, Inc. ')).toBe('acme freight');
    expect(key('Müller Spedition GmbH')).toBe('muller spedition');
    expect(foldText("O'Brien's Café")).toBe('obriens cafe');
  });

  it('treats & and "and" alike and drops a leading "The"', () => {
    expect(key('The Smith & Jones Group')).toBe(key('Smith and Jones Group'));
    expect(key('The Smith & Jones Group')).toBe('smith jones group');
  });

  it.each([
    ['Acme Pty Ltd', ['Pty Ltd']],
    ['Acme Pty. Limited', ['Pty Limited']],
    ['Acme Limited', ['Limited']],
    ['Acme LLC', ['LLC']],
    ['Acme Corp.', ['Corp']],
    ['Acme PLC', ['PLC']],
    ['Acme GmbH', ['GmbH']],
    ['Acme B.V.', ['BV']],
    ['Acme N.V.', ['NV']],
    ['Acme S.A.', ['SA']],
    ['Acme Inc', ['Inc']],
    ['Acme & Co', ['Co']],
  ])('removes the legal form of %s', (name, forms) => {
    const n = normaliseName(name, rules);
    expect(n.key).toBe('acme');
    expect(n.legalForms).toEqual(forms);
  });

  it('keeps ambiguous legal-form words when they are not at the end', () => {
    expect(key('Co Op Bank')).toBe('co op bank');
    expect(key('SA Freight Lines')).toBe('sa freight lines');
  });

  it('expands common abbreviations', () => {
    expect(key('Intl Freight Svcs')).toBe(key('International Freight Services'));
    expect(key('Smith Bros Transport')).toBe('smith brothers transport');
    expect(key('St. Lucy School')).toBe('saint lucy school');
  });

  it('reads T/A names both ways', () => {
    const n = normaliseName('ABC Holdings Pty Ltd T/A Fast Freight', rules);
    expect(n.alternatives).toEqual([['fast', 'freight']]);
    expect(n.entity).toEqual(['abc', 'holdings']);
    expect(n.legalForms).toEqual(['Pty Ltd']);
    expect(normaliseName('Blue Sky Pty Ltd trading as Sky Movers', rules).alternatives).toContainEqual(['sky', 'movers']);
  });

  it('reads "The Trustee for … Trust" as the trust', () => {
    expect(normaliseName('The Trustee for the Smith Family Trust', rules).alternatives).toContainEqual(['smith']);
  });

  it('makes the sync key from case and spacing only', () => {
    expect(normaliseName(' Acme  Freight ', rules).syncKey).toBe('acme freight');
    // A tab or a no-break space is collapsed too, even alone.
    expect(normaliseName('Acme\tFreight', rules).syncKey).toBe('acme freight');
    expect(normaliseName('Acme\u00a0Freight', rules).syncKey).toBe('acme freight');
    expect(normaliseName('Acme Freight Pty Ltd', rules).syncKey).toBe('acme freight pty ltd');
  });

  it('is configurable', () => {
    const custom = compileNameRules({ ...DEFAULT_CONFIG, legalForms: ['kk'], abbreviations: {}, stopwords: [] });
    expect(normaliseName('Sony KK', custom).key).toBe('sony');
    expect(normaliseName('Sony Ltd', custom).key).toBe('sony ltd');
  });
});
