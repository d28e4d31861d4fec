// SQLite's -wal and -shm companions: a read-only look at a WAL database creates them and cannot remove them.
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { shmPath, walPath } from './format';
import { openSqlite } from './sqlite';

export function hasSideFiles(path: string): boolean {
  return existsSync(walPath(path)) || existsSync(shmPath(path));
}

/**
 * Removes the -wal/-shm files of a database nobody else has open, the way SQLite itself does: the last
 * connection to close takes an exclusive lock, checkpoints an (empty) WAL and deletes both. The connection
 * is query-only and reads one header value, so the database file itself is not written. Best effort.
 */
export function removeIdleSideFiles(path: string): void {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { fileMustExist: true });
    db.pragma('query_only = ON');
    db.pragma('schema_version');
  } catch {
    // Left for SQLite to tidy on the next open: harmless.
  } finally {
    db?.close();
  }
}
