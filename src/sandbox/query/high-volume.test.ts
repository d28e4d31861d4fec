// Which `where` and `order` Xero runs in a very large organisation, per collection.
import { describe, expect, it } from 'vitest';
import type { Collection } from '../types.js';
import { highVolumeRefusal, orderOptimised, whereOptimised } from './high-volume.js';
import { checkedWhere } from './where-eval.js';

const ok = (coll: Collection, where: string): boolean => whereOptimised(coll, checkedWhere(coll, where));
const ID = 'Guid("220ddca8-3144-4085-9a88-2d72c5133734")';

describe('optimised where', () => {
  it('Contacts: Name, EmailAddress and AccountNumber equal to a value, alone or joined by AND', () => {
    expect(ok('Contacts', 'AccountNumber=="ACME01"')).toBe(true);
    expect(ok('Contacts', 'name=="Acme" AND (EmailAddress=="a@b.example")')).toBe(true);
    for (const where of [
      'ContactStatus=="ACTIVE"',
      'ContactNumber=="A400" || ContactNumber=="A500"',
      'Name=="Acme" OR Name=="Beta"',
      'Name.Contains("Acme")',
      'Name.ToLower()=="acme"',
      'AccountNumber!="X"',
      'AccountNumber!=null',
      'EmailAddress==null',
      'NOT (Name=="Acme")',
      'IsSupplier==true',
      'IsCustomer',
      `ContactID==${ID}`,
      'UpdatedDateUTC>=DateTime(2026,01,01)',
    ]) {
      expect(ok('Contacts', where), where).toBe(false);
    }
  });

  it('Invoices: the documented fields, ranges on Date, DueDate and AmountDue, OR between InvoiceIDs only', () => {
    expect(ok('Invoices', 'Type=="ACCREC"')).toBe(true);
    expect(ok('Invoices', `Type=="ACCREC" AND Status=="AUTHORISED" AND Contact.ContactID==${ID}`)).toBe(true);
    expect(ok('Invoices', 'Date>=DateTime(2020,01,01) AND Date<DateTime(2020,02,01) AND AmountDue>5')).toBe(true);
    expect(ok('Invoices', `InvoiceID==${ID} OR InvoiceID==${ID} OR InvoiceId==${ID}`)).toBe(true);
    expect(ok('Invoices', 'Contact.ContactNumber=="ID001" AND Reference=="R1" AND InvoiceNumber=="INV-1"')).toBe(true);
    expect(ok('Invoices', 'AmountPaid>5')).toBe(false);
    expect(ok('Invoices', 'Status=="PAID" OR Status=="VOIDED"')).toBe(false);
    expect(ok('Invoices', `Type=="ACCREC" OR InvoiceID==${ID}`)).toBe(false);
    expect(ok('Invoices', 'Total>100')).toBe(false);
    expect(ok('Invoices', 'CurrencyCode=="AUD"')).toBe(false);
  });

  it('CreditNotes: Type, Status, Date, Reference and the contact; not CreditNoteNumber', () => {
    expect(ok('CreditNotes', 'Type=="ACCRECCREDIT" AND Date>DateTime(2024,01,01)')).toBe(true);
    expect(ok('CreditNotes', 'Contact.Name=="Acme" AND Reference=="CN-0002"')).toBe(true);
    expect(ok('CreditNotes', 'CreditNoteNumber=="CN-0005"')).toBe(false);
    expect(ok('CreditNotes', 'DueDate>DateTime(2024,01,01)')).toBe(false);
  });
});

describe('optimised order', () => {
  it('the id, UpdatedDateUTC and Name (Contacts) or Date (documents), either way', () => {
    expect(orderOptimised('Contacts', 'ContactID')).toBe(true);
    expect(orderOptimised('Contacts', 'name desc, UpdatedDateUTC ASC')).toBe(true);
    expect(orderOptimised('Contacts', 'EmailAddress')).toBe(false);
    expect(orderOptimised('Contacts', 'Name, AccountNumber')).toBe(false);
    expect(orderOptimised('Invoices', 'InvoiceID')).toBe(true);
    expect(orderOptimised('Invoices', 'Date DESC')).toBe(true);
    expect(orderOptimised('Invoices', 'InvoiceNumber')).toBe(false);
    expect(orderOptimised('CreditNotes', 'CreditNoteID')).toBe(true);
    expect(orderOptimised('CreditNotes', 'Contact.Name')).toBe(false);
  });
});

describe('the threshold', () => {
  const unoptimised = { where: checkedWhere('Contacts', 'IsCustomer==true'), paged: true, selected: 5 };
  it('refuses only above it, and an unpaged list only when it selects more than the threshold', () => {
    expect(highVolumeRefusal('Contacts', 10, { ...unoptimised, size: 10 })).toBeUndefined();
    expect(highVolumeRefusal('Contacts', 10, { ...unoptimised, size: 11 })).toBe('where');
    expect(highVolumeRefusal('Contacts', 10, { size: 11, order: 'EmailAddress', paged: true, selected: 11 })).toBe('order');
    expect(highVolumeRefusal('Contacts', 10, { size: 11, paged: false, selected: 11 })).toBe('unpaged');
    expect(highVolumeRefusal('Contacts', 10, { size: 11, paged: false, selected: 10 })).toBeUndefined();
    expect(highVolumeRefusal('Contacts', 10, { size: 11, order: 'ContactID', paged: true, selected: 11 })).toBeUndefined();
  });
});
