// RFC 4180 CSV writing (CRLF line ends, quotes only where needed) and a small reader for bench files.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Reads a CSV with a header row into records keyed by header (all values strings, untrimmed). */
export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}
