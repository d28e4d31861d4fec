// Xero's identity service as the OpenID provider it is: its discovery document (<identity>/.well-known/openid-configuration),
// read with openid-client once per identity URL and kept for the life of the process (a failed read is tried again
// next time), and the openid-client Configuration for one call. Plain http is allowed only to a stand-in on loopback.
import * as oidc from 'openid-client';
import { z } from 'zod';
import { isLoopbackUrl } from '../address';
import { XeroError, XeroNetworkError } from '../errors';

/** What a call's fetch is: ours (timeout, cancellation, network errors in our words), handed to openid-client. */
export type IdentityFetch = (url: string, init: RequestInit) => Promise<Response>;

/** What the sign-in needs from the discovery document (openid-client itself checks `issuer`). */
const NeededMetadata = z.looseObject({
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  revocation_endpoint: z.url(),
  code_challenge_methods_supported: z
    .array(z.string())
    .refine((m) => m.includes('S256'), 'no S256 PKCE')
    .optional(),
});

const discovered = new Map<string, Promise<oidc.ServerMetadata>>();

/** http to 127.0.0.1/localhost only: a stand-in on this computer. Xero itself is https, which openid-client requires. */
export const plainHttpAllowed = (url: string): boolean => new URL(url).protocol === 'http:' && isLoopbackUrl(url);

const discoveryUrl = (identityUrl: string): string => `${identityUrl}/.well-known/openid-configuration`;

/** Xero's identity metadata (cached per identity URL). `what` names the action, for messages. */
export function discover(identityUrl: string, clientId: string, fetch: IdentityFetch, what: string): Promise<oidc.ServerMetadata> {
  let pending = discovered.get(identityUrl);
  if (!pending) {
    pending = readMetadata(identityUrl, clientId, fetch, what);
    discovered.set(identityUrl, pending);
    pending.catch(() => discovered.delete(identityUrl));
  }
  return pending;
}

async function readMetadata(identityUrl: string, clientId: string, fetch: IdentityFetch, what: string): Promise<oidc.ServerMetadata> {
  const where = discoveryUrl(identityUrl);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(new URL(identityUrl), clientId, undefined, oidc.None(), {
      [oidc.customFetch]: (url, init) => fetch(url, init as RequestInit),
      execute: plainHttpAllowed(identityUrl) ? [oidc.allowInsecureRequests] : [],
    });
  } catch (e) {
    const cause = e instanceof oidc.ClientError ? e.cause : undefined;
    if (e instanceof XeroError) throw e;
    if (cause instanceof XeroError) throw cause; // could not reach it: already said in our words
    const status = cause instanceof Response ? cause.status : undefined;
    if (status !== undefined && status >= 500)
      throw new XeroNetworkError(`${what}: Xero's sign-in service is not answering (${where} answered ${status}). Try again later.`);
    const said = status !== undefined ? `answered ${status}` : e instanceof Error ? e.message : String(e);
    throw notUsable(identityUrl, what, said);
  }
  const metadata = config.serverMetadata();
  const checked = NeededMetadata.safeParse(metadata);
  if (!checked.success) {
    const missing = checked.error.issues.map((i) => (i.path.length ? i.path.join('.') : i.message)).join(', ');
    throw notUsable(identityUrl, what, `its description lacks or misstates ${missing}`);
  }
  return metadata;
}

function notUsable(identityUrl: string, what: string, said: string): XeroError {
  const advice = plainHttpAllowed(identityUrl)
    ? `Check that ${new URL(identityUrl).origin} is the Xero stand-in (reconciler sandbox) and that it is running, then try again.`
    : "Try again later; if this goes on, Xero's sign-in address has changed and Reconciler needs an update.";
  return new XeroError(
    `${what}: Xero's sign-in service could not be used (${discoveryUrl(identityUrl)}: ${said}). Nothing was sent. ${advice}`,
  );
}

/** openid-client's view of Xero for one call: a public (PKCE) client, our fetch, its own timeout left to ours. */
export function configurationFor(metadata: oidc.ServerMetadata, clientId: string, fetch: IdentityFetch): oidc.Configuration {
  const config = new oidc.Configuration(metadata, clientId, undefined, oidc.None());
  config[oidc.customFetch] = (url, init) => fetch(url, init as RequestInit);
  config.timeout = 0; // the fetch carries the timeout and the caller's AbortSignal
  if (plainHttpAllowed(metadata.issuer)) oidc.allowInsecureRequests(config);
  return config;
}
