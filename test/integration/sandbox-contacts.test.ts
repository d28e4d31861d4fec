// /Contacts against the sandbox over loopback HTTP: seeding, paging, filters, and Xero's write rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, DEMO_DATA_DIR, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import { adminClient, connect } from '../../src/sandbox/testing/sandbox-client.js';

type Api = Awaited<ReturnType<typeof connect>>['api'];
type Contacts = { Contacts: Json[]; pagination?: Json } & Json;

const ACCOUNT_TAKEN = 'The Account Number already exists. Please enter a different Account Number.';
const nameTaken = (n: string): string =>
  `The contact name ${n} is already assigned to another contact. The contact name must be unique across all active contacts.`;
const MS_DATE = /^\/Date\(\d+\+0000\)\/$/;
const ms = (d: unknown): number => Number(/\((\d+)/.exec(String(d))![1]);

let sb: RunningSandbox;
let api: Api;
let now: number;
afterEach(async () => sb?.close());

describe('GET /Contacts on a large seeded file', () => {
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbx-'));
    const contacts = Array.from({ length: 255 }, (_, i) => ({
      ContactID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Name: `Customer ${String(i).padStart(3, '0')}`,
      AccountNumber: `C${i}`,
      ContactStatus: i >= 250 ? 'ARCHIVED' : 'ACTIVE',
      EmailAddress: `c${i}@example.com`,
      UpdatedDateUTC: `/Date(${Date.UTC(2025, 0, 1) + i * 1000}+0000)/`,
    }));
    writeFileSync(join(dir, 'contacts.json'), JSON.stringify({ Id: 'x', Status: 'OK', Contacts: contacts }));
    now = Date.UTC(2025, 5, 1);
    sb = await startSandbox({ dataDir: dir, autoApprove: true, clock: () => now });
    ({ api } = await connect(sb));
  });

  it('pages with a pagination object, a stable order, and an empty page past the end', async () => {
    const p1 = await api<Contacts>('GET', '/Contacts?page=1');
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({
      Status: 'OK',
      ProviderName: 'Cocoon Xero Reconciler',
      pagination: { page: 1, pageSize: 100, pageCount: 3, itemCount: 250 },
    });
    expect(p1.body.DateTimeUTC).toMatch(/^\/Date\(\d+\)\/$/);
    expect(p1.body.Contacts).toHaveLength(100);
    const p3 = await api<Contacts>('GET', '/Contacts?page=3');
    expect(p3.body.Contacts).toHaveLength(50);
    const p4 = await api<Contacts>('GET', '/Contacts?page=4');
    expect(p4.body.Contacts).toEqual([]);
    expect(p4.body.pagination).toEqual({ page: 4, pageSize: 100, pageCount: 3, itemCount: 250 });

    const ids: unknown[] = [];
    for (let page = 1; ; page++) {
      const r = await api<Contacts>('GET', `/Contacts?page=${page}&pageSize=40&includeArchived=true`);
      ids.push(...r.body.Contacts.map((c) => c.ContactID));
      if (page >= (r.body.pagination!.pageCount as number)) break;
    }
    expect(ids).toHaveLength(255);
    expect(new Set(ids).size).toBe(255);
    const capped = await api<Contacts>('GET', '/Contacts?page=1&pageSize=5000');
    expect(capped.body.pagination).toMatchObject({ pageSize: 1000, pageCount: 1 });
  });

  it('returns everything without pagination when no page is asked for; includeArchived adds archived', async () => {
    const all = await api<Contacts>('GET', '/Contacts');
    expect(all.body.Contacts).toHaveLength(250);
    expect(all.body.pagination).toBeUndefined();
    expect((await api<Contacts>('GET', '/Contacts?includeArchived=true')).body.Contacts).toHaveLength(255);
  });

  it('filters on If-Modified-Since (ISO 8601, as xero-node sends it) and sees later writes', async () => {
    const since = new Date(Date.UTC(2025, 0, 1) + 245 * 1000).toISOString();
    const r = await api<Contacts>('GET', '/Contacts?includeArchived=true', undefined, { 'If-Modified-Since': since });
    expect(r.body.Contacts.map((c) => c.Name)).toEqual([
      'Customer 245',
      'Customer 246',
      'Customer 247',
      'Customer 248',
      'Customer 249',
      'Customer 250',
      'Customer 251',
      'Customer 252',
      'Customer 253',
      'Customer 254',
    ]);
    const mark = new Date(now).toISOString();
    await api('POST', '/Contacts', { Contacts: [{ ContactID: '00000000-0000-4000-8000-000000000007', EmailAddress: 'new@example.com' }] });
    const changed = await api<Contacts>('GET', '/Contacts', undefined, { 'If-Modified-Since': mark });
    expect(changed.body.Contacts.map((c) => c.Name)).toEqual(['Customer 007']);
  });

  it('supports IDs, searchTerm, summaryOnly and order', async () => {
    const ids = await api<Contacts>('GET', '/Contacts?IDs=00000000-0000-4000-8000-000000000003,00000000-0000-4000-8000-000000000252');
    expect(ids.body.Contacts.map((c) => c.Name)).toEqual(['Customer 003', 'Customer 252']);
    const search = await api<Contacts>('GET', `/Contacts?searchTerm=${encodeURIComponent('C12@EXAMPLE')}`);
    expect(search.body.Contacts.map((c) => c.Name)).toEqual(['Customer 012']);
    const summary = await api<Contacts>('GET', '/Contacts?summaryOnly=true&page=1&pageSize=1');
    expect(summary.body.Contacts[0]).not.toHaveProperty('Addresses');
    expect(summary.body.Contacts[0]).toHaveProperty('AccountNumber', 'C0');
    const desc = await api<Contacts>('GET', '/Contacts?order=Name%20DESC&page=1&pageSize=2');
    expect(desc.body.Contacts.map((c) => c.Name)).toEqual(['Customer 249', 'Customer 248']);
  });
});

