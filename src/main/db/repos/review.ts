// Read-only queries for the review table: accounts joined with their findings, and the few contact fields a row
// shows. Kept apart from the findings repo because a row needs no finding detail (50,000 rows, no JSON parsing).
import { API_KINDS, XERO_WEB_APP_FIELDS } from '../../../shared/contract-outbox';
import { FAILING_KINDS, type ContactStatus, type FindingKind, type SuggestedFix } from '../../../shared/domain';
import type { FailingBreakdown } from '../../../shared/review';
import type { Db } from './common';

export interface ReviewRowRecord {
  code: string;
  row: number;
  name: string;
  kind: FindingKind | null;
  score: number | null;
  fix: SuggestedFix | null;
  xero_contact_id: string | null;
  code_holder_id: string | null;
  /** The best candidate of an ambiguous finding (its other contacts are in the detail). */
  top_candidate_id: string | null;
}

export interface ContactBrief {
  contact_id: string;
  name: string;
  account_number: string;
  status: ContactStatus;
}

/**
 * The score of the contact a row shows. A code conflict's finding is scored against the code's holder, but the row
 * shows the contact the account matches (same business, another name) when there is one: its own candidate score.
 */
const SHOWN_SCORE = `CASE WHEN f.kind = 'code_conflict' AND f.xero_contact_id IS NOT NULL AND f.xero_contact_id IS NOT f.code_holder_id
    THEN coalesce((SELECT json_extract(j.value, '$.score') FROM json_each(f.detail_json, '$.candidates') j
                   WHERE json_extract(j.value, '$.contactId') = f.xero_contact_id), f.score)
    ELSE f.score END`;

const ROWS = `SELECT a.code, a.row, a.name, f.kind, ${SHOWN_SCORE} AS score, f.fix, f.xero_contact_id, f.code_holder_id,
  CASE WHEN f.kind = 'ambiguous' THEN json_extract(f.detail_json, '$.candidates[0].contactId') END AS top_candidate_id
  FROM billing_accounts a LEFT JOIN findings f ON f.account_code = a.code`;

/** One table row as arrays: code, row, name, kind, score, fix, contact id, contact name, AccountNumber, status. */
export type ReviewRawRow = [
  string,
  number,
  string,
  FindingKind | null,
  number | null,
  SuggestedFix | null,
  string | null,
  string | null,
  string | null,
  ContactStatus | null,
];

/** Every account with its finding and the contact the matcher shows beside it, joined in SQL. */
const TABLE = `SELECT a.code, a.row, a.name, f.kind, ${SHOWN_SCORE}, f.fix, c.contact_id, c.name, c.account_number, c.status
  FROM billing_accounts a
  LEFT JOIN findings f ON f.account_code = a.code
  LEFT JOIN xero_contacts c ON c.contact_id = coalesce(f.xero_contact_id, f.code_holder_id,
    CASE WHEN f.kind = 'ambiguous' THEN json_extract(f.detail_json, '$.candidates[0].contactId') END)
  ORDER BY a.row, a.code`;

/** The account's current decision (its newest not undone): joined as `d` beside the account `a`. */
const CURRENT = 'LEFT JOIN decisions d ON d.id = (SELECT max(id) FROM decisions x WHERE x.account_code = a.code AND x.undone_at IS NULL)';
const CHANGES = (target: 'xero' | 'cocoon', also = '') =>
  `EXISTS (SELECT 1 FROM json_each(d.payload_json, '$.changes') j WHERE json_extract(j.value, '$.target') = '${target}'${also})`;

/**
 * Where an account's fix stands, from its current decision: none; an ignore; a fix for Xero not yet (fully) pushed;
 * a change for CocoonOPS the export does not show yet (a name it does not show, or a new code); a step in Xero's web
 * app (make a contact a customer, free an archived contact's Account Number: the API cannot) not ticked off yet, or
 * ticked off after Xero was last read (done by hand, a sync checks it); a fix carried out all through: its Xero writes
 * pushed, its web-app steps done and Xero read since, or its CocoonOPS rename visible in the export (the account's
 * name is the decided new name). For a failing account, 'pushed', 'webAppFailed' and 'changed' mean the fix did not
 * work; 'queued', 'cocoon', 'webApp' and 'webAppToCheck' that a step is still to do (or to check).
 *
 * Before its corrections are made (the push's plan or the checklist makes them), a decision's Xero changes are told
 * apart by field (IsCustomer is a web-app step); after, by the kind of correction (an AccountNumber cleared on an
 * archived contact is a web-app step too).
 */
const COCOON_PENDING = " AND NOT (json_extract(j.value, '$.field') = 'name' AND trim(json_extract(j.value, '$.to')) = trim(a.name))";
const inList = (xs: Iterable<string>): string => `(${[...xs].map((x) => `'${x}'`).join(', ')})`;
const API_FIELD = ` AND json_extract(j.value, '$.field') NOT IN ${inList(XERO_WEB_APP_FIELDS)}`;
const XERO_CORRECTION = (kinds: 'api' | 'web', also = '') =>
  `EXISTS (SELECT 1 FROM corrections c WHERE c.decision_id = d.id AND c.target = 'xero' AND c.kind ${kinds === 'api' ? '' : 'NOT '}IN ${inList(API_KINDS)}${also})`;
