// Public types of the Xero sandbox: limits, options, and the JSON shapes it stores.

/** Every tunable number. Windows are configurable so tests can compress a minute into a second. */
export interface Limits {
  /** Per tenant: requests in flight at once. */
  concurrent: number;
  /** Per tenant: requests per minute window. */
  perMinute: number;
  /** Per tenant: requests per day window. */
  perDay: number;
  /** Per app (client id), across tenants: requests per minute window. */
  appPerMinute: number;
  minuteWindowMs: number;
  dayWindowMs: number;
  /** How long an Idempotency-Key's response is kept. */
  idempotencyTtlMs: number;
  /** Access token lifetime (Xero: 1800). */
  accessTokenTtlSeconds: number;
  /** Authorization code lifetime. */
  codeTtlMs: number;
  /** How long a rotated-out refresh token still works. Xero documents 30 minutes; the sandbox defaults to 0. */
  refreshGraceMs: number;
  /** A refresh token unused for this long dies (Xero: 60 days). */
  refreshIdleMs: number;
  defaultPageSize: number;
  maxPageSize: number;
  /**
   * Per tenant and collection: above this many contacts, invoices or credit notes, a list with a `where` or `order`
   * Xero has not optimised, or over this many records unpaged, is refused with HighVolumeException (Xero: 100,000).
   */
  highVolumeThreshold: number;
}

export const DEFAULT_LIMITS: Limits = {
  concurrent: 5,
  perMinute: 60,
  perDay: 5000,
  appPerMinute: 10_000,
  minuteWindowMs: 60_000,
  dayWindowMs: 86_400_000,
  idempotencyTtlMs: 6 * 60_000,
  accessTokenTtlSeconds: 1800,
  codeTtlMs: 5 * 60_000,
  refreshGraceMs: 0,
  refreshIdleMs: 60 * 86_400_000,
  defaultPageSize: 100,
  maxPageSize: 1000,
  highVolumeThreshold: 100_000,
};

export interface ClientConfig {
  clientId: string;
  redirectUris: string[];
  /** Also accept http://localhost:<any port><same path> for each registered localhost URI (RFC 8252 style). */
  loopbackAnyPort?: boolean;
  /** Set for a confidential client; PKCE (public) clients have none. */
  clientSecret?: string;
  /** Returned as ProviderName in Accounting envelopes. */
  name?: string;
  /**
   * When the app was registered in Xero's developer portal (YYYY-MM-DD). From GRANULAR_SCOPES_FROM on, an app may
   * ask only for granular scopes (accounting.invoices, …), not the broad accounting.transactions. Unset: a new app.
   */
  createdAt?: string;
  /**
   * The scopes Xero lets this app ask for (unset: every scope). Restricted scopes need Xero's approval; asking for
   * one the app does not have is refused with unauthorized_client ("Invalid scope for client").
   */
  allowedScopes?: string[];
}

/** Apps registered on or after this day get granular scopes only (developer.xero.com/faq/granular-scopes). */
export const GRANULAR_SCOPES_FROM = '2026-03-02';

export interface TenantConfig {
  tenantId?: string;
  tenantName: string;
  /** Seed folder for this tenant (contacts.json, invoices.json, credit-notes.json). */
  dataDir?: string;
  /** This organisation's calls a day, when not `limits.perDay` (Xero's Starter tier: 1,000). */
  perDay?: number;
  /** When its day window resets, UTC "HH:MM" (default: the time of its first call). */
  dayResetUtc?: string;
}

export interface SandboxOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Seed folder for the first tenant. */
  dataDir?: string;
  /** Skip the consent page: /authorize redirects at once, connecting every tenant. */
  autoApprove?: boolean;
  /** Milliseconds since the epoch; the admin API can advance it further. Default Date.now. */
  clock?: () => number;
  limits?: Partial<Limits>;
  /** Bearer token for /admin; random when omitted. */
  adminToken?: string;
  clients?: ClientConfig[];
  tenants?: TenantConfig[];
}

/** A JSON object as Xero sends it (PascalCase keys). */
export type Json = Record<string, unknown>;

/** One entity as stored: its id, creation order, last write time, and the Xero JSON (without UpdatedDateUTC). */
export interface Stored {
  id: string;
  seq: number;
  updatedMs: number;
  data: Json;
}

export type Collection = 'Contacts' | 'Invoices' | 'CreditNotes';
export const COLLECTIONS: readonly Collection[] = ['Contacts', 'Invoices', 'CreditNotes'];

export const ID_FIELD: Record<Collection, string> = {
  Contacts: 'ContactID',
  Invoices: 'InvoiceID',
  CreditNotes: 'CreditNoteID',
};

export const DEFAULT_CLIENT: ClientConfig = {
  clientId: 'reconciler-dev',
  redirectUris: ['http://localhost:53682/callback'],
  name: 'Cocoon Xero Reconciler',
  createdAt: '2026-03-16', // a new app: granular scopes only
};

export const DEMO_TENANT_ID = '3f1c7a52-8e0b-4c1d-9a6e-2b5d4f7e9c01';
export const DEMO_TENANT_NAME = 'Demo Company (AU)';
