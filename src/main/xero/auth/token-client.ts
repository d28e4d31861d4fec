// Xero's identity endpoints for a public (PKCE) client, with fetch: code exchange, refresh, revocation, connections.
// Form bodies and tokens never reach an error message.
import { z } from 'zod';
import type { XeroEndpoints } from '../endpoints';
import { XeroAuthError, XeroNetworkError, describeBody } from '../errors';
import { TokenResponse } from './token-set';

export const XeroConnection = z.looseObject({
  id: z.string(),
  tenantId: z.string(),
  tenantType: z.string().default('ORGANISATION'),
  tenantName: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  authEventId: z.string().optional(),
  createdDateUtc: z.string().optional(),
  updatedDateUtc: z.string().optional(),
});
export type XeroConnection = z.infer<typeof XeroConnection>;

export interface TokenClient {
  exchangeCode(p: { code: string; redirectUri: string; verifier: string; signal?: AbortSignal }): Promise<TokenResponse>;
  refresh(refreshToken: string, signal?: AbortSignal): Promise<TokenResponse>;
  /** Revokes the grant behind a refresh token (Xero then drops every connection of this user to the app). */
  revoke(refreshToken: string, signal?: AbortSignal): Promise<void>;
  connections(accessToken: string, signal?: AbortSignal): Promise<XeroConnection[]>;
}

export interface TokenClientOptions {
  endpoints: XeroEndpoints;
  clientId: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

const signalFor = (timeoutMs: number, signal?: AbortSignal): AbortSignal =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

export function createTokenClient(o: TokenClientOptions): TokenClient {
  const doFetch = o.fetch ?? globalThis.fetch;
  const timeoutMs = o.timeoutMs ?? 30_000;

  async function send(what: string, url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: signalFor(timeoutMs, signal) });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      const reason = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new XeroNetworkError(`${what}: could not reach Xero (${new URL(url).host}: ${reason}). Check the network and try again.`);
    }
  }

  async function tokenCall(what: string, form: Record<string, string>, signal?: AbortSignal): Promise<TokenResponse> {
    const body = new URLSearchParams({ ...form, client_id: o.clientId });
    const res = await send(what, o.endpoints.tokenUrl, { method: 'POST', body, headers: { Accept: 'application/json' } }, signal);
    const json = await readJson(res);
    if (!res.ok) {
      const error = json && typeof json === 'object' && 'error' in json && typeof json.error === 'string' ? json.error : undefined;
      if (res.status >= 500 || (!error && res.status !== 400 && res.status !== 401)) {
        throw new XeroNetworkError(
          `${what}: Xero's sign-in service answered ${res.status}${describeBody(json) ? ` (${describeBody(json)})` : ''}. Try again later.`,
        );
      }
      throw new XeroAuthError('oauth', `${what}: Xero refused it (${error ?? res.status}).`, error);
    }
    const parsed = TokenResponse.safeParse(json);
    if (!parsed.success) throw new XeroAuthError('oauth', `${what}: Xero's answer was not a token response.`);
    return parsed.data;
  }

  return {
    exchangeCode: ({ code, redirectUri, verifier, signal }) =>
      tokenCall(
        'Finishing the Xero sign-in',
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
        signal,
      ),

    refresh: (refreshToken, signal) =>
      tokenCall('Refreshing Xero access', { grant_type: 'refresh_token', refresh_token: refreshToken }, signal),

    async revoke(refreshToken, signal) {
      const body = new URLSearchParams({ token: refreshToken, client_id: o.clientId });
      const res = await send('Disconnecting from Xero', o.endpoints.revocationUrl, { method: 'POST', body }, signal);
      if (!res.ok) {
        const json = await readJson(res);
        throw new XeroAuthError('oauth', `Disconnecting from Xero: the revocation was refused (${describeBody(json) || res.status}).`);
      }
      await res.body?.cancel();
    },

    async connections(accessToken, signal) {
      const headers = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
      const res = await send('Listing Xero organisations', o.endpoints.connectionsUrl, { headers }, signal);
      const json = await readJson(res);
      if (res.status === 401 || res.status === 403) throw XeroAuthError.reconnect();
      if (!res.ok)
        throw new XeroNetworkError(
          `Listing Xero organisations: Xero answered ${res.status}${describeBody(json) ? ` (${describeBody(json)})` : ''}.`,
        );
      const parsed = z.array(XeroConnection).safeParse(json);
      if (!parsed.success) throw new XeroNetworkError("Listing Xero organisations: Xero's answer was not a list of connections.");
      return parsed.data;
    },
  };
}
