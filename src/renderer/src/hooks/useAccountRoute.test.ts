// The account link's hash: written and read back, codes with spaces and slashes included.
import { describe, expect, it } from 'vitest';
import { accountHash, parseAccountHash } from './useAccountRoute';

describe('account hash', () => {
  it('reads back the code it was written with', () => {
    for (const code of ['CAROLE01', '898037', 'A/B 12', 'ü-7']) expect(parseAccountHash(accountHash(code))).toBe(code);
  });
  it('is not any other screen', () => {
    expect(parseAccountHash('#exceptions/12')).toBeNull();
    expect(parseAccountHash('#account/')).toBeNull();
    expect(parseAccountHash('#account/%E0%A4%A')).toBeNull();
  });
});
