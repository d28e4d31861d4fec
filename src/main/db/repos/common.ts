// Shared by the repos: the database type, the clock, and JSON columns (undefined/null stored as SQL NULL).

import type Database from 'better-sqlite3';

export type Db = Database.Database;

export type NowIso = () => string;

export const isoNow: NowIso = () => new Date().toISOString();

export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson<T = unknown>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
