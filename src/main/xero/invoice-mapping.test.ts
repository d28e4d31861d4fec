import { describe, expect, it } from 'vitest';
import { documentDate, toXeroCreditNote, toXeroInvoice, XeroCreditNoteJson, XeroInvoiceJson } from './invoice-mapping';

describe('invoice mapping', () => {
  it('maps a sales invoice as Xero sends it', () => {
    const raw = XeroInvoiceJson.parse({
      Type: 'ACCREC',
      InvoiceID: '9674ab62-8b48-5608-b0d8-888ea8dcf4a6',
      InvoiceNumber: 'INV-0001',
      Contact: { ContactID: '22a89d35-2e95-596a-ab58-5f47348396c0', Name: 'Acme Freight Pty Ltd' },
      DateString: '2025-03-03T00:00:00',
      Date: '/Date(1740960000000+0000)/',
      Status: 'AUTHORISED',
      LineItems: [{ Description: 'Freight services' }],
      Total: 1250.0,
      CurrencyCode: 'AUD',
      UpdatedDateUTC: '/Date(1740963600000+0000)/',
    });
    expect(toXeroInvoice(raw)).toEqual({
      invoiceId: '9674ab62-8b48-5608-b0d8-888ea8dcf4a6',
      docType: 'invoice',
      number: 'INV-0001',
      type: 'ACCREC',
      contactId: '22a89d35-2e95-596a-ab58-5f47348396c0',
      contactName: 'Acme Freight Pty Ltd',
      date: '2025-03-03',
      total: 1250,
      currency: 'AUD',
      status: 'AUTHORISED',
      updatedDateUtc: '2025-03-03T01:00:00.000Z',
    });
  });

  it('maps a credit note, with missing fields as empty values', () => {
    const raw = XeroCreditNoteJson.parse({ CreditNoteID: 'cn-1', Type: 'ACCRECCREDIT', Date: '/Date(1740960000000+0000)/' });
    expect(toXeroCreditNote(raw)).toMatchObject({
      invoiceId: 'cn-1',
      docType: 'credit_note',
      number: '',
      date: '2025-03-03',
      total: 0,
      contactId: '',
    });
  });

  it('takes the date from DateString, else the UTC day of Date', () => {
    expect(documentDate({ DateString: '2018-10-20T00:00:00', Date: '/Date(1)/' })).toBe('2018-10-20');
    expect(documentDate({ Date: '/Date(1539993600000+0000)/' })).toBe('2018-10-20');
    expect(documentDate({})).toBe('');
  });

  it('refuses a document without an id or with a broken date', () => {
    expect(XeroInvoiceJson.safeParse({ InvoiceNumber: 'X' }).success).toBe(false);
    expect(XeroInvoiceJson.safeParse({ InvoiceID: 'i', UpdatedDateUTC: 'yesterday' }).success).toBe(false);
  });
});
