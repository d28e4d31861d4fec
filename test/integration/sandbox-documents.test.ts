// /Invoices and /CreditNotes against the sandbox (demo seed) over loopback HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, DEMO_DATA_DIR, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import { connect } from '../../src/sandbox/testing/sandbox-client.js';

type Api = Awaited<ReturnType<typeof connect>>['api'];
type Invoices = { Invoices: Json[]; pagination?: Json } & Json;

const SCOPE = 'offline_access accounting.contacts accounting.invoices';
let sb: RunningSandbox;
let api: Api;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1);
  sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, clock: () => now });
  ({ api } = await connect(sb, { scope: SCOPE }));
});
afterEach(async () => sb.close());

const numbers = (r: { body: Invoices }): unknown[] => r.body.Invoices.map((i) => `${String(i.Type)}:${String(i.InvoiceNumber)}`);

describe('GET /Invoices', () => {
  it('includes bills (ACCPAY); where on Type/Status; line items only when paging', async () => {
    const all = await api<Invoices>('GET', '/Invoices');
    expect(all.body.Invoices).toHaveLength(11);
    expect(all.body.Invoices.filter((i) => i.Type === 'ACCPAY')).toHaveLength(3);
    expect(all.body.Invoices[0]).not.toHaveProperty('LineItems');
    const paged = await api<Invoices>('GET', '/Invoices?page=1&pageSize=4');
    expect(paged.body.pagination).toEqual({ page: 1, pageSize: 4, pageCount: 3, itemCount: 11 });
    expect(paged.body.Invoices[0]).toHaveProperty('LineItems');
    expect(paged.body.Invoices[0]!.Date).toMatch(/^\/Date\(\d+\+0000\)\/$/);

    const sales = await api<Invoices>('GET', `/Invoices?where=${encodeURIComponent('Type=="ACCREC" AND Status=="AUTHORISED"')}`);
    expect(numbers(sales)).toEqual(['ACCREC:INV-0001', 'ACCREC:INV-0003', 'ACCREC:CO-100231']);
  });

  it('filters by InvoiceNumbers, ContactIDs, Statuses, IDs and Contact.ContactID', async () => {
    expect(numbers(await api<Invoices>('GET', '/Invoices?InvoiceNumbers=INV-0003,KC-5531'))).toEqual([
      'ACCREC:INV-0003',
      'ACCPAY:INV-0003',
      'ACCPAY:KC-5531',
      'ACCPAY:KC-5531',
    ]);
    expect(numbers(await api<Invoices>('GET', '/Invoices?Statuses=PAID,VOIDED'))).toEqual([
      'ACCREC:INV-0002',
      'ACCREC:INV-0004',
      'ACCREC:INV-0005',
      'ACCPAY:KC-5531',
    ]);
    const first = (await api<Invoices>('GET', '/Invoices')).body.Invoices[0]!;
    const contactId = String((first.Contact as Json).ContactID);
    expect(numbers(await api<Invoices>('GET', `/Invoices?ContactIDs=${contactId}`))).toEqual(['ACCREC:INV-0001']);
    expect(numbers(await api<Invoices>('GET', `/Invoices?where=${encodeURIComponent(`Contact.ContactID==Guid("${contactId}")`)}`))).toEqual(
      ['ACCREC:INV-0001'],
    );
    expect(numbers(await api<Invoices>('GET', `/Invoices?IDs=${String(first.InvoiceID)}`))).toEqual(['ACCREC:INV-0001']);
    expect((await api('GET', `/Invoices/${String(first.InvoiceID)}`)).status).toBe(200);
  });

  it('where and order on Contact.Name see a contact renamed after its invoices were read', async () => {
    const byName = (name: string): string => `/Invoices?where=${encodeURIComponent(`Contact.Name=="${name}"`)}`;
    expect(numbers(await api<Invoices>('GET', byName('Acme Freight Pty Ltd')))).toEqual(['ACCREC:INV-0001']);
    const acme = (await api<Invoices>('GET', '/Invoices')).body.Invoices[0]!.Contact as Json;
    await api('POST', `/Contacts/${String(acme.ContactID)}`, { Contacts: [{ Name: 'Zulu Freight' }] });
    expect(numbers(await api<Invoices>('GET', byName('Acme Freight Pty Ltd')))).toEqual([]);
    const renamed = await api<Invoices>('GET', byName('Zulu Freight'));
    expect(renamed.body.Invoices.map((i) => i.Contact)).toEqual([{ ...acme, Name: 'Zulu Freight' }]);
    const last = await api<Invoices>('GET', `/Invoices?order=${encodeURIComponent('Contact.Name DESC')}&page=1&pageSize=1`);
    expect(numbers(last)).toEqual(['ACCREC:INV-0001']);
  });

  it('filters on If-Modified-Since', async () => {
    const since = new Date(Date.UTC(2025, 4, 1)).toISOString();
    expect(numbers(await api<Invoices>('GET', '/Invoices', undefined, { 'If-Modified-Since': since }))).toEqual([
      'ACCREC:INV-0007',
      'ACCREC:CO-100231',
    ]);
  });
});

