// Creating, reopening and configuring workspace files (real SQLite files in a fresh temp dir per test).
import { existsSync, mkdirSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, LATEST_SCHEMA, openWorkspace, WorkspaceError } from '../../src/main/db/index';
import { migrate, stampNewWorkspace } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations/index';
import { account, listDir, sha256File, useTempDir } from './workspace-helpers';

const tmp = useTempDir();

const clock = (start: string) => {
  let n = 0;
  return () => new Date(Date.parse(start) + 1000 * n++).toISOString();
};

/** Reads schema_migrations (read-write but query-only, so closing removes -wal/-shm as a workspace close does). */
function historyOf(path: string) {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('query_only = ON');
    return db.prepare('SELECT id, name, checksum, applied_at FROM schema_migrations ORDER BY id').all();
  } finally {
    db.close();
  }
}

describe('openWorkspace: create and reopen', () => {
  it('creates a new workspace with create: true, stamped and fully migrated', () => {
    const path = tmp.file('acme.reconciler');
    const ws = openWorkspace(path, { create: true, now: clock('2024-06-01T09:00:00Z') });
    expect(ws.path).toBe(path);
    expect(ws.readonly).toBe(false);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    ws.close();

    expect(historyOf(path)).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name, checksum: m.checksum, applied_at: expect.any(String) })),
    );
    expect(listDir(tmp.dir())).toEqual(['acme.reconciler']); // -wal and -shm removed on close
  });

  it('turns on WAL, foreign keys, NORMAL synchronous and a busy timeout', () => {
    const ws = openWorkspace(tmp.file('w.reconciler'), { create: true });
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(ws.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    ws.close();
  });

  it('reopens without re-applying migrations and keeps the data', () => {
    const path = tmp.file('w.reconciler');
    const ws = openWorkspace(path, { create: true, now: clock('2024-06-01T09:00:00Z') });
    const importId = ws.imports.begin('cocoon', 'accounts.csv', 'abc');
    ws.accounts.replaceAll(importId, [account(1), account(2)]);
    ws.close();
    const before = historyOf(path);

    const again = openWorkspace(path, { now: clock('2030-01-01T00:00:00Z') });
    expect(again.accounts.list()).toEqual([account(1), account(2)]);
    again.close();
    expect(historyOf(path)).toEqual(before);
    expect(before[0]).toMatchObject({ applied_at: '2024-06-01T09:00:00.000Z' });
  });

  it('opens an existing workspace with create: true without reinitialising it', () => {
    const path = tmp.file('w.reconciler');
    const ws = openWorkspace(path, { create: true });
    ws.syncState.set('contacts.lastSync', '2024-06-01T00:00:00Z');
    ws.close();
    const again = openWorkspace(path, { create: true });
    expect(again.syncState.get('contacts.lastSync')).toBe('2024-06-01T00:00:00Z');
    again.close();
  });

  it('lets two connections share a workspace', () => {
    const path = tmp.file('w.reconciler');
    const a = openWorkspace(path, { create: true });
    const b = openWorkspace(path);
    a.syncState.set('k', 'from a');
    expect(b.syncState.get('k')).toBe('from a');
    b.close();
    a.close();
    expect(listDir(tmp.dir())).toEqual(['w.reconciler']);
  });

  it('close is idempotent', () => {
    const ws = openWorkspace(tmp.file('w.reconciler'), { create: true });
    ws.close();
    expect(() => ws.close()).not.toThrow();
  });
});

