// The outbox: corrections (never deleted), the batches sent to Xero with their Idempotency-Keys, checklist ticks.
import type { CorrectionKind, CorrectionStatus, CorrectionTarget, FieldEdit } from '../../../shared/contract-outbox';
import type { FindingKind } from '../../../shared/domain';
import { type NowIso, type Db, fromJson, isoNow, toJson } from './common';

export type Json = Record<string, unknown>;

/** What the correction fixes, as it was when the correction was made. */
export interface FindingSnapshot {
  kind: FindingKind | null;
  explanation: string;
  accountName: string;
}

export interface Correction {
  id: number;
  decisionId: number | null;
  accountCode: string;
  target: CorrectionTarget;
  subject: string;
  kind: CorrectionKind;
  changes: FieldEdit[];
  /** The raw Xero contact as reviewed (with UpdatedDateUTC). */
  before: Json | null;
  /** ISO; the contact's UpdatedDateUTC when it was reviewed ('' when unknown). */
  reviewedUpdatedUtc: string;
  finding: FindingSnapshot | null;
  undoesId: number | null;
  status: CorrectionStatus;
  batchId: number | null;
  idempotencyKey: string | null;
  attempts: number;
  message: string;
  advice: string;
  after: Json | null;
  current: Json | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  resyncedAt: string | null;
}

/** A correction without the raw Xero contacts it keeps (as reviewed, as written, as Xero had it in a conflict). */
export type CorrectionHead = Omit<Correction, 'before' | 'after' | 'current'>;

export type NewCorrection = Pick<Correction, 'accountCode' | 'target' | 'subject' | 'kind' | 'changes'> &
  Partial<
    Pick<
      Correction,
      | 'decisionId'
      | 'before'
      | 'reviewedUpdatedUtc'
      | 'finding'
      | 'undoesId'
      | 'status'
      | 'message'
      | 'advice'
      | 'current'
      | 'after'
      | 'doneAt'
    >
  >;

/** Fields a status change may set; undefined = left as it is. */
export type CorrectionPatch = Partial<
  Pick<
    Correction,
    | 'status'
    | 'batchId'
    | 'idempotencyKey'
    | 'message'
    | 'advice'
    | 'after'
    | 'current'
    | 'doneAt'
    | 'resyncedAt'
    | 'before'
    | 'reviewedUpdatedUtc'
    | 'changes'
  >
>;

export interface Batch {
  id: number;
  kind: 'push' | 'undo';
  idempotencyKey: string;
  /** The elements exactly as sent (PascalCase). */
  body: Json[];
  correctionIds: number[];
  status: 'sending' | 'answered' | 'failed' | 'recovered';
  sends: number;
  createdAt: string;
  finishedAt: string | null;
  response: unknown;
}

/** A corrections row as read: the columns of `COLUMNS`, in that order (raw rows: objects of 23 columns cost 3× more). */
type CorrectionRow = [
  id: number,
  decision_id: number | null,
  account_code: string,
  target: CorrectionTarget,
  subject: string,
  kind: CorrectionKind,
  changes_json: string,
  before_json: string | null,
  reviewed_updated_utc: string,
  finding_json: string | null,
  undoes_id: number | null,
  status: CorrectionStatus,
  batch_id: number | null,
  idempotency_key: string | null,
  attempts: number,
  message: string,
  advice: string,
  after_json: string | null,
  current_json: string | null,
  created_at: string,
  updated_at: string,
  done_at: string | null,
  resynced_at: string | null,
];

interface BatchRow {
  id: number;
  kind: Batch['kind'];
  idempotency_key: string;
  body_json: string;
  correction_ids_json: string;
  status: Batch['status'];
  sends: number;
  created_at: string;
  finished_at: string | null;
  response_json: string | null;
}

// A row with more columns after the correction's (a flag a query adds) reads as its head too.
const toHead = (r: readonly [...CorrectionRow, ...unknown[]]): CorrectionHead => ({
  id: r[0],
  decisionId: r[1],
  accountCode: r[2],
  target: r[3],
  subject: r[4],
  kind: r[5],
  changes: JSON.parse(r[6]) as FieldEdit[],
  reviewedUpdatedUtc: r[8],
  finding: fromJson<FindingSnapshot>(r[9]),
  undoesId: r[10],
  status: r[11],
  batchId: r[12],
  idempotencyKey: r[13],
  attempts: r[14],
  message: r[15],
  advice: r[16],
  createdAt: r[19],
  updatedAt: r[20],
  doneAt: r[21],
  resyncedAt: r[22],
});

