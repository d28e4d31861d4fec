// Brings seeded or admin-supplied records into the shape the GET endpoints return.
import type { Collection, Json } from '../types.js';
import { dateString, msDate, parseAnyDate } from '../util/ms-date.js';

const READ_ONLY = ['UpdatedDateUTC', 'HasValidationErrors', 'ValidationErrors', 'StatusAttributeString', 'Warnings'];

export function normalise(coll: Collection, raw: Json): Json {
  const data: Json = { ...raw };
  for (const k of READ_ONLY) delete data[k];
  if (coll === 'Contacts') {
    data.ContactStatus ??= 'ACTIVE';
    data.IsSupplier ??= false;
    data.IsCustomer ??= false;
    data.HasValidationErrors = false;
    return data;
  }
  for (const field of ['Date', 'DueDate']) {
    const ms = parseAnyDate(data[field]);
    if (ms === undefined) continue;
    data[field] = msDate(ms);
    data[`${field}String`] = dateString(ms);
  }
  data.Status ??= 'DRAFT';
  data.HasErrors = false;
  return data;
}

/** Sums line items into SubTotal, TotalTax and Total (money to 2 dp). */
export function computeTotals(data: Json): void {
  const lines = Array.isArray(data.LineItems) ? (data.LineItems as Json[]) : [];
  let sub = 0;
  let tax = 0;
  for (const l of lines) {
    const qty = typeof l.Quantity === 'number' ? l.Quantity : 1;
    const amount = typeof l.LineAmount === 'number' ? l.LineAmount : qty * (typeof l.UnitAmount === 'number' ? l.UnitAmount : 0);
    l.LineAmount = round2(amount);
    l.TaxAmount = round2(typeof l.TaxAmount === 'number' ? l.TaxAmount : 0);
    sub += amount;
    tax += l.TaxAmount as number;
  }
  Object.assign(data, { SubTotal: round2(sub), TotalTax: round2(tax), Total: round2(sub + tax) });
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
