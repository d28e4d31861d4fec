// The stand-in's merge (POST /admin/merge, the web app's merge) over loopback HTTP: the merged-away contact reads back
// ARCHIVED with its AccountNumber and MergedToContactID (when paging or fetched by id), bumped; its invoices move to
// the surviving contact; and its number still blocks every other contact and a sync's invoice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Json, type RunningSandbox } from '../../src/sandbox/index.js';
import { adminClient, connect, FULL_SCOPE } from '../../src/sandbox/testing/sandbox-client.js';

type Api = Awaited<ReturnType<typeof connect>>['api'];
type Contacts = { Contacts: Json[] } & Json;
type Invoices = { Invoices: Json[] } & Json;

const ACCOUNT_TAKEN = 'The Account Number already exists. Please enter a different Account Number.';
const ARCHIVED = 'Unable to assign an Archived contact.';
const OLD = '11111111-0000-4000-8000-000000000001';
const KEPT = '11111111-0000-4000-8000-000000000002';
const ms = (d: unknown): number => Number(/\((\d+)/.exec(String(d))![1]);

let sb: RunningSandbox;
let api: Api;
let tenantId: string;
let admin: ReturnType<typeof adminClient>;
let now = Date.UTC(2026, 2, 1);
afterEach(async () => sb?.close());

beforeEach(async () => {
  now = Date.UTC(2026, 2, 1);
  sb = await startSandbox({ autoApprove: true, clock: () => now });
  // Writes invoices, as CocoonOPS does: the invoices scope, not only its read half.
  ({ api, tenantId } = await connect(sb, { scope: FULL_SCOPE.replace('accounting.invoices.read', 'accounting.invoices') }));
  admin = adminClient(sb);
  const seeded = Date.UTC(2025, 0, 1);
  await admin('PUT', `/tenants/${tenantId}/data`, {
    Contacts: [
      { ContactID: OLD, Name: 'Acme Freight', AccountNumber: 'A001', UpdatedDateUTC: `/Date(${seeded}+0000)/` },
      { ContactID: KEPT, Name: 'Acme Freight Pty Ltd', UpdatedDateUTC: `/Date(${seeded}+0000)/` },
    ],
    Invoices: [
      {
        Type: 'ACCREC',
        InvoiceNumber: 'INV-0001',
        Contact: { ContactID: OLD },
        Date: '2025-01-01',
        Status: 'AUTHORISED',
        LineItems: [{ Description: 'Freight', UnitAmount: 100 }],
      },
    ],
  });
});

describe('POST /admin/merge', () => {
  it('archives the merged-away contact with its AccountNumber and MergedToContactID, and moves its invoices', async () => {
    now += 60_000;
    const merged = await admin<{ merged: Json; into: Json; moved: Json }>('POST', '/merge', { from: OLD, into: KEPT });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toEqual({ Invoices: 1, CreditNotes: 0 });

    const byId = await api<Contacts>('GET', `/Contacts/${OLD}`);
    const old = byId.body.Contacts[0]!;
    expect(old).toMatchObject({
      ContactID: OLD,
      Name: 'Acme Freight',
      AccountNumber: 'A001',
      ContactStatus: 'ARCHIVED',
      MergedToContactID: KEPT,
    });
    expect(ms(old.UpdatedDateUTC)).toBeGreaterThanOrEqual(now);

    // Paging (archived included) returns MergedToContactID; a list without `page` leaves it out.
    const paged = await api<Contacts>('GET', '/Contacts?page=1&includeArchived=true');
    expect(paged.body.Contacts.find((c) => c.ContactID === OLD)).toMatchObject({ ContactStatus: 'ARCHIVED', MergedToContactID: KEPT });
    const unpaged = await api<Contacts>('GET', '/Contacts?includeArchived=true');
    expect(unpaged.body.Contacts.find((c) => c.ContactID === OLD)).not.toHaveProperty('MergedToContactID');
    // An incremental read after the merge sees it.
    const since = new Date(now - 1000).toISOString();
    const changed = await api<Contacts>('GET', '/Contacts?page=1&includeArchived=true', undefined, { 'If-Modified-Since': since });
    expect(changed.body.Contacts.map((c) => c.ContactID)).toContain(OLD);

    const invoices = await api<Invoices>('GET', '/Invoices?page=1');
    expect(invoices.body.Invoices[0]!.Contact).toMatchObject({ ContactID: KEPT, Name: 'Acme Freight Pty Ltd' });
    expect((await api<Contacts>('GET', `/Contacts/${KEPT}`)).body.Contacts[0]).toMatchObject({ ContactStatus: 'ACTIVE', IsCustomer: true });
  });

  it('leaves the number blocked: another contact cannot take it, and an invoice by the old name is refused', async () => {
    await admin('POST', '/merge', { tenantId: tenantId, from: OLD, into: KEPT });
    const take = await api<Contacts>('POST', '/Contacts?summarizeErrors=false', { Contacts: [{ ContactID: KEPT, AccountNumber: 'A001' }] });
    expect(take.body.Contacts[0]!.ValidationErrors).toEqual([{ Message: ACCOUNT_TAKEN }]);
    const invoice = (name: string) => ({
      Invoices: [{ Type: 'ACCREC', Contact: { Name: name, AccountNumber: 'A001' }, LineItems: [{ Description: 'x', UnitAmount: 1 }] }],
    });
    const byOldName = await api<Invoices>('PUT', '/Invoices?summarizeErrors=false', invoice('Acme Freight'));
    expect(byOldName.status, byOldName.text).toBe(200);
    expect(byOldName.body.Invoices[0]!.ValidationErrors).toEqual([{ Message: ARCHIVED }]);
    const byOtherName = await api<Invoices>('PUT', '/Invoices?summarizeErrors=false', invoice('Acme Freight Limited'));
    expect(byOtherName.body.Invoices[0]!.ValidationErrors).toEqual([{ Message: ACCOUNT_TAKEN }]);
    // A write cannot set MergedToContactID.
    await api('POST', `/Contacts/${KEPT}`, { Contacts: [{ MergedToContactID: OLD }] });
    expect((await api<Contacts>('GET', `/Contacts/${KEPT}`)).body.Contacts[0]).not.toHaveProperty('MergedToContactID');
  });

  it('refuses a merge from or into a contact that is missing, archived, or the same one', async () => {
    expect((await admin('POST', '/merge', { from: OLD, into: OLD })).status).toBe(400);
    expect((await admin('POST', '/merge', { from: OLD, into: '99999999-0000-4000-8000-000000000000' })).status).toBe(400);
    await admin('POST', '/merge', { from: OLD, into: KEPT });
    const again = await admin<{ error: string }>('POST', '/merge', { from: OLD, into: KEPT });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatch(/archived/);
    expect((await admin('POST', '/merge', { tenantId: 'nope', from: OLD, into: KEPT })).status).toBe(404);
  });
});