describe('the demo seed', () => {
  beforeEach(async () => {
    now = Date.UTC(2026, 0, 1); // after every seeded UpdatedDateUTC
    sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, clock: () => now });
    ({ api } = await connect(sb));
  });

  it('parses where: ==, !=, AND, OR, Contains, StartsWith, Guid, case-insensitively', async () => {
    const names = async (where: string, extra = ''): Promise<unknown[]> => {
      const r = await api<Contacts>('GET', `/Contacts?where=${encodeURIComponent(where)}${extra}`);
      expect(r.status, where).toBe(200);
      return r.body.Contacts.map((c) => c.Name);
    };
    expect(await names('AccountNumber=="acme01"')).toEqual(['Acme Freight Pty Ltd']);
    expect(await names('Name.StartsWith("blue ocean") AND AccountNumber!=null')).toEqual(['Blue Ocean Shipping Ltd']);
    expect(await names('Name.Contains("Express") OR EmailAddress=="ops@outbackhaulage.example"')).toEqual([
      'Eucalypt Express',
      'Eucalyptus Express Pty Ltd',
      'Outback Haulage',
    ]);
    expect(await names('ContactStatus=="ARCHIVED"', '&includeArchived=true')).toEqual([
      'Old Harbour Logistics',
      'Pacific Rim Forwarding',
      'Bass Strait Ferries',
    ]);
    expect(await names('(IsCustomer==false AND IsSupplier==true) || Name=="The Reef Traders"')).toEqual([
      'Kangaroo Couriers',
      'The Reef Traders',
    ]);
    const acme = (await api<Contacts>('GET', '/Contacts?where=AccountNumber%3D%3D%22ACME01%22')).body.Contacts[0]!;
    expect(await names(`ContactID==Guid("${String(acme.ContactID)}")`)).toEqual(['Acme Freight Pty Ltd']);
  });

  it('summaryOnly leaves the full rendering whole; order sorts on several keys across pages', async () => {
    const full = (await api<Contacts>('GET', '/Contacts?page=1')).body.Contacts;
    expect(full[0]).toHaveProperty('Addresses');
    expect((await api<Contacts>('GET', '/Contacts?page=1&summaryOnly=true')).body.Contacts[0]).not.toHaveProperty('Addresses');
    expect((await api<Contacts>('GET', '/Contacts?page=1')).body.Contacts).toEqual(full);

    const order = encodeURIComponent('IsCustomer DESC, Name');
    const all = (await api<Contacts>('GET', `/Contacts?order=${order}`)).body.Contacts;
    const key = (c: Json): string => `${c.IsCustomer === true ? 0 : 1}:${String(c.Name).toLowerCase()}`;
    expect(all.map(key)).toEqual(all.map(key).sort());
    const paged: Json[] = [];
    for (let page = 1; page <= 4; page++)
      paged.push(...(await api<Contacts>('GET', `/Contacts?order=${order}&page=${page}&pageSize=6`)).body.Contacts);
    expect(paged).toEqual(all);
  });

  it('answers a bad where with 400 QueryParseException', async () => {
    for (const where of ['Name=="unterminated', 'Nope=="x"', 'ContactID=="abc"', 'Name.Contains(']) {
      const r = await api('GET', `/Contacts?where=${encodeURIComponent(where)}`);
      expect(r.status, where).toBe(400);
      expect(r.body).toMatchObject({ ErrorNumber: 16, Type: 'QueryParseException' });
    }
  });

  it('GET /Contacts/{id} returns one contact (archived too) and 404 for an unknown id', async () => {
    const all = (await api<Contacts>('GET', '/Contacts?includeArchived=true')).body.Contacts;
    const archived = all.find((c) => c.ContactStatus === 'ARCHIVED')!;
    const one = await api<Contacts>('GET', `/Contacts/${String(archived.ContactID)}`);
    expect(one.body.Contacts).toEqual([archived]);
    expect(archived.UpdatedDateUTC).toMatch(MS_DATE);
    const missing = await api('GET', '/Contacts/5b1c2d3e-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('duplicate AccountNumber (archived holder, other case) and Name: default mode → 400 with only the failures, valid ones saved', async () => {
    const r = await api('PUT', '/Contacts', {
      Contacts: [
        { Name: 'Old Harbour Logistics Pty Ltd', AccountNumber: 'ohl01' },
        { Name: 'Brand New Freight', AccountNumber: 'BNF1' },
        { Name: 'acme freight pty ltd' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred' });
    const elements = r.body.Elements as Json[];
    expect(elements).toHaveLength(2);
    expect(elements[0]).toMatchObject({
      Name: 'Old Harbour Logistics Pty Ltd',
      HasValidationErrors: true,
      ValidationErrors: [{ Message: ACCOUNT_TAKEN }],
    });
    expect(elements[1]).toMatchObject({ ValidationErrors: [{ Message: nameTaken('acme freight pty ltd') }] });
    const saved = await api<Contacts>('GET', '/Contacts?where=AccountNumber%3D%3D%22BNF1%22');
    expect(saved.body.Contacts).toHaveLength(1);
  });

  it('summarizeErrors=false → 200 with every element, failures flagged ERROR', async () => {
    const r = await api<Contacts>('PUT', '/Contacts?summarizeErrors=false', {
      Contacts: [
        { Name: 'Fresh Co', AccountNumber: 'FRESH1' },
        { Name: 'Another Acme', AccountNumber: 'ACME01' },
        { Name: 'Blue Ocean Shipping Ltd' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.Contacts).toHaveLength(3);
    expect(r.body.Contacts[0]).toMatchObject({ Name: 'Fresh Co', HasValidationErrors: false });
    expect(r.body.Contacts[0]!.ContactID).not.toBe('00000000-0000-0000-0000-000000000000');
    expect(r.body.Contacts[1]).toMatchObject({
      HasValidationErrors: true,
      StatusAttributeString: 'ERROR',
      ValidationErrors: [{ Message: ACCOUNT_TAKEN }],
    });
    expect(r.body.Contacts[2]).toMatchObject({
      StatusAttributeString: 'ERROR',
      ValidationErrors: [{ Message: nameTaken('Blue Ocean Shipping Ltd') }],
    });
  });

  it('checks earlier items of the same batch; an archived name may be reused', async () => {
    const r = await api<Contacts>('PUT', '/Contacts?summarizeErrors=false', {
      Contacts: [
        { Name: 'Batch One', AccountNumber: 'NEW-1' },
        { Name: 'Batch Two', AccountNumber: 'new-1' },
        { Name: 'Batch One' },
        { Name: 'Bass Strait Ferries' },
      ],
    });
    expect(r.body.Contacts.map((c) => c.HasValidationErrors)).toEqual([false, true, true, false]);
    expect(r.body.Contacts[1]!.ValidationErrors).toEqual([{ Message: ACCOUNT_TAKEN }]);
    expect(r.body.Contacts[2]!.ValidationErrors).toEqual([{ Message: nameTaken('Batch One') }]);
  });

  it('refuses an empty body with NoDataProcessedException and a nameless contact', async () => {
    for (const body of ['', '{}', '{"Contacts":[]}']) {
      const r = await api('PUT', '/Contacts', body);
      expect(r.status).toBe(400);
      expect(r.body).toEqual({
        ErrorNumber: 17,
        Type: 'NoDataProcessedException',
        Message:
          'No data has been processed for this endpoint. This endpoint is expecting Contact data to be specifed in the request body.',
      });
    }
    const nameless = await api('PUT', '/Contacts', { Contacts: [{ EmailAddress: 'x@example.com' }] });
    expect(nameless.status).toBe(400);
  });

  it('creates with PUT (ignoring ContactID and IsCustomer), updates with POST, bumps UpdatedDateUTC strictly', async () => {
    const created = await api<Contacts>('PUT', '/Contacts', {
      Contacts: [{ ContactID: '11111111-1111-4111-8111-111111111111', Name: 'Writer Co', IsCustomer: true, IsSupplier: true }],
    });
    const c = created.body.Contacts[0]!;
    expect(c.ContactID).not.toBe('11111111-1111-4111-8111-111111111111');
    expect(c).toMatchObject({ ContactStatus: 'ACTIVE', IsCustomer: false, IsSupplier: false });
    expect(c.UpdatedDateUTC).toMatch(MS_DATE);
    // the clock is frozen: stamps still strictly increase
    const u1 = await api<Contacts>('POST', '/Contacts', { Contacts: [{ ContactID: c.ContactID, AccountNumber: 'WC1' }] });
    const u2 = await api<Contacts>('POST', `/Contacts/${String(c.ContactID)}`, { Contacts: [{ EmailAddress: 'ar@writer.example' }] });
    expect(ms(u1.body.Contacts[0]!.UpdatedDateUTC)).toBeGreaterThan(ms(c.UpdatedDateUTC));
    expect(ms(u2.body.Contacts[0]!.UpdatedDateUTC)).toBeGreaterThan(ms(u1.body.Contacts[0]!.UpdatedDateUTC));
    expect(u2.body.Contacts[0]).toMatchObject({ Name: 'Writer Co', AccountNumber: 'WC1', EmailAddress: 'ar@writer.example' });
    const upsert = await api<Contacts>('POST', '/Contacts', { Contacts: [{ Name: 'Posted New' }] });
    expect(upsert.status).toBe(200);
    expect((await api('POST', '/Contacts/5b1c2d3e-0000-4000-8000-000000000000', { Contacts: [{ Name: 'x' }] })).status).toBe(404);
  });

  it('renaming onto an active name fails until the holder is archived', async () => {
    const [acme, bos] = (await api<Contacts>('GET', '/Contacts?page=1&pageSize=2')).body.Contacts;
    const rename = await api('POST', `/Contacts/${String(bos!.ContactID)}`, { Contacts: [{ Name: 'Acme Freight Pty Ltd' }] });
    expect(rename.status).toBe(400);
    expect((rename.body.Elements as Json[])[0]).toMatchObject({
      ContactID: bos!.ContactID,
      ValidationErrors: [{ Message: nameTaken('Acme Freight Pty Ltd') }],
    });
    await api('POST', `/Contacts/${String(acme!.ContactID)}`, { Contacts: [{ ContactStatus: 'ARCHIVED' }] });
    expect((await api('POST', `/Contacts/${String(bos!.ContactID)}`, { Contacts: [{ Name: 'Acme Freight Pty Ltd' }] })).status).toBe(200);
  });

  it('admin edits a contact as a Xero user would (bumps UpdatedDateUTC)', async () => {
    const [acme] = (await api<Contacts>('GET', '/Contacts?page=1&pageSize=1')).body.Contacts;
    now += 60_000;
    const edited = await adminClient(sb)('PATCH', `/tenants/${sb.state.tenants.keys().next().value}/contacts/${String(acme!.ContactID)}`, {
      Name: 'ACME Freight',
    });
    expect(edited.status).toBe(200);
    expect(ms(edited.body.UpdatedDateUTC)).toBe(now);
    const after = await api<Contacts>('GET', '/Contacts', undefined, { 'If-Modified-Since': new Date(now).toISOString() });
    expect(after.body.Contacts.map((c) => c.Name)).toEqual(['ACME Freight']);
  });
});
