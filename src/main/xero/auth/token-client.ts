// Xero's identity service for a public (PKCE) client: the authorize URL, code exchange, refresh and revocation through
// openid-client (on the discovered endpoints, discovery.ts), and /connections (not OpenID) over fetch. Every request
// goes through one fetch of ours: a timeout, the caller's AbortSignal, network failures said in our words.
// Form bodies and tokens never reach an error message.
import * as oidc from 'openid-client';
import { z } from 'zod';
import { isLoopbackUrl } from '../address';
import type { XeroEndpoints } from '../endpoints';
import { XeroAddressError, XeroAuthError, XeroError, XeroNetworkError, describeBody } from '../errors';
import { configurationFor, discover, type IdentityFetch } from './discovery';
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

export interface AuthorizeRequest {
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** The S256 challenge of the PKCE verifier (oidc.calculatePKCECodeChallenge). */
  challenge: string;
  signal?: AbortSignal;
}

export interface TokenClient {
  /** Xero's consent page for this sign-in. */
  authorizeUrl(r: AuthorizeRequest): Promise<string>;
  /** `code` and `state` as the redirect brought them (the listener has checked the state already). */
  exchangeCode(p: { code: string; state: string; redirectUri: string; verifier: string; signal?: AbortSignal }): Promise<TokenResponse>;
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

/** `p`, or the caller's abort reason as soon as the caller stops waiting (the discovery is shared by all callers). */
function abortable<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** openid-client's failure of a token or revocation call, as our error. */
async function identityError(what: string, e: unknown): Promise<Error> {
  const cause = e instanceof oidc.ClientError ? e.cause : undefined;
  if (e instanceof XeroError) return e;
  if (cause instanceof XeroError) return cause; // from our fetch: unreachable, timed out, or not an address for tokens
  if (e instanceof oidc.ResponseBodyError) {
    if (e.status >= 500) return new XeroNetworkError(`${what}: Xero's sign-in service answered ${e.status} (${e.error}). Try again later.`);
    return new XeroAuthError('oauth', `${what}: Xero refused it (${e.error}).`, e.error, e.error_description);
  }
  if (e instanceof oidc.WWWAuthenticateChallengeError) {
    const error = e.cause.find((c) => typeof c.parameters.error === 'string')?.parameters.error;
    return new XeroAuthError('oauth', `${what}: Xero refused it (${error ?? e.status}).`, error);
  }
  const status = cause instanceof Response ? cause.status : undefined;
  if (status !== undefined && status !== 200) {
    const said = describeBody(await readJson(cause as Response));
    if (status >= 500 || (status !== 400 && status !== 401))
      return new XeroNetworkError(`${what}: Xero's sign-in service answered ${status}${said ? ` (${said})` : ''}. Try again later.`);
    return new XeroAuthError('oauth', `${what}: Xero refused it (${status}).`);
  }
  if (e instanceof oidc.ClientError && e.code === 'OAUTH_HTTP_REQUEST_FORBIDDEN')
    return new XeroAddressError(`${what}: Xero's sign-in service named a plain-http address; nothing was sent there.`);
  return new XeroAuthError('oauth', `${what}: Xero's answer was not a token response.`);
}

export function createTokenClient(o: TokenClientOptions): TokenClient {
  const doFetch = o.fetch ?? globalThis.fetch;
  const timeoutMs = o.timeoutMs ?? 30_000;

  /** Our fetch for one call: plain http only to loopback, the timeout and `signal`, network failures said plainly. */
  const fetchFor =
    (what: string, signal?: AbortSignal): IdentityFetch =>
    async (url, init) => {
      const host = new URL(url).host;
      if (new URL(url).protocol !== 'https:' && !isLoopbackUrl(url))
        throw new XeroAddressError(`${what}: ${host} is neither Xero (https) nor a stand-in on this computer; nothing was sent there.`);
      try {
        const res = await doFetch(url, { ...init, signal: signalFor(timeoutMs, signal) });
        // Read whole here: an answer that breaks off is a network failure, not a malformed answer.
        const body = res.status === 204 || res.status === 304 ? null : await res.arrayBuffer();
        return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        const reason = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
        throw new XeroNetworkError(`${what}: could not reach Xero (${host}: ${reason}). Check the network and try again.`);
      }
    };

  /** openid-client's configuration on the discovered endpoints, for one call. */
  async function configure(what: string, signal?: AbortSignal): Promise<oidc.Configuration> {
    const metadata = await abortable(discover(o.endpoints.identityUrl, o.clientId, fetchFor(what), what), signal);
    return configurationFor(metadata, o.clientId, fetchFor(what, signal));
  }

  /** Runs one openid-client call; its failure becomes ours (or the caller's abort reason). */
  async function identityCall<T>(what: string, signal: AbortSignal | undefined, call: (c: oidc.Configuration) => Promise<T>): Promise<T> {
    const config = await configure(what, signal);
    try {
      return await call(config);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw await identityError(what, e);
    }
  }

  const tokenResponse = (what: string, answer: unknown): TokenResponse => {
    const parsed = TokenResponse.safeParse(answer);
    if (!parsed.success) throw new XeroAuthError('oauth', `${what}: Xero's answer was not a token response.`);
    return parsed.data;
  };

  return {
    async authorizeUrl({ redirectUri, scopes, state, challenge, signal }) {
      const config = await configure('Starting the Xero sign-in', signal);
      const parameters = {
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      };
      return oidc.buildAuthorizationUrl(config, parameters).href;
    },

    async exchangeCode({ code, state, redirectUri, verifier, signal }) {
      const what = 'Finishing the Xero sign-in';
      const callback = new URL(redirectUri);
      callback.searchParams.set('code', code);
      callback.searchParams.set('state', state);
      const answer = await identityCall(what, signal, (c) =>
        oidc.authorizationCodeGrant(c, callback, { pkceCodeVerifier: verifier, expectedState: state }),
      );
      return tokenResponse(what, answer);
    },

    async refresh(refreshToken, signal) {
      const what = 'Refreshing Xero access';
      return tokenResponse(what, await identityCall(what, signal, (c) => oidc.refreshTokenGrant(c, refreshToken)));
    },

    async revoke(refreshToken, signal) {
      await identityCall('Disconnecting from Xero', signal, (c) => oidc.tokenRevocation(c, refreshToken));
    },

    async connections(accessToken, signal) {
      const headers = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
      const res = await fetchFor('Listing Xero organisations', signal)(o.endpoints.connectionsUrl, { headers });
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
