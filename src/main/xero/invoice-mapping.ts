// Xero's GET /Invoices and GET /CreditNotes items (PascalCase JSON) → the workspace's XeroInvoice (pure).
import { z } from 'zod';
import type { InvoiceDocType, XeroInvoice } from '../db';
import { parseXeroDate } from './contact-mapping';

const text = z.string().nullish();
const dateText = z
  .string()
  .refine((v) => parseXeroDate(v) !== null, { message: 'is not a date like /Date(1539993600000+0000)/' })
  .nullish();

const DocumentJson = z.looseObject({
  Type: text,
  Contact: z.looseObject({ ContactID: text, Name: text }).nullish(),
  Date: dateText,
  DateString: text,
  Total: z.number().nullish(),
  CurrencyCode: text,
  Status: text,
  UpdatedDateUTC: dateText,
});

export const XeroInvoiceJson = DocumentJson.extend({
  InvoiceID: z.string().min(1),
  InvoiceNumber: text,
});
export type XeroInvoiceJson = z.infer<typeof XeroInvoiceJson>;

export const XeroCreditNoteJson = DocumentJson.extend({
  CreditNoteID: z.string().min(1),
  CreditNoteNumber: text,
});
export type XeroCreditNoteJson = z.infer<typeof XeroCreditNoteJson>;

/** The document's date as YYYY-MM-DD: DateString when Xero gives it, else the UTC day of Date. */
export function documentDate(raw: { Date?: string | null; DateString?: string | null }): string {
  const fromString = raw.DateString?.trim().slice(0, 10);
  if (fromString && /^\d{4}-\d{2}-\d{2}$/.test(fromString)) return fromString;
  const iso = raw.Date ? parseXeroDate(raw.Date) : null;
  return iso ? iso.slice(0, 10) : '';
}

function common(raw: z.infer<typeof DocumentJson>, docType: InvoiceDocType): Omit<XeroInvoice, 'invoiceId' | 'number'> {
  return {
    docType,
    type: raw.Type ?? '',
    contactId: raw.Contact?.ContactID ?? '',
    contactName: raw.Contact?.Name ?? '',
    date: documentDate(raw),
    total: raw.Total ?? 0,
    currency: raw.CurrencyCode ?? '',
    status: raw.Status ?? '',
    updatedDateUtc: raw.UpdatedDateUTC ? (parseXeroDate(raw.UpdatedDateUTC) ?? '') : '',
  };
}

export function toXeroInvoice(raw: XeroInvoiceJson): XeroInvoice {
  return { invoiceId: raw.InvoiceID, number: raw.InvoiceNumber ?? '', ...common(raw, 'invoice') };
}

export function toXeroCreditNote(raw: XeroCreditNoteJson): XeroInvoice {
  return { invoiceId: raw.CreditNoteID, number: raw.CreditNoteNumber ?? '', ...common(raw, 'credit_note') };
}
