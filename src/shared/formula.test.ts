import { describe, expect, it } from 'vitest';
import { escapeFormula, looksLikeFormula } from './formula';

describe('looksLikeFormula (one rule for imports and exports)', () => {
  it.each([
    '=SUM(A1)',
    '=1+1',
    '@SUM(A1)',
    '+HYPERLINK("x")',
    '-cmd|calc',
    '+(A1)',
    '-(1+2)*A1',
    '=',
    '@',
    // A number first, then the payload: "+"/"-" followed by a digit is no excuse.
    "-2+3+cmd|' /C calc'!A0",
    '+1+cmd|calc',
    // Full-width signs: East Asian spreadsheet input turns them into the ASCII ones.
    '＝1+1',
    '＋HYPERLINK("x")',
    '－2+3+cmd|calc',
    '＠SUM(A1)',
    // Leading tab or carriage return (OWASP): some apps drop it and run what follows.
    '\t=1+1',
    '\r=1+1',
    '\tAcme',
    '- Acme',
  ])('flags %j', (v) => {
    expect(looksLikeFormula(v)).toBe(true);
  });

  it.each([
    '-12.50',
    '+12.50',
    '-42',
    '1,234.50',
    '－12.50',
    // Phone numbers in international form are kept (see PHONE in formula.ts): digits, spaces, ( ) . - after one "+"
    // can name no function and reach no other program, and refusing them would refuse most Australian exports.
    '+61 2 9999 1234',
    '+(61) 2 9999 0000',
    '+1-800-555-0199',
    '+44 (0)20 7946 0000',
    // A placeholder for "no phone" (the CocoonOPS fixture has one).
    '-',
    '--',
    'Acme = Best',
    'a@b.com',
    '',
  ])('does not flag %j', (v) => {
    expect(looksLikeFormula(v)).toBe(false);
  });
});

describe('escapeFormula', () => {
  it('puts an apostrophe before what looksLikeFormula flags, and leaves the rest alone', () => {
    expect(escapeFormula("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(escapeFormula('＝1+1')).toBe("'＝1+1");
    expect(escapeFormula('\t=1')).toBe("'\t=1");
    expect(escapeFormula('-12.50')).toBe('-12.50');
    expect(escapeFormula('+61 2 9999 1234')).toBe('+61 2 9999 1234');
    expect(escapeFormula('Acme')).toBe('Acme');
  });
});
