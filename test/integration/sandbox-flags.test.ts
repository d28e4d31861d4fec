// The stand-in's customer and supplier flags (demo seed, over loopback HTTP): an invoice sets IsCustomer or IsSupplier
// without bumping the contact's UpdatedDateUTC, so If-Modified-Since does not list the contact, and a summaryOnly
// listing leaves both flags out; a real edit still bumps it (docs/xero-behaviour.md, "Flags that If-Modified-Since misses").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, DEMO_DATA_DIR, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import { connect } from '../../src/sandbox/testing/sandbox-client.js';

type Api = Awaited<ReturnType<typeof connect>>['api'];
type Contacts = { Contacts: Json[] };

let sb: RunningSandbox;
let api: Api;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1); // after every seeded UpdatedDateUTC
  sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, clock: () => now });
  ({ api } = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices' }));
});
afterEach(async () => sb.close());

const byName = async (name: string): Promise<Json> =>
  (await api<Contacts>('GET', `/Contacts?page=1&where=${encodeURIComponent(`Name=="${name}"`)}`)).body.Contacts[0]!;
const changedSince = async (ms: number): Promise<unknown[]> =>
  (await api<Contacts>('GET', '/Contacts?page=1', undefined, { 'If-Modified-Since': new Date(ms).toISOString() })).body.Contacts.map(
    (c) => c.Name,
  );

describe('flags that If-Modified-Since misses', () => {
  it('a sales invoice makes a customer and a bill a supplier, neither bumping UpdatedDateUTC nor showing under If-Modified-Since', async () => {
    const murray = await byName('Murray River Barges');
    const acme = await byName('Acme Freight Pty Ltd');
    expect(murray).toMatchObject({ IsCustomer: false, IsSupplier: false });
    expect(acme).toMatchObject({ IsCustomer: true, IsSupplier: false });
    now += 60_000;
    const mark = now;
    now += 1_000;
    const sale = await api('PUT', '/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: murray.ContactID } }] });
    const bill = await api('PUT', '/Invoices', {
      Invoices: [{ Type: 'ACCPAY', InvoiceNumber: 'B-1', Contact: { ContactID: acme.ContactID } }],
    });
    expect([sale.status, bill.status]).toEqual([200, 200]);

    expect(await byName('Murray River Barges')).toMatchObject({
      IsCustomer: true,
      IsSupplier: false,
      UpdatedDateUTC: murray.UpdatedDateUTC,
    });
    expect(await byName('Acme Freight Pty Ltd')).toMatchObject({ IsCustomer: true, IsSupplier: true, UpdatedDateUTC: acme.UpdatedDateUTC });
    expect(await changedSince(mark)).toEqual([]);

    // A real edit bumps it: the contact is listed, its flags as they are now.
    now += 1_000;
    const edit = await api('POST', '/Contacts', { Contacts: [{ ContactID: murray.ContactID, EmailAddress: 'accounts@murray.example' }] });
    expect(edit.status).toBe(200);
    const edited = await byName('Murray River Barges');
    expect(edited.UpdatedDateUTC).toBe(`/Date(${now}+0000)/`);
    expect(edited).toMatchObject({ IsCustomer: true, EmailAddress: 'accounts@murray.example' });
    expect(await changedSince(mark)).toEqual(['Murray River Barges']);
  });

  it('summaryOnly leaves out IsCustomer, IsSupplier, Balances and the other fields Xero lists', async () => {
    const full = (await api<Contacts>('GET', '/Contacts?page=1')).body.Contacts;
    const summary = (await api<Contacts>('GET', '/Contacts?page=1&summaryOnly=true')).body.Contacts;
    expect(summary.map((c) => c.ContactID)).toEqual(full.map((c) => c.ContactID));
    expect(full.every((c) => typeof c.IsCustomer === 'boolean' && typeof c.IsSupplier === 'boolean')).toBe(true);
    for (const c of summary) {
      for (const f of ['IsCustomer', 'IsSupplier', 'Balances', 'Addresses', 'ContactGroups', 'ContactPersons'])
        expect(c, f).not.toHaveProperty(f);
      expect(c).toHaveProperty('Name');
      expect(c).toHaveProperty('UpdatedDateUTC');
    }
  });
});
