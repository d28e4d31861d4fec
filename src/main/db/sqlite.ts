// Every SQLite connection the app opens starts here: one place for the addon to load and the settings that keep
// SQL stored in a file (views, triggers, defaults) from doing more than plain SQL.
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './format';
import { nativeBinding } from './native-binding';

export interface SqliteOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** Opens `path` (or ':memory:') with trusted_schema off: schema SQL may not call side-effecting functions or virtual tables. */
export function openSqlite(path: string, options: SqliteOptions = {}): Database.Database {
  const db = new Database(path, { ...options, timeout: BUSY_TIMEOUT_MS, nativeBinding: nativeBinding() });
  try {
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