const toCorrection = (r: CorrectionRow): Correction => ({
  ...toHead(r),
  before: fromJson<Json>(r[7]),
  after: fromJson<Json>(r[17]),
  current: fromJson<Json>(r[18]),
});

const toBatch = (r: BatchRow): Batch => ({
  id: r.id,
  kind: r.kind,
  idempotencyKey: r.idempotency_key,
  body: JSON.parse(r.body_json) as Json[],
  correctionIds: JSON.parse(r.correction_ids_json) as number[],
  status: r.status,
  sends: r.sends,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  response: fromJson(r.response_json),
});

/** Column ← patch field, with how the value is stored. */
const PATCH_COLUMNS: Record<keyof CorrectionPatch, [string, (v: never) => unknown]> = {
  status: ['status', (v: string) => v],
  batchId: ['batch_id', (v: number | null) => v],
  idempotencyKey: ['idempotency_key', (v: string | null) => v],
  message: ['message', (v: string) => v],
  advice: ['advice', (v: string) => v],
  after: ['after_json', (v: Json | null) => toJson(v)],
  current: ['current_json', (v: Json | null) => toJson(v)],
  doneAt: ['done_at', (v: string | null) => v],
  resyncedAt: ['resynced_at', (v: string | null) => v],
  before: ['before_json', (v: Json | null) => toJson(v)],
  reviewedUpdatedUtc: ['reviewed_updated_utc', (v: string) => v],
  changes: ['changes_json', (v: FieldEdit[]) => JSON.stringify(v)],
};

const COLUMNS = `id, decision_id, account_code, target, subject, kind, changes_json, before_json, reviewed_updated_utc,
  finding_json, undoes_id, status, batch_id, idempotency_key, attempts, message, advice, after_json, current_json,
  created_at, updated_at, done_at, resynced_at`;
const SELECT = `SELECT ${COLUMNS} FROM corrections`;
/** Every column but the three copies of a raw Xero contact (the largest, and the slowest to parse). */
const HEADS = `SELECT ${COLUMNS.replace(/\b(before|after|current)_json\b/g, 'NULL')} FROM corrections ORDER BY id`;

