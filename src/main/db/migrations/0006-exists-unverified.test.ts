// Migration 6 on a workspace of schema 5: its exceptions are kept as they were, the new verdict is accepted, and the
// resulting schema is exactly what a new workspace gets (the check every open makes).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../index';
import { migrate, stampNewWorkspace } from '../migrate';
import { MIGRATIONS } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migration 6 (exists_unverified)', () => {
  it('keeps the exceptions of an older workspace and accepts the new verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconciler-m6-'));
    dirs.push(dir);
    const path = join(dir, 'old.reconciler');
    const db = new Database(path);
    stampNewWorkspace(db);
    migrate(db, path, () => '2026-01-01T00:00:00Z', MIGRATIONS.slice(0, 5));
    db.prepare(`INSERT INTO exception_batches (id, source, row_count, imported_at) VALUES (1, 'file', 1, 't')`).run();
    db.prepare(
      `INSERT INTO exceptions (dedupe_key, batch_id, last_batch_id, source, message, number, playbook, verdict, imported_at, last_seen_at, resolved_note)
       VALUES ('k', 1, 1, 'file', 'Invoice # must be unique', 'INV-1', 'invoice_number_unique', 'exists_matches', 't', 't', 'closed')`,
    ).run();
    expect(() => db.prepare(`UPDATE exceptions SET verdict = 'exists_unverified'`).run()).toThrow(/CHECK constraint/);
    db.close();

    const ws = openWorkspace(path); // migrates, then checks the schema is the one migrations make
    try {
      const row = ws.db.prepare('SELECT number, verdict, resolved_note FROM exceptions').get();
      expect(row).toEqual({ number: 'INV-1', verdict: 'exists_matches', resolved_note: 'closed' });
      ws.db.prepare(`UPDATE exceptions SET verdict = 'exists_unverified'`).run();
      expect(() => ws.db.prepare(`UPDATE exceptions SET verdict = 'maybe'`).run()).toThrow(/CHECK constraint/);
    } finally {
      ws.close();
    }
    const again = openWorkspace(path, { readonly: true }); // the schema check passes on a plain reopen too
    again.close();
  });
});
