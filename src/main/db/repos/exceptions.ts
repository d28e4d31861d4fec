// CocoonOPS sync exceptions: batches (files imported, messages pasted) and the exceptions with their playbook,
// invoice-number verdict and resolution; plus the synced documents the invoice-number check looks up.
import type {
  Classification,
  DocType,
  ExceptionInput,
  ExceptionItem,
  ExceptionSource,
  ExceptionsQuery,
  InvoiceCheck,
  MessageDetails,
  PlaybookId,
  Verdict,
  XeroDocument,
} from '../../../shared/exceptions';
import { type NowIso, type Db, fromJson, isoNow, toJson } from './common';

export interface ExceptionRow {
  id: number;
  dedupe_key: string;
  batch_id: number;
  last_batch_id: number;
  source: ExceptionSource;
  file_name: string | null;
  row: number | null;
  message: string;
  doc_type: DocType | null;
  number: string;
  account_code: string;
  contact_name: string;
  date: string;
  total: number | null;
  currency: string;
  state: string;
  raised_at: string;
  playbook: PlaybookId;
  also_json: string;
  details_json: string;
  verdict: Verdict | null;
  check_json: string | null;
  checked_at: string | null;
  imported_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  resolved_note: string;
}

/** One exception to store (the dedupe key makes a second sighting an update). */
export interface ExceptionWrite {
  key: string;
  batchId: number;
  source: ExceptionSource;
  fileName: string | null;
  row: number | null;
  input: ExceptionInput;
  classification: Classification;
  check: InvoiceCheck | null;
}

export interface ExceptionWriteResult {
  id: number;
  created: boolean;
  /** It was marked resolved before this sighting. */
  wasResolved: boolean;
}

const COLUMNS = `id, dedupe_key, batch_id, last_batch_id, source, file_name, row, message, doc_type, number, account_code, contact_name,
  date, total, currency, state, raised_at, playbook, also_json, details_json, verdict, check_json, checked_at, imported_at, last_seen_at,
  resolved_at, resolved_note`;

const toItem = (r: ExceptionRow): ExceptionItem => ({
  id: r.id,
  source: r.source,
  fileName: r.file_name,
  row: r.row,
  message: r.message,
  docType: r.doc_type,
  number: r.number,
  accountCode: r.account_code,
  contactName: r.contact_name,
  date: r.date,
  total: r.total,
  currency: r.currency,
  state: r.state,
  raisedAt: r.raised_at,
  playbookId: r.playbook,
  also: JSON.parse(r.also_json) as PlaybookId[],
  details: JSON.parse(r.details_json) as MessageDetails,
  verdict: r.verdict,
  check: fromJson<InvoiceCheck>(r.check_json),
  checkedAt: r.checked_at,
  importedAt: r.imported_at,
  lastSeenAt: r.last_seen_at,
  resolvedAt: r.resolved_at,
  resolvedNote: r.resolved_note,
});

interface DocumentRow {
  invoice_id: string;
  doc_type: DocType;
  type: string;
  number: string;
  contact_id: string;
  contact_name: string;
  date: string;
  total: number;
  currency: string;
  status: string;
  account_number: string | null;
}

