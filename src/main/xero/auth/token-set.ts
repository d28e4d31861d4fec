// Token responses and the token set we keep (pure).
import { z } from 'zod';
import { XERO_PRODUCTION } from '../endpoints';

export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
  token_type: z.string(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** What the SecretStore holds for one workspace connection. */
export const StoredTokens = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Milliseconds since the epoch. */
  expiresAt: z.number(),
  scope: z.string().default(''),
  /** The token endpoint that issued them: they are only ever sent back to the Xero behind it (older records: Xero's). */
  issuer: z.string().min(1).default(XERO_PRODUCTION.tokenUrl),
});
export type StoredTokens = z.infer<typeof StoredTokens>;

/** Refresh this long before the access token expires (Xero's live 30 minutes). */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/** `issuer`: the token endpoint that answered. `previousRefresh` is kept if a refresh answer carries no new refresh token (Xero always rotates, but be safe). */
export function toStoredTokens(r: TokenResponse, nowMs: number, issuer: string, previousRefresh?: string): StoredTokens {
  const refreshToken = r.refresh_token ?? previousRefresh;
  if (!refreshToken) throw new Error('Xero issued no refresh token: the offline_access scope is missing');
  return { accessToken: r.access_token, refreshToken, expiresAt: nowMs + r.expires_in * 1000, scope: r.scope ?? '', issuer };
}

export function needsRefresh(t: StoredTokens, nowMs: number, aheadMs = REFRESH_AHEAD_MS): boolean {
  return nowMs >= t.expiresAt - aheadMs;
}

export function serialiseTokens(t: StoredTokens): string {
  return JSON.stringify(t);
}

/** undefined when the text is missing or not a token set (e.g. written by another version). */
export function parseStoredTokens(text: string | undefined): StoredTokens | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = StoredTokens.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
