import { describe, expect, it } from 'vitest';
import type { BillingAccount, Finding } from '../../shared/domain';
import { draftsFor, type DecisionFacts } from './derive';
import { idempotencyKey, MAX_KEY_LENGTH } from './keys';

const account: BillingAccount = {
  row: 2,
  code: 'ACME01',
  name: 'Acme Freight Pty Ltd',
  contactName: '',
  email: '',
  phone: '',
  address: '',
  postcode: '',
  status: '',
};
const finding = (kind: Finding['kind']): Finding => ({
  accountCode: 'ACME01',
  accountRow: 2,
  kind,
  xeroContactId: 'c1',
  codeHolderId: 'c1',
  score: 0.9,
  explanation: 'same code; names differ',
  contributions: [],
  candidates: [],
  fix: 'rename_in_xero_or_cocoon',
  sync: { outcome: 'refused', message: null, doubt: null },
});
const raw = { ContactID: 'c1', Name: 'Acme Freight Ltd', AccountNumber: 'ACME01', UpdatedDateUTC: '/Date(1750000000000+0000)/' };

function facts(action: string, changes: unknown[], kind: Finding['kind'] = 'name_mismatch'): DecisionFacts {
  return {
    decision: { id: 7, accountCode: 'ACME01', action, payload: { changes, contactUpdatedDateUtc: '2025-06-15T15:06:40.000Z' } },
    account,
    finding: finding(kind),
    rawContact: (id) => (id === 'c1' ? raw : undefined),
  };
}

describe('draftsFor (decisions → corrections)', () => {
  it('a rename in Xero: the write with its before-image, plus the re-send of the failed invoices', () => {
    const drafts = draftsFor(
      facts('rename_in_xero', [{ target: 'xero', subject: 'c1', field: 'Name', from: 'Acme Freight Ltd', to: 'Acme Freight Pty Ltd' }]),
    );
    expect(drafts).toEqual([
      expect.objectContaining({
        target: 'xero',
        kind: 'rename',
        subject: 'c1',
        before: raw,
        reviewedUpdatedUtc: '2025-06-15T15:06:40.000Z',
        decisionId: 7,
      }),
      expect.objectContaining({ target: 'cocoon', kind: 'resend', subject: 'ACME01', changes: [] }),
    ]);
    expect(drafts[0]!.finding).toEqual({
      kind: 'name_mismatch',
      explanation: 'same code; names differ',
      accountName: 'Acme Freight Pty Ltd',
    });
  });

  it('CocoonOPS renames and recodes become checklist corrections; IsCustomer a Xero web-app step', () => {
    expect(
      draftsFor(facts('rename_in_cocoon', [{ target: 'cocoon', subject: 'ACME01', field: 'name', from: 'a', to: 'b' }])).map((d) => d.kind),
    ).toEqual(['cocoon_rename', 'resend']);
    expect(
      draftsFor(
        facts('recode_in_cocoon', [{ target: 'cocoon', subject: 'ACME01', field: 'code', from: 'ACME01', to: '' }], 'code_conflict'),
      ).map((d) => d.kind),
    ).toEqual(['cocoon_recode', 'resend']);
    expect(
      draftsFor(
        facts('mark_customer', [{ target: 'xero', subject: 'c1', field: 'IsCustomer', from: 'false', to: 'true' }], 'not_customer'),
      ).map((d) => [d.kind, d.target]),
    ).toEqual([
      ['make_customer', 'xero'],
      ['resend', 'cocoon'],
    ]);
  });

  it('no re-send for an account that does not fail today, and nothing for ignore or a bad payload', () => {
    expect(
      draftsFor(
        facts('set_account_number', [{ target: 'xero', subject: 'c1', field: 'AccountNumber', from: '', to: 'ACME01' }], 'code_missing'),
      ).map((d) => d.kind),
    ).toEqual(['account_number']);
    expect(draftsFor(facts('ignore', []))).toEqual([]);
    expect(draftsFor({ ...facts('rename_in_xero', []), decision: { id: 1, accountCode: 'X', action: 'x', payload: 'nonsense' } })).toEqual(
      [],
    );
  });
});

describe('idempotencyKey', () => {
  it('is deterministic for one attempt, different for another attempt or body, and at most 128 characters', () => {
    const body = [{ ContactID: 'c1', Name: 'Acme' }];
    const a = idempotencyKey('abc123def456', [{ id: 12, attempt: 1 }], body);
    expect(a).toBe(idempotencyKey('abc123def456', [{ id: 12, attempt: 1 }], body));
    expect(a).toMatch(/^rcx-abc123def456-12-[0-9a-f]{48}$/);
    expect(idempotencyKey('abc123def456', [{ id: 12, attempt: 2 }], body)).not.toBe(a);
    expect(idempotencyKey('abc123def456', [{ id: 12, attempt: 1 }], [{ ContactID: 'c1', Name: 'Acme Ltd' }])).not.toBe(a);
    expect(idempotencyKey('abc123def456', [{ id: Number.MAX_SAFE_INTEGER, attempt: 1 }], body).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
  });
});
