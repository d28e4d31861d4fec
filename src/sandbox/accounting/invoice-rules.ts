// Creating one invoice (PUT /Invoices): ACCREC numbers are unique ("Invoice # must be unique."), ACCPAY numbers
// may repeat; the contact is found by ContactID, or by Name as the sync model says (src/shared/sync-model.ts: an
// active contact of that name is used, an archived one refuses the invoice, none is created with the contact rules,
// so a taken AccountNumber fails the invoice); the contact becomes a customer (ACCREC) or supplier (ACCPAY).
import { syncInvoice } from '../../shared/sync-model';
import type { Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { computeTotals, normalise } from '../state/normalise.js';
import { ZERO_GUID } from '../util/ids.js';
import { contactDirectory, markParty, writeContact, type ElementResult } from './contact-rules.js';

export const INVOICE_MSG = {
  numberTaken: 'Invoice # must be unique.',
  contactRequired: 'A Contact must be specified for this type of transaction',
  typeRequired: 'Invoice Type must be ACCREC or ACCPAY.',
  contactNotFound: (id: string): string => `The contact with ContactID ${id} could not be found.`,
};

const CREATE_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED'];
const key = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');

function nextNumber(state: SandboxState, tenantId: string): string {
  let max = 0;
  for (const s of state.list(tenantId, 'Invoices')) {
    const m = /^INV-(\d+)$/.exec(String(s.data.InvoiceNumber ?? ''));
    if (m && s.data.Type === 'ACCREC') max = Math.max(max, Number(m[1]));
  }
  return `INV-${String(max + 1).padStart(4, '0')}`;
}

export function writeInvoice(state: SandboxState, tenantId: string, input: Json): ElementResult {
  const fail = (errors: string[]): ElementResult => ({ ok: false, echo: { ...input, InvoiceID: ZERO_GUID }, errors });
  const type = input.Type;
  const contactIn = input.Contact && typeof input.Contact === 'object' ? (input.Contact as Json) : undefined;
  const errors: string[] = [];
  if (type !== 'ACCREC' && type !== 'ACCPAY') errors.push(INVOICE_MSG.typeRequired);
  if (!contactIn || (!contactIn.ContactID && !contactIn.Name)) errors.push(INVOICE_MSG.contactRequired);
  const number = typeof input.InvoiceNumber === 'string' ? input.InvoiceNumber.trim() : '';
  if (type === 'ACCREC' && number !== '') {
    const taken = state.list(tenantId, 'Invoices').some((s) => s.data.Type === 'ACCREC' && key(s.data.InvoiceNumber) === key(number));
    if (taken) errors.push(INVOICE_MSG.numberTaken);
  }
  if (errors.length > 0 || !contactIn) return fail(errors);

  let contact: Stored | undefined;
  if (typeof contactIn.ContactID === 'string' && contactIn.ContactID !== '') {
    contact = state.get(tenantId, 'Contacts', contactIn.ContactID);
    if (!contact) return fail([INVOICE_MSG.contactNotFound(contactIn.ContactID)]);
  } else {
    const sent = {
      name: typeof contactIn.Name === 'string' ? contactIn.Name : '',
      accountNumber: typeof contactIn.AccountNumber === 'string' ? contactIn.AccountNumber : '',
    };
    const outcome = syncInvoice(contactDirectory(state, tenantId), sent);
    if (outcome.outcome === 'filed') contact = outcome.contact;
    else if (outcome.outcome === 'refused' && outcome.reason === 'archived') return fail([outcome.message]);
    else {
      // Created with the contact rules themselves, which refuse a taken AccountNumber with the same words.
      const created = writeContact(state, tenantId, contactIn, undefined);
      if (!created.ok) return fail(created.errors);
      contact = state.get(tenantId, 'Contacts', String(created.json.ContactID));
    }
  }
  if (!contact) return fail([INVOICE_MSG.contactRequired]);

  const data = normalise('Invoices', { ...input, Date: input.Date ?? new Date(state.now()).toISOString().slice(0, 10) });
  delete data.InvoiceID;
  Object.assign(data, {
    Type: type,
    InvoiceNumber: number !== '' ? number : type === 'ACCREC' ? nextNumber(state, tenantId) : '',
    Contact: { ContactID: contact.id, Name: contact.data.Name },
    Status: CREATE_STATUSES.includes(String(input.Status)) ? input.Status : 'DRAFT',
    LineAmountTypes: input.LineAmountTypes ?? 'Exclusive',
    CurrencyCode: input.CurrencyCode ?? 'AUD',
    AmountPaid: 0,
    AmountCredited: 0,
  });
  computeTotals(data);
  data.AmountDue = data.Total;
  const saved = state.save(tenantId, 'Invoices', data);
  markParty(state, tenantId, contact.id, type);
  return { ok: true, json: renderDocument(state, tenantId, saved) };
}

/** An invoice or credit note with its contact's current name: a fresh copy, which the caller may change. */
export function renderDocument(state: SandboxState, tenantId: string, s: Stored): Json {
  return { ...documentView(state, tenantId, s) };
}

/**
 * The same, read-only: the memoised rendering itself unless the contact was renamed since the document was saved
 * (a contact's save does not touch its documents, so that cannot be memoised per document).
 */
export function documentView(state: SandboxState, tenantId: string, s: Stored): Readonly<Json> {
  const json = state.rendered(s);
  const ref = json.Contact as Json | undefined;
  const contact = ref && typeof ref.ContactID === 'string' ? state.get(tenantId, 'Contacts', ref.ContactID) : undefined;
  if (!ref || !contact || (ref.ContactID === contact.id && ref.Name === contact.data.Name)) return json;
  return { ...json, Contact: { ...ref, ContactID: contact.id, Name: contact.data.Name } };
}
