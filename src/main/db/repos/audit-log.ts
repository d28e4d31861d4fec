// The audit log: append-only (the schema's triggers refuse UPDATE and DELETE).
import { type NowIso, type Db, fromJson, isoNow, toJson } from './common';

export interface AuditEntry {
  id: number;
  at: string;
  /** Who acted: "user", "cli", "sync", … */
  actor: string;
  /** What was done, e.g. "import.cocoon", "decision.add", "outbox.push". */
  action: string;
  /** What it was done to, e.g. an account code or contact id ('' when none). */
  subject: string;
  before: unknown;
  after: unknown;
  /** "ok", "failed", … */
  result: string;
  detail: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'subject' | 'before' | 'after' | 'detail'> &
  Partial<Pick<AuditEntry, 'at' | 'subject' | 'before' | 'after' | 'detail'>>;

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string | null;
  after_json: string | null;
  result: string;
  detail_json: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  before: fromJson(r.before_json),
  after: fromJson(r.after_json),
  result: r.result,
  detail: fromJson(r.detail_json),
});

export function createAuditLogRepo(db: Db, now: NowIso = isoNow) {
  const insert = db.prepare<[Omit<AuditRow, 'id'>]>(
    `INSERT INTO audit_log (at, actor, action, subject, before_json, after_json, result, detail_json)
     VALUES (@at, @actor, @action, @subject, @before_json, @after_json, @result, @detail_json)`,
  );
  const page = db.prepare<[number, number], AuditRow>(
    `SELECT id, at, actor, action, subject, before_json, after_json, result, detail_json
     FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?`,
  );
  const total = db.prepare<[], number>('SELECT count(*) FROM audit_log').pluck();

  return {
    /** Appends an entry and returns its id. */
    append(entry: NewAuditEntry): number {
      return Number(
        insert.run({
          at: entry.at ?? now(),
          actor: entry.actor,
          action: entry.action,
          subject: entry.subject ?? '',
          before_json: toJson(entry.before),
          after_json: toJson(entry.after),
          result: entry.result,
          detail_json: toJson(entry.detail),
        }).lastInsertRowid,
      );
    },
    /** Entries newest first. */
    list({ limit = 100, offset = 0 }: { limit?: number; offset?: number } = {}): AuditEntry[] {
      return page.all(limit, offset).map(toEntry);
    },
    count(): number {
      return total.get() ?? 0;
    },
  };
}

export type AuditLogRepo = ReturnType<typeof createAuditLogRepo>;
