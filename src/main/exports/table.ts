// A table to export (the review, the push plan, the exceptions, the checklist…): a sheet name, typed columns and
// plain rows. Plain data (strings, numbers, null) so it crosses to a worker thread as it is; csv.ts and xlsx.ts
// write it. Pure.

/**
 * How a column's cells are written. text: as it is (a formula-looking value is escaped); integer and number: numbers
 * (thousands separators in the spreadsheet); percent: a fraction (0.87 shows 87%); money: two decimals; date: an ISO
 * date ("2026-07-12"); datetime: an ISO instant, written in the computer's local time.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'money' | 'date' | 'datetime';

export interface ExportColumn {
  header: string;
  type: ColumnType;
}

export type Cell = string | number | null;

export interface ExportTable {
  /** The worksheet's name and the file name's tail ("Review", "Push plan"). */
  name: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** "Acme Freight review.xlsx": the workspace's name, the table's, the format's extension; no character a file system refuses. */
export function exportFileName(workspace: string, table: ExportTable | string, format: ExportFormat): string {
  const clean = (s: string) =>
    s
      .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const what = typeof table === 'string' ? table : table.name;
  return `${[clean(workspace), clean(what).toLowerCase()].filter(Boolean).join(' ') || 'export'}.${format}`;
}

/** The format a path names (.csv or .xlsx), or null. */
export function formatOfPath(path: string): ExportFormat | null {
  return /\.xlsx$/i.test(path) ? 'xlsx' : /\.csv$/i.test(path) ? 'csv' : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date and time without a zone ("2025-06-02 09:14", as CocoonOPS exports it): a wall-clock time already. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date or datetime cell as the wall-clock parts a spreadsheet shows: a plain date or a time without a zone as
 * written, an instant (with its zone) in the computer's local time. Null when the text is no ISO date (it is then written as text).
 */
export function wallClock(
  value: string,
  type: 'date' | 'datetime',
): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  const plain = ISO_DATE.exec(value);
  if (plain) return { y: Number(plain[1]), mo: Number(plain[2]), d: Number(plain[3]), h: 0, mi: 0, s: 0 };
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
    return type === 'date' ? { y, mo, d, h: 0, mi: 0, s: 0 } : { y, mo, d, h, mi, s };
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return null;
  if (type === 'date') return { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: 0, mi: 0, s: 0 };
  return { y: t.getFullYear(), mo: t.getMonth() + 1, d: t.getDate(), h: t.getHours(), mi: t.getMinutes(), s: t.getSeconds() };
}
