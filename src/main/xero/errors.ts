// The errors the Xero client raises, and the parser for xero-node's rejections (a JSON *string*, xero-facts.md §1).
// Messages never carry tokens: only statuses, Xero's own error text and our advice.

/** Base of every Xero or network failure (the CLI exits with code 5 for these). */
export class XeroError extends Error {
  override readonly name: string = 'XeroError';
}

/** The headers that steer retries and rate limiting, as numbers where they are numbers. */
export interface RateHeaders {
  retryAfterSeconds?: number;
  rateLimitProblem?: string;
  minRemaining?: number;
  dayRemaining?: number;
  appMinRemaining?: number;
}

/** Xero answered with an error status. `validationMessages` are Xero's own (e.g. "Invoice # must be unique."). */
export class XeroApiError extends XeroError {
  override readonly name = 'XeroApiError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
    readonly validationMessages: string[] = [],
    readonly headers: RateHeaders = {},
  ) {
    super(message);
  }
}

/** Xero could not be reached, or the connection broke before a whole answer arrived. */
export class XeroNetworkError extends XeroError {
  override readonly name = 'XeroNetworkError';
}

/** Xero answered 2xx, on every try, with an empty answer or one without what was asked for (no Contacts list). */
export class XeroEmptyAnswerError extends XeroError {
  override readonly name = 'XeroEmptyAnswerError';
}

/** Xero's answer contradicts itself or the request (a page that does not fit its own `pagination`). */
export class XeroPagingError extends XeroError {
  override readonly name = 'XeroPagingError';
}

/** `scope`: Xero refused a call or a sign-in because the connection lacks (or the app may not ask for) a permission. */
export type XeroAuthCode = 'reconnect' | 'denied' | 'timeout' | 'oauth' | 'not_connected' | 'scope';

/** Failures a new sign-in to the same organisation cures: the UI offers "Reconnect to Xero". */
export const RECONNECTABLE: ReadonlySet<XeroAuthCode> = new Set(['reconnect', 'not_connected', 'scope']);

/** Xero ends a sign-in after 60 days unused (xero-facts.md item 28), or when the app is disconnected in Xero. */
export const RECONNECT_MESSAGE =
  "Xero has ended this app's sign-in (Xero does so after 60 days without a sync, or when the app is disconnected in Xero). Nothing in the workspace is lost: reconnect to Xero";

/** Sign-in or authorisation failed; `code` says what the user can do about it. */
export class XeroAuthError extends XeroError {
  override readonly name = 'XeroAuthError';
  constructor(
    readonly code: XeroAuthCode,
    message: string,
    /** The OAuth error code from the token endpoint (invalid_grant, …), when there is one. */
    readonly oauthError?: string,
    /** The OAuth error_description Xero sent with it, when it sent one. */
    readonly oauthDescription?: string,
  ) {
    super(message);
  }

  /** `hint` is how to reconnect, e.g. "reconciler connect --workspace books.reconciler". */
  static reconnect(hint = 'reconciler connect …'): XeroAuthError {
    return new XeroAuthError('reconnect', `${RECONNECT_MESSAGE} (${hint})`);
  }
}

