// Creating and updating one contact with Xero's rules: read-only fields ignored, Name unique among ACTIVE
// contacts, AccountNumber unique among ALL contacts (archived too), both with the sync model's equality
// (src/shared/sync-model.ts: trimmed, case-insensitive).
import { accountNumberKey, XERO_MESSAGES, xeroNameKey, type XeroDirectory } from '../../shared/sync-model';
import type { Json, Stored } from '../types.js';
import type { SandboxState } from '../state/store.js';
import { ZERO_GUID } from '../util/ids.js';

/** Fields a PUT/POST may not set (acc:21263-21268, 21313-21318, 21350-21362). */
const READ_ONLY = [
  'ContactID',
  'IsCustomer',
  'IsSupplier',
  'UpdatedDateUTC',
  'HasValidationErrors',
  'ValidationErrors',
  'StatusAttributeString',
  'Warnings',
  'Balances',
  'HasAttachments',
  'MergedToContactID', // set by a merge in the web app only
];
const ADDRESS_TYPES = ['POBOX', 'STREET'];
const PHONE_TYPES = ['DEFAULT', 'DDI', 'FAX', 'MOBILE'];

export const MSG = {
  accountNumberTaken: XERO_MESSAGES.accountNumberTaken,
  nameTaken: XERO_MESSAGES.nameTaken,
  nameRequired: 'The contact name must be specified.',
  nameTooLong: 'The contact name must not be more than 255 characters long.',
  accountNumberTooLong: 'The Account Number must not be more than 50 characters long.',
  notFound: (id: string): string => `The contact with ContactID ${id} could not be found.`,
};

export type ElementResult = { ok: true; json: Json } | { ok: false; echo: Json; errors: string[] };

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const nameKey = (v: unknown): string => xeroNameKey(text(v));
const numberKey = (v: unknown): string => accountNumberKey(text(v));

/** The submitted fields a write may change (nulls mean "not supplied"). */
function writable(input: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(input)) if (!READ_ONLY.includes(k) && v !== null && v !== undefined) out[k] = v;
  if (out.ContactStatus !== undefined && out.ContactStatus !== 'ACTIVE' && out.ContactStatus !== 'ARCHIVED') delete out.ContactStatus;
  return out;
}

/** Replaces entries of a typed list (Addresses by AddressType, Phones by PhoneType), keeping the others. */
function mergeTyped(existing: unknown, incoming: unknown, typeKey: string, types: string[]): Json[] {
  const list = new Map<string, Json>();
  for (const t of types) list.set(t, { [typeKey]: t });
  for (const src of [existing, incoming]) {
    if (!Array.isArray(src)) continue;
    for (const item of src as Json[]) {
      const t = String(item[typeKey] ?? types[0]);
      list.set(t, { ...list.get(t), ...item, [typeKey]: t });
    }
  }
  return [...list.values()];
}

/**
 * Validates and saves one contact. `target` is the contact being updated (undefined = create).
 * Earlier elements of the same batch are already saved, so the uniqueness checks see them.
 */
export function writeContact(state: SandboxState, tenantId: string, input: Json, target: Stored | undefined): ElementResult {
  const changes = writable(input);
  const base: Json = target
    ? { ...target.data }
    : { ContactStatus: 'ACTIVE', ContactGroups: [], ContactPersons: [], IsSupplier: false, IsCustomer: false, HasAttachments: false };
  const merged: Json = { ...base, ...changes };
  merged.Addresses = mergeTyped(base.Addresses, changes.Addresses, 'AddressType', ADDRESS_TYPES);
  merged.Phones = mergeTyped(base.Phones, changes.Phones, 'PhoneType', PHONE_TYPES);
  merged.HasValidationErrors = false;

  const errors: string[] = [];
  const name = typeof merged.Name === 'string' ? merged.Name.trim() : '';
  if (name === '') errors.push(MSG.nameRequired);
  else if (name.length > 255) errors.push(MSG.nameTooLong);
  const others = state.list(tenantId, 'Contacts').filter((s) => s.id !== target?.id);
  const becomesActive = merged.ContactStatus === 'ACTIVE' && target?.data.ContactStatus !== 'ACTIVE';
  if (name !== '' && merged.ContactStatus === 'ACTIVE' && (!target || 'Name' in changes || becomesActive)) {
    if (others.some((s) => s.data.ContactStatus === 'ACTIVE' && nameKey(s.data.Name) === nameKey(name))) errors.push(MSG.nameTaken(name));
  }
  const account = numberKey(merged.AccountNumber);
  if (account !== '' && (!target || 'AccountNumber' in changes)) {
    if (String(merged.AccountNumber).length > 50) errors.push(MSG.accountNumberTooLong);
    else if (others.some((s) => numberKey(s.data.AccountNumber) === account)) errors.push(MSG.accountNumberTaken);
  }
  if (errors.length > 0) return { ok: false, echo: { ...input, ContactID: target?.id ?? ZERO_GUID }, errors };

  if (typeof merged.Name === 'string') merged.Name = merged.Name.trim();
  if (target) merged.ContactID = target.id;
  else delete merged.ContactID;
  return { ok: true, json: state.render(state.save(tenantId, 'Contacts', merged)) };
}

/** Marks a contact as a customer (ACCREC) or supplier (ACCPAY) without touching UpdatedDateUTC. */
export function markParty(state: SandboxState, tenantId: string, contactId: string, type: unknown): void {
  const s = state.get(tenantId, 'Contacts', contactId);
  const flag = type === 'ACCREC' ? 'IsCustomer' : type === 'ACCPAY' ? 'IsSupplier' : undefined;
  // Saved (with its old time) rather than changed in place, so the memoised rendering of the old Stored is dropped.
  if (s && flag && s.data[flag] !== true) state.save(tenantId, 'Contacts', { ...s.data, [flag]: true }, s.updatedMs);
}

/** The tenant's contacts as the sync model sees them (read at each lookup: a batch changes them as it goes). */
export function contactDirectory(state: SandboxState, tenantId: string): XeroDirectory<Stored> {
  const all = () => state.list(tenantId, 'Contacts');
  return {
    named: (key) => all().filter((s) => nameKey(s.data.Name) === key),
    holding: (key) => all().filter((s) => numberKey(s.data.AccountNumber) === key),
    view: (s) => ({ name: text(s.data.Name), accountNumber: text(s.data.AccountNumber), status: text(s.data.ContactStatus) }),
  };
}
