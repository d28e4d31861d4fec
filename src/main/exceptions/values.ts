// Cell text from an exceptions export → dates, amounts, document types. Pure.
import type { DocType } from '../../shared/exceptions';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

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
 * A document date as CocoonOPS or Excel writes it → YYYY-MM-DD. Numeric dates are read day first (AU/NZ/UK),
 * unless the second number cannot be a month (e.g. 03/25/2025). A time after the date is ignored.
 */
export function parseDate(text: string): Parsed<string> {
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
  const value = y !== null && m !== null && d !== null ? iso(y, m, d) : null;
  return value ? { ok: true, value } : { ok: false, error: `"${t}" is not a date (expected e.g. 2025-03-31 or 31/03/2025)` };
}

const SYMBOLS = /^[A-Z]{0,3}[$€£¥]|[$€£¥]$/;
const CODE_AT_ENDS = /^([A-Z]{3})\s*(?=[-(\d.])|(?<=[\d.)])\s*([A-Z]{3})$/;

/**
 * "1,250.00", "$1,250.00", "AUD 1250", "(125.00)", "-125", "1.250,00" → a number, with a currency code found
 * beside it. Thousands separators: comma, apostrophe, space; a decimal comma only in the "1.250,00" / "125,5" forms.
 */
export function parseAmount(text: string): Parsed<{ amount: number; currency: string }> {
  let t = text.trim().toUpperCase();
  let currency = '';
  const code = CODE_AT_ENDS.exec(t);
  if (code) {
    currency = code[1] ?? code[2] ?? '';
    t = t.replace(CODE_AT_ENDS, '').trim();
  }
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.endsWith('-')) {
    negative = !negative;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(SYMBOLS, '').trim();
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  let digits: string;
  if (/^\d{1,3}(?:\.\d{3})+,\d{1,2}$/.test(t) || /^\d+,\d{1,2}$/.test(t)) digits = t.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(?:[,' ]\d{3})+(?:\.\d+)?$/.test(t) || /^\d+(?:\.\d+)?$/.test(t) || /^\.\d+$/.test(t)) digits = t.replace(/[,' ]/g, '');
  else return { ok: false, error: `"${text.trim()}" is not an amount (expected e.g. 1250.00 or $1,250.00)` };
  const amount = Number(digits) * (negative ? -1 : 1);
  return Number.isFinite(amount) ? { ok: true, value: { amount, currency } } : { ok: false, error: `"${text.trim()}" is not an amount` };
}

const INVOICE_WORDS = new Set(['invoice', 'salesinvoice', 'taxinvoice', 'inv', 'accrec', 'customerinvoice']);
const CREDIT_WORDS = new Set(['creditnote', 'credit', 'salescreditnote', 'cn', 'accreccredit', 'customercreditnote', 'creditmemo']);

/** "Invoice", "Sales Invoice", "ACCREC" → invoice; "Credit Note", "CreditNote", "ACCRECCREDIT" → credit_note. */
export function parseDocType(text: string): Parsed<DocType | null> {
  const key = text.trim().toLowerCase().replace(/[^a-z]+/g, '');
  if (key === '') return { ok: true, value: null };
  if (INVOICE_WORDS.has(key)) return { ok: true, value: 'invoice' };
  if (CREDIT_WORDS.has(key)) return { ok: true, value: 'credit_note' };
  return { ok: false, error: `"${text.trim()}" is not a document type (expected Invoice or Credit Note)` };
}

const CURRENCY = /^[A-Z]{3}$/;

export function parseCurrency(text: string): Parsed<string> {
  const t = text.trim().toUpperCase();
  return t === '' || CURRENCY.test(t) ? { ok: true, value: t } : { ok: false, error: `"${text.trim()}" is not a three-letter currency code (e.g. AUD)` };
}
