// The whole PKCE sign-in: listen on the loopback redirect, send the browser to Xero's consent page, take the code
// (state checked), exchange it with the verifier, and list the organisations the user connected. A refused scope
// comes back explained (scope-refusal.ts). The verifier, its S256 challenge and the state are openid-client's.
import * as oidc from 'openid-client';
import { systemClock, type Clock } from '../clock';
import { REDIRECT_PATH, XERO_SCOPES, type XeroEndpoints } from '../endpoints';
import { XeroAuthError } from '../errors';
import { explainScopeRefusal, SCOPE_ERRORS } from './scope-refusal';
import { startCallbackListener } from './loopback-listener';
import type { TokenClient, XeroConnection } from './token-client';
import { toStoredTokens, type StoredTokens } from './token-set';

/** Shows Xero's consent page to the user: the system browser, or (headless, sandbox) a fetch that follows the redirect. */
export type OpenBrowser = (url: string, redirectUri: string) => Promise<void> | void;

export interface SignInOptions {
  endpoints: XeroEndpoints;
  clientId: string;
  /** The registered redirect port (http://localhost:PORT/callback); 0 = any free port (sandbox only). */
  redirectPort: number;
  tokenClient: TokenClient;
  openBrowser: OpenBrowser;
  scopes?: readonly string[];
  signal?: AbortSignal;
  /** How long to wait for the user at Xero (default 5 minutes). */
  timeoutMs?: number;
  clock?: Clock;
}

export interface SignInResult {
  tokens: StoredTokens;
  connections: XeroConnection[];
  redirectUri: string;
}

export async function signIn(o: SignInOptions): Promise<SignInResult> {
  try {
    return await signInOnce(o);
  } catch (e) {
    // At the consent step or the code exchange: a scope this app may not ask for, explained so it can be fixed.
    if (e instanceof XeroAuthError && e.oauthError && SCOPE_ERRORS.has(e.oauthError)) {
      const message = explainScopeRefusal({
        error: e.oauthError,
        description: e.oauthDescription,
        clientId: o.clientId,
        asked: o.scopes ?? XERO_SCOPES,
      });
      throw new XeroAuthError('scope', message, e.oauthError, e.oauthDescription);
    }
    throw e;
  }
}

async function signInOnce(o: SignInOptions): Promise<SignInResult> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const listener = await startCallbackListener({
    port: o.redirectPort,
    path: REDIRECT_PATH,
    state,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
  });
  try {
    const url = await o.tokenClient.authorizeUrl({
      redirectUri: listener.redirectUri,
      scopes: o.scopes ?? XERO_SCOPES,
      state,
      challenge: await oidc.calculatePKCECodeChallenge(verifier),
      signal: o.signal,
    });
    await Promise.race([listener.code.then(() => undefined), Promise.resolve(o.openBrowser(url, listener.redirectUri))]);
    const code = await listener.code;
    const response = await o.tokenClient.exchangeCode({
      code,
      state,
      redirectUri: listener.redirectUri,
      verifier,
      signal: o.signal,
    });
    const tokens = toStoredTokens(response, (o.clock ?? systemClock).now(), o.endpoints.tokenUrl);
    const connections = await o.tokenClient.connections(tokens.accessToken, o.signal);
    return { tokens, connections, redirectUri: listener.redirectUri };
  } finally {
    await listener.close();
  }
}