describe('GET /CreditNotes', () => {
  it('pages, filters with where (CreditNoteNumber, Type) and If-Modified-Since', async () => {
    type CN = { CreditNotes: Json[]; pagination?: Json };
    const all = await api<CN>('GET', '/CreditNotes?page=1&pageSize=3');
    expect(all.body.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 2, itemCount: 4 });
    const byNumber = await api<CN>(
      'GET',
      `/CreditNotes?where=${encodeURIComponent('CreditNoteNumber=="CN-0001" AND Type=="ACCRECCREDIT"')}`,
    );
    expect(byNumber.body.CreditNotes.map((c) => c.CreditNoteNumber)).toEqual(['CN-0001']);
    const collides = await api<CN>('GET', `/CreditNotes?where=${encodeURIComponent('CreditNoteNumber=="INV-0007"')}`);
    expect(collides.body.CreditNotes).toHaveLength(1);
    const recent = await api<CN>('GET', '/CreditNotes', undefined, { 'If-Modified-Since': new Date(Date.UTC(2025, 4, 1)).toISOString() });
    expect(recent.body.CreditNotes.map((c) => c.CreditNoteNumber)).toEqual(['INV-0007']);
  });
});

describe('PUT /Invoices', () => {
  it('refuses a used ACCREC number with "Invoice # must be unique." but lets ACCPAY numbers repeat', async () => {
    const contact = { Name: 'Acme Freight Pty Ltd' };
    const r = await api<Invoices>('PUT', '/Invoices?summarizeErrors=false', {
      Invoices: [
        { Type: 'ACCREC', InvoiceNumber: 'INV-0001', Contact: contact, LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 10 }] },
        {
          Type: 'ACCPAY',
          InvoiceNumber: 'KC-5531',
          Contact: { Name: 'Kangaroo Couriers' },
          LineItems: [{ Description: 'y', Quantity: 2, UnitAmount: 5 }],
        },
        {
          Type: 'ACCREC',
          InvoiceNumber: 'INV-0100',
          Contact: contact,
          LineItems: [{ Description: 'z', Quantity: 3, UnitAmount: 10, TaxAmount: 3 }],
        },
        { Type: 'ACCREC', InvoiceNumber: 'inv-0100', Contact: contact },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.Invoices.map((i) => i.HasErrors)).toEqual([true, false, false, true]);
    expect(r.body.Invoices.map((i) => i.StatusAttributeString)).toEqual(['ERROR', 'OK', 'OK', 'ERROR']);
    expect(r.body.Invoices[0]).toMatchObject({
      StatusAttributeString: 'ERROR',
      ValidationErrors: [{ Message: 'Invoice # must be unique.' }],
    });
    expect(r.body.Invoices[2]).toMatchObject({ Status: 'DRAFT', SubTotal: 30, TotalTax: 3, Total: 33, CurrencyCode: 'AUD' });

    const summarised = await api('PUT', '/Invoices', { Invoices: [{ Type: 'ACCREC', InvoiceNumber: 'INV-0002', Contact: contact }] });
    expect(summarised.status).toBe(400);
    expect(summarised.body).toMatchObject({
      ErrorNumber: 10,
      Type: 'ValidationException',
      Elements: [{ ValidationErrors: [{ Message: 'Invoice # must be unique.' }] }],
    });
  });

  it('marks the contact a customer without bumping its UpdatedDateUTC; numbers ACCREC invoices itself', async () => {
    type C = { Contacts: Json[] };
    const where = `/Contacts?where=${encodeURIComponent('Name=="Murray River Barges"')}`;
    const before = (await api<C>('GET', where)).body.Contacts[0]!;
    expect(before.IsCustomer).toBe(false);
    now += 60_000;
    const r = await api<Invoices>('PUT', '/Invoices', {
      Invoices: [{ Type: 'ACCREC', Contact: { ContactID: before.ContactID }, Date: '2025-12-01' }],
    });
    expect(r.body.Invoices[0]).toMatchObject({
      InvoiceNumber: 'INV-0008',
      DateString: '2025-12-01T00:00:00',
      Contact: { ContactID: before.ContactID, Name: 'Murray River Barges' },
    });
    const after = (await api<C>('GET', where)).body.Contacts[0]!;
    expect(after).toMatchObject({ IsCustomer: true, UpdatedDateUTC: before.UpdatedDateUTC });
  });

  it('creating an invoice for a new contact name whose AccountNumber is taken fails like CocoonOPS sees it', async () => {
    const r = await api('PUT', '/Invoices', {
      Invoices: [{ Type: 'ACCREC', InvoiceNumber: 'CO-9', Contact: { Name: 'Southern Cross Transport Pty Ltd', AccountNumber: 'SCT01' } }],
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      Elements: [{ ValidationErrors: [{ Message: 'The Account Number already exists. Please enter a different Account Number.' }] }],
    });
    const ok = await api<Invoices>('PUT', '/Invoices', {
      Invoices: [{ Type: 'ACCREC', InvoiceNumber: 'CO-10', Contact: { Name: 'Southern Cross Transport', AccountNumber: 'SCT01' } }],
    });
    expect(ok.status).toBe(200);
  });

  it('refuses an empty body with NoDataProcessedException for Invoice data', async () => {
    const r = await api('PUT', '/Invoices', '');
    expect(r.body).toMatchObject({ ErrorNumber: 17, Message: expect.stringContaining('expecting Invoice data') });
  });
});

it('seeds nothing for missing files', async () => {
  const empty = await startSandbox({ dataDir: mkdtempSync(join(tmpdir(), 'sbx-empty-')), autoApprove: true });
  try {
    const { api: a } = await connect(empty, { scope: SCOPE });
    expect((await a<Invoices>('GET', '/Invoices')).body.Invoices).toEqual([]);
    expect((await a<{ Contacts: Json[] }>('GET', '/Contacts')).body.Contacts).toEqual([]);
  } finally {
    await empty.close();
  }
});
