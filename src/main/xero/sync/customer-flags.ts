// The sync's last pass: customer flags that If-Modified-Since cannot see. Xero does not bump a contact's
// UpdatedDateUTC when only IsCustomer, IsSupplier or Balances change (developer.xero.com, Accounting API "Requests
// and responses" › Retrieving modified resources, and Contacts › "Modified After"), and a sales invoice or credit
// note for a contact makes it a customer. So an incremental sync keeps a stale IsCustomer=false, and `not_customer`
// would be computed from it.
//
// Why not a `summaryOnly=true` listing of every contact (cheap at pageSize 1000): Xero's Contacts page lists IsCustomer
// and IsSupplier among the fields summaryOnly leaves out. Nor an unfiltered listing of every contact each time: that is a
// full contacts sync. Instead the evidence is already in the workspace: the sync reads every sales invoice and sales
// credit note changed since the last run (their own UpdatedDateUTC is bumped), so a contact stored as not a customer
// while one of its sales documents is stored may be stale. Only those contacts are read again, by id, 50 per call
// (the push's batch size), paged so Xero sends the whole record as the contacts pass does; nothing to check is no
// call. Reading Xero's own record (rather than setting the flag from our inference) keeps the stored contact what Xero
// says; one Xero still calls "not a customer" is read again on the next sync too (docs/xero-behaviour.md,
// "Flags that If-Modified-Since misses").
import type { AccountingApi } from 'xero-node';
import type { Workspace, XeroContactItem } from '../../db';
import type { XeroAccountingClient } from '../api/accounting-client';
import { ENTITY_SPECS } from './entities';

/** Ids per GET /Contacts?IDs=… (Xero recommends about 40–50; more than about 52 was observed to fail). */
export const FLAG_BATCH = 50;

export interface FlagRefresh {
  /** Contacts read again because a stored sales document says they may be customers now. */
  checked: number;
  /** Of those, how many Xero now calls a customer. */
  nowCustomers: number;
  calls: number;
}

const contactsOf = (data: unknown): Record<string, unknown>[] | undefined => {
  const list = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).Contacts : undefined;
  return Array.isArray(list) && list.every((c) => typeof c === 'object' && c !== null && !Array.isArray(c))
    ? (list as Record<string, unknown>[])
    : undefined;
};

export async function refreshCustomerFlags(
  ws: Workspace,
  client: XeroAccountingClient,
  o: { importId: number; signal?: AbortSignal },
): Promise<FlagRefresh> {
  const ids = ws.contacts.notCustomerWithSales();
  const result: FlagRefresh = { checked: 0, nowCustomers: 0, calls: 0 };
  const spec = ENTITY_SPECS.contacts;
  for (let i = 0; i < ids.length; i += FLAG_BATCH) {
    const part = ids.slice(i, i + FLAG_BATCH);
    const { data } = await client.call(
      `GET /Contacts (${part.length} by id, customer flags)`,
      (api: AccountingApi) =>
        api.getContacts(client.tenantId, undefined, undefined, 'ContactID', part, 1, true, undefined, undefined, FLAG_BATCH),
      { signal: o.signal, validate: (d) => contactsOf(d) !== undefined },
    );
    result.calls++;
    const rows = spec.map(contactsOf(data) ?? [], 1) as XeroContactItem[];
    ws.transaction(() => spec.store(ws, rows, o.importId));
    result.checked += part.length;
    result.nowCustomers += rows.filter((r) => r.contact.isCustomer).length;
  }
  return result;
}
