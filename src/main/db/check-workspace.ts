// The read-only SQLite check of an existing file: is it ours, and can this build open it without loss?
import Database from 'better-sqlite3';
import { ioError, notWorkspace, WorkspaceError } from './errors';
import { APPLICATION_ID } from './format';
import { pendingMigrations, readSchemaInfo } from './migrate';
import { assertExpectedSchema } from './schema-check';
import { hasSideFiles, removeIdleSideFiles } from './side-files';
import { openSqlite } from './sqlite';

export interface CheckResult {
  /** Migrations this build would apply on a read-write open. */
  pending: number;
  /** Whether -wal/-shm files existed before the check (if not, the check's own are removed on refusal). */
  hadSideFiles: boolean;
}

function explainSqliteError(path: string, error: unknown): WorkspaceError {
  if (error instanceof WorkspaceError) return error;
  const code = error instanceof Database.SqliteError ? error.code : '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return notWorkspace(path, `the file is damaged (${(error as Error).message})`);
  }
  if (code === 'SQLITE_ERROR') {
    return notWorkspace(path, 'its schema history is not in the form Reconciler writes');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return ioError(path, 'read because another program is writing to it', error);
  }
  return ioError(path, 'read', error);
}

/**
 * Opens `path` read-only and checks the application id, the migration history (prefix of ours, same
 * checksums) and that the schema is exactly the one that history creates. Throws WorkspaceError when the file must not be opened; the file is left byte-for-byte as it
 * was, and -wal/-shm files that only this check created are removed again.
 */
export function checkExistingWorkspace(path: string): CheckResult {
  const hadSideFiles = hasSideFiles(path);
  let db: Database.Database | undefined;
  let refused = false;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    const info = readSchemaInfo(db);
    if (info.applicationId !== APPLICATION_ID) {
      throw notWorkspace(path, 'it is a SQLite database from another application');
    }
    if (!info.hasHistory || info.applied.length === 0) {
      throw notWorkspace(path, 'it has no schema history (it may be damaged or incomplete)');
    }
    const pending = pendingMigrations(path, info.applied).length;
    // Its own SQL (triggers, views, indexes, tables) must be exactly what its migrations made: an extra
    // trigger would run inside our next import.
    assertExpectedSchema(path, db, info.applied.length);
    return { pending, hadSideFiles };
  } catch (error) {
    refused = true;
    throw explainSqliteError(path, error);
  } finally {
    db?.close();
    if (refused && !hadSideFiles && hasSideFiles(path)) removeIdleSideFiles(path);
  }
}
