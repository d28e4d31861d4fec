// Xero's GET /Contacts item (PascalCase JSON) → the XeroContact that matching and review use (pure).
import { z } from 'zod';
import { ContactStatus, type XeroContact } from '../../shared/domain';
import { validate as validateContactShape } from './contact-shape.generated';
import { isoFromMillis } from './iso-date';

/** "/Date(1503348544227+0000)/" (also with JSON's escaped "\/"); the offset is optional. */
const MS_DATE = /^\\?\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\\?\/$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Xero date → ISO 8601 UTC, or null when the text is not a date.
 * In Microsoft's JSON date format the number is milliseconds since the epoch in UTC; the ±hhmm suffix only
 * records the offset of the local time it came from (as in .NET's DateTimeOffset), so it does not move the
 * instant. It is checked for range (hours ≤ 14, minutes < 60). ISO strings without a zone are taken as UTC.
 */
export function parseXeroDate(value: string): string | null {
  const text = value.trim();
  const ms = MS_DATE.exec(text);
  if (ms) {
    const [, millis, sign, hh, mm] = ms;
    if (sign && (Number(hh) > 14 || Number(mm) > 59)) return null;
    const instant = Number(millis);
    // Beyond ±8.64e15 ms there is no date (toISOString would throw).
    return Math.abs(instant) > 8.64e15 ? null : isoFromMillis(instant);
  }
  const iso = ISO_DATE.exec(text);
  if (!iso) return null;
  const dateOnly = text.length === 10;
  const date = new Date(dateOnly || iso[1] ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const text = z.string().nullish();

// Plain objects (unknown keys dropped): callers keep the raw JSON item itself, and copying every key of 50,000
// contacts was a third of reading a large contacts file.
export const XeroAddressJson = z.object({
  AddressType: text,
  AddressLine1: text,
  AddressLine2: text,
  AddressLine3: text,
  AddressLine4: text,
  City: text,
  Region: text,
  PostalCode: text,
  Country: text,
});
export type XeroAddressJson = z.infer<typeof XeroAddressJson>;

export const XeroPhoneJson = z.object({
  PhoneType: text,
  PhoneNumber: text,
  PhoneAreaCode: text,
  PhoneCountryCode: text,
});
export type XeroPhoneJson = z.infer<typeof XeroPhoneJson>;

/** The fields of one GET /Contacts item that the mapping reads; UpdatedDateUTC comes out as ISO 8601. */
export const XeroContactJson = z.object({
  ContactID: z.string().refine((v) => v.trim() !== '', { message: 'ContactID is empty' }),
  Name: text,
  AccountNumber: text,
  ContactStatus: ContactStatus.nullish(),
  IsCustomer: z.boolean().nullish(),
  IsSupplier: z.boolean().nullish(),
  EmailAddress: text,
  Addresses: z.array(XeroAddressJson).nullish(),
  Phones: z.array(XeroPhoneJson).nullish(),
  /** Set on a contact merged into another in the web app (returned when paging or fetching by id). */
  MergedToContactID: text,
  UpdatedDateUTC: z
    .string()
    .transform((v, ctx) => {
      const iso = parseXeroDate(v);
      if (iso === null) ctx.addIssue({ code: 'custom', message: 'UpdatedDateUTC is not a date like /Date(1503348544227+0000)/' });
      return iso ?? z.NEVER;
    })
    .nullish(),
});
export type XeroContactJson = z.infer<typeof XeroContactJson>;

function clean(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/**
 * The non-blank parts, trimmed, joined. Joined as an array, so that the text is one flat string: added up piece by
 * piece it would be a tree of pieces, which every later read (matching reads each address) first copies flat.
 */
function joined(parts: readonly (string | null | undefined)[], separator: string): string {
  const kept: string[] = [];
  for (const part of parts) {
    const p = clean(part);
    if (p !== '') kept.push(p);
  }
  return kept.join(separator);
}

function hasLine(a: XeroAddressJson): boolean {
  return [a.AddressLine1, a.AddressLine2, a.AddressLine3, a.AddressLine4].some((l) => clean(l) !== '');
}

function hasAnything(a: XeroAddressJson): boolean {
  return hasLine(a) || [a.City, a.Region, a.PostalCode, a.Country].some((l) => clean(l) !== '');
}

/** STREET if it has an address line, else POBOX if it has one, else the first address with anything in it. */
export function chooseAddress(addresses: readonly XeroAddressJson[]): XeroAddressJson | null {
  const ofType = (type: string) => addresses.find((a) => clean(a.AddressType).toUpperCase() === type && hasLine(a));
  return ofType('STREET') ?? ofType('POBOX') ?? addresses.find(hasAnything) ?? null;
}

/** Lines 1-4, City, Region and Country joined with ", " (blanks skipped; the postcode is kept apart). */
export function addressText(a: XeroAddressJson): string {
  return joined([a.AddressLine1, a.AddressLine2, a.AddressLine3, a.AddressLine4, a.City, a.Region, a.Country], ', ');
}

/** The DEFAULT phone when it has a number, else the first phone with a number. */
export function choosePhone(phones: readonly XeroPhoneJson[]): XeroPhoneJson | null {
  const withNumber = (p: XeroPhoneJson) => clean(p.PhoneNumber) !== '';
  return phones.find((p) => clean(p.PhoneType).toUpperCase() === 'DEFAULT' && withNumber(p)) ?? phones.find(withNumber) ?? null;
}

/** Country code, area code and number joined with spaces: "61 2 9999 0000". */
export function phoneText(p: XeroPhoneJson): string {
  return joined([p.PhoneCountryCode, p.PhoneAreaCode, p.PhoneNumber], ' ');
}

/** Name and AccountNumber are kept exactly as Xero holds them (matching normalises); other text is trimmed. */
export function toXeroContact(raw: XeroContactJson): XeroContact {
  return mapContact(raw, raw.UpdatedDateUTC);
}

function mapContact(raw: Omit<XeroContactJson, 'UpdatedDateUTC'>, updatedDateUtc: string | null | undefined): XeroContact {
  const address = chooseAddress(raw.Addresses ?? []);
  const phone = choosePhone(raw.Phones ?? []);
  return {
    contactId: raw.ContactID,
    name: raw.Name ?? '',
    accountNumber: raw.AccountNumber ?? '',
    status: raw.ContactStatus ?? 'ACTIVE',
    isCustomer: raw.IsCustomer ?? false,
    isSupplier: raw.IsSupplier ?? false,
    email: clean(raw.EmailAddress),
    phone: phone ? phoneText(phone) : '',
    address: address ? addressText(address) : '',
    postcode: address ? clean(address.PostalCode) : '',
    updatedDateUtc: updatedDateUtc ?? '',
    ...(clean(raw.MergedToContactID) === '' ? {} : { mergedToContactId: clean(raw.MergedToContactID) }),
  };
}

/**
 * The item's shape checked by a validator compiled ahead of time from XeroContactJson's own JSON Schema
 * (contact-shape-source.ts): some twenty times faster than zod on the valid items that make up a contacts
 * list; zod still reads the others and gives the messages. The ContactID and date checks that JSON Schema
 * cannot express are made in `XeroContactReader`.
 */
const validShape: (item: unknown) => boolean = validateContactShape;

/** Reads GET /Contacts items as `XeroContactJson.safeParse` then `toXeroContact` would, only faster (see validShape). */
export const XeroContactReader = {
  safeParse(item: unknown): { success: true; data: XeroContact } | { success: false; error: z.ZodError } {
    if (validShape(item)) {
      const raw = item as z.input<typeof XeroContactJson>;
      const updated = raw.UpdatedDateUTC == null ? raw.UpdatedDateUTC : parseXeroDate(raw.UpdatedDateUTC);
      if (raw.ContactID.trim() !== '' && (updated !== null || raw.UpdatedDateUTC == null))
        return { success: true, data: mapContact(raw, updated) };
    }
    const parsed = XeroContactJson.safeParse(item);
    return parsed.success ? { success: true, data: toXeroContact(parsed.data) } : parsed;
  },
};
