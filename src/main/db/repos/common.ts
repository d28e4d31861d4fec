// Shared by the repos: the database type, the clock, and JSON columns (undefined/null stored as SQL NULL).

import type Database from 'better-sqlite3';

export type Db = Database.Database;

export type NowIso = () => string;

export const isoNow: NowIso = () => new Date().toISOString();

/** The text each value of fromStoredJson was parsed from: toJson writes that text back instead of stringifying again. */
const storedText = new WeakMap<object, string>();

export function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return (typeof value === 'object' && storedText.get(value)) || JSON.stringify(value);
}

export function fromJson<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/**
 * fromJson for a stored copy that is written elsewhere as it was read (a Xero contact kept as a correction's
 * before-image): the object stands for its text, which toJson writes back as it is (a checklist writes 18,000 of
 * them: stringifying each again took a fifth of its time). Frozen, as a change to it would not be written.
 */
export function fromStoredJson(text: string | null): unknown {
  const value: unknown = fromJson(text);
  return typeof value === 'object' && value !== null ? standingFor(value, text!) : value;
}

/**
 * `value` (frozen) as the stand-in for the stored `text`: toJson writes that text. For a reader that needs a few of
 * the stored object's fields (read from columns) and writes the whole of it elsewhere, without parsing it.
 */
export function standingFor<T extends object>(value: T, text: string): Readonly<T> {
  storedText.set(Object.freeze(value), text);
  return value;
}
