// Schema bookkeeping: the application id, the schema_migrations history, and applying pending migrations.
import type Database from 'better-sqlite3';
import { checksumMismatch, newerVersion } from './errors';
import { APPLICATION_ID } from './format';
import { MIGRATIONS, type KnownMigration } from './migrations/index';

type Db = Database.Database;

export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

export interface SchemaInfo {
  applicationId: number;
  /** Whether the schema_migrations table exists. */
  hasHistory: boolean;
  /** Applied migrations, by id. Empty when there is no history. */
  applied: AppliedMigration[];
}

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
  applied_at: string;
}

const HISTORY_TABLE_SQL = `CREATE TABLE schema_migrations (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** Reads (never writes) what a database says about itself. Safe on a read-only connection. */
export function readSchemaInfo(db: Db): SchemaInfo {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  const hasHistory = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).get() !== undefined;
  return { applicationId, hasHistory, applied: hasHistory ? readApplied(db) : [] };
}

function readApplied(db: Db): AppliedMigration[] {
  return db
    .prepare<[], AppliedRow>('SELECT id, name, checksum, applied_at FROM schema_migrations ORDER BY id')
    .all()
    .map((r) => ({ id: r.id, name: r.name, checksum: r.checksum, appliedAt: r.applied_at }));
}

/**
 * Checks the applied history against the migrations this build knows and returns the ones still to apply.
 * The applied list must be a prefix of the known list, with identical checksums.
 */
export function pendingMigrations(
  path: string,
  applied: readonly AppliedMigration[],
  known: readonly KnownMigration[] = MIGRATIONS,
): KnownMigration[] {
  const knownIds = new Set(known.map((m) => m.id));
  const newest = Math.max(0, ...applied.map((a) => a.id));
  if (applied.some((a) => !knownIds.has(a.id))) {
    throw newerVersion(path, newest, Math.max(0, ...knownIds));
  }
  applied.forEach((a, i) => {
    const expected = known[i];
    if (!expected || expected.id !== a.id) {
      throw checksumMismatch(path, `its schema history has step ${a.id} without step ${expected?.id ?? '?'} before it`);
    }
    if (a.checksum !== expected.checksum || a.name !== expected.name) {
      throw checksumMismatch(path, `its schema step ${a.id} (${a.name}) differs from the one this version of Reconciler knows`);
    }
  });
  return known.slice(applied.length);
}

/** Marks a brand-new, empty database as a workspace (application id and an empty history), atomically. */
export function stampNewWorkspace(db: Db): void {
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(HISTORY_TABLE_SQL);
  })();
}

/**
 * Applies every pending migration in order, each in its own IMMEDIATE transaction that re-reads the history
 * first (so two processes opening the same file never apply a step twice). Returns how many were applied.
 */
export function migrate(db: Db, path: string, now: () => string, known: readonly KnownMigration[] = MIGRATIONS): number {
  const record = db.prepare<[number, string, string, string]>(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const step = db.transaction((migration: KnownMigration): boolean => {
    const next = pendingMigrations(path, readApplied(db), known)[0];
    if (next?.id !== migration.id) return false;
    db.exec(migration.sql);
    record.run(migration.id, migration.name, migration.checksum, now());
    return true;
  });
  let count = 0;
  for (const migration of known) {
    if (step.immediate(migration)) count += 1;
  }
  return count;
}
