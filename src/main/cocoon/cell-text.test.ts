import { describe, expect, it } from 'vitest';
import { cellText, dateText, numberText } from './cell-text';

describe('cellText', () => {
  it('writes numbers without ".0", as Excel shows them, keeping "00000" zero padding', () => {
    expect(numberText(42)).toBe('42');
    expect(numberText(1.5)).toBe('1.5');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(123, '000000')).toBe('000123');
    expect(cellText(7)).toBe('7');
  });

  it('writes dates as ISO (date only at midnight)', () => {
    expect(dateText(new Date(Date.UTC(2024, 2, 1)))).toBe('2024-03-01');
    expect(cellText(new Date(Date.UTC(2024, 2, 1, 13, 30)))).toBe('2024-03-01T13:30:00.000Z');
  });

  it('flattens rich text and hyperlinks, and keeps error codes', () => {
    expect(cellText({ richText: [{ text: 'Acme ' }, { text: 'Pty' }] })).toBe('Acme Pty');
    expect(cellText({ text: 'acme.com', hyperlink: 'https://acme.com' })).toBe('acme.com');
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' } as never)).toBe('ab');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });

  it('turns formulas into "=formula" text (never the cached result)', () => {
    expect(cellText({ formula: 'A2&" Ltd"', result: 'Acme Ltd' })).toBe('=A2&" Ltd"');
    expect(cellText({ sharedFormula: 'B2', result: 3 }, undefined, 'B3*2')).toBe('=B3*2');
  });

  it('writes booleans and blanks', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});