/** Xero's daily (or a very long) rate limit: waiting is not sensible now. */
export class XeroRateLimitError extends XeroError {
  override readonly name: string = 'XeroRateLimitError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/**
 * Xero's day budget for the organisation: spent (a 429 with X-Rate-Limit-Problem: day), or too small for the work,
 * which was then not started. Nothing is retried; `resetAtMs` is when the work can run (`exact`: Xero said so).
 */
export class XeroDayBudgetError extends XeroRateLimitError {
  override readonly name = 'XeroDayBudgetError';
  constructor(
    message: string,
    retryAfterMs: number,
    readonly resetAtMs: number,
    readonly exact: boolean,
    /** False: refused before anything was sent; true: stopped by Xero midway. */
    readonly stopped: boolean,
  ) {
    super(message, retryAfterMs);
  }
}

/** What a rejected xero-node call tells us. `network` = no (whole) HTTP answer: unreachable, reset, cut, timed out. */
export interface XeroFailure {
  status: number;
  body: unknown;
  headers: RateHeaders;
  network: boolean;
  /** A whole 2xx answer arrived, but empty or without the expected data (the call's `validate` refused it). */
  unusable?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Reads Retry-After and X-*Limit-* from a header bag (any key case; axios lower-cases them). */
export function rateHeaders(headers: unknown): RateHeaders {
  if (!isRecord(headers)) return {};
  const get = (name: string): unknown => {
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  const problem = get('x-rate-limit-problem');
  const out: RateHeaders = {
    retryAfterSeconds: num(get('retry-after')),
    rateLimitProblem: typeof problem === 'string' ? problem : undefined,
    minRemaining: num(get('x-minlimit-remaining')),
    dayRemaining: num(get('x-daylimit-remaining')),
    appMinRemaining: num(get('x-appminlimit-remaining')),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as RateHeaders;
}

/**
 * Parses what xero-node rejects with: a JSON string of `{response:{statusCode, body, headers}, body}`.
 * Status 0 means no answer; a 2xx status in a rejection means the body broke off (a cut connection).
 */
export function parseXeroNodeRejection(reason: unknown): XeroFailure {
  if (reason instanceof Error) return { status: 0, body: reason.message, headers: {}, network: false };
  let value: unknown = reason;
  if (typeof reason === 'string') {
    try {
      value = JSON.parse(reason);
    } catch {
      return { status: 0, body: reason, headers: {}, network: true };
    }
  }
  const response = isRecord(value) && isRecord(value.response) ? value.response : undefined;
  const status = num(response?.statusCode) ?? 0;
  const body = response && 'body' in response ? response.body : isRecord(value) ? value.body : value;
  return { status, body, headers: rateHeaders(response?.headers), network: status === 0 || (status >= 200 && status < 300) };
}

/** Xero's own messages in a ValidationException (each element's ValidationErrors), de-duplicated, in order. */
export function validationMessages(body: unknown): string[] {
  if (!isRecord(body)) return [];
  const out: string[] = [];
  const add = (errors: unknown): void => {
    if (!Array.isArray(errors)) return;
    for (const e of errors) if (isRecord(e) && typeof e.Message === 'string' && !out.includes(e.Message)) out.push(e.Message);
  };
  if (Array.isArray(body.Elements)) for (const el of body.Elements) if (isRecord(el)) add(el.ValidationErrors);
  add(body.ValidationErrors);
  return out;
}

/** One line saying what Xero said: validation messages, problem-details Title/Detail, Message, or (short) text. */
export function describeBody(body: unknown): string {
  const messages = validationMessages(body);
  if (messages.length > 0) return messages.join('; ');
  if (isRecord(body)) {
    if (typeof body.Detail === 'string' || typeof body.Title === 'string')
      return [body.Title, body.Detail].filter((s) => typeof s === 'string' && s !== '').join(': ');
    if (typeof body.Message === 'string') return body.Message;
    if (typeof body.error === 'string') return body.error;
  }
  if (typeof body === 'string') {
    const text = body
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  return '';
}

/**
 * Xero's HighVolumeException (400): in a very large organisation it will not run a `where` or `order` outside its
 * optimised list. The app asks only for optimised ones (api/list-pages.ts), so this means Xero changed its list.
 */
export function highVolumeAdvice(body: unknown): string | undefined {
  if (!isRecord(body) || body.Type !== 'HighVolumeException') return undefined;
  const message = typeof body.Message === 'string' ? body.Message : '';
  const kind = /filtering (\w+) efficiently/
    .exec(message)?.[1]
    ?.replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const said = message ? ` (Xero said: "${message}")` : '';
  return `Xero would not list ${kind ? `the ${kind}` : 'these records'}: the organisation holds too many for the way the app asked. Nothing is wrong with your books and nothing in Xero was changed. Please report this message: the app needs an update to ask in a way Xero accepts.${said}`;
}

/** A XeroApiError or XeroNetworkError for a failed call; `what` names the call, e.g. "GET /Contacts page 3". */
export function toXeroError(failure: XeroFailure, what: string): XeroApiError | XeroNetworkError | XeroEmptyAnswerError {
  if (failure.unusable)
    return new XeroEmptyAnswerError(
      `${what}: Xero answered ${failure.status}, but the answer was empty or incomplete on every try. Try again in a while.`,
    );
  const advice = highVolumeAdvice(failure.body);
  if (advice) return new XeroApiError(failure.status, failure.body, `${what}: ${advice}`, [], failure.headers);
  const said = describeBody(failure.body);
  if (failure.status === 0 && !failure.network) return new XeroNetworkError(`${what}: the request could not be made (${said})`);
  if (failure.network) {
    return new XeroNetworkError(
      `${what}: could not reach Xero or the answer broke off${said ? ` (${said})` : ''}. Check the network and try again.`,
    );
  }
  const text = `${what}: Xero answered ${failure.status}${said ? `: ${said}` : ''}`;
  return new XeroApiError(failure.status, failure.body, text, validationMessages(failure.body), failure.headers);
}

/** A workspace names a Xero address that tokens may not be sent to, or that its tokens did not come from. Nothing was sent. */
export class XeroAddressError extends XeroError {
  override readonly name = 'XeroAddressError';
}
