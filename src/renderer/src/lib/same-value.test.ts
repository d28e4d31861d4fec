import { describe, expect, it } from 'vitest';
import { sameValue } from './same-value';

describe('sameValue', () => {
  it('ignores case, punctuation, area codes and trailing city in addresses', () => {
    expect(sameValue('email', 'A@B.com', 'a@b.com')).toBe(true);
    expect(sameValue('phone', '3757932', '312 375-7932')).toBe(true);
    expect(sameValue('phone', '3757932', '312 375-7933')).toBe(false);
    expect(sameValue('address', '8612 S. Stony Island', '8612 S Stony Island, Chicago, IL, USA')).toBe(true);
    expect(sameValue('address', '1 High St', '2 High St')).toBe(false);
    expect(sameValue('Name', 'Acme Ltd', 'Acme Limited')).toBe(false);
  });
});
