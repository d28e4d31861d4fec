// Opening a workspace file safely: check it without writing, create or migrate it, then hand out the repos.
import { closeSync, fchmodSync, openSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { checkExistingWorkspace } from './check-workspace';
import { errnoCode, ioError, notFound, WorkspaceError } from './errors';
import { inspectFile } from './file-check';
import { BUSY_TIMEOUT_MS, shmPath, walPath } from './format';
import { migrate, stampNewWorkspace } from './migrate';
import { LATEST_SCHEMA } from './migrations/index';
import { isoNow, type NowIso } from './repos/common';
import { removeIdleSideFiles } from './side-files';
import { openSqlite } from './sqlite';
import { createWorkspace, type Workspace } from './workspace';

export interface OpenWorkspaceOptions {
  /** Create a new workspace when nothing exists at the path (never over an existing file). */
  create?: boolean;
  /** Open without writing: no migrations, writes fail. */
  readonly?: boolean;
  /** The time (ISO) for applied_at, import and decision times (tests). Defaults to the current time. */
  now?: NowIso;
}

function connect(path: string, readonly: boolean): Database.Database {
  const db = openSqlite(path, { fileMustExist: true, readonly });
  try {
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    // Statement journals of big replaceAll transactions go to memory, not temp files (about twice as fast).
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** rw------- : workspaces hold customer names, addresses and decisions. */
const PRIVATE_FILE_MODE = 0o600;

function createNew(path: string, now: NowIso): Database.Database {
  try {
    // Claims the path (fails if anything appeared there meanwhile), readable by the user only whatever the
    // umask. SQLite gives the -wal/-shm files it creates the mode of the database file.
    const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
    try {
      fchmodSync(fd, PRIVATE_FILE_MODE);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw errnoCode(error) === 'EEXIST'
      ? ioError(path, 'created: a file appeared there meanwhile', error)
      : ioError(path, 'created', error);
  }
  let db: Database.Database | undefined;
  try {
    db = connect(path, false);
    stampNewWorkspace(db);
    migrate(db, path, now);
    return db;
  } catch (error) {
    db?.close();
    for (const p of [path, walPath(path), shmPath(path)]) rmSync(p, { force: true });
    throw error instanceof WorkspaceError ? error : ioError(path, 'created', error);
  }
}

function openExisting(path: string, readonly: boolean, now: NowIso): { db: Database.Database; hadSideFiles: boolean } {
  const { pending, hadSideFiles } = checkExistingWorkspace(path);
  if (readonly && pending > 0) {
    if (!hadSideFiles) removeIdleSideFiles(path);
    throw new WorkspaceError(
      'needs_upgrade',
      path,
      `${path} was written by an older version of Reconciler (schema ${LATEST_SCHEMA - pending}; this version uses ${LATEST_SCHEMA}). Open it once without read-only mode to upgrade it.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = connect(path, readonly);
    if (!readonly) migrate(db, path, now);
    return { db, hadSideFiles };
  } catch (error) {
    db?.close();
    throw error instanceof WorkspaceError ? error : ioError(path, 'opened', error);
  }
}

/**
 * Opens the workspace at `path`. Refuses (WorkspaceError, file untouched) anything that is not a workspace
 * this version can safely write; creates a new one only with `create: true` and only where nothing exists.
 */
export function openWorkspace(path: string, options: OpenWorkspaceOptions = {}): Workspace {
  const now = options.now ?? isoNow;
  const readonly = options.readonly ?? false;
  const state = inspectFile(path);
  if (!state.exists) {
    if (!options.create || readonly) throw notFound(path);
    return createWorkspace({ path, db: createNew(path, now), now });
  }
  const { db, hadSideFiles } = openExisting(path, readonly, now);
  // A read-write connection removes its -wal/-shm on close; a read-only one cannot, so tidy up after it.
  const afterClose = readonly && !hadSideFiles ? () => removeIdleSideFiles(path) : undefined;
  return createWorkspace({ path, db, now, afterClose });
}
