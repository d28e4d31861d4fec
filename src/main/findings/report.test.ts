import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain';
import { findingsCsv } from './report';

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