export function createExceptionsRepo(db: Db, now: NowIso = isoNow) {
  const insertBatch = db.prepare<[ExceptionSource, string | null, string | null, number, string, string | null]>(
    'INSERT INTO exception_batches (source, file_name, sha256, row_count, imported_at, detail_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byKey = db.prepare<[string], { id: number; resolved_at: string | null }>(
    'SELECT id, resolved_at FROM exceptions WHERE dedupe_key = ?',
  );
  const byId = db.prepare<[number], ExceptionRow>(`SELECT ${COLUMNS} FROM exceptions WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO exceptions (dedupe_key, batch_id, last_batch_id, source, file_name, row, message, doc_type, number, account_code,
       contact_name, date, total, currency, state, raised_at, playbook, also_json, details_json, verdict, check_json, checked_at,
       imported_at, last_seen_at)
     VALUES (@key, @batch, @batch, @source, @file_name, @row, @message, @doc_type, @number, @account_code, @contact_name, @date,
       @total, @currency, @state, @raised_at, @playbook, @also_json, @details_json, @verdict, @check_json, @checked_at, @at, @at)`,
  );
  // A second sighting refreshes what CocoonOPS says and the derived columns; the first import and the resolution stay.
  const refresh = db.prepare(
    `UPDATE exceptions SET last_batch_id = @batch, file_name = @file_name, row = @row, message = @message, doc_type = @doc_type,
       number = @number, account_code = @account_code, contact_name = @contact_name, date = @date, total = @total,
       currency = @currency, state = @state, raised_at = @raised_at, playbook = @playbook, also_json = @also_json,
       details_json = @details_json, verdict = @verdict, check_json = @check_json, checked_at = @checked_at, last_seen_at = @at
     WHERE id = @id`,
  );
  const setCheck = db.prepare<[Verdict | null, string | null, string | null, number]>(
    'UPDATE exceptions SET verdict = ?, check_json = ?, checked_at = ? WHERE id = ?',
  );
  const setResolved = db.prepare<[string | null, string, number]>('UPDATE exceptions SET resolved_at = ?, resolved_note = ? WHERE id = ?');
  const list = db.prepare<{ playbook: string | null; verdict: string | null; resolved: number | null }, ExceptionRow>(
    `SELECT ${COLUMNS} FROM exceptions
     WHERE (@playbook IS NULL OR playbook = @playbook)
       AND (@verdict IS NULL OR verdict = @verdict)
       AND (@resolved IS NULL OR (resolved_at IS NOT NULL) = @resolved)
     ORDER BY id`,
  );
  const total = db.prepare<[], number>('SELECT count(*) FROM exceptions').pluck();
  const documents = db.prepare<[string], DocumentRow>(
    `SELECT i.invoice_id, i.doc_type, i.type, i.number, i.contact_id, i.contact_name, i.date, i.total, i.currency, i.status,
       c.account_number
     FROM xero_invoices i LEFT JOIN xero_contacts c ON c.contact_id = i.contact_id
     WHERE i.number = ? COLLATE NOCASE
     ORDER BY i.invoice_id`,
  );

  return {
    /** Records a file imported or a message pasted; returns the batch id. */
    beginBatch(source: ExceptionSource, fileName: string | null, sha256: string | null, rowCount: number, detail?: unknown): number {
      return Number(insertBatch.run(source, fileName, sha256, rowCount, now(), toJson(detail)).lastInsertRowid);
    },
    /** Inserts an exception, or refreshes the one with the same key (keeping its first import and its resolution). */
    write(w: ExceptionWrite): ExceptionWriteResult {
      const at = now();
      const params = {
        key: w.key,
        batch: w.batchId,
        source: w.source,
        file_name: w.fileName,
        row: w.row,
        message: w.input.message,
        doc_type: w.input.docType,
        number: w.input.number,
        account_code: w.input.accountCode,
        contact_name: w.input.contactName,
        date: w.input.date,
        total: w.input.total,
        currency: w.input.currency,
        state: w.input.state,
        raised_at: w.input.raisedAt,
        playbook: w.classification.playbookId,
        also_json: JSON.stringify(w.classification.also),
        details_json: JSON.stringify(w.classification.details),
        verdict: w.check?.verdict ?? null,
        check_json: toJson(w.check),
        checked_at: w.check ? at : null,
        at,
      };
      const existing = byKey.get(w.key);
      if (existing) {
        refresh.run({ ...params, id: existing.id });
        return { id: existing.id, created: false, wasResolved: existing.resolved_at !== null };
      }
      return { id: Number(insert.run(params).lastInsertRowid), created: true, wasResolved: false };
    },
    get(id: number): ExceptionItem | undefined {
      const row = byId.get(id);
      return row && toItem(row);
    },
    /** In import order, filtered by playbook, verdict and resolved state. */
    list(query: ExceptionsQuery = {}): ExceptionItem[] {
      return list
        .all({
          playbook: query.playbook ?? null,
          verdict: query.verdict ?? null,
          resolved: query.resolved === undefined ? null : query.resolved ? 1 : 0,
        })
        .map(toItem);
    },
    setCheck(id: number, check: InvoiceCheck | null): void {
      setCheck.run(check?.verdict ?? null, toJson(check), check ? now() : null, id);
    },
    /** Marks resolved (at = now) or unresolved (null); returns false when there is no such exception. */
    setResolved(id: number, resolved: boolean, note = ''): boolean {
      return setResolved.run(resolved ? now() : null, note, id).changes > 0;
    },
    count(): number {
      return total.get() ?? 0;
    },
    /** Every synced invoice, credit note and bill with this number (any case), with its contact's AccountNumber. */
    documentsByNumber(number: string): XeroDocument[] {
      return documents.all(number.trim()).map((r) => ({
        invoiceId: r.invoice_id,
        docType: r.doc_type,
        type: r.type,
        number: r.number,
        contactId: r.contact_id,
        contactName: r.contact_name,
        contactAccountNumber: r.account_number,
        date: r.date,
        total: r.total,
        currency: r.currency,
        status: r.status,
      }));
    },
  };
}

export type ExceptionsRepo = ReturnType<typeof createExceptionsRepo>;
