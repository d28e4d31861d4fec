// "Invoice # must be unique": is the CocoonOPS document already in Xero, and is it the same? Pure: given the
// synced Xero documents with that number, compare contact, date, total, currency and type, and give a verdict.
import type { CheckField, DocType, Difference, InvoiceCheck, XeroDocument } from '../../shared/exceptions';
import { foldText } from '../matching/normalise-name';

/** The CocoonOPS side of the document ('' / null = not in the exception). */
export interface CocoonDocument {
  docType: DocType | null;
  number: string;
  accountCode: string;
  contactName: string;
  /** YYYY-MM-DD */
  date: string;
  total: number | null;
  currency: string;
}

export interface CheckContext {
  /** False when no Xero invoices or credit notes were ever synced into the workspace. */
  synced: boolean;
  syncedAt: string | null;
}

/** Xero types of sales documents: only these reserve a sales invoice number (ACCPAY bill numbers may repeat). */
export const SALES_TYPES: readonly string[] = ['ACCREC', 'ACCRECCREDIT'];
/** Totals closer than half a cent are equal. */
const CENT = 0.005;
const DEAD = new Set(['VOIDED', 'DELETED']);
/** Without these compared, a document that exists with the number may still be another one: no "matches". */
const ESSENTIAL: readonly CheckField[] = ['contact', 'date', 'total'];

const DOC_LABEL: Record<DocType, string> = { invoice: 'invoice', credit_note: 'credit note' };

export function numberKey(number: string): string {
  return number.trim().toLowerCase();
}

function money(n: number): string {
  return n.toFixed(2);
}

interface Comparison {
  differences: Difference[];
  compared: CheckField[];
  notCompared: { field: CheckField; why: string }[];
  notes: string[];
}

function compare(doc: CocoonDocument, x: XeroDocument): Comparison {
  const out: Comparison = { differences: [], compared: [], notCompared: [], notes: [] };
  const differ = (field: CheckField, cocoon: string, xero: string): void => {
    out.differences.push({ field, cocoon, xero });
  };

  if (doc.docType) {
    out.compared.push('type');
    if (doc.docType !== x.docType) differ('type', DOC_LABEL[doc.docType], `${DOC_LABEL[x.docType]} (${x.type})`);
  } else {
    out.notCompared.push({ field: 'type', why: 'the exception does not say whether it is an invoice or a credit note' });
  }

  const xeroContact = x.contactAccountNumber ? `${x.contactAccountNumber} (${x.contactName})` : x.contactName;
  if (doc.accountCode && x.contactAccountNumber !== null) {
    out.compared.push('contact');
    if (numberKey(doc.accountCode) !== numberKey(x.contactAccountNumber)) {
      differ('contact', doc.accountCode, x.contactAccountNumber === '' ? `${x.contactName} (no Account Number)` : xeroContact);
    } else if (doc.contactName && foldText(doc.contactName) !== foldText(x.contactName)) {
      out.notes.push(
        `Same billing account ${doc.accountCode}, but the names differ: "${doc.contactName}" in CocoonOPS, "${x.contactName}" in Xero (see the account's finding).`,
      );
    }
  } else if (doc.contactName) {
    out.compared.push('contact');
    if (foldText(doc.contactName) !== foldText(x.contactName)) differ('contact', doc.contactName, xeroContact);
    if (doc.accountCode)
      out.notes.push(`The Xero contact ${x.contactName} is not in the workspace's contact cache: compared by name, not by Account Number.`);
  } else if (doc.accountCode) {
    out.notCompared.push({
      field: 'contact',
      why: `the Xero contact ${x.contactName} is not in the workspace's contact cache (sync contacts), and the exception has no name`,
    });
  } else {
    out.notCompared.push({ field: 'contact', why: 'the exception has no billing account code or name' });
  }

  if (doc.date) {
    out.compared.push('date');
    if (doc.date !== x.date) differ('date', doc.date, x.date || '(none)');
  } else {
    out.notCompared.push({ field: 'date', why: 'the exception has no document date' });
  }

  if (doc.total !== null) {
    out.compared.push('total');
    // Credit notes: CocoonOPS may show a negative total; Xero's Total is positive.
    const creditNote = doc.docType === 'credit_note' || x.docType === 'credit_note';
    const ours = creditNote ? Math.abs(doc.total) : doc.total;
    if (Math.abs(ours - x.total) >= CENT) differ('total', money(doc.total), money(x.total));
  } else {
    out.notCompared.push({ field: 'total', why: 'the exception has no total' });
  }

  if (doc.currency) {
    out.compared.push('currency');
    if (doc.currency.toUpperCase() !== x.currency.toUpperCase()) differ('currency', doc.currency.toUpperCase(), x.currency || '(none)');
  } else {
    out.notCompared.push({ field: 'currency', why: 'the exception has no currency' });
  }

  out.compared.push('status');
  if (DEAD.has(x.status.toUpperCase())) differ('status', 'active', x.status);
  else if (x.status.toUpperCase() === 'DRAFT') out.notes.push(`The Xero ${DOC_LABEL[x.docType]} is still a DRAFT.`);
  return out;
}

