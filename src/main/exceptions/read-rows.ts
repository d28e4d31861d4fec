// Table rows of an exceptions export → exceptions plus row-numbered problems. Pure.
import type { DocType, ExceptionInput } from '../../shared/exceptions';
import type { Problem } from '../cocoon/import-problems';
import { looksLikeFormula } from '../../shared/formula';
import { filledRows, type TableRow } from '../cocoon/table';
import { normaliseMessage } from './classify-message';
import { EXCEPTION_FIELDS, type ExceptionField, type ResolvedExceptionColumns } from './export-columns';
import { numberKey } from './invoice-check';
import { parseAmount, parseCurrency, parseDate, parseDocType } from './values';

export interface ExceptionRow {
  row: number;
  input: ExceptionInput;
}

/** Two rows with the same key are the same exception (message, document and billing account). */
export function exceptionKey(input: Pick<ExceptionInput, 'message' | 'docType' | 'number' | 'accountCode'>): string {
  const message = normaliseMessage(input.message).toLowerCase().replace(/\.+$/, '');
  return [message, input.docType ?? '', numberKey(input.number), input.accountCode.trim().toLowerCase()].join('\u0001');
}

function values(cells: readonly string[], columns: ResolvedExceptionColumns): Record<ExceptionField, string> {
  const out = {} as Record<ExceptionField, string>;
  for (const field of EXCEPTION_FIELDS) {
    const at = columns.index[field];
    out[field] = at === null ? '' : (cells[at] ?? '').trim();
  }
  return out;
}

/**
 * Validates every row. Errors: empty exception text, formula-looking values, a date, total, currency or type that
 * cannot be read, an invoice and a credit note number that disagree. Warnings: empty rows, a row repeating an earlier
 * one (kept once). Exceptions are returned for rows without errors.
 */
export function readExceptionRows(
  rows: readonly TableRow[],
  columns: ResolvedExceptionColumns,
): { items: ExceptionRow[]; problems: Problem[] } {
  const items: ExceptionRow[] = [];
  const problems: Problem[] = [];
  const header = columns.mapping;
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of filledRows(rows, problems)) {
    const v = values(cells, columns);
    const errors: Problem[] = [];
    const error = (field: ExceptionField, message: string): void => {
      errors.push({ row, column: header[field] ?? undefined, severity: 'error', message });
    };

    for (const field of EXCEPTION_FIELDS) {
      if (field !== 'total' && v[field] !== '' && looksLikeFormula(v[field])) {
        const shown = v[field].length > 40 ? `${v[field].slice(0, 40)}…` : v[field];
        error(field, `"${shown}" looks like a formula, which spreadsheet apps would run. Remove the leading character`);
      }
    }
    if (v.message === '') error('message', 'the exception text is empty');
    if (v.invoiceNumber && v.creditNoteNumber && numberKey(v.invoiceNumber) !== numberKey(v.creditNoteNumber)) {
      error(
        'creditNoteNumber',
        `the row has both an invoice number ("${v.invoiceNumber}") and a credit note number ("${v.creditNoteNumber}")`,
      );
    }
    let docType: DocType | null = v.invoiceNumber ? 'invoice' : v.creditNoteNumber ? 'credit_note' : null;
    const type = parseDocType(v.type);
    if (!type.ok) error('type', type.error);
    else if (type.value) docType = type.value;
    let date = '';
    if (v.date !== '') {
      const d = parseDate(v.date);
      if (d.ok) date = d.value;
      else error('date', d.error);
    }
    let total: number | null = null;
    let currency = '';
    if (v.total !== '') {
      const t = parseAmount(v.total);
      if (t.ok) [total, currency] = [t.value.amount, t.value.currency];
      else error('total', t.error);
    }
    const c = parseCurrency(v.currency);
    if (!c.ok) error('currency', c.error);
    else if (c.value) currency = c.value;

    if (errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    const input: ExceptionInput = {
      message: v.message,
      docType,
      number: v.invoiceNumber || v.creditNoteNumber || v.document,
      accountCode: v.accountCode,
      contactName: v.contactName,
      date,
      total,
      currency,
      state: v.state,
      raisedAt: v.raisedAt,
    };
    const key = exceptionKey(input);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({ row, severity: 'warning', message: `the same exception as row ${first}: kept once` });
      continue;
    }
    firstRowOf.set(key, row);
    items.push({ row, input });
  }
  return { items, problems: problems.sort((a, b) => a.row - b.row) };
}
