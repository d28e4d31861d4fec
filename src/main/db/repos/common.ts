// Shared by the repos: the database type, the clock, and JSON columns (undefined/null stored as SQL NULL).

import type Database from 'better-sqlite3';

export type Db = Database.Database;

export type NowIso = () => string;

export const isoNow: NowIso = () => new Date().toISOString();

/** The stored text each value of standingFor stands for: toJson writes that text instead of stringifying the value. */
const storedText = new WeakMap<object, string>();

export function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return (typeof value === 'object' && storedText.get(value)) || JSON.stringify(value);
}

export function fromJson<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/**
 * `value` (frozen) as the stand-in for the stored `text`: toJson writes that text as it is. For a reader that needs a
 * few of a stored object's fields (read from columns) and writes the whole of it elsewhere (a Xero contact kept as a
 * correction's before-image: a checklist writes 18,000), without parsing or stringifying it again. Frozen, as a
 * change to it would not be written.
 */
export function standingFor<T extends object>(value: T, text: string): Readonly<T> {
  storedText.set(Object.freeze(value), text);
  return value;
}
