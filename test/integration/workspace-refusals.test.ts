// Files openWorkspace must refuse, leaving each byte-for-byte untouched and creating no -wal/-shm files.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, LATEST_SCHEMA, openWorkspace, WorkspaceError, type WorkspaceErrorCode } from '../../src/main/db/index';
import { account, listDir, sha256File, useTempDir } from './workspace-helpers';

const tmp = useTempDir();
const OPEN_OR_CREATE = 'Open a workspace file (.reconciler) or create a new one.';

/** Asserts that every way of opening `path` is refused with `code` and `message`, and that nothing changed. */
function expectRefused(path: string, code: WorkspaceErrorCode, message: string | RegExp): void {
  const sha = sha256File(path);
  const listing = listDir(tmp.dir());
  for (const options of [{}, { create: true }, { readonly: true }]) {
    let error: unknown;
    try {
      openWorkspace(path, options).close();
    } catch (e) {
      error = e;
    }
    expect(error, JSON.stringify(options)).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe(code);
    if (typeof message === 'string') expect((error as WorkspaceError).message).toBe(message);
    else expect((error as WorkspaceError).message).toMatch(message);
    expect(sha256File(path), 'file bytes').toBe(sha);
    expect(listDir(tmp.dir()), 'folder listing').toEqual(listing);
  }
}

/** A workspace made by this build, then changed behind its back with `tamper` (WAL files tidied by closing). */
function tamperedWorkspace(name: string, tamper: (db: Database.Database) => void): string {
  const path = tmp.file(name);
  openWorkspace(path, { create: true }).close();
  const db = new Database(path, { fileMustExist: true });
  tamper(db);
  db.close();
  expect(listDir(tmp.dir())).toEqual([name]);
  return path;
}

describe('openWorkspace refuses files that are not workspaces', () => {
  it('a text file', () => {
    const path = tmp.file('notes.txt');
    writeFileSync(path, 'Customer list\nAcme Ltd, C001\n');
    expectRefused(path, 'not_sqlite', `${path} is not a Reconciler workspace: it is not a SQLite database. ${OPEN_OR_CREATE}`);
  });

  it('a PNG-like binary', () => {
    const path = tmp.file('logo.png');
    const bytes = Buffer.alloc(4096);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 256;
    writeFileSync(path, bytes);
    expectRefused(path, 'not_sqlite', `${path} is not a Reconciler workspace: it is not a SQLite database. ${OPEN_OR_CREATE}`);
  });

  it('a zero-byte file (never silently initialised)', () => {
    const path = tmp.file('empty.reconciler');
    writeFileSync(path, '');
    expectRefused(path, 'not_workspace', `${path} is not a Reconciler workspace: the file is empty. ${OPEN_OR_CREATE}`);
  });

  it('a file that starts like SQLite but is cut short', () => {
    const path = tmp.file('short.reconciler');
    writeFileSync(path, 'SQLite format 3\0 and then nothing');
    expectRefused(path, 'not_sqlite', /it is not a SQLite database/);
  });

  it('a folder', () => {
    const path = tmp.file('folder.reconciler');
    mkdirSync(path);
    let error: unknown;
    try {
      openWorkspace(path);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'not_workspace', message: expect.stringMatching(/it is a folder/) });
  });

  it('a SQLite database from another application', () => {
    const path = tmp.file('other.db');
    const db = new Database(path);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')");
    db.close();
    expectRefused(
      path,
      'not_workspace',
      `${path} is not a Reconciler workspace: it is a SQLite database from another application. ${OPEN_OR_CREATE}`,
    );
  });

  it('a WAL-mode SQLite database from another application, closed', () => {
    const path = tmp.file('other-wal.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    expectRefused(path, 'not_workspace', /from another application/);
  });

  it('a WAL-mode SQLite database from another application that is open elsewhere', () => {
    const path = tmp.file('busy.db');
    const other = new Database(path);
    other.pragma('journal_mode = WAL');
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')");
    try {
      expect(listDir(tmp.dir())).toEqual(['busy.db', 'busy.db-shm', 'busy.db-wal']);
      expectRefused(path, 'not_workspace', /from another application/);
    } finally {
      other.close();
    }
  });

  it('a SQLite database that claims our application id but has no schema history', () => {
    const path = tmp.file('fake.reconciler');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expectRefused(path, 'not_workspace', /it has no schema history/);
  });

  it('a SQLite database with a schema_migrations table but not our application id', () => {
    const path = tmp.file('lookalike.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT, checksum TEXT, applied_at TEXT)');
    db.close();
    expectRefused(path, 'not_workspace', /from another application/);
  });
});

