// Findings as files: the CSV a bookkeeper opens in a spreadsheet, or the full JSON. Written a finding at a time
// (findingsWriter), so a run of 100,000 accounts is never held as one string nor as 100,000 findings.
import { csvFormatRows } from 'd3-dsv';
import type { Finding, MatchResult, XeroFinding } from '../../shared/domain';
import { escapeFormula } from '../../shared/formula';

export const FINDINGS_CSV_COLUMNS = [
  'billing_account_code',
  'xero_contact_id',
  'finding',
  'score',
  'code_holder_id',
  'explanation',
] as const;

export type ReportFormat = 'csv' | 'json';

export function formatForPath(path: string): ReportFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.csv$/i.test(path) || path === '-') return 'csv';
  throw new Error(`Cannot tell the output format from "${path}": name the file .csv or .json.`);
}

export interface FindingsWriter {
  /** The next finding, in account order. */
  add(finding: Finding): void;
  /** After the last finding: the Xero-side findings (left out of the CSV), and the text's end. */
  end(xeroFindings: readonly XeroFinding[]): void;
}

/** Text is handed to `write` in pieces of about this many characters. */
const PIECE_CHARS = 64 * 1024;

/**
 * Writes findings to `write` as they come; the pieces joined are renderFindings' text. CSV: one row per billing
 * account, in input order, with cells a spreadsheet would run as formulas escaped. JSON: `{ findings, xeroFindings }`
 * as JSON.stringify(…, null, 2) gives it.
 */
export function findingsWriter(format: ReportFormat, write: (text: string) => void): FindingsWriter {
  let pending: string[] = [];
  let pendingChars = 0;
  const put = (text: string) => {
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars >= PIECE_CHARS) flush();
  };
  const flush = () => {
    if (pending.length > 0) write(pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  if (format === 'csv') {
    put(`${csvFormatRows([[...FINDINGS_CSV_COLUMNS]])}\n`);
    return {
      add: (f) =>
        put(
          `${csvFormatRows([[f.accountCode, f.xeroContactId ?? '', f.kind, f.score.toFixed(4), f.codeHolderId ?? '', f.explanation].map(escapeFormula)])}\n`,
        ),
      end: flush,
    };
  }
  // Each finding is indented as a member of the findings array (JSON strings hold no raw line breaks).
  let count = 0;
  put('{\n  "findings": [');
  return {
    add: (f) => put(`${count++ === 0 ? '' : ','}\n    ${JSON.stringify(f, null, 2).replaceAll('\n', '\n    ')}`),
    end: (xeroFindings) => {
      put(`${count === 0 ? '' : '\n  '}],\n  "xeroFindings": ${JSON.stringify(xeroFindings, null, 2).replaceAll('\n', '\n  ')}\n}\n`);
      flush();
    },
  };
}

/** The whole text at once (for a workspace's stored findings, which are held anyway). */
export function renderFindings(result: MatchResult, format: ReportFormat): string {
  const pieces: string[] = [];
  const writer = findingsWriter(format, (text) => pieces.push(text));
  for (const f of result.findings) writer.add(f);
  writer.end(result.xeroFindings);
  return pieces.join('');
}

export function findingsCsv(result: Pick<MatchResult, 'findings'>): string {
  return renderFindings({ ...result, xeroFindings: [] }, 'csv');
}
