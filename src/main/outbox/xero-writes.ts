// The two Accounting calls the outbox makes, through the shared client (its rate limiter and retries): read
// contacts by id (at most 50 per call) and POST /Contacts with summarizeErrors=false and an Idempotency-Key.
import type { AccountingApi, Contact } from 'xero-node';
import type { XeroAccountingClient } from '../xero/api/accounting-client';
import { XeroNetworkError } from '../xero/errors';
import type { Json } from './model';

/** Xero recommends batches of up to 50; more than about 52 IDs in one GET was observed to fail. */
export const MAX_BATCH = 50;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const contactsOf = (data: unknown): Json[] | undefined => {
  const list = isRecord(data) ? data.Contacts : undefined;
  return Array.isArray(list) && list.every(isRecord) ? list : undefined;
};

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The contacts as Xero holds them now (archived too), by lower-case ContactID. Unknown ids are absent. */
export async function readContacts(client: XeroAccountingClient, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Json>> {
  const out = new Map<string, Json>();
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  for (const part of chunks(unique, MAX_BATCH)) {
    const { data } = await client.call(
      `GET /Contacts (${part.length} by id)`,
      (api: AccountingApi) => api.getContacts(client.tenantId, undefined, undefined, undefined, part, undefined, true),
      { signal, validate: (d) => contactsOf(d) !== undefined },
    );
    for (const c of contactsOf(data) ?? []) if (typeof c.ContactID === 'string') out.set(c.ContactID.toLowerCase(), c);
  }
  return out;
}

export interface ElementResult {
  contactId: string;
  ok: boolean;
  /** The element as Xero returned it (the saved contact with its new UpdatedDateUTC, or the echo with errors). */
  element: Json;
  /** Xero's validation messages, as they are. */
  messages: string[];
}

/** PascalCase element → xero-node's model (its serializer writes the PascalCase JSON back, fields in a fixed order). */
function toModel(e: Json): Contact {
  const c: Contact = { contactID: String(e.ContactID) };
  if (typeof e.Name === 'string') c.name = e.Name;
  if (typeof e.AccountNumber === 'string') c.accountNumber = e.AccountNumber;
  // xero-node's enum values are the strings themselves ('ACTIVE', …); a type-only import keeps xero-node lazy.
  if (typeof e.ContactStatus === 'string') c.contactStatus = e.ContactStatus as unknown as Contact.ContactStatusEnum;
  return c;
}

function messagesOf(e: Json): string[] {
  const errors = Array.isArray(e.ValidationErrors) ? e.ValidationErrors : [];
  return errors
    .filter(isRecord)
    .map((v) => String(v.Message ?? ''))
    .filter((m) => m !== '');
}

/**
 * POST /Contacts?summarizeErrors=false with the Idempotency-Key: Xero answers 200 with every element, failed ones
 * flagged. A broken connection is retried by the client with the same key (Xero replays its first answer).
 */
export async function postContacts(
  client: XeroAccountingClient,
  elements: readonly Json[],
  idempotencyKey: string,
  label: string,
): Promise<ElementResult[]> {
  const { data } = await client.call(
    label,
    (api: AccountingApi) => api.updateOrCreateContacts(client.tenantId, { contacts: elements.map(toModel) }, false, idempotencyKey),
    { idempotent: true, validate: (d) => contactsOf(d) !== undefined },
  );
  const returned = contactsOf(data) ?? [];
  if (returned.length !== elements.length) {
    throw new XeroNetworkError(
      `${label}: Xero answered with ${returned.length} contacts for ${elements.length} sent; the push stops here and checks them next time.`,
    );
  }
  return elements.map((sent, i) => {
    const e = returned[i]!;
    const failed = e.HasValidationErrors === true || e.StatusAttributeString === 'ERROR';
    return { contactId: String(sent.ContactID), ok: !failed, element: e, messages: failed ? messagesOf(e) : [] };
  });
}
