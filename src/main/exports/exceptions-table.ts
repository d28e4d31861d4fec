// The exceptions list as an export: the exceptions the screen lists (same filter, same order), each with its
// document, billing account, Xero's message, playbook, invoice-number verdict and what to do.
import type { Workspace } from '../db';
import { getException, listExceptions } from '../exceptions';
import type { ExceptionsQuery } from '../../shared/exceptions';
import { VERDICT_LABELS } from '../../shared/verdict-labels';
import type { ExportColumn, ExportTable } from './table';

export const EXCEPTION_COLUMNS: ExportColumn[] = [
  { header: 'State', type: 'text' },
  { header: 'Document type', type: 'text' },
  { header: 'Document', type: 'text' },
  { header: 'Account', type: 'text' },
  { header: 'Organisation', type: 'text' },
  { header: 'Xero message', type: 'text' },
  { header: 'Playbook', type: 'text' },
  { header: 'Invoice check', type: 'text' },
  { header: 'Check details', type: 'text' },
  { header: 'What to do', type: 'text' },
  { header: 'Document date', type: 'date' },
  { header: 'Total', type: 'money' },
  { header: 'Currency', type: 'text' },
  { header: 'Raised', type: 'datetime' },
  { header: 'Imported', type: 'datetime' },
  { header: 'Resolved', type: 'datetime' },
  { header: 'Resolution note', type: 'text' },
  { header: 'File', type: 'text' },
  { header: 'Row in the file', type: 'integer' },
];

const DOC_TYPES = { invoice: 'Invoice', credit_note: 'Credit note' } as const;

export function exceptionsExportTable(ws: Workspace, query: ExceptionsQuery): ExportTable {
  const rows = listExceptions(ws, query).map((item) => {
    const d = getException(ws, item.id);
    const e = d.exception;
    return [
      e.resolvedAt ? 'Resolved' : 'Open',
      e.docType ? DOC_TYPES[e.docType] : '',
      e.number,
      e.accountCode,
      e.contactName,
      e.message,
      d.playbook.title,
      e.verdict ? VERDICT_LABELS[e.verdict] : '',
      e.check?.summary ?? '',
      e.resolvedAt ? '' : d.steps.map((s) => `${s.order}. ${s.text}`).join('\n'),
      e.date || null,
      e.total,
      e.currency,
      e.raisedAt || null,
      e.importedAt,
      e.resolvedAt,
      e.resolvedNote,
      e.fileName ?? (e.source === 'pasted' ? 'pasted' : ''),
      e.row,
    ];
  });
  return { name: 'Exceptions', columns: EXCEPTION_COLUMNS, rows };
}
