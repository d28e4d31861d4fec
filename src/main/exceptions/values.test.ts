import { describe, expect, it } from 'vitest';
import { parseAmount, parseCurrency, parseDate, parseDocType } from './values';

const ok = <T>(v: T) => ({ ok: true, value: v });

describe('parseDate', () => {
  it.each([
    ['2025-03-03', '2025-03-03'],
    ['2025-03-03T00:00:00', '2025-03-03'],
    ['2025-03-03 14:22:05', '2025-03-03'],
    ['2025/3/3', '2025-03-03'],
    ['03/03/2025', '2025-03-03'],
    ['3/4/2025', '2025-04-03'], // day first (AU/NZ/UK)
    ['03/25/2025', '2025-03-25'], // the second number cannot be a month
    ['31.12.24', '2024-12-31'],
    ['3 Mar 2025', '2025-03-03'],
    ['03-Mar-2025', '2025-03-03'],
    ['3rd March 2025', '2025-03-03'],
    ['March 3, 2025', '2025-03-03'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual(ok(iso));
  });

  it.each(['31/02/2025', '2025-13-01', 'yesterday', '45720', '13/13/2025'])('refuses %s', (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, error: expect.stringContaining('is not a date') });
  });
});

describe('parseAmount', () => {
  it.each([
    ['1250', 1250, ''],
    ['1,250.00', 1250, ''],
    ['$1,250.00', 1250, ''],
    ['A$1,250.50', 1250.5, ''],
    ['AUD 1,250.00', 1250, 'AUD'],
    ['1250.00 NZD', 1250, 'NZD'],
    ['(125.00)', -125, ''],
    ['-125', -125, ''],
    ['-$125.00', -125, ''],
    ['125.00-', -125, ''],
    ['1.250,00', 1250, ''],
    ['0.5', 0.5, ''],
  ])('%s → %d %s', (text, amount, currency) => {
    expect(parseAmount(text)).toEqual(ok({ amount, currency }));
  });

  it.each(['abc', '12 apples', '1,25,0', '$'])('refuses %s', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });
});

describe('parseDocType / parseCurrency', () => {
  it.each([
    ['Invoice', 'invoice'],
    ['Sales Invoice', 'invoice'],
    ['ACCREC', 'invoice'],
    ['Credit Note', 'credit_note'],
    ['CreditNote', 'credit_note'],
    ['credit-note', 'credit_note'],
    ['ACCRECCREDIT', 'credit_note'],
    ['', null],
  ])('%s → %s', (text, type) => {
    expect(parseDocType(text)).toEqual(ok(type));
  });

  it('refuses other document types and currencies that are not three letters', () => {
    expect(parseDocType('Bill')).toMatchObject({ ok: false, error: expect.stringContaining('Invoice or Credit Note') });
    expect(parseCurrency(' aud ')).toEqual(ok('AUD'));
    expect(parseCurrency('')).toEqual(ok(''));
    expect(parseCurrency('$')).toMatchObject({ ok: false });
  });
});
