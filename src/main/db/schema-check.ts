// The schema a workspace of each version must have, and the check that a file has exactly that: no trigger,
// view, index or table that Reconciler's migrations did not create, none changed and none missing.
import type Database from 'better-sqlite3';
import { schemaChanged } from './errors';
import { migrate, stampNewWorkspace } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { openSqlite } from './sqlite';

export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  /** The CREATE statement with whitespace runs collapsed ('' for SQLite's own automatic indexes). */
  sql: string;
}

interface Row {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Statistics tables that ANALYZE creates: SQLite's own, and they change only query plans. */
const IGNORED = /^sqlite_stat[1-4]$/;

const normalise = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim();

/** Every object in the database's schema (reads sqlite_schema only; runs none of the stored SQL). */
export function readSchema(db: Database.Database): SchemaObject[] {
  return db
    .prepare<[], Row>('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all()
    .filter((r) => !(r.type === 'table' && IGNORED.test(r.name)))
    .map((r) => ({ type: r.type, name: r.name, table: r.tbl_name, sql: normalise(r.sql) }));
}

const key = (o: SchemaObject): string => `${o.type}\u0000${o.name}`;
const describe = (o: SchemaObject): string => `${o.type} "${o.name}"${o.type === 'index' || o.type === 'trigger' ? ` on ${o.table}` : ''}`;

/** What differs between the expected and the actual schema, extras first, in words (empty when they match). */
export function schemaDifferences(expected: readonly SchemaObject[], actual: readonly SchemaObject[]): string[] {
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(actual.map((o) => [key(o), o]));
  const extra = actual.filter((o) => !want.has(key(o))).map((o) => `an extra ${describe(o)}`);
  const changed = actual
    .filter((o) => {
      const w = want.get(key(o));
      return w !== undefined && (w.sql !== o.sql || w.table !== o.table);
    })
    .map((o) => `a changed ${describe(o)}`);
  const missing = expected.filter((o) => !have.has(key(o))).map((o) => `a missing ${describe(o)}`);
  return [...extra, ...changed, ...missing];
}

const expectedByVersion = new Map<number, SchemaObject[]>();

/** The schema the first `version` migrations create, built once per version in an in-memory database. */
export function expectedSchema(version: number): SchemaObject[] {
  const cached = expectedByVersion.get(version);
  if (cached) return cached;
  const db = openSqlite(':memory:');
  try {
    stampNewWorkspace(db);
    migrate(db, ':memory:', () => '', MIGRATIONS.slice(0, version));
    const schema = readSchema(db);
    expectedByVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

/** Throws WorkspaceError('unexpected_schema') unless `db` holds exactly the schema of `version` migrations. */
export function assertExpectedSchema(path: string, db: Database.Database, version: number): void {
  const differences = schemaDifferences(expectedSchema(version), readSchema(db));
  if (differences.length > 0) throw schemaChanged(path, differences);
}
