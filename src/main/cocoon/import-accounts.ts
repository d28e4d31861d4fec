// CocoonOPS billing-account import: all-or-nothing parse, and a non-throwing preview for column mapping.
import type { BillingAccount } from '../../shared/domain';
import { ImportError, type Problem } from './import-problems';
import { ACCOUNT_FIELDS, resolveColumns, type AccountField, type ColumnMapping, type ResolvedColumns } from './header-fields';
import type { ChosenEncoding } from './decode';
import { readExportFile } from './read-file';
import { readTable, type AccountsFormat } from './read-table';
import { isBlankRow } from './table';
import { validateRows } from './validate';

export { MAX_IMPORT_BYTES } from './read-file';

export interface ImportOptions {
  mapping?: ColumnMapping;
  /** XLSX worksheet name; the first worksheet when omitted. */
  sheet?: string;
  /** How to read a CSV that mixes UTF-8 with other bytes (refused without it). */
  encoding?: ChosenEncoding;
}

export interface ParsedAccounts {
  accounts: BillingAccount[];
  warnings: Problem[];
  columns: { mapping: Record<AccountField, string | null>; unknown: string[] };
  encoding: string;
  format: AccountsFormat;
}

export type PreviewRow = { row: number } & Record<AccountField, string>;

export interface AccountsPreview {
  header: string[];
  /** The first `limit` data rows as mapped (trimmed values; empty rows left out). */
  rows: PreviewRow[];
  /** Data rows in the file, empty ones included. */
  totalRows: number;
  columns: { mapping: Record<AccountField, string | null>; unknown: string[] };
  /** Every problem in the file, errors and warnings, by row. */
  problems: Problem[];
  encoding: string | null;
  format: AccountsFormat | null;
  /** Every row's code and name as mapped (empty when the columns are not both there). */
  accounts: { code: string; name: string }[];
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.row - b.row);
}

function summary(fileName: string, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const rows = new Set(errors.map((p) => p.row).filter((r) => r > 0)).size;
  const what = rows > 1 ? `${rows} rows have errors` : rows === 1 ? '1 row has errors' : 'the file has errors';
  return `${fileName} was not imported: ${what}. Fix them in CocoonOPS or in the file, then import it again (nothing was imported).`;
}

function columnSummary(fileName: string): string {
  return `${fileName} was not imported: its columns could not be matched. Rename the headers, or choose the columns with a column mapping.`;
}

/**
 * Parses a CocoonOPS billing-account export (CSV or XLSX, detected by content). Returns accounts only when
 * the whole file is valid; otherwise throws ImportError listing the problems with row numbers.
 */
export async function parseAccountsBuffer(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ParsedAccounts> {
  const { table, format, encoding } = await readTable(bytes, fileName, { sheet: options.sheet, encoding: options.encoding });
  const resolved = resolveColumns(table.header, options.mapping, table.headerRow);
  if (resolved.problems.some((p) => p.severity === 'error')) throw new ImportError(columnSummary(fileName), resolved.problems);
  if (table.rows.length === 0) {
    throw ImportError.file(`${fileName} has a header row but no billing accounts. Export the billing accounts from CocoonOPS again.`);
  }
  const { accounts, problems } = validateRows(table.rows, resolved.columns);
  const all = sortProblems([...resolved.problems, ...table.problems, ...problems]);
  if (all.some((p) => p.severity === 'error')) throw new ImportError(summary(fileName, all), all);
  if (accounts.length === 0) {
    throw new ImportError(`${fileName} holds no billing accounts (every row is empty). Export them from CocoonOPS again.`, all);
  }
  return { accounts, warnings: all, columns: publicColumns(resolved.columns), encoding, format };
}

/** Reads and parses an export file; refuses folders, missing files and files over 200 MB with clear messages. */
export async function parseAccountsFile(path: string, options: ImportOptions = {}): Promise<ParsedAccounts> {
  const { bytes, name } = await readExportFile(path);
  return parseAccountsBuffer(bytes, name, options);
}

function publicColumns(columns: ResolvedColumns): ParsedAccounts['columns'] {
  return { mapping: columns.mapping, unknown: columns.unknown };
}

function emptyColumns(): ParsedAccounts['columns'] {
  return { mapping: Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, null])) as Record<AccountField, string | null>, unknown: [] };
}

/**
 * The first `limit` rows as mapped, the detected (or given) mapping and every problem, without throwing on
 * bad input: for the column-mapping preview. Only unexpected failures (bugs) are thrown.
 */
export async function previewAccounts(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions & { limit?: number } = {},
): Promise<AccountsPreview> {
  const limit = options.limit ?? 20;
  let loaded;
  try {
    loaded = await readTable(bytes, fileName, { sheet: options.sheet, encoding: options.encoding });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return {
      header: [],
      rows: [],
      totalRows: 0,
      columns: emptyColumns(),
      problems: e.problems,
      encoding: null,
      format: null,
      accounts: [],
    };
  }
  const { table, format, encoding } = loaded;
  const { columns, problems: columnProblems } = resolveColumns(table.header, options.mapping, table.headerRow);
  const rows: PreviewRow[] = [];
  for (const { row, cells } of table.rows) {
    if (rows.length >= limit) break;
    const values = Object.fromEntries(
      ACCOUNT_FIELDS.map((f) => {
        const at = columns.index[f];
        return [f, at === null ? '' : (cells[at] ?? '').trim()];
      }),
    ) as Record<AccountField, string>;
    if (!isBlankRow(cells)) rows.push({ row, ...values });
  }
  // Without a name and code column every row would be "missing": report the columns only.
  const columnsOk = !columnProblems.some((p) => p.severity === 'error');
  const rowProblems = columnsOk ? validateRows(table.rows, columns).problems : [];
  const [codeAt, nameAt] = [columns.index.code, columns.index.name];
  return {
    header: table.header,
    rows,
    totalRows: table.rows.length,
    columns: publicColumns(columns),
    problems: sortProblems([...columnProblems, ...table.problems, ...rowProblems]),
    encoding,
    format,
    accounts:
      columnsOk && codeAt !== null && nameAt !== null
        ? table.rows
            .filter(({ cells }) => !isBlankRow(cells))
            .map(({ cells }) => ({ code: (cells[codeAt] ?? '').trim(), name: (cells[nameAt] ?? '').trim() }))
        : [],
  };
}
