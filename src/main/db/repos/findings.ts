// Derived findings: replaced as a whole on each recompute, in one transaction.
import {
  FAILING_KINDS,
  FINDING_KINDS,
  type Candidate,
  type Contribution,
  type Finding,
  type FindingKind,
  type MatchResult,
  type SuggestedFix,
  type SyncPrediction,
  type XeroFinding,
} from '../../../shared/domain';
import type { Db } from './common';

export interface FindingRow {
  account_code: string;
  account_row: number;
  kind: FindingKind;
  score: number;
  xero_contact_id: string | null;
  code_holder_id: string | null;
  explanation: string;
  fix: SuggestedFix;
  /** JSON of FindingDetail. */
  detail_json: string;
  computed_at: string;
}

export interface FindingDetail {
  contributions: Contribution[];
  candidates: Candidate[];
  /** Absent in findings stored before the sync model (their kind says little: see MODEL_KEY). */
  sync?: SyncPrediction;
}

export interface XeroFindingRow {
  id: number;
  kind: XeroFinding['kind'];
  contact_ids_json: string;
  score: number;
  explanation: string;
  computed_at: string;
}

/** The sync_state key that records when findings were last computed. */
export const COMPUTED_AT_KEY = 'findings.computed_at';
/** The sync_state key that records which version of the sync model computed the findings. */
export const MODEL_KEY = 'findings.model';
/** Bumped when the sync model changes what a finding means: older findings are shown as out of date. */
export const SYNC_MODEL_VERSION = '3';

const SELECT = `SELECT account_code, account_row, kind, score, xero_contact_id, code_holder_id, explanation, fix,
  detail_json, computed_at FROM findings`;

/** Findings computed before the sync outcome was kept: read as the kind says, with a note to match again. */
const olderSync = (kind: FindingKind): Finding['sync'] => ({
  outcome: FAILING_KINDS.includes(kind) ? 'refused' : 'filed',
  message: null,
  doubt: 'computed by an older version: match again',
});

// Two readers of one row on purpose: a plain object (most reads; spreading the lazy one took twice as long per read) and
// one whose detail is parsed only when asked (a bulk apply reads thousands and looks at few).
function toFinding(r: FindingRow): Finding {
  const detail = JSON.parse(r.detail_json) as FindingDetail;
  return {
    accountCode: r.account_code,
    accountRow: r.account_row,
    kind: r.kind,
    xeroContactId: r.xero_contact_id,
    codeHolderId: r.code_holder_id,
    score: r.score,
    explanation: r.explanation,
    contributions: detail.contributions,
    candidates: detail.candidates,
    fix: r.fix,
    sync: detail.sync ?? olderSync(r.kind),
  };
}

/** A findings row as an array, in LAZY_COLUMNS' order. */
type LazyRow = [string, number, FindingKind, number, string | null, string | null, string, SuggestedFix, string];
const LAZY_COLUMNS = 'account_code, account_row, kind, score, xero_contact_id, code_holder_id, explanation, fix, detail_json';

/**
 * The same finding, its detail (candidates, contributions, sync outcome) parsed when first read. A class, so that
 * making thousands costs no more than reading their rows (an object literal with getters cost 2.5× as much); its
 * detail is not an own property, so a spread copy lacks it: JSON.stringify goes through toJSON, which has all.
 */
class LazyFinding implements Finding {
  readonly accountCode: string;
  readonly accountRow: number;
  readonly kind: FindingKind;
  readonly score: number;
  readonly xeroContactId: string | null;
  readonly codeHolderId: string | null;
  readonly explanation: string;
  readonly fix: SuggestedFix;
  readonly #json: string;
  #detail: FindingDetail | undefined;

  constructor(r: LazyRow) {
    [this.accountCode, this.accountRow, this.kind, this.score, this.xeroContactId, this.codeHolderId, this.explanation, this.fix] = r;
    this.#json = r[8];
  }

  #parsed(): FindingDetail {
    return (this.#detail ??= JSON.parse(this.#json) as FindingDetail);
  }
  get contributions(): Contribution[] {
    return this.#parsed().contributions;
  }
  get candidates(): Candidate[] {
    return this.#parsed().candidates;
  }
  get sync(): Finding['sync'] {
    return this.#parsed().sync ?? olderSync(this.kind);
  }
  toJSON(): Finding {
    return { ...this, contributions: this.contributions, candidates: this.candidates, sync: this.sync };
  }
}

const toXeroFinding = (r: XeroFindingRow): XeroFinding => ({
  kind: r.kind,
  contactIds: JSON.parse(r.contact_ids_json) as string[],
  score: r.score,
  explanation: r.explanation,
});

