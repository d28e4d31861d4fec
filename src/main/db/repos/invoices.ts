// The Xero sales invoice / credit note cache, for "Invoice # must be unique" checks. Minimal for now.
import type { Db } from './common';

export type InvoiceDocType = 'invoice' | 'credit_note';

export interface XeroInvoice {
  invoiceId: string;
  docType: InvoiceDocType;
  number: string;
  /** Xero's Type, e.g. ACCREC or ACCRECCREDIT. */
  type: string;
  contactId: string;
  contactName: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  total: number;
  currency: string;
  status: string;
  updatedDateUtc: string;
}

export interface XeroInvoiceItem {
  invoice: XeroInvoice;
  raw: object;
}

export interface XeroInvoiceRow {
  invoice_id: string;
  doc_type: InvoiceDocType;
  number: string;
  type: string;
  contact_id: string;
  contact_name: string;
  date: string;
  total: number;
  currency: string;
  status: string;
  updated_date_utc: string;
  raw_json: string;
}

const FIELDS = 'invoice_id, doc_type, number, type, contact_id, contact_name, date, total, currency, status, updated_date_utc';

const toInvoice = (r: Omit<XeroInvoiceRow, 'raw_json'>): XeroInvoice => ({
  invoiceId: r.invoice_id,
  docType: r.doc_type,
  number: r.number,
  type: r.type,
  contactId: r.contact_id,
  contactName: r.contact_name,
  date: r.date,
  total: r.total,
  currency: r.currency,
  status: r.status,
  updatedDateUtc: r.updated_date_utc,
});

export function createInvoicesRepo(db: Db) {
  const upsert = db.prepare<[XeroInvoiceRow]>(
    `INSERT INTO xero_invoices (${FIELDS}, raw_json)
     VALUES (@invoice_id, @doc_type, @number, @type, @contact_id, @contact_name, @date, @total, @currency, @status,
             @updated_date_utc, @raw_json)
     ON CONFLICT (invoice_id) DO UPDATE SET
       doc_type = excluded.doc_type, number = excluded.number, type = excluded.type,
       contact_id = excluded.contact_id, contact_name = excluded.contact_name, date = excluded.date,
       total = excluded.total, currency = excluded.currency, status = excluded.status,
       updated_date_utc = excluded.updated_date_utc, raw_json = excluded.raw_json`,
  );
  const byNumber = db.prepare<[string], XeroInvoiceRow>(`SELECT ${FIELDS} FROM xero_invoices WHERE number = ? ORDER BY invoice_id`);
  const total = db.prepare<[], number>('SELECT count(*) FROM xero_invoices').pluck();
  const ofDocType = db.prepare<[InvoiceDocType], number>('SELECT count(*) FROM xero_invoices WHERE doc_type = ?').pluck();

  const write = (items: readonly XeroInvoiceItem[]): void => {
    for (const { invoice: i, raw } of items) {
      upsert.run({
        invoice_id: i.invoiceId,
        doc_type: i.docType,
        number: i.number,
        type: i.type,
        contact_id: i.contactId,
        contact_name: i.contactName,
        date: i.date,
        total: i.total,
        currency: i.currency,
        status: i.status,
        updated_date_utc: i.updatedDateUtc,
        raw_json: JSON.stringify(raw),
      });
    }
  };
  const upsertAll = db.transaction(write);

  return {
    /** Inserts or updates invoices and credit notes in one transaction. */
    upsertMany(items: readonly XeroInvoiceItem[]): void {
      upsertAll(items);
    },
    /** upsertMany inside the caller's transaction (no savepoint: about twice as fast for a 1000-row page). */
    upsertInTransaction(items: readonly XeroInvoiceItem[]): void {
      if (!db.inTransaction) throw new Error('upsertInTransaction needs an open transaction');
      write(items);
    },
    /** Every document with this number (an invoice and a credit note may share one). */
    findByNumber(number: string): XeroInvoice[] {
      return byNumber.all(number).map(toInvoice);
    },
    count(): number {
      return total.get() ?? 0;
    },
    /** Invoices or credit notes only (how many pages a full sync of each reads). */
    countOf(docType: InvoiceDocType): number {
      return ofDocType.get(docType) ?? 0;
    },
  };
}

export type InvoicesRepo = ReturnType<typeof createInvoicesRepo>;
