// CocoonOPS exceptions export (CSV/XLSX) → exceptions: all-or-nothing parse, and a non-throwing preview for the
// column mapping. Reuses the billing-account import's table reading (encodings, XLSX) and header matching.
import type { ExceptionImportOptions, ExceptionsPreview } from '../../shared/exceptions';
import { ImportError, type Problem } from '../cocoon/import-problems';
import { readExportFile } from '../cocoon/read-file';
import { readTable, type AccountsFormat } from '../cocoon/read-table';
import { isBlankRow } from '../cocoon/table';
import { EXCEPTION_FIELDS, exceptionColumns, type ExceptionField } from './export-columns';
import { readExceptionRows, type ExceptionRow } from './read-rows';

export type { ExceptionImportOptions, ExceptionsPreview };

const WHAT = 'the exceptions';

export interface ExceptionColumnsInfo {
  mapping: Record<ExceptionField, string | null>;
  unknown: string[];
}

export interface ParsedExceptions {
  items: ExceptionRow[];
  warnings: Problem[];
  columns: ExceptionColumnsInfo;
  encoding: string;
  format: AccountsFormat;
}

export type ExceptionPreviewRow = ExceptionsPreview['rows'][number];

const byRow = (problems: Problem[]): Problem[] => problems.sort((a, b) => a.row - b.row);

function summary(fileName: string, problems: readonly Problem[]): string {
  const rows = new Set(problems.filter((p) => p.severity === 'error' && p.row > 0).map((p) => p.row)).size;
  const what = rows > 1 ? `${rows} rows have errors` : rows === 1 ? '1 row has errors' : 'the file has errors';
  return `${fileName} was not imported: ${what}. Fix them in the file (or choose other columns), then import it again (nothing was imported).`;
}

/**
 * Parses an Exceptions Manager export (CSV or XLSX, detected by content). Returns the exceptions only when the whole
 * file is valid; otherwise throws ImportError listing the problems with row numbers.
 */
export async function parseExceptionsBuffer(
  bytes: Uint8Array,
  fileName: string,
  options: ExceptionImportOptions = {},
): Promise<ParsedExceptions> {
  const { table, format, encoding } = await readTable(bytes, fileName, { sheet: options.sheet, what: WHAT, encoding: options.encoding });
  const resolved = exceptionColumns.resolve(table.header, options.mapping, table.headerRow);
  if (resolved.problems.some((p) => p.severity === 'error')) {
    throw new ImportError(
      `${fileName} was not imported: its columns could not be matched. Rename the headers, or choose the columns with a column mapping.`,
      resolved.problems,
    );
  }
  if (table.rows.length === 0)
    throw ImportError.file(`${fileName} has a header row but no exceptions. Export the exceptions from CocoonOPS again.`);
  const { items, problems } = readExceptionRows(table.rows, resolved.columns);
  const all = byRow([...resolved.problems, ...table.problems, ...problems]);
  if (all.some((p) => p.severity === 'error')) throw new ImportError(summary(fileName, all), all);
  if (items.length === 0) throw new ImportError(`${fileName} holds no exceptions (every row is empty).`, all);
  return { items, warnings: all, columns: { mapping: resolved.columns.mapping, unknown: resolved.columns.unknown }, encoding, format };
}

export async function parseExceptionsFile(
  path: string,
  options: ExceptionImportOptions = {},
): Promise<ParsedExceptions & { fileName: string; bytes: Uint8Array }> {
  const { bytes, name } = await readExportFile(path, 'the Exceptions Manager export');
  return { ...(await parseExceptionsBuffer(bytes, name, options)), fileName: name, bytes };
}

/** The first rows as mapped, the detected (or given) mapping and every problem, without throwing on bad input. */
export async function previewExceptions(
  bytes: Uint8Array,
  fileName: string,
  options: ExceptionImportOptions & { limit?: number } = {},
): Promise<ExceptionsPreview> {
  const limit = options.limit ?? 20;
  let loaded;
  try {
    loaded = await readTable(bytes, fileName, { sheet: options.sheet, what: WHAT, encoding: options.encoding });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return {
      header: [],
      rows: [],
      totalRows: 0,
      columns: { mapping: exceptionColumns.emptyMapping(), unknown: [] },
      problems: e.problems,
      encoding: null,
      format: null,
    };
  }
  const { table, format, encoding } = loaded;
  const { columns, problems: columnProblems } = exceptionColumns.resolve(table.header, options.mapping, table.headerRow);
  const rows: ExceptionPreviewRow[] = [];
  for (const { row, cells } of table.rows) {
    if (rows.length >= limit) break;
    if (isBlankRow(cells)) continue;
    const values = Object.fromEntries(
      EXCEPTION_FIELDS.map((f) => {
        const at = columns.index[f];
        return [f, at === null ? '' : (cells[at] ?? '').trim()];
      }),
    ) as Record<ExceptionField, string>;
    rows.push({ row, ...values });
  }
  const columnsOk = !columnProblems.some((p) => p.severity === 'error');
  const rowProblems = columnsOk ? readExceptionRows(table.rows, columns).problems : [];
  return {
    header: table.header,
    rows,
    totalRows: table.rows.length,
    columns: { mapping: columns.mapping, unknown: columns.unknown },
    problems: byRow([...columnProblems, ...table.problems, ...rowProblems]),
    encoding,
    format,
  };
}
