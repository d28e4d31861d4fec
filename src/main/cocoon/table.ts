// The shape every reader (CSV, XLSX) produces: a header and rows of untrimmed cell text.
import type { Problem } from './import-problems';

export interface TableRow {
  /** 1-based row as a spreadsheet user sees it (header = row 1 in a normal export). */
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  headerRow: number;
  /** Every row after the header, including empty ones (validation reports and skips those). */
  rows: TableRow[];
  /** Problems the reader found (e.g. a CSV row with more values than the header has columns). */
  problems: Problem[];
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function emptyRun(first: number, last: number): Problem {
  return first === last
    ? { row: first, severity: 'warning', message: 'empty row skipped' }
    : { row: first, severity: 'warning', message: `rows ${first}–${last} are empty and were skipped` };
}

/** The rows that hold something, in order; each run of empty rows becomes one warning in `problems`. */
export function* filledRows(rows: readonly TableRow[], problems: Problem[]): Generator<TableRow> {
  let emptyFrom = 0;
  let emptyTo = 0;
  for (const r of rows) {
    if (isBlankRow(r.cells)) {
      if (emptyFrom === 0) emptyFrom = r.row;
      emptyTo = r.row;
      continue;
    }
    if (emptyFrom !== 0) {
      problems.push(emptyRun(emptyFrom, emptyTo));
      emptyFrom = 0;
    }
    yield r;
  }
  if (emptyFrom !== 0) problems.push(emptyRun(emptyFrom, emptyTo));
}