describe('openWorkspace refuses workspaces it cannot safely write', () => {
  it('a workspace written by a newer version (unknown migration 999)', () => {
    const path = tamperedWorkspace('newer.reconciler', (db) => {
      db.exec(`CREATE TABLE future (x); INSERT INTO schema_migrations VALUES (999, 'future', 'f00d', '2031-01-01T00:00:00Z')`);
    });
    expectRefused(
      path,
      'newer_version',
      `${path} was written by a newer version of Reconciler (schema 999; this version knows up to ${LATEST_SCHEMA}). Update Reconciler to open it.`,
    );
  });

  it('a workspace whose applied migration differs from ours (checksum mismatch)', () => {
    const path = tamperedWorkspace('edited.reconciler', (db) => {
      db.exec(`UPDATE schema_migrations SET checksum = 'deadbeef' WHERE id = 1`);
    });
    expectRefused(path, 'checksum_mismatch', /cannot be opened safely: its schema step 1 \(init\) differs/);
  });

  it('a workspace whose history is empty', () => {
    const path = tamperedWorkspace('emptied.reconciler', (db) => {
      db.exec('DELETE FROM schema_migrations');
    });
    expectRefused(path, 'not_workspace', /no schema history/);
  });

  it('a damaged workspace (schema history with other columns)', () => {
    const path = tamperedWorkspace('odd.reconciler', (db) => {
      db.exec('DROP TABLE schema_migrations; CREATE TABLE schema_migrations (version TEXT)');
    });
    expectRefused(path, 'not_workspace', /schema history is not in the form/);
  });
});

describe('openWorkspace refuses workspaces whose own SQL was changed outside Reconciler', () => {
  /** A workspace with two imported accounts, copied (as if received from someone), then tampered with. */
  function receivedWorkspace(tamper: (db: Database.Database) => void): string {
    const original = tmp.file('books.reconciler');
    const ws = openWorkspace(original, { create: true });
    ws.accounts.replaceAll(ws.imports.begin('cocoon', 'accounts.csv', 'abc'), [account(1), account(2)]);
    ws.close();
    const path = tmp.file('received.reconciler');
    copyFileSync(original, path);
    const db = new Database(path, { fileMustExist: true });
    tamper(db);
    db.close();
    expect(listDir(tmp.dir())).toEqual(['books.reconciler', 'received.reconciler']);
    return path;
  }

  it('an extra trigger that rewrites account names during the next import', () => {
    const path = receivedWorkspace((db) => {
      db.exec(`CREATE TRIGGER pay_here AFTER INSERT ON billing_accounts
        BEGIN UPDATE billing_accounts SET name = 'Pay to 12-34-56 87654321' WHERE code = NEW.code; END`);
    });
    expectRefused(
      path,
      'unexpected_schema',
      `${path} cannot be opened safely: its database structure was changed outside Reconciler (an extra trigger "pay_here" on billing_accounts). ` +
        'It was left untouched. ' +
        'Open a copy of the workspace you trust, or create a new workspace and import your files again.',
    );
    // The untampered original still opens and imports as before.
    const ws = openWorkspace(tmp.file('books.reconciler'));
    ws.accounts.replaceAll(ws.imports.begin('cocoon', 'accounts.csv', 'def'), [account(1), account(3)]);
    expect(ws.accounts.list().map((a) => a.name)).toEqual(['Customer 1 Ltd', 'Customer 3 Ltd']);
    ws.close();
  });

  it('an extra view', () => {
    const path = receivedWorkspace((db) => db.exec('CREATE VIEW names AS SELECT code, name FROM billing_accounts'));
    expectRefused(path, 'unexpected_schema', /\(an extra view "names"\)/);
  });

  it('an altered table', () => {
    const path = receivedWorkspace((db) => db.exec(`ALTER TABLE billing_accounts ADD COLUMN bank TEXT NOT NULL DEFAULT ''`));
    expectRefused(path, 'unexpected_schema', /\(a changed table "billing_accounts"\)/);
  });

  it('an extra index', () => {
    const path = receivedWorkspace((db) => db.exec('CREATE INDEX billing_accounts_name ON billing_accounts (name)'));
    expectRefused(path, 'unexpected_schema', /\(an extra index "billing_accounts_name" on billing_accounts\)/);
  });

  it('a missing trigger (the audit log made editable)', () => {
    const path = receivedWorkspace((db) => db.exec('DROP TRIGGER audit_log_no_update'));
    expectRefused(path, 'unexpected_schema', /\(a missing trigger "audit_log_no_update" on audit_log\)/);
  });

  it('names several changes at once, the extras first', () => {
    const path = receivedWorkspace((db) => {
      db.exec('CREATE VIEW v1 AS SELECT 1; CREATE VIEW v2 AS SELECT 2; DROP INDEX imports_kind');
    });
    expectRefused(path, 'unexpected_schema', /\(an extra view "v1"; an extra view "v2"; a missing index "imports_kind" on imports\)/);
  });
});
