import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceError } from './errors';
import { APPLICATION_ID } from './format';
import { migrate, pendingMigrations, readSchemaInfo, stampNewWorkspace, type AppliedMigration } from './migrate';
import { withChecksums } from './migrations/index';

const known = withChecksums([
  { id: 1, name: 'one', sql: 'CREATE TABLE a (x);' },
  { id: 2, name: 'two', sql: 'CREATE TABLE b (y);' },
  { id: 3, name: 'three', sql: 'ALTER TABLE a ADD COLUMN z;' },
]);
const applied = (n: number): AppliedMigration[] =>
  known.slice(0, n).map((m) => ({ id: m.id, name: m.name, checksum: m.checksum, appliedAt: '2024-01-01T00:00:00Z' }));

function refusal(fn: () => unknown): WorkspaceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkspaceError) return error;
    throw error;
  }
  throw new Error('expected a WorkspaceError');
}

describe('pendingMigrations', () => {
  it('returns what is left after an applied prefix', () => {
    expect(pendingMigrations('w', [], known).map((m) => m.id)).toEqual([1, 2, 3]);
    expect(pendingMigrations('w', applied(2), known).map((m) => m.id)).toEqual([3]);
    expect(pendingMigrations('w', applied(3), known)).toEqual([]);
  });

  it('reports a newer version when an applied id is unknown', () => {
    const error = refusal(() => pendingMigrations('w.reconciler', [...applied(3), { ...applied(1)[0]!, id: 7 }], known));
    expect(error.code).toBe('newer_version');
    expect(error.message).toBe(
      'w.reconciler was written by a newer version of Reconciler (schema 7; this version knows up to 3). Update Reconciler to open it.',
    );
  });

  it('reports a checksum mismatch when an applied migration was edited or renamed', () => {
    const edited = applied(2).map((a) => (a.id === 2 ? { ...a, checksum: 'x' } : a));
    expect(refusal(() => pendingMigrations('w', edited, known))).toMatchObject({
      code: 'checksum_mismatch',
      message: expect.stringContaining('its schema step 2 (two) differs'),
    });
    const renamed = applied(1).map((a) => ({ ...a, name: 'uno' }));
    expect(refusal(() => pendingMigrations('w', renamed, known)).code).toBe('checksum_mismatch');
  });

  it('refuses a history that is not a prefix (a step missing)', () => {
    const gap = applied(3).filter((a) => a.id !== 2);
    expect(refusal(() => pendingMigrations('w', gap, known))).toMatchObject({
      code: 'checksum_mismatch',
      message: expect.stringContaining('step 3 without step 2'),
    });
  });
});

describe('migrate', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
  });
  afterEach(() => db.close());

  it('stamps a new database and applies every migration once, in order', () => {
    stampNewWorkspace(db);
    expect(migrate(db, 'mem', () => 'T1', known.slice(0, 2))).toBe(2);
    expect(migrate(db, 'mem', () => 'T2', known)).toBe(1);
    expect(migrate(db, 'mem', () => 'T3', known)).toBe(0);
    const info = readSchemaInfo(db);
    expect(info.applicationId).toBe(APPLICATION_ID);
    expect(info.applied.map((a) => [a.id, a.appliedAt])).toEqual([
      [1, 'T1'],
      [2, 'T1'],
      [3, 'T2'],
    ]);
    expect(db.prepare('SELECT z FROM a').all()).toEqual([]);
  });

  it('rolls back a failing migration and keeps the ones before it', () => {
    stampNewWorkspace(db);
    const broken = withChecksums([...known.slice(0, 2), { id: 3, name: 'bad', sql: 'CREATE TABLE c (q); SELECT * FROM nowhere;' }]);
    expect(() => migrate(db, 'mem', () => 'T', broken)).toThrow(/no such table/);
    expect(readSchemaInfo(db).applied.map((a) => a.id)).toEqual([1, 2]);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'c'`).get()).toBeUndefined();
  });

  it('reads a database with no history', () => {
    expect(readSchemaInfo(db)).toEqual({ applicationId: 0, hasHistory: false, applied: [] });
  });
});