/** When Xero was last read whole (a sync or a file of its contacts, complete): the data of a sync started after a tick shows the step. */
const XERO_READ = "(SELECT max(started_at) FROM imports WHERE kind IN ('xero_sync', 'xero_file') AND status = 'complete')";
const STAGE = `CASE
    WHEN d.id IS NULL THEN 'undecided'
    WHEN d.action IN ('ignore', 'different_business') THEN 'ignored'
    WHEN ${CHANGES('xero')} AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.decision_id = d.id AND c.target = 'xero')
      THEN CASE WHEN ${CHANGES('xero', API_FIELD)} THEN 'queued' ELSE 'webApp' END
    WHEN ${XERO_CORRECTION('api', " AND c.status <> 'done'")} THEN 'queued'
    WHEN ${CHANGES('cocoon', COCOON_PENDING)} THEN 'cocoon'
    WHEN ${XERO_CORRECTION('web', " AND c.status <> 'done'")} THEN 'webApp'
    WHEN ${XERO_CORRECTION('web', ` AND NOT coalesce(${XERO_READ} > c.done_at, 0)`)} THEN 'webAppToCheck'
    WHEN ${XERO_CORRECTION('api')} THEN 'pushed'
    WHEN ${CHANGES('xero')} THEN 'webAppFailed'
    WHEN ${CHANGES('cocoon')} THEN 'changed'
    ELSE 'undecided' END`;

const FAILING_ACCOUNTS = `FROM findings f
  JOIN billing_accounts a ON a.code = f.account_code
  ${CURRENT}
  WHERE f.kind IN (${FAILING_KINDS.map((k) => `'${k}'`).join(', ')})`;

const FAILING_STATES = `SELECT ${STAGE} AS state, count(*) AS n ${FAILING_ACCOUNTS} GROUP BY state`;

/**
 * A failing account with a decision, and where its fix stands: carried out and still failing ('pushed',
 * 'webAppFailed', 'changed': it needs attention), or a step still to do or to check ('queued', 'cocoon', 'webApp',
 * 'webAppToCheck': pending).
 */
export type DecidedStage = Exclude<keyof FailingBreakdown, 'undecided' | 'ignored'>;
export interface DecidedFailing {
  code: string;
  stage: DecidedStage;
  kind: FindingKind;
  explanation: string;
  decision_id: number;
  /** Why the last push held back a Xero correction of the decision still queued (null: none was). */
  held: string | null;
}

/** Why the last push held one of the decision's Xero corrections back (its checks' reason), or null. */
// Looked up by the decision (the status index would scan every queued correction per account: 56 s at 7,000 accounts).
const HELD = `(SELECT c.message FROM corrections c INDEXED BY corrections_of_decision
  WHERE c.decision_id = d.id AND c.target = 'xero' AND c.status = 'queued' AND c.message <> '' LIMIT 1)`;
const DECIDED_FAILING = `SELECT * FROM (SELECT a.code, ${STAGE} AS stage, f.kind, f.explanation, d.id AS decision_id, ${HELD} AS held
  ${FAILING_ACCOUNTS}`;
const DECIDED_STAGES = "WHERE stage NOT IN ('undecided', 'ignored')";