export function createFindingsRepo(db: Db) {
  const clear = db.prepare('DELETE FROM findings');
  const clearXero = db.prepare('DELETE FROM xero_findings');
  const insert = db.prepare<[FindingRow]>(
    `INSERT INTO findings (account_code, account_row, kind, score, xero_contact_id, code_holder_id, explanation, fix,
       detail_json, computed_at)
     VALUES (@account_code, @account_row, @kind, @score, @xero_contact_id, @code_holder_id, @explanation, @fix,
       @detail_json, @computed_at)`,
  );
  const insertXero = db.prepare<[Omit<XeroFindingRow, 'id'>]>(
    `INSERT INTO xero_findings (kind, contact_ids_json, score, explanation, computed_at)
     VALUES (@kind, @contact_ids_json, @score, @explanation, @computed_at)`,
  );
  const all = db.prepare<[], FindingRow>(`${SELECT} ORDER BY account_row, account_code`);
  const ofKind = db.prepare<[FindingKind], FindingRow>(`${SELECT} WHERE kind = ? ORDER BY account_row, account_code`);
  const byCode = db.prepare<[string], FindingRow>(`${SELECT} WHERE account_code = ?`);
  const byCodes = db
    .prepare<[string], LazyRow>(`SELECT ${LAZY_COLUMNS} FROM json_each(?) j CROSS JOIN findings ON account_code = j.value`)
    .raw(true);
  const allExplanations = db.prepare<[], [string, string]>('SELECT account_code, explanation FROM findings').raw();
  const kindCounts = db.prepare<[], { kind: FindingKind; n: number }>('SELECT kind, count(*) AS n FROM findings GROUP BY kind');
  const allXero = db.prepare<[], XeroFindingRow>(
    'SELECT id, kind, contact_ids_json, score, explanation, computed_at FROM xero_findings ORDER BY id',
  );
  // Kept in sync_state too, so an empty result still records when it was computed.
  const stampComputed = db.prepare<[string, string]>(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const lastComputed = db.prepare<[string], string>('SELECT value FROM sync_state WHERE key = ?').pluck();

  const computed = (): string | undefined => lastComputed.get(COMPUTED_AT_KEY);

  const replace = db.transaction((result: MatchResult, computedAt: string) => {
    clear.run();
    clearXero.run();
    for (const f of result.findings) {
      const detail: FindingDetail = { contributions: f.contributions, candidates: f.candidates, sync: f.sync };
      insert.run({
        account_code: f.accountCode,
        account_row: f.accountRow,
        kind: f.kind,
        score: f.score,
        xero_contact_id: f.xeroContactId,
        code_holder_id: f.codeHolderId,
        explanation: f.explanation,
        fix: f.fix,
        detail_json: JSON.stringify(detail),
        computed_at: computedAt,
      });
    }
    for (const x of result.xeroFindings) {
      insertXero.run({
        kind: x.kind,
        contact_ids_json: JSON.stringify(x.contactIds),
        score: x.score,
        explanation: x.explanation,
        computed_at: computedAt,
      });
    }
    stampComputed.run(COMPUTED_AT_KEY, computedAt);
    stampComputed.run(MODEL_KEY, SYNC_MODEL_VERSION);
  });

  return {
    /** Replaces every finding and Xero finding in one transaction. Decisions are not touched. */
    replaceAll(result: MatchResult, computedAt: string): void {
      replace(result, computedAt);
    },
    /** Findings in account row order, optionally of one kind. */
    list(query: { kind?: FindingKind } = {}): Finding[] {
      return (query.kind === undefined ? all.all() : ofKind.all(query.kind)).map(toFinding);
    },
    /** Each account's explanation (the finding's reason, in words), by account code. */
    explanations(): Map<string, string> {
      return new Map(allExplanations.all());
    },
    get(accountCode: string): Finding | undefined {
      const row = byCode.get(accountCode);
      return row && toFinding(row);
    },
    /** The findings of these accounts, by account code, in one read (accounts without one are not in the map). */
    getMany(accountCodes: Iterable<string>): Map<string, Finding> {
      return new Map(byCodes.all(JSON.stringify([...accountCodes])).map((r) => [r[0], new LazyFinding(r)]));
    },
    /** How many findings of each kind (every kind present, zero when none). */
    countsByKind(): Record<FindingKind, number> {
      const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
      for (const { kind, n } of kindCounts.all()) counts[kind] = n;
      return counts;
    },
    xeroFindings(): XeroFinding[] {
      return allXero.all().map(toXeroFinding);
    },
    /** True when the stored findings were computed by an older sync model (or none was recorded). */
    olderModel(): boolean {
      return computed() !== undefined && lastComputed.get(MODEL_KEY) !== SYNC_MODEL_VERSION;
    },
    /** When the stored findings were computed (undefined when there are none). */
    computedAt: computed,
  };
}

export type FindingsRepo = ReturnType<typeof createFindingsRepo>;