describe('openWorkspace: what the app trusts and who can read the file', () => {
  it('turns trusted_schema off on every connection (create, reopen, read-only)', () => {
    const path = tmp.file('w.reconciler');
    for (const options of [{ create: true }, {}, { readonly: true }]) {
      const ws = openWorkspace(path, options);
      expect(ws.db.pragma('trusted_schema', { simple: true }), JSON.stringify(options)).toBe(0);
      ws.close();
    }
  });

  it('creates the workspace and its -wal/-shm files readable by the user only (0600), whatever the umask', () => {
    const path = tmp.file('private.reconciler');
    const umask = process.umask(0);
    try {
      const ws = openWorkspace(path, { create: true });
      ws.syncState.set('k', 'v');
      expect(listDir(tmp.dir())).toEqual(['private.reconciler', 'private.reconciler-shm', 'private.reconciler-wal']);
      for (const name of listDir(tmp.dir())) expect(statSync(tmp.file(name)).mode & 0o777, name).toBe(0o600);
      ws.close();
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });
});

describe('openWorkspace: a clean workspace of every schema version', () => {
  /** A workspace as an older build left it: stamped and migrated up to `version` only. */
  function workspaceAt(version: number): string {
    const path = tmp.file(`v${version}.reconciler`);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    stampNewWorkspace(db);
    migrate(db, path, () => '2024-01-01T00:00:00.000Z', MIGRATIONS.slice(0, version));
    db.close();
    return path;
  }

  for (let version = 1; version <= LATEST_SCHEMA; version++) {
    it(`opens schema ${version}, upgrades it to ${LATEST_SCHEMA}, and reopens it read-only`, () => {
      const path = workspaceAt(version);
      if (version < LATEST_SCHEMA) {
        expect(catchError(() => openWorkspace(path, { readonly: true }))).toMatchObject({ code: 'needs_upgrade' });
      }
      openWorkspace(path).close();
      expect(historyOf(path)).toHaveLength(LATEST_SCHEMA);
      const ro = openWorkspace(path, { readonly: true });
      expect(ro.accounts.list()).toEqual([]);
      ro.close();
      expect(listDir(tmp.dir())).toEqual([`v${version}.reconciler`]);
    });
  }
});

describe('openWorkspace: missing files', () => {
  it('refuses a path that does not exist unless create is set, and creates nothing', () => {
    const path = tmp.file('missing.reconciler');
    const error = catchError(() => openWorkspace(path));
    expect(error).toMatchObject({
      code: 'not_found',
      message: `No workspace at ${path}. Choose an existing workspace file or create a new one.`,
    });
    expect(existsSync(path)).toBe(false);
    expect(listDir(tmp.dir())).toEqual([]);
  });

  it('does not create a workspace when read-only', () => {
    const path = tmp.file('missing.reconciler');
    expect(catchError(() => openWorkspace(path, { create: true, readonly: true }))).toMatchObject({ code: 'not_found' });
    expect(listDir(tmp.dir())).toEqual([]);
  });

  it('reports an io error when the folder does not exist', () => {
    const path = tmp.file('no-such-folder/w.reconciler');
    expect(catchError(() => openWorkspace(path, { create: true }))).toMatchObject({ code: 'io' });
    expect(listDir(tmp.dir())).toEqual([]);
  });
});

describe('openWorkspace: read-only', () => {
  it('reads, refuses writes, and leaves the file and folder exactly as they were', () => {
    mkdirSync(tmp.file('sub'));
    const path = tmp.file('sub/w.reconciler');
    const ws = openWorkspace(path, { create: true });
    const importId = ws.imports.begin('cocoon', 'a.csv', null);
    ws.accounts.replaceAll(importId, [account(1)]);
    ws.close();
    const sha = sha256File(path);

    const ro = openWorkspace(path, { readonly: true });
    expect(ro.readonly).toBe(true);
    expect(ro.accounts.list()).toEqual([account(1)]);
    expect(() => ro.syncState.set('k', 'v')).toThrow(/readonly/i);
    ro.close();

    expect(sha256File(path)).toBe(sha);
    expect(listDir(tmp.file('sub'))).toEqual(['w.reconciler']);
  });
});

function catchError(fn: () => unknown): WorkspaceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkspaceError);
    return error as WorkspaceError;
  }
  throw new Error('expected a WorkspaceError');
}
