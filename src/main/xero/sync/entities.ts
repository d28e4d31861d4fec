// Per entity: which list to page through, how Xero's JSON maps to workspace rows, and how a page is stored.
import type { Workspace, XeroContactItem, XeroInvoiceItem } from '../../db';
import type { ListKind } from '../api/list-pages';
import { XeroContactReader } from '../contact-mapping';
import { XeroError } from '../errors';
import { toXeroCreditNote, toXeroInvoice, XeroCreditNoteJson, XeroInvoiceJson } from '../invoice-mapping';
import type { SyncEntity } from './cursor';

export interface EntitySpec<T> {
  list: ListKind;
  label: string;
  /** Maps a page (pure); throws XeroError naming the record when Xero sent something unusable. */
  map(items: readonly Record<string, unknown>[], page: number): T[];
  /** Writes mapped rows; runs inside the page's transaction (with the cursor). */
  store(ws: Workspace, rows: readonly T[], importId: number): void;
}

function mapAll<S, T>(
  label: string,
  items: readonly Record<string, unknown>[],
  page: number,
  schema: {
    safeParse(v: unknown): { success: true; data: S } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  map: (s: S, raw: Record<string, unknown>) => T,
): T[] {
  return items.map((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((x) => `${x.path.map(String).join('.') || '(record)'}: ${x.message}`).join('; ');
      throw new XeroError(
        `Xero sent a ${label} record that cannot be read (page ${page}, item ${i + 1}): ${issues}. Nothing from this page was saved.`,
      );
    }
    return map(parsed.data, raw);
  });
}

const contacts: EntitySpec<XeroContactItem> = {
  list: 'contacts',
  label: 'contact',
  map: (items, page) => mapAll('contact', items, page, XeroContactReader, (contact, raw) => ({ contact, raw })),
  store: (ws, rows, importId) => ws.contacts.upsertInTransaction(rows, importId),
};

const invoices: EntitySpec<XeroInvoiceItem> = {
  list: 'invoices',
  label: 'invoice',
  // Xero filters on Type already; the check keeps bills out even if a `where` were ignored.
  map: (items, page) =>
    mapAll('invoice', items, page, XeroInvoiceJson, (d, raw) => ({ invoice: toXeroInvoice(d), raw })).filter(
      (i) => i.invoice.type === 'ACCREC',
    ),
  store: (ws, rows) => ws.invoices.upsertInTransaction(rows),
};

const creditNotes: EntitySpec<XeroInvoiceItem> = {
  list: 'credit_notes',
  label: 'credit note',
  map: (items, page) =>
    mapAll('credit note', items, page, XeroCreditNoteJson, (d, raw) => ({ invoice: toXeroCreditNote(d), raw })).filter(
      (i) => i.invoice.type === 'ACCRECCREDIT',
    ),
  store: (ws, rows) => ws.invoices.upsertInTransaction(rows),
};

export const ENTITY_SPECS: Record<SyncEntity, EntitySpec<unknown>> = {
  contacts: contacts as EntitySpec<unknown>,
  invoices: invoices as EntitySpec<unknown>,
  credit_notes: creditNotes as EntitySpec<unknown>,
};
