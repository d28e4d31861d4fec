// PKCE (RFC 7636, S256) and the authorize URL (pure apart from the random source).
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  /** 43–128 characters of A-Z a-z 0-9 - . _ ~ (here 64 base64url characters). */
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function createPkce(random: (bytes: number) => Buffer = randomBytes): Pkce {
  const verifier = random(48).toString('base64url');
  return { verifier, challenge: challengeFor(verifier), method: 'S256' };
}

/** An unguessable `state` that ties the callback to this sign-in. */
export function createState(random: (bytes: number) => Buffer = randomBytes): string {
  return random(24).toString('base64url');
}

export interface AuthorizeRequest {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  challenge: string;
}

export function buildAuthorizeUrl(r: AuthorizeRequest): string {
  const url = new URL(r.authorizeUrl);
  const params = {
    response_type: 'code',
    client_id: r.clientId,
    redirect_uri: r.redirectUri,
    scope: r.scopes.join(' '),
    state: r.state,
    code_challenge: r.challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
