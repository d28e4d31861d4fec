// The expected schema per version (built in memory, cached) and the comparison that names what differs.
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index';
import { expectedSchema, readSchema, schemaDifferences, type SchemaObject } from './schema-check';
import { openSqlite } from './sqlite';

const obj = (type: string, name: string, table: string, sql: string): SchemaObject => ({ type, name, table, sql });

describe('expectedSchema', () => {
  it('is what the migrations create, built once per version', () => {
    const latest = expectedSchema(MIGRATIONS.length);
    expect(expectedSchema(MIGRATIONS.length)).toBe(latest);
    expect(latest.map((o) => `${o.type} ${o.name}`)).toEqual(
      expect.arrayContaining(['table schema_migrations', 'table billing_accounts', 'trigger audit_log_no_update', 'index decisions_batch']),
    );
    expect(expectedSchema(3).map((o) => o.name)).not.toContain('decisions_batch');
    expect(latest.every((o) => !/\s{2,}|\n/.test(o.sql))).toBe(true);
  });

  it('reads the schema with whitespace runs collapsed, ignoring ANALYZE statistics', () => {
    const db = openSqlite(':memory:');
    try {
      db.exec('CREATE TABLE t (\n  a   INTEGER,\n\tb TEXT\n); CREATE INDEX t_a ON t (a); INSERT INTO t VALUES (1, 2); ANALYZE');
      expect(readSchema(db)).toEqual([
        obj('index', 't_a', 't', 'CREATE INDEX t_a ON t (a)'),
        obj('table', 't', 't', 'CREATE TABLE t ( a INTEGER, b TEXT )'),
      ]);
    } finally {
      db.close();
    }
  });
});

describe('schemaDifferences', () => {
  const table = obj('table', 'accounts', 'accounts', 'CREATE TABLE accounts (code TEXT)');
  const trigger = obj('trigger', 'keep', 'accounts', 'CREATE TRIGGER keep BEFORE DELETE ON accounts BEGIN SELECT RAISE(ABORT, 1); END');

  it('is empty when the schemas match', () => {
    expect(schemaDifferences([table, trigger], [trigger, table])).toEqual([]);
  });

  it('names extras first, then changed, then missing objects', () => {
    const view = obj('view', 'v', 'v', 'CREATE VIEW v AS SELECT 1');
    const index = obj('index', 'accounts_code', 'accounts', 'CREATE INDEX accounts_code ON accounts (code)');
    const altered = { ...table, sql: 'CREATE TABLE accounts (code TEXT, bank TEXT)' };
    expect(schemaDifferences([table, trigger], [altered, index, view])).toEqual([
      'an extra index "accounts_code" on accounts',
      'an extra view "v"',
      'a changed table "accounts"',
      'a missing trigger "keep" on accounts',
    ]);
  });

  it('counts a trigger moved to another table as changed', () => {
    expect(schemaDifferences([trigger], [{ ...trigger, table: 'other' }])).toEqual(['a changed trigger "keep" on other']);
  });
});
