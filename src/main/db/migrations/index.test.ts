import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, MIGRATIONS, withChecksums } from './index';

describe('migrations', () => {
  it('are numbered 1, 2, 3, … with unique names', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA).toBe(MIGRATIONS.length);
  });

  it('carry the sha256 of their SQL as checksum', () => {
    for (const m of MIGRATIONS) {
      expect(m.checksum).toBe(createHash('sha256').update(m.sql).digest('hex'));
    }
  });

  it('0001-init keeps its checksum (an applied migration is never edited: add a new one)', () => {
    expect(MIGRATIONS[0]).toMatchObject({ id: 1, name: 'init' });
    expect(MIGRATIONS[0]?.checksum).toBe('03b68b78529f21a933c414efb967398d64d7b443fed9c0b2094545a2ebfd0d8d');
  });

  it('refuses a list out of order or with gaps', () => {
    expect(() => withChecksums([{ id: 2, name: 'b', sql: '' }])).toThrow(/expected 1/);
    expect(() =>
      withChecksums([
        { id: 1, name: 'a', sql: '' },
        { id: 3, name: 'c', sql: '' },
      ]),
    ).toThrow(/expected 2/);
  });
});

describe('0005-merged-contacts', () => {
  it('fills merged_to_contact_id from the raw JSON of contacts cached before it', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS.slice(0, 4)) db.exec(m.sql);
    const insert = db.prepare('INSERT INTO xero_contacts (contact_id, name, status, raw_json) VALUES (?, ?, ?, ?)');
    insert.run('old', 'Acme Freight', 'ARCHIVED', JSON.stringify({ ContactID: 'old', MergedToContactID: ' kept ' }));
    insert.run('kept', 'Acme Freight Pty Ltd', 'ACTIVE', JSON.stringify({ ContactID: 'kept' }));
    insert.run('odd', 'Odd', 'ACTIVE', JSON.stringify({ MergedToContactID: 7 }));
    db.exec(MIGRATIONS[4]!.sql);
    expect(MIGRATIONS[4]).toMatchObject({ id: 5, name: 'merged-contacts' });
    expect(db.prepare('SELECT contact_id, merged_to_contact_id FROM xero_contacts ORDER BY contact_id').all()).toEqual([
      { contact_id: 'kept', merged_to_contact_id: '' },
      { contact_id: 'odd', merged_to_contact_id: '' },
      { contact_id: 'old', merged_to_contact_id: 'kept' },
    ]);
  });
});
