// PKCE (S256) and redirect-URI rules for the authorize and token endpoints.
import { createHash } from 'node:crypto';
import type { ClientConfig } from '../types.js';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  return typeof verifier === 'string' && VERIFIER.test(verifier) && s256(verifier) === challenge;
}

/** Exact match (scheme, host, port, path); with loopbackAnyPort, http://localhost on any port with a registered path. */
export function redirectAllowed(client: ClientConfig, uri: string | undefined): boolean {
  if (!uri) return false;
  if (client.redirectUris.includes(uri)) return true;
  if (!client.loopbackAnyPort) return false;
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' || u.hostname !== 'localhost' || u.hash !== '' || u.username !== '') return false;
  return client.redirectUris.some((r) => {
    const reg = new URL(r);
    return reg.hostname === 'localhost' && reg.pathname === u.pathname && reg.search === u.search;
  });
}

const SCOPE =
  /^(openid|profile|email|offline_access|(accounting|payroll|assets|projects|files|bankfeeds|finance|paymentservices)\.[a-z.]+)$/;

export function parseScopes(scope: string | undefined): { scopes: string[]; valid: boolean } {
  const scopes = (scope ?? '').split(/\s+/).filter(Boolean);
  return { scopes, valid: scopes.length > 0 && scopes.every((s) => SCOPE.test(s)) };
}
