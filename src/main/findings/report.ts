// Findings as files: the CSV a bookkeeper opens in a spreadsheet, or the full JSON.
import { csvFormatRows } from 'd3-dsv';
import type { MatchResult } from '../../shared/domain';
import { escapeFormula } from '../../shared/formula';

export const FINDINGS_CSV_COLUMNS = ['billing_account_code', 'xero_contact_id', 'finding', 'score', 'code_holder_id', 'explanation'] as const;

export type ReportFormat = 'csv' | 'json';

export function formatForPath(path: string): ReportFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.csv$/i.test(path) || path === '-') return 'csv';
  throw new Error(`Cannot tell the output format from "${path}": name the file .csv or .json.`);
}

/** One row per billing account, in input order. Cells that a spreadsheet would run as formulas are escaped. */
export function findingsCsv(result: Pick<MatchResult, 'findings'>): string {
  const rows = result.findings.map((f) => [f.accountCode, f.xeroContactId ?? '', f.kind, f.score.toFixed(4), f.codeHolderId ?? '', f.explanation].map(escapeFormula));
  return `${csvFormatRows([[...FINDINGS_CSV_COLUMNS], ...rows])}\n`;
}

export function findingsJson(result: MatchResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function renderFindings(result: MatchResult, format: ReportFormat): string {
  return format === 'json' ? findingsJson(result) : findingsCsv(result);
}
