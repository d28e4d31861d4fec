// The shape every reader (CSV, XLSX) produces: a header and rows of untrimmed cell text.
import type { Problem } from '../errors';

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
