import { describe, expect, it } from 'vitest';
import { commandFor } from './keyboard';

const key = (k: string, tagName = 'BODY', mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  commandFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName }, ...mods });

describe('keyboard map', () => {
  it('maps the review keys', () => {
    expect(['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'a', 'i', 'u', '/', '?', 'Escape', 'b'].map((k) => key(k))).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'open',
      'accept',
      'ignore',
      'undo',
      'search',
      'help',
      'escape',
      'bulk',
    ]);
  });

  it('leaves typing, shortcuts with modifiers and buttons alone', () => {
    expect(key('a', 'INPUT')).toBeNull();
    expect(key('j', 'TEXTAREA')).toBeNull();
    expect(key('k', 'SELECT')).toBeNull();
    expect(key('Escape', 'INPUT')).toBe('escape');
    expect(key('a', 'BODY', { ctrlKey: true })).toBeNull();
    expect(key('Enter', 'BUTTON')).toBeNull();
    expect(key('j', 'BUTTON')).toBe('next');
    expect(key('x')).toBeNull();
  });
});
