// Import runs: one row per CocoonOPS file, Xero file or Xero sync, with its outcome.
import { type NowIso, type Db, fromJson, isoNow, toJson } from './common';

export type ImportKind = 'cocoon' | 'xero_file' | 'xero_sync';
export type ImportStatus = 'running' | 'complete' | 'failed';

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  fileName: string | null;
  sha256: string | null;
  rowCount: number | null;
  status: ImportStatus;
  startedAt: string;
  finishedAt: string | null;
  /** What complete() was given, or `{ error }` for a failed import. */
  detail: unknown;
}

export interface ImportRow {
  id: number;
  kind: ImportKind;
  file_name: string | null;
  sha256: string | null;
  row_count: number | null;
  status: ImportStatus;
  started_at: string;
  finished_at: string | null;
  detail_json: string | null;
}

const COLUMNS = 'id, kind, file_name, sha256, row_count, status, started_at, finished_at, detail_json';

const toRecord = (r: ImportRow): ImportRecord => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  rowCount: r.row_count,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  detail: fromJson(r.detail_json),
});

export function createImportsRepo(db: Db, now: NowIso = isoNow) {
  const insert = db.prepare<[ImportKind, string | null, string | null, string]>(
    `INSERT INTO imports (kind, file_name, sha256, status, started_at) VALUES (?, ?, ?, 'running', ?)`,
  );
  const finish = db.prepare<[ImportStatus, number | null, string, string | null, number]>(
    `UPDATE imports SET status = ?, row_count = ?, finished_at = ?, detail_json = ? WHERE id = ? AND status = 'running'`,
  );
  const byId = db.prepare<[number], ImportRow>(`SELECT ${COLUMNS} FROM imports WHERE id = ?`);
  const latestOf = db.prepare<{ kind: ImportKind | null; status: ImportStatus | null }, ImportRow>(
    `SELECT ${COLUMNS} FROM imports
     WHERE (@kind IS NULL OR kind = @kind) AND (@status IS NULL OR status = @status)
     ORDER BY id DESC LIMIT 1`,
  );
  const all = db.prepare<[], ImportRow>(`SELECT ${COLUMNS} FROM imports ORDER BY id DESC`);

  function end(id: number, status: ImportStatus, rowCount: number | null, detail: unknown): void {
    if (finish.run(status, rowCount, now(), toJson(detail), id).changes === 0) {
      throw new Error(`import ${id} does not exist or has already finished`);
    }
  }

  return {
    /** Records the start of an import and returns its id. */
    begin(kind: ImportKind, fileName: string | null, sha256: string | null): number {
      return Number(insert.run(kind, fileName, sha256, now()).lastInsertRowid);
    },
    complete(id: number, rowCount: number, detail?: unknown): void {
      end(id, 'complete', rowCount, detail);
    },
    fail(id: number, message: string): void {
      end(id, 'failed', null, { error: message });
    },
    get(id: number): ImportRecord | undefined {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    /** The newest import, optionally of one kind and/or status (e.g. the last complete Xero sync). */
    latest(kind?: ImportKind, status?: ImportStatus): ImportRecord | undefined {
      const row = latestOf.get({ kind: kind ?? null, status: status ?? null });
      return row && toRecord(row);
    },
    /** Every import, newest first. */
    list(): ImportRecord[] {
      return all.all().map(toRecord);
    },
  };
}

export type ImportsRepo = ReturnType<typeof createImportsRepo>;
