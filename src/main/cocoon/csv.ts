// CSV text → Table: delimiter detection, quotes, CRLF/LF, ragged rows as problems, bounded record size.
import { parse, type CsvError } from 'csv-parse/sync';
import { ImportError, type Problem } from './import-problems';
import { isBlankRow, type Table, type TableRow } from './table';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A longer record means a runaway quote or a file that is not a CSV export. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export interface CsvTable extends Table {
  delimiter: CsvDelimiter;
}

export interface CsvOptions {
  maxRecordBytes?: number;
  /** What the export holds, for messages ("the billing accounts" when omitted). */
  what?: string;
}

const LINE_BREAK = /\r\n?|\n/;
const SEP_HINT = /^"?sep=(.)"?$/i;

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

/** The candidate (, ; TAB |) seen most often outside quotes in the header line; comma when none is. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (CSV_DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** The first line, or an ImportError when it is longer than a record may be (a 50 MB one-line file fails here). */
function firstLine(text: string, maxChars: number, fileName: string, what: string): string {
  const head = text.slice(0, maxChars + 1);
  const match = LINE_BREAK.exec(head);
  if (!match && head.length > maxChars) {
    throw ImportError.file(
      `${fileName} does not look like a CSV export: its first line is longer than ${Math.round(maxChars / 1024)} KB ` +
        `and has no line break. Export ${what} from CocoonOPS as CSV or XLSX again.`,
    );
  }
  return match ? head.slice(0, match.index) : head;
}

function csvFailure(err: CsvError, fileName: string, rowOffset: number, maxBytes: number): ImportError {
  const row = Number(err.records ?? 0) + 1 + rowOffset;
  const line = Number(err.lines ?? 0);
  switch (err.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return ImportError.file(
        `${fileName}: row ${row} (from line ${line}) is longer than ${Math.round(maxBytes / 1024)} KB. ` +
          'A quote is probably not closed, or the file is not a CSV export; fix the file or export it again.',
        err,
      );
    case 'CSV_QUOTE_NOT_CLOSED':
      return ImportError.file(
        `${fileName}: a quoted value in row ${row} is never closed (the file ends inside quotes). ` +
          'Add the missing " in that row, or export the file again.',
        err,
      );
    default:
      return ImportError.file(
        `${fileName}: cannot read row ${row} (line ${line}): ${err.message}. Check the quotes in that row, or export the file again.`,
        err,
      );
  }
}

function isCsvError(e: unknown): e is CsvError {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

/** Ragged rows: extra non-empty values are an error (an unquoted delimiter), missing ones a warning. */
function checkWidth(row: TableRow, width: number, delimiter: CsvDelimiter): Problem | null {
  const { cells } = row;
  if (cells.length > width) {
    if (isBlankRow(cells.slice(width))) return null;
    return {
      row: row.row,
      severity: 'error',
      message:
        `has ${cells.length} values but the header has ${width} columns: a value probably contains an unquoted ` +
        `${delimiterName(delimiter)}. Put quotes around that value, or export the file again.`,
    };
  }
  if (cells.length < width && !isBlankRow(cells)) {
    return {
      row: row.row,
      severity: 'warning',
      message: `has ${cells.length} values but the header has ${width} columns; the missing values are treated as empty`,
    };
  }
  return null;
}

/**
 * Parses CSV text (already decoded). The header is the first non-blank record; row numbers are records
 * counted from 1 as a spreadsheet shows them (a quoted value may span lines; an Excel "sep=;" line is hidden).
 */
export function parseCsv(text: string, fileName = 'The file', options: CsvOptions = {}): CsvTable {
  const maxBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  let body = text;
  let delimiter: CsvDelimiter;
  const what = options.what ?? 'the billing accounts';
  const line1 = firstLine(body, maxBytes, fileName, what);
  const hint = SEP_HINT.exec(line1.trim());
  if (hint && (CSV_DELIMITERS as readonly string[]).includes(hint[1] ?? '')) {
    delimiter = hint[1] as CsvDelimiter;
    body = body.slice(line1.length).replace(/^\r?\n|^\r/, '');
  } else {
    delimiter = detectDelimiter(line1);
  }

  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: maxBytes,
    });
  } catch (e) {
    if (isCsvError(e)) throw csvFailure(e, fileName, 0, maxBytes);
    throw e;
  }

  const headerIndex = records.findIndex((r) => !isBlankRow(r));
  if (headerIndex < 0) {
    throw ImportError.file(`${fileName} is empty: it has no header row. Export ${what} from CocoonOPS again.`);
  }
  const header = records[headerIndex] ?? [];
  const rows: TableRow[] = [];
  const problems: Problem[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const row: TableRow = { row: i + 1, cells: records[i] ?? [] };
    const problem = checkWidth(row, header.length, delimiter);
    if (problem) problems.push(problem);
    rows.push(row);
  }
  return { header, headerRow: headerIndex + 1, rows, problems, delimiter };
}
