// Exceptions as files: the CSV a bookkeeper opens in a spreadsheet (one row per exception), or the full JSON.
import { csvFormatRows } from 'd3-dsv';
import type { ExceptionDetail } from '../../shared/exceptions';
import { escapeFormula } from '../../shared/formula';

export const EXCEPTIONS_CSV_COLUMNS = [
  'id',
  'row',
  'document_type',
  'number',
  'billing_account',
  'playbook',
  'verdict',
  'resolved',
  'check',
  'what_to_do',
  'message',
] as const;

/** "1. … 2. …": the checklist steps of one exception on one line. */
export function whatToDo(d: ExceptionDetail): string {
  if (d.exception.resolvedAt) return 'resolved';
  return d.steps.map((s) => `${s.order}. ${s.text}`).join(' ');
}

export function exceptionsCsv(details: readonly ExceptionDetail[]): string {
  const rows = details.map(({ exception: e, ...d }) =>
    [
      String(e.id),
      e.row === null ? '' : String(e.row),
      e.docType ?? '',
      e.number,
      e.accountCode,
      e.playbookId,
      e.verdict ?? '',
      e.resolvedAt ?? '',
      e.check?.summary ?? '',
      whatToDo({ exception: e, ...d }),
      e.message,
    ].map(escapeFormula),
  );
  return `${csvFormatRows([[...EXCEPTIONS_CSV_COLUMNS], ...rows])}\n`;
}

export function exceptionsJson(details: readonly ExceptionDetail[]): string {
  return `${JSON.stringify(details, null, 2)}\n`;
}
