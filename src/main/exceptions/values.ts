// Cell text from an exceptions export → dates, amounts, document types. Pure.
import { readDate } from '../../shared/date-text';
import type { DocType } from '../../shared/exceptions';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A document date as CocoonOPS or Excel writes it → YYYY-MM-DD (see readDate). */
export function parseDate(text: string): Parsed<string> {
  const value = readDate(text);
  return value ? { ok: true, value } : { ok: false, error: `"${text.trim()}" is not a date (expected e.g. 2025-03-31 or 31/03/2025)` };
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
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
  if (key === '') return { ok: true, value: null };
  if (INVOICE_WORDS.has(key)) return { ok: true, value: 'invoice' };
  if (CREDIT_WORDS.has(key)) return { ok: true, value: 'credit_note' };
  return { ok: false, error: `"${text.trim()}" is not a document type (expected Invoice or Credit Note)` };
}

const CURRENCY = /^[A-Z]{3}$/;

export function parseCurrency(text: string): Parsed<string> {
  const t = text.trim().toUpperCase();
  return t === '' || CURRENCY.test(t)
    ? { ok: true, value: t }
    : { ok: false, error: `"${text.trim()}" is not a three-letter currency code (e.g. AUD)` };
}
