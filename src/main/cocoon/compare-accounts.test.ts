import { describe, expect, it } from 'vitest';
import { compareAccounts } from './compare-accounts';

const stored = new Map(
  Object.entries({ A1: 'Acme', B2: 'Bolt Freight', C3: 'Cargo Co', D4: 'Delta', E5: 'Echo' }).map(([code, name]) => [code, { name }]),
);

describe('compareAccounts', () => {
  it('counts new, renamed and gone accounts, and tells decided ones recoded as decided from the ones just missing', () => {
    const file = [
      { code: 'A1', name: 'Acme' },
      { code: 'B2', name: 'Bolt Freight Ltd' }, // renamed
      { code: 'C9', name: 'Cargo Co' }, // C3 recoded to C9, as decided
      { code: 'X1', name: 'Echo' }, // E5 given a new code CocoonOPS chose: same name
      { code: 'N1', name: 'New Co' },
    ];
    const decided = new Set(['C3', 'D4', 'E5', 'B2']);
    const recodes = new Map([
      ['C3', 'C9'],
      ['E5', ''],
    ]);
    expect(compareAccounts(stored, file, decided, recodes)).toEqual({
      added: 3,
      renamed: 1,
      gone: 3,
      goneDecided: 3,
      recodedAsDecided: 2,
      goneDecidedSample: ['D4'],
    });
  });

  it('a recode whose new code is not in the file is not counted as done', () => {
    const c = compareAccounts(stored, [{ code: 'A1', name: 'Acme' }], new Set(['C3']), new Map([['C3', 'C9']]));
    expect(c).toMatchObject({ gone: 4, goneDecided: 1, recodedAsDecided: 0, goneDecidedSample: ['C3'] });
  });
});
