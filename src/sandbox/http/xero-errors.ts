// Xero's error bodies, verbatim where the facts sheet has them (docs/xero-facts.md §1, §2, §5).
import { newId } from '../util/ids.js';
import { usDateTime } from '../util/ms-date.js';
import type { Collection, Json } from '../types.js';

/** The problem-details shape Xero's API gateway uses for 401/403 (and, unconfirmed, other gateway errors). */
export function problem(status: number, title: string, detail: string): Json {
  return { Type: null, Title: title, Status: status, Detail: detail, Instance: newId(), Extensions: {} };
}

export const tokenExpired = (expiredMs: number): Json =>
  problem(401, 'Unauthorized', `TokenExpired: token expired at ${usDateTime(expiredMs)}`);
export const authenticationUnsuccessful401 = (): Json => problem(401, 'Unauthorized', 'AuthenticationUnsuccessful');
/** Missing scope (reported as 401 AuthorizationUnsuccessful, Xero-NetStandard#298). */
export const authorizationUnsuccessful = (): Json => problem(401, 'Unauthorized', 'AuthorizationUnsuccessful');
/** Missing, unknown or unconnected xero-tenant-id. */
export const forbiddenTenant = (): Json => problem(403, 'Forbidden', 'AuthenticationUnsuccessful');

export function validationException(elements: Json[]): Json {
  return { ErrorNumber: 10, Type: 'ValidationException', Message: 'A validation exception occurred', Elements: elements };
}

/** Empty body. `entity` is e.g. "Contact" or "Invoice". */
export function noDataProcessed(entity: string): Json {
  return {
    ErrorNumber: 17,
    Type: 'NoDataProcessedException',
    Message: `No data has been processed for this endpoint. This endpoint is expecting ${entity} data to be specifed in the request body.`,
  };
}

/** Malformed JSON (shape unconfirmed). */
export function postDataInvalid(entity: string): Json {
  return { ErrorNumber: 14, Type: 'PostDataInvalidException', Message: `JSON for ${entity} could not be deserialised` };
}

/** A `where` that does not parse (shape unconfirmed). */
export function queryParseException(message: string): Json {
  return { ErrorNumber: 16, Type: 'QueryParseException', Message: message };
}

const NOUN: Record<Collection, [string, string]> = {
  Contacts: ['Contacts', 'Contact'],
  Invoices: ['Invoices', 'Invoice'],
  CreditNotes: ['CreditNotes', 'CreditNote'],
};

/**
 * A list Xero will not run in an organisation this large (400). Contacts' and Invoices' texts are Xero's
 * (XeroAPI/xero-python#148, freakboy3742/pyxero#373); the CreditNotes wording and the ErrorNumber (51, reported in
 * XeroAPI/Xero-NetStandard#604) follow the same pattern, unconfirmed.
 */
export function highVolumeException(coll: Collection): Json {
  const [many, one] = NOUN[coll];
  return {
    ErrorNumber: 51,
    Type: 'HighVolumeException',
    Message: `Your request is not filtering ${many} efficiently, given the extremely high volume for this organisation. Please check https://developer.xero.com/documentation/api/efficient-data-retrieval for tips on making ${one} retrieval more efficient.`,
  };
}

export const idempotencyMismatch = (key: string): Json =>
  problem(400, 'Bad Request', `Idempotency Key: ${key} is used with a different request.`);
export const idempotencyKeyTooLong = (): Json => problem(400, 'Bad Request', 'Idempotency Key must be 128 characters or less.');

export const tooManyRequests = (): Json => problem(429, 'Too Many Requests', 'Rate limit exceeded');

/** Body of a 404 from the Accounting API (plain text). */
export const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";

export const serverError = (): Json =>
  problem(
    500,
    'An error occurred',
    'An error occurred in Xero. Check the API Status page http://status.developer.xero.com for current service status. Contact the API support team at api@xero.com for more assistance.',
  );

export const MAINTENANCE_TEXT = 'The Xero API is currently offline for maintenance';

/** OAuth 2.0 token-endpoint errors: `{"error":"invalid_grant"}` etc. */
export const oauthError = (error: string): Json => ({ error });
