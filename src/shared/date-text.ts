// A date as CocoonOPS, Excel or a person writes it → YYYY-MM-DD: shared by the exceptions import (which stores
// document dates as ISO) and the renderer (which shows dates kept as written, such as when an exception was raised,
// in the user's format). Pure.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:\s.*)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[-\s/]([a-z]{3,9})\.?,?[-\s/](\d{2}|\d{4})(?:\s.*)?$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})(?:\s.*)?$/i;

/**
 * A date as CocoonOPS or Excel writes it → YYYY-MM-DD, or null. Numeric dates are read day first (AU/NZ/UK),
 * unless the second number cannot be a month (e.g. 03/25/2025). A time after the date is ignored.
 */
export function readDate(text: string): string | null {
  const t = text.trim();
  let y: number | null = null;
  let m: number | null = null;
  let d: number | null = null;
  let match: RegExpExecArray | null;
  if ((match = ISO.exec(t))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = NUMERIC.exec(t))) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    y = fullYear(match[3] ?? '');
    [d, m] = b > 12 && a <= 12 ? [b, a] : [a, b];
  } else if ((match = DAY_MONTH_NAME.exec(t))) {
    [d, m, y] = [Number(match[1]), monthOf(match[2] ?? ''), fullYear(match[3] ?? '')];
  } else if ((match = MONTH_NAME_DAY.exec(t))) {
    [m, d, y] = [monthOf(match[1] ?? ''), Number(match[2]), Number(match[3])];
  }
  return y !== null && m !== null && d !== null ? iso(y, m, d) : null;
}
