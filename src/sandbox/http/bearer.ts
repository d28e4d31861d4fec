// Resolves `Authorization: Bearer …` to a live access token, or to the 401 body Xero sends.
import type { SandboxState } from '../state/store.js';
import type { AccessRecord } from '../state/auth-store.js';
import type { Json } from '../types.js';
import { authenticationUnsuccessful401, tokenExpired } from './xero-errors.js';

export function bearer(state: SandboxState, header: string | undefined): AccessRecord | { error: Json } {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  const access = token ? state.auth.accessTokens.get(token) : undefined;
  if (!access || !state.auth.grants.has(access.grantId)) return { error: authenticationUnsuccessful401() };
  if (state.now() >= access.expiresMs) return { error: tokenExpired(access.expiresMs) };
  return access;
}
