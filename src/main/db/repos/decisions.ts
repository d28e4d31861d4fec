// User decisions about billing accounts: append-only history; the current decision is the newest not undone.
import { type NowIso, type Db, fromJson, isoNow, toJson } from './common';
import type { FieldChange } from '../../../shared/review';

export type DecisionSource = 'manual' | 'bulk';

export interface Decision {
  id: number;
  accountCode: string;
  /** What the user decided, e.g. "link", "ignore", "correct" (the contract owns the list). */
  action: string;
  xeroContactId: string | null;
  payload: unknown;
  note: string;
  source: DecisionSource;
  createdAt: string;
  undoneAt: string | null;
  /** The bulk apply that made it (its decisions are undone together); null for one made by hand. */
  batchId: number | null;
}

export interface NewDecision {
  accountCode: string;
  action: string;
  xeroContactId?: string | null;
  payload?: unknown;
  note?: string;
  source?: DecisionSource;
  /** See Decision.batchId (newBatchId() gives one). */
  batchId?: number | null;
  /** Defaults to now. */
  createdAt?: string;
}

export interface DecisionRow {
  id: number;
  account_code: string;
  action: string;
  xero_contact_id: string | null;
  payload_json: string | null;
  note: string;
  source: DecisionSource;
  created_at: string;
  undone_at: string | null;
  batch_id: number | null;
}

const SELECT =
  'SELECT id, account_code, action, xero_contact_id, payload_json, note, source, created_at, undone_at, batch_id FROM decisions';

const toDecision = (r: DecisionRow): Decision => ({
  id: r.id,
  accountCode: r.account_code,
  action: r.action,
  xeroContactId: r.xero_contact_id,
  payload: fromJson(r.payload_json),
  note: r.note,
  source: r.source,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
  batchId: r.batch_id,
});

export function createDecisionsRepo(db: Db, now: NowIso = isoNow) {
  const insert = db.prepare<[Omit<DecisionRow, 'id' | 'undone_at'>]>(
    `INSERT INTO decisions (account_code, action, xero_contact_id, payload_json, note, source, created_at, batch_id)
     VALUES (@account_code, @action, @xero_contact_id, @payload_json, @note, @source, @created_at, @batch_id)`,
  );
  const lastBatch = db.prepare<[], number>('SELECT coalesce(max(batch_id), 0) FROM decisions').pluck();
  const liveOfBatch = db.prepare<[number], DecisionRow>(`${SELECT} WHERE batch_id = ? AND undone_at IS NULL ORDER BY id`);
  const ofBatch = db.prepare<[number], number>('SELECT count(*) FROM decisions WHERE batch_id = ?').pluck();
  const byId = db.prepare<[number], DecisionRow>(`${SELECT} WHERE id = ?`);
  const currentOf = db.prepare<[string], DecisionRow>(`${SELECT} WHERE account_code = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`);
  const markUndone = db.prepare<[string, number]>('UPDATE decisions SET undone_at = ? WHERE id = ? AND undone_at IS NULL');
  const allCurrent = db.prepare<[], DecisionRow>(
    `${SELECT} WHERE id IN (SELECT max(id) FROM decisions WHERE undone_at IS NULL GROUP BY account_code)
     ORDER BY account_code`,
  );
  const currentOfMany = db.prepare<[string], DecisionRow>(
    `${SELECT} WHERE id IN (SELECT max(id) FROM decisions WHERE undone_at IS NULL AND account_code IN (SELECT value FROM json_each(?)) GROUP BY account_code)`,
  );
  const historyOf = db.prepare<[string], DecisionRow>(`${SELECT} WHERE account_code = ? ORDER BY id`);
  // Every current decision's Xero changes (what a new decision could contradict).
  const xeroChanges = db
    .prepare<[], [string, string]>(
      `SELECT d.account_code, j.value FROM decisions d, json_each(d.payload_json, '$.changes') j
       WHERE d.id IN (SELECT max(id) FROM decisions WHERE undone_at IS NULL GROUP BY account_code)
         AND json_extract(j.value, '$.target') = 'xero'`,
    )
    .raw(true);

  const undo = db.transaction((accountCode: string, at: string): Decision | undefined => {
    const row = currentOf.get(accountCode);
    if (!row) return undefined;
    markUndone.run(at, row.id);
    return { ...toDecision(row), undoneAt: at };
  });

  return {
    /** Inserts a decision; returns it as stored (from the row written, not read back: a bulk apply writes thousands). */
    add(d: NewDecision): Decision {
      const row = {
        account_code: d.accountCode,
        action: d.action,
        xero_contact_id: d.xeroContactId ?? null,
        payload_json: toJson(d.payload),
        note: d.note ?? '',
        source: d.source ?? 'manual',
        created_at: d.createdAt ?? now(),
        batch_id: d.batchId ?? null,
      };
      const id = Number(insert.run(row).lastInsertRowid);
      return toDecision({ ...row, id, undone_at: null } as DecisionRow);
    },
    /** Undoes the account's current decision (the one before it, if any, becomes current). Returns what was undone. */
    undoLatest(accountCode: string): Decision | undefined {
      return undo(accountCode, now());
    },
    /** Undoes one decision if it is not undone yet (a later one on the account stays current). Returns it, undone. */
    undoById(id: number, at: string = now()): Decision | undefined {
      const row = byId.get(id);
      if (!row || row.undone_at !== null) return undefined;
      markUndone.run(at, id);
      return { ...toDecision(row), undoneAt: at };
    },
    /** A batch id no decision has yet (call inside the transaction that stores the batch). */
    newBatchId(): number {
      return (lastBatch.get() ?? 0) + 1;
    },
    /** How many decisions a batch made (undone ones included): 0 when there is no such batch. */
    batchSize(batchId: number): number {
      return ofBatch.get(batchId) ?? 0;
    },
    /**
     * Undoes every decision of a bulk apply that is not undone yet (a later decision on the same account stays
     * current). Returns what was undone.
     */
    undoBatch(batchId: number): Decision[] {
      const at = now();
      return db.transaction(() =>
        liveOfBatch.all(batchId).map((row) => {
          markUndone.run(at, row.id);
          return { ...toDecision(row), undoneAt: at };
        }),
      )();
    },
    current(accountCode: string): Decision | undefined {
      const row = currentOf.get(accountCode);
      return row && toDecision(row);
    },
    /** The current decision of every account that has one, by account code. */
    /** The current decisions of these accounts, by account code, in one read. */
    currentOf(accountCodes: Iterable<string>): Map<string, Decision> {
      return new Map(currentOfMany.all(JSON.stringify([...accountCodes])).map((r) => [r.account_code, toDecision(r)]));
    },
    listCurrent(): Decision[] {
      return allCurrent.all().map(toDecision);
    },
    /** Every current decision's Xero changes, with its account code, in one read. */
    currentXeroChanges(): { accountCode: string; change: FieldChange }[] {
      return xeroChanges.all().map(([accountCode, json]) => ({ accountCode, change: JSON.parse(json) as FieldChange }));
    },
    /** Every decision ever made about the account, oldest first, undone ones included. */
    history(accountCode: string): Decision[] {
      return historyOf.all(accountCode).map(toDecision);
    },
  };
}

export type DecisionsRepo = ReturnType<typeof createDecisionsRepo>;
