import { describe, expect, it } from 'vitest';
import { tableCsv } from './csv';
import { exportFileName, formatOfPath, wallClock } from './table';

describe('export tables', () => {
  it('reads dates as the wall-clock time a spreadsheet shows', () => {
    expect(wallClock('2026-07-12', 'date')).toEqual({ y: 2026, mo: 7, d: 12, h: 0, mi: 0, s: 0 });
    expect(wallClock('2025-06-02 09:14', 'datetime')).toEqual({ y: 2025, mo: 6, d: 2, h: 9, mi: 14, s: 0 });
    const t = new Date('2026-07-12T23:30:05.000Z');
    expect(wallClock(t.toISOString(), 'datetime')).toEqual({
      y: t.getFullYear(),
      mo: t.getMonth() + 1,
      d: t.getDate(),
      h: t.getHours(),
      mi: t.getMinutes(),
      s: 5,
    });
    expect(wallClock('12/07/2026', 'date')).toBeNull();
  });

  it('names files after the workspace and the table, and tells the format from a path', () => {
    expect(exportFileName('Acme: Freight/AU', 'Push plan', 'xlsx')).toBe('Acme Freight AU push plan.xlsx');
    expect(formatOfPath('out/plan.XLSX')).toBe('xlsx');
    expect(formatOfPath('plan.csv')).toBe('csv');
    expect(formatOfPath('plan.json')).toBeNull();
  });

  it('writes CSV with a byte-order mark, typed cells and formula-looking text escaped', () => {
    const csv = tableCsv({
      name: 'T',
      columns: [
        { header: 'Text', type: 'text' },
        { header: 'Score', type: 'percent' },
        { header: 'Total', type: 'money' },
        { header: 'Date', type: 'date' },
      ],
      rows: [
        ['=1+2', 0.876, 1250, '2026-07-12'],
        ['+61 2 9999 1234', null, -3.5, 'not a date'],
      ],
    });
    expect(csv).toBe("\uFEFFText,Score,Total,Date\n'=1+2,88%,1250.00,2026-07-12\n+61 2 9999 1234,,-3.50,not a date\n");
  });
});
