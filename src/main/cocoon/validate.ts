// Table rows → billing accounts plus row-numbered problems (pure).
import type { BillingAccount } from '../../shared/domain';
import type { Problem } from './import-problems';
import { ACCOUNT_FIELDS, type AccountField, type ResolvedColumns } from './header-fields';
import { looksLikeFormula } from '../../shared/formula';
import { filledRows, type TableRow } from './table';

/** Xero's AccountNumber limit. */
export const MAX_CODE_LENGTH = 50;

/** C0 and C1 control characters (tabs and line breaks included). */
export function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

export interface ValidationResult {
  accounts: BillingAccount[];
  problems: Problem[];
}

function fieldError(row: number, column: string | null, message: string): Problem {
  return { row, column: column ?? undefined, severity: 'error', message };
}

/** Fills `into` with the mapped, trimmed values of one row ('' for unmapped fields or missing cells). */
function rowValues(cells: readonly string[], columns: ResolvedColumns, into: Record<AccountField, string>): void {
  for (const field of ACCOUNT_FIELDS) {
    const at = columns.index[field];
    into[field] = at === null ? '' : (cells[at] ?? '').trim();
  }
}

/**
 * Validates every row. Errors: missing code or name, a code used twice (trimmed, case-insensitive),
 * a code Xero would reject (over 50 characters, control characters), formula-looking values.
 * Warnings: spaces around a code (trimmed), empty rows (skipped). Accounts are returned for rows without errors.
 */
export function validateRows(rows: readonly TableRow[], columns: ResolvedColumns): ValidationResult {
  const accounts: BillingAccount[] = [];
  const problems: Problem[] = [];
  const firstRowOfCode = new Map<string, { row: number; code: string }>();
  const header = columns.mapping;
  const values = {} as Record<AccountField, string>;
  const codeAt = columns.index.code;

  for (const { row, cells } of filledRows(rows, problems)) {
    rowValues(cells, columns, values);
    const before = problems.length;
    for (const field of ACCOUNT_FIELDS) {
      const value = values[field];
      if (value !== '' && looksLikeFormula(value)) {
        const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        problems.push(
          fieldError(
            row,
            header[field],
            `"${shown}" looks like a formula, which spreadsheet apps would run. ` +
              'Remove the leading character (or paste values instead of formulas in Excel)',
          ),
        );
      }
    }

    const { code, name } = values;
    if (code === '') {
      problems.push(fieldError(row, header.code, 'the billing account code is empty'));
    } else {
      if (codeAt !== null && code !== cells[codeAt]) {
        problems.push({
          row,
          column: header.code ?? undefined,
          severity: 'warning',
          message: `spaces around the code "${code}" were removed`,
        });
      }
      if (code.length > MAX_CODE_LENGTH) {
        problems.push(
          fieldError(
            row,
            header.code,
            `the code is ${code.length} characters long; Xero allows at most ${MAX_CODE_LENGTH} in an account number`,
          ),
        );
      }
      if (hasControlChar(code)) {
        problems.push(fieldError(row, header.code, 'the code contains control characters (e.g. a line break or tab), which Xero rejects'));
      }
      const key = code.toLowerCase();
      const first = firstRowOfCode.get(key);
      if (first) {
        const same = first.code === code ? `"${code}"` : `"${first.code}" / "${code}"`;
        problems.push(
          fieldError(
            row,
            header.code,
            `the code ${same} is used twice: rows ${first.row} and ${row}. Each billing account needs its own code`,
          ),
        );
      } else {
        firstRowOfCode.set(key, { row, code });
      }
    }
    if (name === '') problems.push(fieldError(row, header.name, 'the organisation name is empty'));
    let hasError = false;
    for (let i = before; i < problems.length; i++) if (problems[i]?.severity === 'error') hasError = true;
    if (hasError) continue;

    accounts.push({
      row,
      code,
      name,
      contactName: values.contactName,
      email: values.email,
      phone: values.phone,
      address: values.address,
      postcode: values.postcode,
      status: values.status,
    });
  }
  return { accounts, problems: problems.sort((a, b) => a.row - b.row) };
}
