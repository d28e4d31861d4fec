// The review's keyboard map: keys → commands, ignored while typing in a field (except Escape).

export type KeyCommand =
  'next' | 'previous' | 'open' | 'accept' | 'ignore' | 'undo' | 'search' | 'help' | 'escape' | 'bulk' | 'first' | 'last';

const KEYS: Record<string, KeyCommand> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'open',
  a: 'accept',
  i: 'ignore',
  u: 'undo',
  '/': 'search',
  '?': 'help',
  Escape: 'escape',
  b: 'bulk',
  Home: 'first',
  End: 'last',
};

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where the key was pressed (tag name and editability). */
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

export function isTypingTarget(target: KeyLike['target']): boolean {
  const tag = target?.tagName?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true;
}

export function commandFor(e: KeyLike): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const command = KEYS[e.key] ?? null;
  if (command !== 'escape' && isTypingTarget(e.target)) return null;
  // Enter on a button or link activates it; it does not open the account.
  if (command === 'open' && ['BUTTON', 'A', 'SUMMARY'].includes(e.target?.tagName?.toUpperCase() ?? '')) return null;
  return command;
}

export const KEY_HELP: { keys: string; what: string }[] = [
  { keys: 'j / ↓', what: 'next account' },
  { keys: 'k / ↑', what: 'previous account' },
  { keys: 'Enter', what: 'open the account (detail pane)' },
  { keys: 'a', what: 'accept the suggestion (asks which fix first)' },
  { keys: 'i', what: 'ignore, with a note' },
  { keys: 'u', what: 'undo the last decision on the account (right after a bulk accept: the whole bulk accept)' },
  { keys: 'b', what: 'accept the suggestions of the accounts listed (preview first)' },
  { keys: '/', what: 'search both sides' },
  { keys: '?', what: 'this help' },
  { keys: 'Esc', what: 'close a dialog, leave the search' },
];
