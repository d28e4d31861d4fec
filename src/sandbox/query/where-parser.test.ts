import { describe, expect, it } from 'vitest';
import { compileWhere } from './where-eval.js';
import { parseWhere, WhereSyntaxError } from './where-parser.js';

const acme = {
  ContactID: '5cc8cf28-567e-4d43-b287-687cfcaec47c',
  Name: 'Acme Freight Pty Ltd',
  AccountNumber: 'ACME01',
  ContactStatus: 'ACTIVE',
  EmailAddress: 'ar@acme.example',
  IsCustomer: true,
  UpdatedDateUTC: '/Date(1735689600000+0000)/', // 2025-01-01
};
const match = (where: string, record: Record<string, unknown> = acme): boolean => compileWhere('Contacts', where)(record);

describe('where', () => {
  it('parses precedence: AND binds tighter than OR; parentheses and NOT', () => {
    expect(parseWhere('A=="1" OR B=="2" AND C=="3"')).toMatchObject({ t: 'or', b: { t: 'and' } });
    expect(match('Name=="x" OR Name=="acme freight pty ltd" AND ContactStatus=="ACTIVE"')).toBe(true);
    expect(match('(Name=="x" OR Name=="Acme Freight Pty Ltd") AND ContactStatus=="ARCHIVED"')).toBe(false);
    expect(match('NOT (ContactStatus=="ARCHIVED")')).toBe(true);
    expect(match('!IsCustomer')).toBe(false);
  });

  it('compares strings case-insensitively, with ==, =, !=, && and ||', () => {
    expect(match('AccountNumber=="acme01"')).toBe(true);
    expect(match('AccountNumber="ACME01"')).toBe(true);
    expect(match('AccountNumber!="ACME01" || EmailAddress=="AR@ACME.EXAMPLE"')).toBe(true);
    expect(match('Name=="Acme" && IsCustomer==true')).toBe(false);
  });

  it('supports Contains, StartsWith, EndsWith, ToLower() and escaped quotes', () => {
    expect(match('Name.Contains("FREIGHT")')).toBe(true);
    expect(match('Name.StartsWith("acme") AND Name.EndsWith("ltd")')).toBe(true);
    expect(match('Name.ToLower().Contains("pty")')).toBe(true);
    expect(match('Name=="Say \\"hi\\""', { ...acme, Name: 'Say "hi"' })).toBe(true);
  });

  it('handles null, Guid(), DateTime() and booleans', () => {
    expect(match('AccountNumber != null')).toBe(true);
    expect(match('FirstName == null')).toBe(true);
    expect(match(`ContactID==Guid("${acme.ContactID.toUpperCase()}")`)).toBe(true);
    expect(match('UpdatedDateUTC>=DateTime(2025,01,01) AND UpdatedDateUTC<DateTime(2025,1,2)')).toBe(true);
    expect(match('IsCustomer==true AND IsSupplier==false', { ...acme, IsSupplier: false })).toBe(true);
  });

  it('rejects what Xero rejects', () => {
    for (const bad of [
      'Name=="x',
      'Name==',
      'Name=="a" AND',
      'Foo=="x"',
      'ContactID=="abc"',
      'Name.Matches("x")',
      'IsCustomer.Contains("t")',
      'Name=="a" Name=="b"',
    ]) {
      expect(() => compileWhere('Contacts', bad), bad).toThrow(WhereSyntaxError);
    }
  });

  it('knows invoice and credit-note fields, including Contact.ContactID', () => {
    const inv = { Type: 'ACCREC', Status: 'PAID', InvoiceNumber: 'INV-1', Contact: { ContactID: acme.ContactID }, Total: 12.5 };
    expect(compileWhere('Invoices', `Type=="ACCREC" AND Contact.ContactID==Guid("${acme.ContactID}") AND Total>10`)(inv)).toBe(true);
    expect(compileWhere('CreditNotes', 'CreditNoteNumber=="CN-1"')({ CreditNoteNumber: 'cn-1' })).toBe(true);
    expect(() => compileWhere('CreditNotes', 'InvoiceNumber=="x"')).toThrow(
      "No property or field 'InvoiceNumber' exists in type 'CreditNote'",
    );
  });
});