function rank(doc: CocoonDocument, x: XeroDocument, c: Comparison): number[] {
  return [doc.docType && doc.docType !== x.docType ? 1 : 0, c.differences.length, DEAD.has(x.status.toUpperCase()) ? 1 : 0];
}

function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

function describe(differences: readonly Difference[]): string {
  return differences.map((d) => `${d.field}: ${d.cocoon} in CocoonOPS, ${d.xero} in Xero`).join('; ');
}

/**
 * Looks the exception's number up among the synced documents (the caller passes every document with that number;
 * bills are ignored here) and gives the verdict. Never says not_found when Xero was not synced.
 */
export function checkInvoiceNumber(doc: CocoonDocument, candidates: readonly XeroDocument[], ctx: CheckContext): InvoiceCheck {
  const base = { xero: null, differences: [], compared: [], notCompared: [], notes: [], others: [], syncedAt: ctx.syncedAt };
  const number = doc.number.trim();
  if (number === '') {
    return { ...base, verdict: 'cannot_check', summary: 'Cannot check: the exception has no invoice or credit note number.' };
  }
  if (!ctx.synced) {
    const why = ctx.syncedAt ? 'the last sync found no sales invoices or credit notes in Xero' : 'sync Xero first';
    return { ...base, verdict: 'cannot_check', summary: `Cannot check ${number}: no invoices synced yet (${why}).` };
  }
  const same = candidates.filter((x) => numberKey(x.number) === numberKey(number));
  const sales = same.filter((x) => SALES_TYPES.includes(x.type.toUpperCase()));
  if (sales.length === 0) {
    const bills = same.length - sales.length;
    const notes =
      bills > 0
        ? [
            `${bills === 1 ? 'A bill (ACCPAY) has' : `${bills} bills (ACCPAY) have`} this number; bill numbers do not clash with sales invoices.`,
          ]
        : [];
    return {
      ...base,
      notes,
      verdict: 'not_found',
      // When Xero was synced is `syncedAt`, shown beside the summary in the reader's date format.
      summary: `${number} is not among the synced sales invoices and credit notes: re-send it from CocoonOPS.`,
    };
  }

  let best: { x: XeroDocument; c: Comparison; r: number[] } | undefined;
  for (const x of [...sales].sort((a, b) => a.invoiceId.localeCompare(b.invoiceId))) {
    const c = compare(doc, x);
    const r = rank(doc, x, c);
    if (!best || lessThan(r, best.r)) best = { x, c, r };
  }
  const chosen = best as { x: XeroDocument; c: Comparison };
  const others = sales.filter((x) => x !== chosen.x);
  const label = `${DOC_LABEL[chosen.x.docType]} ${chosen.x.number}`;
  const result = { ...base, ...chosen.c, xero: chosen.x, others };
  if (chosen.c.differences.length > 0) {
    return {
      ...result,
      verdict: 'exists_differs',
      summary: `The ${label} exists in Xero but differs — ${describe(chosen.c.differences)}.`,
    };
  }
  // "Matches" only about what was compared: the contact, date and total must all have been, for "safe to close".
  const agreed: CheckField[] = chosen.c.compared.filter((f) => f !== 'status');
  const missing = chosen.c.notCompared.map((n) => n.field);
  if (ESSENTIAL.every((f) => agreed.includes(f))) {
    const unchecked = missing.length > 0 ? ` (${listed(missing)} not compared: not in the exception)` : '';
    return {
      ...result,
      verdict: 'exists_matches',
      summary: `The ${label} exists in Xero and matches on ${listed(agreed)}${unchecked}: safe to close the exception in CocoonOPS.`,
    };
  }
  const alike = agreed.length > 0 ? `; its ${listed(agreed)} ${agreed.length === 1 ? 'matches' : 'match'}` : '';
  return {
    ...result,
    verdict: 'exists_unverified',
    summary: `The ${label} exists in Xero: compare it with CocoonOPS's ${DOC_LABEL[doc.docType ?? chosen.x.docType]} before closing — its ${listed(missing)} (not in the exception)${alike}.`,
  };
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
