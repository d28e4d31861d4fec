// Which scopes an app may ask for. Apps registered from 2 March 2026 get granular scopes only: the broad
// accounting.transactions(.read) and accounting.reports.read are refused for them with invalid_scope (older apps may
// still mix). A scope outside what Xero enabled for the app is refused with unauthorized_client.
import { GRANULAR_SCOPES_FROM, type ClientConfig } from '../types.js';

/** The broad scopes the granular ones replace (developer.xero.com/faq/granular-scopes). */
export const BROAD_SCOPES: readonly string[] = ['accounting.transactions', 'accounting.transactions.read', 'accounting.reports.read'];

/** Scopes every app may ask for, whatever its registration allows. */
const ALWAYS = ['openid', 'profile', 'email', 'offline_access'];

export interface ScopeRefusal {
  error: 'invalid_scope' | 'unauthorized_client';
  description: string;
  scopes: string[];
}

/** True for an app registered on or after GRANULAR_SCOPES_FROM (or with no date: counted as new). */
export function isGranularOnly(client: ClientConfig): boolean {
  return client.createdAt === undefined || client.createdAt >= GRANULAR_SCOPES_FROM;
}

/** Why this app may not have these scopes, or undefined when it may. */
export function scopeRefusal(client: ClientConfig, scopes: readonly string[]): ScopeRefusal | undefined {
  const broad = isGranularOnly(client) ? scopes.filter((s) => BROAD_SCOPES.includes(s)) : [];
  if (broad.length > 0) {
    return {
      error: 'invalid_scope',
      scopes: broad,
      description: `Invalid scope for client: ${broad.join(', ')} is not available to apps created on or after ${GRANULAR_SCOPES_FROM}; use granular scopes such as accounting.invoices`,
    };
  }
  const allowed = client.allowedScopes;
  const outside = allowed ? scopes.filter((s) => !ALWAYS.includes(s) && !allowed.includes(s)) : [];
  if (outside.length > 0)
    return { error: 'unauthorized_client', scopes: outside, description: `Invalid scope for client: ${outside.join(', ')}` };
  return undefined;
}
