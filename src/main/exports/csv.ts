// An export table as CSV for a spreadsheet: a header row, a UTF-8 byte-order mark (Excel reads the file as UTF-8
// only with one), formula-looking text escaped (src/shared/formula.ts), dates as ISO dates and local "YYYY-MM-DD
// HH:MM" times (which spreadsheets read as dates), numbers unformatted. Pure.
import { csvFormatRows } from 'd3-dsv';
import { escapeFormula } from '../../shared/formula';
import { wallClock, type Cell, type ColumnType, type ExportTable } from './table';

export const BOM = '\uFEFF';

const two = (n: number) => String(n).padStart(2, '0');

function cellText(value: Cell, type: ColumnType): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (type === 'percent') return `${Math.round(value * 100)}%`;
    if (type === 'money') return value.toFixed(2);
    return String(value);
  }
  if (type === 'date' || type === 'datetime') {
    const w = wallClock(value, type);
    if (w) return `${w.y}-${two(w.mo)}-${two(w.d)}${type === 'datetime' ? ` ${two(w.h)}:${two(w.mi)}` : ''}`;
  }
  return escapeFormula(value);
}

export function tableCsv(table: ExportTable): string {
  const types = table.columns.map((c) => c.type);
  const rows = table.rows.map((r) => types.map((t, i) => cellText(r[i] ?? null, t)));
  return `${BOM}${csvFormatRows([table.columns.map((c) => escapeFormula(c.header)), ...rows])}\n`;
}
