// The review table as an export: the accounts in the order given (the rows the review shows, filtered and sorted as
// on screen), each with its finding, the reason for it, the Xero contact beside it and the decision.
import type { Workspace } from '../db';
import { listReviewRows } from '../review/rows';
import { xeroFreshness } from '../review/freshness';
import { ACTION_LABELS } from '../../shared/decision-rules';
import { findingLabel } from '../../shared/finding-glossary';
import type { ReviewRow } from '../../shared/review';
import type { ExportColumn, ExportTable } from './table';

export const REVIEW_COLUMNS: ExportColumn[] = [
  { header: 'Code', type: 'text' },
  { header: 'CocoonOPS name', type: 'text' },
  { header: 'Finding', type: 'text' },
  { header: 'Score', type: 'percent' },
  { header: 'Xero name', type: 'text' },
  { header: 'AccountNumber', type: 'text' },
  { header: 'Xero status', type: 'text' },
  { header: 'Reason', type: 'text' },
  { header: 'Decision', type: 'text' },
  { header: 'Decision status', type: 'text' },
  { header: 'Decided', type: 'datetime' },
  { header: 'Decided by', type: 'text' },
  { header: 'Note', type: 'text' },
  { header: 'CocoonOPS row', type: 'integer' },
  { header: 'Xero ContactID', type: 'text' },
];

const STATUS_WORDS: Record<NonNullable<ReviewRow['xeroStatus']>, string> = {
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
  GDPRREQUEST: 'GDPR request',
};

function decisionStatus(d: NonNullable<ReviewRow['decision']>): string {
  if (d.attention) return `Needs attention: ${d.attention}`;
  if (d.pending) return `Waiting: ${d.pending}`;
  return 'Decided';
}

/**
 * `codes`: the accounts to export, in their order (codes the workspace no longer holds are left out); null: every
 * account in the CocoonOPS export's order. `kind` keeps only accounts with that finding.
 */
export function reviewExportTable(ws: Workspace, codes: readonly string[] | null, kind?: string): ExportTable {
  const rows = listReviewRows(ws);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const decided = new Map(ws.decisions.listCurrent().map((d) => [d.accountCode, d]));
  const reasons = ws.findings.explanations();
  const trust = xeroFreshness(ws).trust;
  const chosen = codes === null ? [...rows].sort((a, b) => a.row - b.row) : codes.flatMap((c) => byCode.get(c) ?? []);
  const out = chosen
    .filter((r) => kind === undefined || r.kind === kind)
    .map((r) => {
      const d = r.decision;
      const stored = d ? decided.get(r.code) : undefined;
      return [
        r.code,
        r.name,
        findingLabel(r.kind, trust, r.fix),
        r.kind === null ? null : r.score,
        r.xeroName,
        r.xeroNumber,
        r.xeroStatus === null ? '' : STATUS_WORDS[r.xeroStatus],
        reasons.get(r.code) ?? '',
        d ? ACTION_LABELS[d.action] : '',
        d ? decisionStatus(d) : '',
        stored?.createdAt ?? null,
        d ? (d.source === 'bulk' ? 'Bulk accept' : 'By hand') : '',
        d?.note ?? '',
        r.row,
        r.xeroId ?? '',
      ];
    });
  return { name: 'Review', columns: REVIEW_COLUMNS, rows: out };
}
