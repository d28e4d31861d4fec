// One page of contacts, sales invoices or sales credit notes, through xero-node, as Xero's raw JSON.
import type { AccountingApi } from 'xero-node';
import { parseXeroDate } from '../contact-mapping';
import { XeroNetworkError } from '../errors';
import type { XeroAccountingClient, XeroNodeResult } from './accounting-client';

export type ListKind = 'contacts' | 'invoices' | 'credit_notes';

export interface PageRequest {
  page: number;
  /** Up to 1000 (Xero's cap since July 2024). */
  pageSize: number;
  /** If-Modified-Since. */
  since?: Date;
  signal?: AbortSignal;
}

export interface RawPage {
  items: Record<string, unknown>[];
  /** The page asked for. */
  page: number;
  /** The envelope's `pagination` as Xero sent it (each field absent when Xero left it out). */
  answeredPage?: number;
  pageSize?: number;
  pageCount?: number;
  itemCount?: number;
  /** The envelope's DateTimeUTC (Xero's clock when it answered), ISO. */
  serverTime?: string;
}

export const MAX_PAGE_SIZE = 1000;

interface ListSpec {
  collection: 'Contacts' | 'Invoices' | 'CreditNotes';
  path: string;
  fetch(api: AccountingApi, tenantId: string, r: PageRequest): Promise<XeroNodeResult<unknown>>;
}

// Only filters and orders Xero has optimised: in an organisation holding over 100,000 of a collection, Xero refuses
// any other `where` or `order` with HighVolumeException (docs/xero-behaviour.md, "Filters at volume"). Type is an
// optimised `where` field on Invoices and CreditNotes (bills and supplier credits stay out); ContactID, InvoiceID and
// CreditNoteID are optimised orders; includeArchived and If-Modified-Since are a parameter and a header, not filters.
// Never an OR chain: Xero optimises OR only between InvoiceIDs, and the IDs parameter does that better.
// Ordered by the record's id, which never changes: a record edited during a sync keeps its place, so no
// other record can slip into a page already read. (New records may shift later ones: seen twice, never lost.)
// Not by UpdatedDateUTC (also optimised, and Xero's default): an edit moves the record to the end, shifting every
// later record back one place, so the one at the boundary of the page just read would be skipped.
export const LIST_SPECS: Record<ListKind, ListSpec> = {
  contacts: {
    collection: 'Contacts',
    path: '/Contacts',
    // includeArchived: an ARCHIVED contact still holds its AccountNumber
    fetch: (api, t, r) => api.getContacts(t, r.since, undefined, 'ContactID', undefined, r.page, true, undefined, undefined, r.pageSize),
  },
  invoices: {
    collection: 'Invoices',
    path: '/Invoices',
    fetch: (api, t, r) =>
      api.getInvoices(
        t,
        r.since,
        'Type=="ACCREC"',
        'InvoiceID',
        undefined,
        undefined,
        undefined,
        undefined,
        r.page,
        true,
        undefined,
        undefined,
        undefined,
        r.pageSize,
      ),
  },
  credit_notes: {
    collection: 'CreditNotes',
    path: '/CreditNotes',
    fetch: (api, t, r) => api.getCreditNotes(t, r.since, 'Type=="ACCRECCREDIT"', 'CreditNoteID', r.page, undefined, r.pageSize),
  },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

/** Reads the envelope (pure): the collection array, `pagination`, and DateTimeUTC. */
export function readEnvelope(kind: ListKind, data: unknown, page: number): RawPage {
  const spec = LIST_SPECS[kind];
  const items = isRecord(data) ? data[spec.collection] : undefined;
  if (!isRecord(data) || !Array.isArray(items) || !items.every(isRecord)) {
    throw new XeroNetworkError(
      `GET ${spec.path} page ${page}: the answer was not a ${spec.collection} list (an incomplete or unexpected response).`,
    );
  }
  const p = isRecord(data.pagination) ? data.pagination : {};
  const serverTime = typeof data.DateTimeUTC === 'string' ? (parseXeroDate(data.DateTimeUTC) ?? undefined) : undefined;
  return {
    items,
    page,
    answeredPage: int(p.page),
    pageSize: int(p.pageSize),
    pageCount: int(p.pageCount),
    itemCount: int(p.itemCount),
    serverTime,
  };
}

export async function fetchPage(client: XeroAccountingClient, kind: ListKind, r: PageRequest): Promise<RawPage> {
  const spec = LIST_SPECS[kind];
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, r.pageSize));
  const label = `GET ${spec.path} page ${r.page}`;
  const validate = (data: unknown): boolean => isRecord(data) && Array.isArray(data[spec.collection]);
  const { data } = await client.call(label, (api) => spec.fetch(api, client.tenantId, { ...r, pageSize }), { signal: r.signal, validate });
  return readEnvelope(kind, data, r.page);
}
