// Byte-level checks of a would-be workspace file, made before SQLite is allowed anywhere near it.
import { closeSync, existsSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { errnoCode, ioError, notSqlite, notWorkspace } from './errors';
import { APPLICATION_ID, APPLICATION_ID_OFFSET, SQLITE_HEADER_SIZE, SQLITE_MAGIC, walPath } from './format';

export type FileState = { exists: false } | { exists: true; headerApplicationId: number };

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(SQLITE_HEADER_SIZE);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = readSync(fd, header, 0, SQLITE_HEADER_SIZE, 0);
    return header.subarray(0, bytes);
  } catch (error) {
    throw ioError(path, 'read', error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Says whether `path` exists and, if it does, that it looks like a workspace: a non-empty SQLite 3 file whose
 * header carries our application id (unless a -wal file exists, where the header on disk may be stale and
 * SQLite must be asked). Throws WorkspaceError otherwise. Reads only; never creates or changes a file.
 */
export function inspectFile(path: string): FileState {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { exists: false };
    throw ioError(path, 'read', error);
  }
  if (stat.isDirectory()) throw notWorkspace(path, 'it is a folder, not a file');
  if (!stat.isFile()) throw notWorkspace(path, 'it is not a regular file');
  if (stat.size === 0) throw notWorkspace(path, 'the file is empty');

  const header = readHeader(path);
  if (header.length < SQLITE_HEADER_SIZE || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw notSqlite(path);
  }
  const headerApplicationId = header.readInt32BE(APPLICATION_ID_OFFSET);
  if (headerApplicationId !== APPLICATION_ID && !existsSync(walPath(path))) {
    throw notWorkspace(path, 'it is a SQLite database from another application');
  }
  return { exists: true, headerApplicationId };
}
