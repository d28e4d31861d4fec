import { describe, expect, it } from 'vitest';
import { BillingAccount, XeroContact, type Finding } from '../../shared/domain';
import { changesFor, describeChanges, targetContactId } from './changes';

const account = BillingAccount.parse({ row: 2, code: 'ACME01', name: 'Acme Freight Ltd' });
const contact = XeroContact.parse({ contactId: 'c-1', name: 'ACME Freight', accountNumber: '', status: 'ACTIVE', isCustomer: true });
const holder = XeroContact.parse({ contactId: 'c-2', name: 'Acme (old)', accountNumber: 'ACME01', status: 'ARCHIVED', isCustomer: true });
const finding = (over: Partial<Finding>): Finding => ({
  accountCode: 'ACME01',
  accountRow: 2,
  kind: 'name_mismatch',
  xeroContactId: 'c-1',
  codeHolderId: 'c-2',
  score: 0.9,
  explanation: '',
  contributions: [],
  candidates: [],
  fix: 'none',
  sync: { outcome: 'filed', message: null, doubt: null },
  ...over,
});

describe('decision changes', () => {
  it('says which side changes and how', () => {
    expect(changesFor('rename_in_xero', { account, finding: undefined, contact })).toEqual([
      { target: 'xero', subject: 'c-1', field: 'Name', from: 'ACME Freight', to: 'Acme Freight Ltd' },
    ]);
    expect(changesFor('rename_in_cocoon', { account, finding: undefined, contact })).toEqual([
      { target: 'cocoon', subject: 'ACME01', field: 'name', from: 'Acme Freight Ltd', to: 'ACME Freight' },
    ]);
    expect(changesFor('set_account_number', { account, finding: undefined, contact })[0]).toMatchObject({
      field: 'AccountNumber',
      from: '',
      to: 'ACME01',
    });
    expect(changesFor('restore_in_xero', { account, finding: undefined, contact: holder })[0]).toMatchObject({
      subject: 'c-2',
      field: 'ContactStatus',
      to: 'ACTIVE',
    });
    // A holder of the code under another name: linking it renames it too (Xero finds contacts by name).
    expect(changesFor('link', { account, finding: undefined, contact: holder })).toEqual([
      { target: 'xero', subject: 'c-2', field: 'Name', from: 'Acme (old)', to: 'Acme Freight Ltd' },
    ]);
    expect(changesFor('ignore', { account, finding: undefined, contact })).toEqual([]);
    expect(changesFor('rename_in_xero', { account, finding: undefined, contact: undefined })).toEqual([]);
  });

  it('a code set on, or a restore of, a contact of another name renames too, towards the better name', () => {
    expect(changesFor('set_account_number', { account, finding: undefined, contact })).toEqual([
      { target: 'xero', subject: 'c-1', field: 'AccountNumber', from: '', to: 'ACME01' },
      { target: 'xero', subject: 'c-1', field: 'Name', from: 'ACME Freight', to: 'Acme Freight Ltd' },
    ]);
    expect(changesFor('restore_in_xero', { account, finding: undefined, contact: holder, better: 'xero' })).toEqual([
      { target: 'xero', subject: 'c-2', field: 'ContactStatus', from: 'ARCHIVED', to: 'ACTIVE' },
      { target: 'cocoon', subject: 'ACME01', field: 'name', from: 'Acme Freight Ltd', to: 'Acme (old)' },
    ]);
    const same = XeroContact.parse({ contactId: 'c-3', name: ' acme freight ltd', accountNumber: '', status: 'ACTIVE', isCustomer: true });
    expect(changesFor('set_account_number', { account, finding: undefined, contact: same })).toHaveLength(1);
  });

  it('targets the archived contact for restores and the chosen contact for links', () => {
    expect(targetContactId('restore_in_xero', finding({ kind: 'archived_holder', xeroContactId: 'c-2' }))).toBe('c-2');
    expect(targetContactId('restore_in_xero', finding({ kind: 'archived_holder', xeroContactId: null }))).toBe('c-2');
    expect(targetContactId('rename_in_xero', finding({}))).toBe('c-1');
    expect(targetContactId('link', finding({}), 'c-9')).toBe('c-9');
    expect(targetContactId('rename_in_xero', undefined)).toBeNull();
  });

  it('describes a change in one line', () => {
    const changes = changesFor('rename_in_xero', { account, finding: undefined, contact });
    expect(describeChanges('rename_in_xero', changes, account)).toBe('Name "ACME Freight" → "Acme Freight Ltd" in Xero');
    expect(describeChanges('create_in_xero', [], account)).toContain('creates "Acme Freight Ltd"');
  });

  it('says when a rename changes only the spacing, which reads as no change on screen', () => {
    const spaced = { ...contact, name: 'Acme  Freight Ltd' };
    const changes = changesFor('rename_in_xero', { account, finding: undefined, contact: spaced });
    expect(describeChanges('rename_in_xero', changes, account)).toBe(
      'Name "Acme  Freight Ltd" → "Acme Freight Ltd" in Xero (only the spacing differs: two spaces → one space after “Acme”)',
    );
  });
});

describe('a fix that would still leave a may-fail', () => {
  it('makes the contact a customer in the same decision', () => {
    const supplier = XeroContact.parse({
      contactId: 'c-4',
      name: 'Acme Freight',
      accountNumber: 'ACME01',
      status: 'ACTIVE',
      isCustomer: false,
    });
    expect(changesFor('rename_in_xero', { account, finding: undefined, contact: supplier })).toEqual([
      { target: 'xero', subject: 'c-4', field: 'Name', from: 'Acme Freight', to: 'Acme Freight Ltd' },
      { target: 'xero', subject: 'c-4', field: 'IsCustomer', from: 'false', to: 'true' },
    ]);
  });
});
