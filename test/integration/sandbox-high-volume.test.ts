// Xero's high volume threshold in the stand-in, over loopback HTTP: above `highVolumeThreshold` records of a
// collection, a `where` or `order` Xero has not optimised (or an unpaged list over the threshold) gets 400
// HighVolumeException; optimised ones, and everything below the threshold, run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, DEMO_DATA_DIR, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import { adminClient, connect } from '../../src/sandbox/testing/sandbox-client.js';

type Api = Awaited<ReturnType<typeof connect>>['api'];
type List = Record<string, Json[]> & Json;

const message = (many: string, one: string): string =>
  `Your request is not filtering ${many} efficiently, given the extremely high volume for this organisation. Please check https://developer.xero.com/documentation/api/efficient-data-retrieval for tips on making ${one} retrieval more efficient.`;

let sb: RunningSandbox;
let api: Api;
beforeEach(async () => {
  // The demo organisation holds 22 contacts, 11 invoices and 4 credit notes: all "large" at a threshold of 3.
  sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, limits: { highVolumeThreshold: 3 } });
  ({ api } = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices' }));
});
afterEach(async () => sb.close());

const get = (path: string, query: Record<string, string>) => api<List>('GET', `${path}?${new URLSearchParams(query).toString()}`);

describe('above the threshold', () => {
  it("refuses an unoptimised where or order with Xero's HighVolumeException, per collection", async () => {
    const refused: [string, Record<string, string>, string, string][] = [
      ['/Contacts', { where: 'ContactNumber=="A400" || ContactNumber=="A500"', page: '1' }, 'Contacts', 'Contact'],
      ['/Contacts', { where: 'Name.Contains("Freight")', page: '1' }, 'Contacts', 'Contact'],
      ['/Contacts', { where: 'IsSupplier==true OR (IsSupplier==false AND IsCustomer==false)', page: '1' }, 'Contacts', 'Contact'],
      ['/Contacts', { where: 'ContactStatus=="ACTIVE"', page: '1' }, 'Contacts', 'Contact'],
      ['/Contacts', { order: 'EmailAddress', page: '1' }, 'Contacts', 'Contact'],
      ['/Invoices', { where: 'Status=="PAID" OR Status=="VOIDED"', page: '1' }, 'Invoices', 'Invoice'],
      ['/Invoices', { where: 'Type=="ACCREC"', order: 'InvoiceNumber', page: '1' }, 'Invoices', 'Invoice'],
      ['/CreditNotes', { where: 'CreditNoteNumber=="CN-0001"', page: '1' }, 'CreditNotes', 'CreditNote'],
    ];
    for (const [path, query, many, one] of refused) {
      const r = await get(path, query);
      expect(r.status, JSON.stringify(query)).toBe(400);
      expect(r.body).toEqual({ ErrorNumber: 51, Type: 'HighVolumeException', Message: message(many, one) });
    }
  });

  it('refuses a list of more than the threshold asked for without paging', async () => {
    const r = await api<List>('GET', '/Contacts?includeArchived=true');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ Type: 'HighVolumeException' });
    // a few by id, unpaged, are fine
    const ids = (await get('/Contacts', { page: '1', pageSize: '3', order: 'ContactID' })).body.Contacts!.map((c) => String(c.ContactID));
    expect((await get('/Contacts', { IDs: ids.join(',') })).body.Contacts).toHaveLength(3);
  });

  it("runs the optimised filters and orders, and what the app's sync sends", async () => {
    const acme = await get('/Contacts', { where: 'AccountNumber=="ACME01"', page: '1' });
    expect(acme.status).toBe(200);
    expect(acme.body.Contacts!.map((c) => c.Name)).toEqual(['Acme Freight Pty Ltd']);
    expect((await get('/Contacts', { where: 'Name=="acme freight pty ltd" AND EmailAddress!=""', page: '1' })).status).toBe(400);
    expect((await get('/Contacts', { searchTerm: 'freight', order: 'Name DESC', page: '1' })).status).toBe(200);

    const contacts = await get('/Contacts', { order: 'ContactID', page: '1', pageSize: '100', includeArchived: 'true' });
    expect(contacts.body.pagination).toMatchObject({ itemCount: 22 });
    const invoices = await get('/Invoices', {
      where: 'Type=="ACCREC"',
      order: 'InvoiceID',
      page: '1',
      pageSize: '100',
      includeArchived: 'true',
    });
    expect(invoices.body.Invoices).toHaveLength(8);
    const credits = await get('/CreditNotes', { where: 'Type=="ACCRECCREDIT"', order: 'CreditNoteID', page: '1', pageSize: '100' });
    expect(credits.body.CreditNotes).toHaveLength(3);

    const first = invoices.body.Invoices![0]!;
    const ids = invoices.body
      .Invoices!.slice(0, 2)
      .map((i) => `InvoiceID==Guid("${String(i.InvoiceID)}")`)
      .join(' OR ');
    expect((await get('/Invoices', { where: ids, page: '1' })).body.Invoices).toHaveLength(2);
    const contactId = String((first.Contact as Json).ContactID);
    const ranged = await get('/Invoices', {
      where: `Contact.ContactID==Guid("${contactId}") AND Date>=DateTime(2000,01,01)`,
      order: 'Date DESC',
      page: '1',
    });
    expect(ranged.status).toBe(200);
    expect(ranged.body.Invoices!.length).toBeGreaterThan(0);
    expect((await get('/Invoices', { Statuses: 'PAID,VOIDED', page: '1' })).status).toBe(200);
  });

  it('still answers a where that does not parse with QueryParseException', async () => {
    const r = await get('/Contacts', { where: 'Nope=="x"', page: '1' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ Type: 'QueryParseException' });
  });
});

describe('at or below the threshold', () => {
  it('runs every filter and order, paged or not (the threshold is set through /admin/settings too)', async () => {
    const admin = adminClient(sb);
    expect((await admin('POST', '/settings', { limits: { highVolumeThreshold: 22 } })).status).toBe(200);
    const names = await get('/Contacts', {
      where: 'Name.Contains("Express") OR ContactStatus=="ARCHIVED"',
      order: 'EmailAddress',
      includeArchived: 'true',
    });
    expect(names.status).toBe(200);
    expect(names.body.Contacts!.length).toBeGreaterThan(3);
    expect((await api<List>('GET', '/Contacts?includeArchived=true')).body.Contacts).toHaveLength(22);
    expect((await get('/CreditNotes', { where: 'CreditNoteNumber=="CN-0001"' })).status).toBe(200);
    await admin('POST', '/settings', { limits: { highVolumeThreshold: 21 } });
    expect((await get('/CreditNotes', { where: 'CreditNoteNumber=="CN-0001"' })).status).toBe(200); // 4 credit notes
    expect((await api<List>('GET', '/Contacts?includeArchived=true')).status).toBe(400);
  });
});
