// What the outbox knows about Xero contact fields: which correction kinds go through the API, which field each
// writes, how a field is read from a raw contact, and the compact image shown side by side. Pure.
import { API_KINDS, type ContactImage, type CorrectionKind, type FieldEdit } from '../../shared/contract-outbox';
import type { Correction, Json } from '../db/repos/outbox';
import { parseXeroDate } from '../xero/contact-mapping';

export type { Correction, Json } from '../db/repos/outbox';

/** The Xero contact fields the outbox writes. */
export const XERO_FIELDS = ['Name', 'AccountNumber', 'ContactStatus'] as const;
export type XeroField = (typeof XERO_FIELDS)[number];

export { API_KINDS };

/** The correction kind for a Xero field a decision changes (IsCustomer cannot be written: a web-app step). */
export const KIND_OF_XERO_FIELD: Record<string, CorrectionKind> = {
  Name: 'rename',
  AccountNumber: 'account_number',
  ContactStatus: 'restore',
  IsCustomer: 'make_customer',
};

export const KIND_OF_COCOON_FIELD: Record<string, CorrectionKind> = { name: 'cocoon_rename', code: 'cocoon_recode' };

export const isApiCorrection = (c: Pick<Correction, 'target' | 'kind'>): boolean => c.target === 'xero' && API_KINDS.has(c.kind);

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** A field of a raw contact as Xero compares it: Name and AccountNumber trimmed, a missing status is ACTIVE. */
export function fieldOf(raw: Json, field: string): string {
  if (field === 'ContactStatus') return text(raw.ContactStatus) || 'ACTIVE';
  return text(raw[field]).trim();
}

/** The contact's UpdatedDateUTC as ISO ('' when missing or unreadable). */
export function updatedOf(raw: Json | null | undefined): string {
  const v = raw?.UpdatedDateUTC;
  if (typeof v !== 'string' || v === '') return '';
  return parseXeroDate(v) ?? '';
}

export function imageOf(raw: Json | null | undefined): ContactImage | null {
  if (!raw) return null;
  return {
    contactId: text(raw.ContactID),
    name: text(raw.Name),
    accountNumber: text(raw.AccountNumber),
    status: fieldOf(raw, 'ContactStatus'),
    updatedDateUtc: updatedOf(raw),
  };
}

/** A compact image for the audit log (ids, the three fields, UpdatedDateUTC as Xero wrote it). */
export function auditImage(raw: Json | null | undefined): Json | null {
  if (!raw) return null;
  const out: Json = { ContactID: raw.ContactID };
  for (const f of XERO_FIELDS) out[f] = raw[f] ?? null;
  out.UpdatedDateUTC = raw.UpdatedDateUTC ?? null;
  return out;
}

/** The element of POST /Contacts for a set of edits on one contact (fields in a fixed order). */
export function elementFor(contactId: string, edits: readonly FieldEdit[]): Json {
  const out: Json = { ContactID: contactId };
  for (const f of XERO_FIELDS) {
    const edit = edits.find((e) => e.field === f);
    if (edit) out[f] = edit.to;
  }
  return out;
}

/** Lower-case, trimmed: how Xero compares names and account numbers for uniqueness. */
export const uniqueKey = (s: string): string => s.trim().toLowerCase();

/** Items grouped by the contact they are about (case-insensitive ContactID), in first-seen order. */
export function groupBySubject<T>(items: readonly T[], subjectOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = subjectOf(item).toLowerCase();
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
