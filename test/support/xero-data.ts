// Generated Xero records in the GET response shape (PascalCase, /Date(…)/), for seeding the sandbox, and the
// "what Xero holds" view to compare a synced workspace with.
import type { Workspace } from '../../src/main/db';
import type { Json, RunningSandbox } from '../../src/sandbox/index.js';
import { renderDocument } from '../../src/sandbox/accounting/invoice-rules.js';

const BASE_MS = Date.UTC(2025, 0, 1);
const guid = (kind: number, i: number): string => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
const msDate = (ms: number): string => `/Date(${ms}+0000)/`;

/** Contact i is a customer unless i % 9 === 3 (see makeContacts). */
const isCustomerIndex = (i: number): boolean => i % 9 !== 3;
/**
 * The contact a generated document goes to: never one makeContacts made a non-customer, since in Xero a contact with
 * a sales invoice or credit note is a customer (docs/xero-behaviour.md, "Flags that If-Modified-Since misses").
 */
const documentContact = (c: number, contacts: number): number => (isCustomerIndex(c) ? c : (c + 1) % contacts);

export function makeContacts(n: number, from = 0): Json[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      ContactID: guid(1, i),
      Name: `Customer ${i} Freight Pty Ltd`,
      AccountNumber: `C${String(i).padStart(6, '0')}`,
      ContactStatus: i % 40 === 7 ? 'ARCHIVED' : 'ACTIVE',
      IsCustomer: isCustomerIndex(i),
      IsSupplier: i % 11 === 0,
      EmailAddress: `ar${i}@customer${i}.example`,
      Addresses: [
        {
          AddressType: 'STREET',
          AddressLine1: `${i} Harbour Road`,
          City: 'Sydney',
          Region: 'NSW',
          PostalCode: String(2000 + (i % 900)),
          Country: 'Australia',
        },
      ],
      Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: `9${String(i).padStart(7, '0')}`, PhoneAreaCode: '02' }],
      UpdatedDateUTC: msDate(BASE_MS + i * 1000),
    };
  });
}

/** Sales invoices, with every `billsEvery`-th one a bill (ACCPAY) that the sync must leave out. */
export function makeInvoices(n: number, contacts: number, billsEvery = 10): Json[] {
  return Array.from({ length: n }, (_, i) => {
    const c = documentContact(i % contacts, contacts);
    const bill = i % billsEvery === billsEvery - 1;
    const day = BASE_MS + (i % 365) * 86_400_000;
    return {
      Type: bill ? 'ACCPAY' : 'ACCREC',
      InvoiceID: guid(2, i),
      InvoiceNumber: bill ? `BILL-${i}` : `INV-${String(i).padStart(6, '0')}`,
      Contact: { ContactID: guid(1, c), Name: `Customer ${c} Freight Pty Ltd` },
      Date: msDate(day),
      Status: i % 17 === 0 ? 'VOIDED' : 'AUTHORISED',
      LineAmountTypes: 'Exclusive',
      LineItems: [
        {
          Description: `Freight job ${i}`,
          Quantity: 1,
          UnitAmount: 100 + (i % 500),
          TaxAmount: 10,
          LineAmount: 100 + (i % 500),
          AccountCode: '200',
        },
      ],
      SubTotal: 100 + (i % 500),
      TotalTax: 10,
      Total: 110 + (i % 500),
      CurrencyCode: 'AUD',
      UpdatedDateUTC: msDate(day + 3_600_000),
    };
  });
}

export function makeCreditNotes(n: number, contacts: number): Json[] {
  return Array.from({ length: n }, (_, i) => {
    const c = documentContact((i * 7) % contacts, contacts);
    const day = BASE_MS + (i % 365) * 86_400_000;
    return {
      Type: i % 5 === 4 ? 'ACCPAYCREDIT' : 'ACCRECCREDIT',
      CreditNoteID: guid(3, i),
      CreditNoteNumber: `CN-${String(i).padStart(6, '0')}`,
      Contact: { ContactID: guid(1, c), Name: `Customer ${c} Freight Pty Ltd` },
      Date: msDate(day),
      Status: 'AUTHORISED',
      LineAmountTypes: 'Exclusive',
      LineItems: [{ Description: 'Credit', Quantity: 1, UnitAmount: 50, LineAmount: 50, TaxAmount: 5, AccountCode: '200' }],
      SubTotal: 50,
      TotalTax: 5,
      Total: 55,
      CurrencyCode: 'AUD',
      UpdatedDateUTC: msDate(day + 7_200_000),
    };
  });
}

type Raw = Record<string, unknown>;

/** What the sandbox holds for a tenant, by id, as the sync should store it (sales documents only). */
export function sandboxRecords(sb: RunningSandbox, tenantId: string): { contacts: Map<string, Raw>; documents: Map<string, Raw> } {
  const contacts = new Map(sb.state.list(tenantId, 'Contacts').map((s) => [s.id, sb.state.render(s)]));
  const documents = new Map<string, Raw>();
  for (const s of sb.state.list(tenantId, 'Invoices'))
    if (s.data.Type === 'ACCREC') documents.set(s.id, renderDocument(sb.state, tenantId, s));
  for (const s of sb.state.list(tenantId, 'CreditNotes'))
    if (s.data.Type === 'ACCRECCREDIT') documents.set(s.id, renderDocument(sb.state, tenantId, s));
  return { contacts, documents };
}

/** What the workspace holds, the same way. */
export function workspaceRecords(ws: Workspace): { contacts: Map<string, Raw>; documents: Map<string, Raw> } {
  const rows = (sql: string) => ws.db.prepare<[], { id: string; raw: string }>(sql).all();
  return {
    contacts: new Map(rows('SELECT contact_id AS id, raw_json AS raw FROM xero_contacts').map((r) => [r.id, JSON.parse(r.raw) as Raw])),
    documents: new Map(rows('SELECT invoice_id AS id, raw_json AS raw FROM xero_invoices').map((r) => [r.id, JSON.parse(r.raw) as Raw])),
  };
}

/** Ids that differ between the two sides (missing, extra, or with other content); empty when they are equal. */
export function differences(a: Map<string, Raw>, b: Map<string, Raw>): string[] {
  const out: string[] = [];
  for (const [id, raw] of a) if (!b.has(id) || JSON.stringify(b.get(id)) !== JSON.stringify(raw)) out.push(id);
  for (const id of b.keys()) if (!a.has(id)) out.push(id);
  return out;
}
