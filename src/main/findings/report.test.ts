import { describe, expect, it } from 'vitest';
import type { Finding, MatchResult } from '../../shared/domain';
import { csvFormatRows } from 'd3-dsv';
import { FINDINGS_CSV_COLUMNS, findingsCsv, findingsWriter } from './report';

const finding = (accountCode: string, explanation: string): Finding => ({
  accountCode,
  accountRow: 2,
  kind: 'not_in_xero',
  xeroContactId: null,
  codeHolderId: null,
  score: 0.04701,
  explanation,
  contributions: [],
  candidates: [],
  fix: 'create_in_xero',
  sync: { outcome: 'created', message: null, doubt: null },
});

describe('findingsCsv', () => {
  it('writes one row per account, quoting what a spreadsheet would split and escaping formulas', () => {
    const csv = findingsCsv({ findings: [finding('C1', 'plain'), finding('=C2', 'closest: \'Acme, "The" Co\'\rnext')] });
    expect(csv).toBe(
      'billing_account_code,xero_contact_id,finding,score,code_holder_id,explanation\n' +
        'C1,,not_in_xero,0.0470,,plain\n' +
        '\'=C2,,not_in_xero,0.0470,,"closest: \'Acme, ""The"" Co\'\rnext"\n',
    );
  });
});

describe('findingsWriter', () => {
  const withContributions: Finding = {
    ...finding('C3', 'same code; names equal'),
    kind: 'ok',
    contributions: [{ field: 'name', level: 'exact', weight: 12.5 }],
    candidates: [{ contactId: 'x1', name: 'Acme "A"\nCo', accountNumber: 'C3', score: 0.99 }],
  };
  const xeroFindings: MatchResult['xeroFindings'] = [
    { kind: 'duplicate_contact', contactIds: ['x1', 'x2'], score: 0.9, explanation: 'same name' },
  ];
  const results: MatchResult[] = [
    { findings: [], xeroFindings: [] },
    { findings: [withContributions], xeroFindings },
    // Enough findings for the text to come in several pieces.
    { findings: Array.from({ length: 2000 }, (_, i) => ({ ...withContributions, accountCode: `C${i}` })), xeroFindings },
  ];

  it('writes, a piece at a time, the JSON that JSON.stringify gives of the whole result', () => {
    for (const result of results) {
      const pieces: string[] = [];
      const writer = findingsWriter('json', (text) => pieces.push(text));
      result.findings.forEach((f) => writer.add(f));
      writer.end(result.xeroFindings);
      expect(pieces.join('')).toBe(`${JSON.stringify(result, null, 2)}\n`);
      if (result.findings.length > 100) expect(pieces.length).toBeGreaterThan(1);
    }
  });

  it('writes, a piece at a time, the CSV of all rows formatted at once', () => {
    const { findings } = results[2]!;
    const pieces: string[] = [];
    const writer = findingsWriter('csv', (text) => pieces.push(text));
    findings.forEach((f) => writer.add(f));
    writer.end([]);
    expect(pieces.length).toBeGreaterThan(1);
    const rows = findings.map((f) => [
      f.accountCode,
      f.xeroContactId ?? '',
      f.kind,
      f.score.toFixed(4),
      f.codeHolderId ?? '',
      f.explanation,
    ]);
    expect(pieces.join('')).toBe(`${csvFormatRows([[...FINDINGS_CSV_COLUMNS], ...rows])}\n`);
  });
});
