// SQLite's -wal and -shm companions: a read-only look at a WAL database creates them and cannot remove them.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, shmPath, walPath } from './format';

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
    db = new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    db.pragma('query_only = ON');
    db.pragma('schema_version');
  } catch {
    // Left for SQLite to tidy on the next open: harmless.
  } finally {
    db?.close();
  }
}
