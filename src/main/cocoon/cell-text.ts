// exceljs cell values → the text a user sees (pure; no workbook access).
import type { CellValue } from 'exceljs';

/** "2024-03-01" for a date at midnight (Excel dates have no zone), else a full ISO timestamp. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** 42 → "42" (no ".0"), 0.1 + 0.2 → "0.3" as Excel shows it; a "00000" format keeps leading zeros. */
export function numberText(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return String(n);
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0) return text.padStart(numFmt.length, '0');
  return text;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * Text of a cell value. A formula becomes "=" + its formula text (never its cached result), so that
 * validation reports it as formula-looking; `formula` is the translated text of a shared formula.
 */
export function cellText(value: CellValue, numFmt?: string, formula?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (!isObject(value)) return String(value);
  if ('formula' in value || 'sharedFormula' in value) {
    const text = formula ?? (value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '';
    return `=${text}`;
  }
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (isObject(text)) return cellText(text as unknown as CellValue);
    return String((value as { hyperlink: unknown }).hyperlink ?? '');
  }
  if ('error' in value) return String(value.error);
  return '';
}
