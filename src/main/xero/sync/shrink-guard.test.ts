import { describe, expect, it } from 'vitest';
import { isMassRemoval } from './shrink-guard';

describe('isMassRemoval', () => {
  it('questions removing more than a handful and more than half of the stored contacts', () => {
    expect(isMassRemoval(22, 22)).toBe(true);
    expect(isMassRemoval(22, 12)).toBe(true);
    expect(isMassRemoval(22, 11)).toBe(false); // half exactly
    expect(isMassRemoval(8, 5)).toBe(false); // a handful
    expect(isMassRemoval(8, 6)).toBe(true);
    expect(isMassRemoval(1000, 400)).toBe(false);
    expect(isMassRemoval(0, 0)).toBe(false);
  });
});
