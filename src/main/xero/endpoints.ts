// Where Xero lives: production URLs, or a sandbox on loopback that serves the same paths under one base URL.

export interface XeroEndpoints {
  /** Xero's identity service, an OpenID provider: its discovery document names the authorize, token and revocation endpoints. */
  identityUrl: string;
  /** The token endpoint that tokens are bound to (StoredTokens.issuer): they are only ever sent back to this Xero. */
  tokenUrl: string;
  /** GET the tenants connected to the app (Bearer only, no tenant header). */
  connectionsUrl: string;
  /** xero-node's AccountingApi basePath. */
  apiBaseUrl: string;
}

/** What a workspace records as its Xero base URL when it talks to the real Xero. */
export const XERO_PRODUCTION_URL = 'https://api.xero.com';

export const XERO_PRODUCTION: XeroEndpoints = {
  identityUrl: 'https://identity.xero.com',
  tokenUrl: 'https://identity.xero.com/connect/token',
  connectionsUrl: 'https://api.xero.com/connections',
  apiBaseUrl: 'https://api.xero.com/api.xro/2.0',
};

/**
 * The narrowest granular scopes the product needs (apps created from 2 March 2026 get no broad ones): contacts read
 * and write (sync and push), invoices and credit notes read (accounting.invoices.read covers both), and
 * offline_access for a refresh token. No openid (no id token is read) and no accounting.settings (no /Organisation).
 */
export const XERO_SCOPES = ['offline_access', 'accounting.contacts', 'accounting.invoices.read'] as const;

/** Xero apps created on or after this day may use granular scopes only (developer.xero.com/faq/granular-scopes). */
export const GRANULAR_SCOPES_DAY = '2 March 2026';

/** What each scope lets the product do, in a bookkeeper's words. */
export const SCOPE_PURPOSE: Record<(typeof XERO_SCOPES)[number], string> = {
  offline_access: 'stay connected between syncs',
  'accounting.contacts': 'read and correct contacts',
  'accounting.invoices.read': 'read invoices and credit notes',
};

/** The public (PKCE) client id of the sandbox, and the loopback redirect it registers. */
export const DEV_CLIENT_ID = 'reconciler-dev';
export const DEFAULT_REDIRECT_PORT = 53682;
export const REDIRECT_PATH = '/callback';

/** "https://host/" → "https://host"; refuses anything that is not an absolute http(s) URL. */
export function normaliseBaseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new Error(`"${url}" is not a URL: give the Xero base URL, e.g. http://127.0.0.1:4010 for a sandbox.`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`"${url}" must start with http:// or https://.`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

export function isProduction(baseUrl: string | undefined): boolean {
  return baseUrl === undefined || baseUrl === '' || normaliseBaseUrl(baseUrl) === XERO_PRODUCTION_URL;
}

/** Production for Xero's own URL (or none); otherwise a sandbox serving /identity, /connections and /api.xro/2.0. */
export function endpointsFor(baseUrl?: string): XeroEndpoints {
  if (isProduction(baseUrl)) return XERO_PRODUCTION;
  const base = normaliseBaseUrl(baseUrl!);
  return {
    identityUrl: `${base}/identity`,
    tokenUrl: `${base}/identity/connect/token`,
    connectionsUrl: `${base}/connections`,
    apiBaseUrl: `${base}/api.xro/2.0`,
  };
}
