import { describe, expect, it } from 'vitest';
import { describeBlanks, spacingChanges, spacingChangeWords, unseenDifference } from './unseen-difference';

describe('unseenDifference', () => {
  it('names a change of spacing only, which a screen shows as no change, and where it is', () => {
    expect(unseenDifference('Columbia  Explorers', 'Columbia Explorers')).toBe(
      '(only the spacing differs: two spaces → one space after “Columbia”)',
    );
    expect(unseenDifference('Acme Ltd ', 'Acme Ltd')).toBe('(only the spacing differs: one space → none at the end)');
    expect(unseenDifference('Acme\tLtd', 'Acme Ltd')).toBe('(only the spacing differs: one tab → one space after “Acme”)');
    expect(unseenDifference(' Acme Ltd', 'Acme Ltd')).toBe('(only the spacing differs: one space → none at the start)');
  });
  it('says nothing when the change is visible or there is none', () => {
    expect(unseenDifference('Acme Ltd', 'Acme Ltd')).toBe('');
    expect(unseenDifference('Acme Ltd', 'ACME Ltd')).toBe('');
    expect(unseenDifference('Acme  Ltd', 'Acme Limited')).toBe('');
    expect(unseenDifference('AcmeLtd', 'Acme Ltd')).toBe('');
  });
});

describe('spacingChanges', () => {
  it('lists each place spaced differently, naming a repeated word by its neighbour', () => {
    expect(spacingChanges('A  B A C ', 'A B A  C')).toEqual([
      { where: 'between “A” and “B”', from: 'two spaces', to: 'one space' },
      { where: 'between “A” and “C”', from: 'one space', to: 'two spaces' },
      { where: 'at the end', from: 'one space', to: 'none' },
    ]);
    expect(spacingChanges('   ', ' ')).toEqual([{ where: '', from: 'three spaces', to: 'one space' }]);
    expect(spacingChanges('Acme Ltd', 'Acme Ltd')).toEqual([]);
  });
  it('keeps to a few places, saying how many more', () => {
    expect(spacingChangeWords('a  b  c  d  e', 'a b c d e')).toBe(
      'two spaces → one space after “a”; two spaces → one space after “b”; two spaces → one space after “c”; and 1 more',
    );
  });
});

describe('describeBlanks', () => {
  it('counts spaces, tabs, line breaks and non-breaking spaces', () => {
    expect(describeBlanks('')).toBe('none');
    expect(describeBlanks(' \t ')).toBe('two spaces and one tab');
    expect(describeBlanks('\r\n\u00a0')).toBe('one line break and one non-breaking space');
    expect(describeBlanks(' '.repeat(12))).toBe('12 spaces');
    expect(describeBlanks('\u2003')).toBe('one other blank character');
  });
});