export function createReviewRepo(db: Db) {
  const failingStates = db.prepare<[], { state: keyof FailingBreakdown; n: number }>(FAILING_STATES);
  const table = db.prepare<[], ReviewRawRow>(TABLE).raw(true);
  const all = db.prepare<[], ReviewRowRecord>(`${ROWS} ORDER BY a.row, a.code`);
  const one = db.prepare<[string], ReviewRowRecord>(`${ROWS} WHERE a.code = ?`);
  const briefs = db.prepare<[], ContactBrief>('SELECT contact_id, name, account_number, status FROM xero_contacts');
  const brief = db.prepare<[string], ContactBrief>(
    'SELECT contact_id, name, account_number, status FROM xero_contacts WHERE contact_id = ?',
  );
  const LIVE = 'EXISTS (SELECT 1 FROM decisions d WHERE d.account_code = a.code AND d.undone_at IS NULL)';
  const decided = db.prepare<[], number>(`SELECT count(*) FROM billing_accounts a WHERE ${LIVE}`).pluck();
  // Not certain to fail: the holder of the code is not a customer (CocoonOPS links customers only), or the model says
  // why it may not (names that differ only in spacing).
  const mayFail = db
    .prepare<[], number>(
      `SELECT count(*) FROM findings f JOIN billing_accounts a ON a.code = f.account_code
       WHERE f.kind IN (${FAILING_KINDS.map((k) => `'${k}'`).join(', ')})
         AND (f.kind = 'not_customer' OR json_extract(f.detail_json, '$.sync.doubt') IS NOT NULL)`,
    )
    .pluck();
  const decidedFailingAll = db.prepare<[], DecidedFailing>(`${DECIDED_FAILING}) ${DECIDED_STAGES}`);
  const decidedFailingOne = db.prepare<[string], DecidedFailing>(`${DECIDED_FAILING} AND a.code = ?) ${DECIDED_STAGES}`);
  const decidedFailingOf = db.prepare<[string], DecidedFailing>(
    `${DECIDED_FAILING} AND a.code IN (SELECT value FROM json_each(?))) ${DECIDED_STAGES}`,
  );
  const written = db.prepare<[string, string], { code: string; kind: FindingKind | null; stage: string }>(
    `SELECT w.code, f.kind, ${STAGE} AS stage FROM (
       SELECT DISTINCT account_code AS code FROM corrections
       WHERE target = 'xero' AND kind IN ('rename', 'account_number', 'restore') AND status = 'done' AND done_at BETWEEN ? AND ?) w
     LEFT JOIN findings f ON f.account_code = w.code
     LEFT JOIN billing_accounts a ON a.code = w.code
     ${CURRENT}`,
  );
  // Failing accounts whose current decision's Xero corrections were written by earlier pushes: before an instant, none since.
  const writtenBefore = db.prepare<[string], { code: string; kind: FindingKind; stage: string }>(
    `SELECT a.code, f.kind, ${STAGE} AS stage ${FAILING_ACCOUNTS}
       AND d.id IN (SELECT decision_id FROM corrections
         WHERE target = 'xero' AND kind IN ('rename', 'account_number', 'restore') AND status = 'done'
         GROUP BY decision_id HAVING max(done_at) < ?)`,
  );
  const xeroCorrections = db
    .prepare<[number], number>("SELECT id FROM corrections WHERE decision_id = ? AND target = 'xero' ORDER BY id")
    .pluck();

  return {
    /** The whole table as raw arrays (the fast path for 50,000 rows). */
    table(): ReviewRawRow[] {
      return table.all();
    },
    rows(): ReviewRowRecord[] {
      return all.all();
    },
    row(code: string): ReviewRowRecord | undefined {
      return one.get(code);
    },
    contactBriefs(): Map<string, ContactBrief> {
      return new Map(briefs.all().map((c) => [c.contact_id, c]));
    },
    contactBrief(contactId: string): ContactBrief | undefined {
      return brief.get(contactId);
    },
    /** Accounts of the current import that have a decision (not undone). */
    decidedCount(): number {
      return decided.get() ?? 0;
    },
    /** Of the accounts that will fail, those that only may (see mayFail above). */
    mayFailCount(): number {
      return mayFail.get() ?? 0;
    },
    /** The accounts that will fail, by where their fix stands. */
    failingBreakdown(): FailingBreakdown {
      const out: FailingBreakdown = {
        undecided: 0,
        queued: 0,
        pushed: 0,
        webApp: 0,
        webAppToCheck: 0,
        webAppFailed: 0,
        changed: 0,
        cocoon: 0,
        ignored: 0,
      };
      for (const { state, n } of failingStates.all()) out[state] += n;
      return out;
    },
    /** Failing accounts with a decision carried out or under way (see DecidedFailing): every one, or the one of `code`. */
    decidedFailing(code?: string): DecidedFailing[] {
      return code === undefined ? decidedFailingAll.all() : decidedFailingOne.all(code);
    },
    /** The same for the accounts of `codes`, in one read. */
    decidedFailingOf(codes: readonly string[]): DecidedFailing[] {
      return decidedFailingOf.all(JSON.stringify(codes));
    },
    /** The accounts with a Xero correction done (and not undone since) between two instants, with their finding. */
    /** Accounts whose Xero corrections were written in the time span, with their finding and their fix's stage. */
    writtenBetween(from: string, to: string): { code: string; kind: FindingKind | null; stage: string }[] {
      return written.all(from, to);
    },
    /** Failing accounts whose current decision's Xero corrections were written before `before` (none since), with their fix's stage. */
    failingWrittenBefore(before: string): { code: string; kind: FindingKind; stage: string }[] {
      return writtenBefore.all(before);
    },
    /** The ids of a decision's Xero corrections. */
    xeroCorrectionIds(decisionId: number): number[] {
      return xeroCorrections.all(decisionId);
    },
  };
}

/** The review's statements, prepared once per connection (a dozen large ones: preparing them cost more than a query). */
const prepared = new WeakMap<Db, ReturnType<typeof createReviewRepo>>();
export function reviewRepoOf(db: Db): ReturnType<typeof createReviewRepo> {
  let repo = prepared.get(db);
  if (!repo) prepared.set(db, (repo = createReviewRepo(db)));
  return repo;
}
