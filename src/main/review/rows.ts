// The review table's rows: every billing account with its finding, the Xero contact shown beside it and its
// current decision. A hand link shows the linked contact; a missing Xero side shows no finding at all.
import type { Decision, Workspace } from '../db';
import { reviewRepoOf, type ContactBrief, type ReviewRowRecord } from '../db/repos/review';
import type { ReviewColumns, ReviewRow, RowDecision } from '../../shared/review';
import { rowsFromColumns } from '../../shared/review-columns';
import { rankOf } from '../../shared/decision-rules';
import { decisionStateOf, decisionStates } from './attention';
import { actionOf } from './decision-view';
import { lookOf, nameVerdictOf } from './name-look';

/** The contact a row shows: a hand link, else the finding's contact, else the code holder, else the best candidate. */
export function shownContactId(r: ReviewRowRecord, decision: Decision | undefined): string | null {
  if (decision?.action === 'link' && decision.xeroContactId) return decision.xeroContactId;
  return r.xero_contact_id ?? r.code_holder_id ?? r.top_candidate_id ?? null;
}

/** The table's compact form of a decision (`attention`: see attention.ts). */
export function rowDecision(d: Decision, attention: string | null, pending: string | null = null): RowDecision {
  return { action: actionOf(d), source: d.source, note: d.note, xeroContactId: d.xeroContactId, attention, pending };
}

export function toReviewRow(
  r: ReviewRowRecord,
  decision: Decision | undefined,
  contact: ContactBrief | undefined,
  attention: string | null,
  pending: string | null = null,
): ReviewRow {
  return {
    code: r.code,
    row: r.row,
    name: r.name,
    kind: r.kind,
    score: r.score ?? 0,
    fix: r.fix,
    xeroId: contact?.contact_id ?? null,
    xeroName: contact?.name ?? '',
    xeroNumber: contact?.account_number ?? '',
    xeroStatus: contact?.status ?? null,
    decision: decision ? rowDecision(decision, attention, pending) : null,
    look: lookOf(nameVerdictOf(r.kind, r.name, contact?.name)),
  };
}

/** Every row of the review table, as the app sends them. */
export function listReviewRows(ws: Workspace): ReviewRow[] {
  return rowsFromColumns(withDecisions(ws, reviewTable(ws)));
}

/** The table without decisions: what only imports and syncs change (so it can be kept between calls). */
export type ReviewTable = Omit<ReviewColumns, 'decisions'> & { at: Map<string, number> };

/** The whole table, column by column, straight from one SQL join. */
export function reviewTable(ws: Workspace): ReviewTable {
  const table = reviewRepoOf(ws.db).table();
  const n = table.length;
  const c: ReviewTable = {
    at: new Map(),
    code: new Array(n),
    row: new Array(n),
    name: new Array(n),
    kind: new Array(n),
    score: new Array(n),
    fix: new Array(n),
    xeroId: new Array(n),
    xeroName: new Array(n),
    xeroNumber: new Array(n),
    xeroStatus: new Array(n),
    look: new Array(n),
  };
  const at = c.at;
  for (let i = 0; i < n; i++) {
    const t = table[i]!;
    c.code[i] = t[0];
    c.row[i] = t[1];
    c.name[i] = t[2];
    c.kind[i] = t[3];
    c.score[i] = t[4] ?? 0;
    c.fix[i] = t[5];
    c.xeroId[i] = t[6];
    c.xeroName[i] = t[7] ?? '';
    c.xeroNumber[i] = t[8] ?? '';
    c.xeroStatus[i] = t[9];
    c.look[i] = lookOf(nameVerdictOf(t[3], t[2], t[7]));
    at.set(t[0], i);
  }
  return c;
}

/** The first `limit` rows in the default order (failing kinds first, then file row): a table of its own. */
export function firstRows(table: ReviewTable, limit: number): ReviewTable {
  const n = table.code.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rankOf(table.kind[a] ?? null) - rankOf(table.kind[b] ?? null) || table.row[a]! - table.row[b]! || a - b);
  const pick = order.slice(0, limit);
  const take = <T>(column: T[]): T[] => pick.map((i) => column[i]!);
  return {
    at: new Map(pick.map((i, k) => [table.code[i]!, k])),
    code: take(table.code),
    row: take(table.row),
    name: take(table.name),
    kind: take(table.kind),
    score: take(table.score),
    fix: take(table.fix),
    xeroId: take(table.xeroId),
    xeroName: take(table.xeroName),
    xeroNumber: take(table.xeroNumber),
    xeroStatus: take(table.xeroStatus),
    look: take(table.look),
  };
}

/** The current decisions over a table; hand links replace the matcher's contact (on copies: the table is shared). */
export function withDecisions(ws: Workspace, table: ReviewTable): ReviewColumns {
  const { at, ...columns } = table;
  const c: ReviewColumns = { ...columns, decisions: [] };
  let copied = false;
  const repo = reviewRepoOf(ws.db);
  const states = decisionStates(ws);
  for (const d of ws.decisions.listCurrent()) {
    const i = at.get(d.accountCode);
    if (i === undefined) continue; // a decision about an account a newer import dropped
    const state = states.get(d.accountCode);
    c.decisions.push([i, rowDecision(d, state?.attention ?? null, state?.pending ?? null)]);
    if (d.action === 'link' && d.xeroContactId) {
      if (!copied) {
        c.xeroId = c.xeroId.slice();
        c.xeroName = c.xeroName.slice();
        c.xeroNumber = c.xeroNumber.slice();
        c.xeroStatus = c.xeroStatus.slice();
        c.look = c.look.slice();
        copied = true;
      }
      const linked = repo.contactBrief(d.xeroContactId);
      c.xeroId[i] = linked?.contact_id ?? null;
      c.xeroName[i] = linked?.name ?? '';
      c.xeroNumber[i] = linked?.account_number ?? '';
      c.xeroStatus[i] = linked?.status ?? null;
      c.look[i] = lookOf(nameVerdictOf(c.kind[i] ?? null, c.name[i]!, linked?.name));
    }
  }
  return c;
}

/** One row, fresh from the database (after a decision); undefined when the account is gone. */
export function reviewRow(ws: Workspace, code: string): ReviewRow | undefined {
  const repo = reviewRepoOf(ws.db);
  const r = repo.row(code);
  if (!r) return undefined;
  const decision = ws.decisions.current(code);
  const id = shownContactId(r, decision);
  const state = decision ? decisionStateOf(ws, code) : null;
  return toReviewRow(r, decision, id === null ? undefined : repo.contactBrief(id), state?.attention ?? null, state?.pending ?? null);
}