export function createOutboxRepo(db: Db, now: NowIso = isoNow) {
  // Positional parameters: binding 18 named ones per row cost a tenth of a checklist's 18,000 inserts.
  const insert = db.prepare<unknown[]>(
    `INSERT INTO corrections (decision_id, account_code, target, subject, kind, changes_json, before_json, reviewed_updated_utc,
       finding_json, undoes_id, status, message, advice, after_json, current_json, created_at, updated_at, done_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], CorrectionRow>(`${SELECT} WHERE id = ?`).raw(true);
  const all = db.prepare<[], CorrectionRow>(`${SELECT} ORDER BY id`).raw(true);
  const allHeads = db.prepare<[], CorrectionRow>(HEADS).raw(true);
  const resultRows = db
    .prepare<[string], [...CorrectionRow, number]>(
      `${HEADS.replace(' FROM corrections ORDER BY id', ', after_json IS NOT NULL FROM corrections')}
       WHERE target = 'xero' AND kind IN (SELECT value FROM json_each(?)) AND status <> 'queued' AND NOT (status = 'undone' AND attempts = 0)
       ORDER BY id`,
    )
    .raw(true);
  const ofStatus = db.prepare<[string], CorrectionRow>(`${SELECT} WHERE status = ? ORDER BY id`).raw(true);
  const ofBatch = db.prepare<[number], CorrectionRow>(`${SELECT} WHERE batch_id = ? ORDER BY id`).raw(true);
  const queuedOf = db.prepare<[string], CorrectionRow>(`${SELECT} WHERE subject = ? AND status = 'queued' ORDER BY id`).raw(true);
  const undoOf = db.prepare<[number], CorrectionRow>(`${SELECT} WHERE undoes_id = ? ORDER BY id`).raw(true);
  const ofDecisions = db.prepare<[], CorrectionRow>(`${SELECT} WHERE decision_id IS NOT NULL ORDER BY id`).raw(true);
  const unsynced = db
    .prepare<[], CorrectionRow>(
      `${SELECT} WHERE target = 'xero' AND resynced_at IS NULL AND kind IN ('rename', 'account_number', 'restore', 'undo')
       AND (status IN ('done', 'failed', 'conflict') OR (status = 'undone' AND attempts > 0)) ORDER BY id`,
    )
    .raw(true);
  const counts = db.prepare<[], { status: CorrectionStatus; target: CorrectionTarget; n: number }>(
    'SELECT status, target, count(*) AS n FROM corrections GROUP BY status, target',
  );
  const addAttempt = db.prepare<[number, string, string, number]>(
    `UPDATE corrections SET status = 'sending', batch_id = ?, idempotency_key = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`,
  );
  const insertBatch = db.prepare<[Batch['kind'], string, string, string, string]>(
    `INSERT INTO outbox_batches (kind, idempotency_key, body_json, correction_ids_json, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const batchById = db.prepare<[number], BatchRow>('SELECT * FROM outbox_batches WHERE id = ?');
  const batchesOf = db.prepare<[string], BatchRow>('SELECT * FROM outbox_batches WHERE status = ? ORDER BY id');
  const finishBatch = db.prepare<[string, string, string | null, number]>(
    'UPDATE outbox_batches SET status = ?, finished_at = ?, response_json = ? WHERE id = ?',
  );
  const resent = db.prepare<[number]>('UPDATE outbox_batches SET sends = sends + 1 WHERE id = ?');
  const resentAs = db.prepare<[string, number]>('UPDATE outbox_batches SET body_json = ?, sends = sends + 1 WHERE id = ?');
  const tickRow = db.prepare<[string, string]>(
    'INSERT INTO checklist_ticks (item_key, ticked_at) VALUES (?, ?) ON CONFLICT (item_key) DO NOTHING',
  );
  const untickRow = db.prepare<[string]>('DELETE FROM checklist_ticks WHERE item_key = ?');
  const allTicks = db.prepare<[], { item_key: string; ticked_at: string }>('SELECT item_key, ticked_at FROM checklist_ticks');

  const patchStatements = new Map<string, ReturnType<Db['prepare']>>();
  function patch(id: number, p: CorrectionPatch): void {
    const keys = (Object.keys(p) as (keyof CorrectionPatch)[]).filter((k) => p[k] !== undefined);
    const sig = keys.join(',');
    let stmt = patchStatements.get(sig);
    if (!stmt) {
      const sets = keys.map((k) => `${PATCH_COLUMNS[k][0]} = @${k}`);
      stmt = db.prepare(`UPDATE corrections SET ${[...sets, 'updated_at = @updatedAt'].join(', ')} WHERE id = @id`);
      patchStatements.set(sig, stmt);
    }
    const values: Record<string, unknown> = { id, updatedAt: now() };
    for (const k of keys) values[k] = PATCH_COLUMNS[k][1](p[k] as never);
    stmt.run(values);
  }

  return {
    /** Inserts a correction; returns it as stored (built from what was written, not read back: 10,000 at a time). */
    add(c: NewCorrection): Correction {
      const at = now();
      const stored = {
        decisionId: c.decisionId ?? null,
        before: c.before ?? null,
        reviewedUpdatedUtc: c.reviewedUpdatedUtc ?? '',
        finding: c.finding ?? null,
        undoesId: c.undoesId ?? null,
        status: c.status ?? 'queued',
        message: c.message ?? '',
        advice: c.advice ?? '',
        after: c.after ?? null,
        current: c.current ?? null,
        doneAt: c.doneAt ?? null,
      };
      const id = Number(
        insert.run(
          stored.decisionId,
          c.accountCode,
          c.target,
          c.subject,
          c.kind,
          JSON.stringify(c.changes),
          toJson(stored.before),
          stored.reviewedUpdatedUtc,
          toJson(stored.finding),
          stored.undoesId,
          stored.status,
          stored.message,
          stored.advice,
          toJson(stored.after),
          toJson(stored.current),
          at, // created_at
          at, // updated_at
          stored.doneAt,
        ).lastInsertRowid,
      );
      // A literal of every field (spreads of 10,000 corrections cost more than their inserts' own work).
      return {
        id,
        accountCode: c.accountCode,
        target: c.target,
        subject: c.subject,
        kind: c.kind,
        changes: c.changes.map((e) => ({ ...e })),
        decisionId: stored.decisionId,
        before: stored.before,
        reviewedUpdatedUtc: stored.reviewedUpdatedUtc,
        finding: stored.finding,
        undoesId: stored.undoesId,
        status: stored.status,
        message: stored.message,
        advice: stored.advice,
        after: stored.after,
        current: stored.current,
        doneAt: stored.doneAt,
        batchId: null,
        idempotencyKey: null,
        attempts: 0,
        createdAt: at,
        updatedAt: at,
        resyncedAt: null,
      };
    },
    get(id: number): Correction | undefined {
      const row = byId.get(id);
      return row && toCorrection(row);
    },
    list(query: { status?: CorrectionStatus } = {}): Correction[] {
      return (query.status ? ofStatus.all(query.status) : all.all()).map(toCorrection);
    },
    /** Every correction without its raw Xero contacts: what the plan and the checklist read (10,000 of them, each time). */
    heads(): CorrectionHead[] {
      return allHeads.all().map(toHead);
    },
    /**
     * The heads of what pushes wrote or tried to write (Xero corrections of these kinds, not queued, and not withdrawn
     * before an attempt), with whether Xero's answer after the write is kept (an undo writes from it), by id.
     */
    resultHeads(kinds: readonly string[]): (CorrectionHead & { hasAfter: boolean })[] {
      return resultRows.all(JSON.stringify(kinds)).map((r) => ({ ...toHead(r), hasAfter: r[23] === 1 }));
    },
    /** Corrections made from decisions (undo rows excluded). */
    fromDecisions(): Correction[] {
      return ofDecisions.all().map(toCorrection);
    },
    /** The queued corrections of one subject (a Xero ContactID as stored, or a billing account code). */
    queuedOf(subject: string): Correction[] {
      return queuedOf.all(subject).map(toCorrection);
    },
    ofBatch(batchId: number): Correction[] {
      return ofBatch.all(batchId).map(toCorrection);
    },
    undoRowsOf(id: number): Correction[] {
      return undoOf.all(id).map(toCorrection);
    },
    /** Xero corrections that reached Xero (or were refused) and whose contact the workspace has not re-read since. */
    needingResync(): Correction[] {
      return unsynced.all().map(toCorrection);
    },
    counts(): { status: CorrectionStatus; target: CorrectionTarget; n: number }[] {
      return counts.all();
    },
    patch,
    /** Marks a correction as sent in `batchId` with `key` (one more attempt). */
    markSending(id: number, batchId: number, key: string): void {
      addAttempt.run(batchId, key, now(), id);
    },
    addBatch(kind: Batch['kind'], key: string, body: Json[], correctionIds: number[]): number {
      return Number(insertBatch.run(kind, key, JSON.stringify(body), JSON.stringify(correctionIds), now()).lastInsertRowid);
    },
    batch(id: number): Batch | undefined {
      const row = batchById.get(id);
      return row && toBatch(row);
    },
    batches(status: Batch['status']): Batch[] {
      return batchesOf.all(status).map(toBatch);
    },
    finishBatch(id: number, status: Exclude<Batch['status'], 'sending'>, response?: unknown): void {
      finishBatch.run(status, now(), toJson(response), id);
    },
    countResend(id: number): void {
      resent.run(id);
    },
    /** The batch's key is about to be sent again with another body: that body is now the one recorded. */
    resendAs(id: number, body: Json[]): void {
      resentAs.run(JSON.stringify(body), id);
    },
    tick(key: string, at: string = now()): void {
      tickRow.run(key, at);
    },
    untick(key: string): void {
      untickRow.run(key);
    },
    ticks(): Map<string, string> {
      return new Map(allTicks.all().map((r) => [r.item_key, r.ticked_at]));
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
