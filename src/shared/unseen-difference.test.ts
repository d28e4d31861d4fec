import { describe, expect, it } from 'vitest';
import { unseenDifference } from './unseen-difference';

describe('unseenDifference', () => {
  it('names a change of spacing only, which a screen shows as no change', () => {
    expect(unseenDifference('Columbia  Explorers', 'Columbia Explorers')).toBe('(only the spacing differs)');
    expect(unseenDifference('Acme Ltd ', 'Acme Ltd')).toBe('(only the spacing differs)');
    expect(unseenDifference('Acme\tLtd', 'Acme Ltd')).toBe('(only the spacing differs)');
  });
  it('says nothing when the change is visible or there is none', () => {
    expect(unseenDifference('Acme Ltd', 'Acme Ltd')).toBe('');
    expect(unseenDifference('Acme Ltd', 'ACME Ltd')).toBe('');
    expect(unseenDifference('Acme  Ltd', 'Acme Limited')).toBe('');
  });
});
