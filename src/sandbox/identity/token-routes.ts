// POST /connect/token (authorization_code with PKCE, refresh_token with rotation; scopes checked as at authorize),
// POST /connect/revocation,
// and OIDC discovery + JWKS.
import { Hono, type Context } from 'hono';
import type { SandboxState } from '../state/store.js';
import { SANDBOX_USER, type IssuedTokens } from '../state/auth-store.js';
import type { ClientConfig } from '../types.js';
import { sendJson, type SandboxEnv } from '../http/env.js';
import { oauthError } from '../http/xero-errors.js';
import { randomToken } from '../util/ids.js';
import { jwks, signJwt } from './jwt.js';
import { parseScopes, verifierMatches } from './pkce.js';
import { scopeRefusal } from './scope-policy.js';

type Form = Record<string, string>;

async function readForm(c: Context): Promise<Form> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

/** Client authentication: HTTP Basic or client_id (+ client_secret) in the body; a public client has no secret. */
function authenticate(state: SandboxState, c: Context, form: Form): ClientConfig | undefined {
  let id = form.client_id;
  let secret = form.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    [id, secret] = at < 0 ? [decoded, ''] : [decodeURIComponent(decoded.slice(0, at)), decodeURIComponent(decoded.slice(at + 1))];
  }
  const client = state.clients.get(id ?? '');
  if (!client || (client.clientSecret !== undefined && client.clientSecret !== secret)) return undefined;
  return client;
}

function tokenResponse(state: SandboxState, issuer: string, t: IssuedTokens): Record<string, unknown> {
  const nowS = Math.floor(state.now() / 1000);
  const idToken = t.grant.scopes.includes('openid')
    ? signJwt({
        nbf: nowS,
        exp: nowS + 300,
        iat: nowS,
        iss: issuer,
        aud: t.grant.clientId,
        sub: SANDBOX_USER.userId,
        auth_time: nowS,
        xero_userid: SANDBOX_USER.userId,
        global_session_id: randomToken(12),
        sid: randomToken(12),
        authentication_event_id: t.grant.authEventId,
        ...(t.grant.scopes.includes('email') ? { email: SANDBOX_USER.email, preferred_username: SANDBOX_USER.email } : {}),
        ...(t.grant.scopes.includes('profile') ? { given_name: SANDBOX_USER.givenName, family_name: SANDBOX_USER.familyName } : {}),
        ...(t.grant.nonce ? { nonce: t.grant.nonce } : {}),
      })
    : undefined;
  return {
    ...(idToken ? { id_token: idToken } : {}),
    access_token: t.access.token,
    expires_in: state.limits.accessTokenTtlSeconds,
    token_type: 'Bearer',
    ...(t.refresh ? { refresh_token: t.refresh.token } : {}),
    scope: t.grant.scopes.join(' '),
  };
}

export function tokenRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const issuerOf = (c: Context): string => `${new URL(c.req.url).origin}/identity`;
  const invalid = (c: Context, error: string): Response => sendJson(c, oauthError(error), 400, { 'Cache-Control': 'no-store' });

  app.post('/connect/token', async (c) => {
    const form = await readForm(c);
    const client = authenticate(state, c, form);
    if (!client) return invalid(c, 'invalid_client');
    let issued: IssuedTokens | undefined;
    if (form.grant_type === 'authorization_code') {
      const code = state.auth.codes.get(form.code ?? '');
      const usable = code && !code.used && code.expiresMs > state.now() && code.clientId === client.clientId;
      if (code) code.used = true; // one attempt per code, right or wrong
      const pkceOk = code && (code.codeChallenge === '' ? !!client.clientSecret : verifierMatches(form.code_verifier, code.codeChallenge));
      if (!usable || !pkceOk || code.redirectUri !== form.redirect_uri) return invalid(c, 'invalid_grant');
      issued = state.auth.createGrant(code);
    } else if (form.grant_type === 'refresh_token') {
      // A refresh may name scopes (RFC 6749 §6): a broad one for a new app is refused as the authorize step would
      // ("Invalid scope for client"), and anything beyond the grant with invalid_scope.
      if (form.scope !== undefined) {
        const asked = parseScopes(form.scope).scopes;
        if (scopeRefusal(client, asked)) return invalid(c, 'unauthorized_client');
        const grant = state.auth.grantOf(form.refresh_token ?? '');
        if (grant && asked.some((s) => !grant.scopes.includes(s))) return invalid(c, 'invalid_scope');
      }
      issued = state.auth.refresh(form.refresh_token ?? '', client.clientId);
      if (!issued) return invalid(c, 'invalid_grant');
    } else {
      return invalid(c, 'unsupported_grant_type');
    }
    return sendJson(c, tokenResponse(state, issuerOf(c), issued), 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/connect/revocation', async (c) => {
    const form = await readForm(c);
    const client = authenticate(state, c, form);
    if (!client) return invalid(c, 'invalid_client');
    const grant = state.auth.grantOf(form.token ?? '');
    if (grant && grant.clientId === client.clientId) state.auth.revokeGrant(grant.id);
    return c.body(null, 200);
  });

  app.get('/.well-known/openid-configuration', (c) => {
    const issuer = issuerOf(c);
    return sendJson(c, {
      issuer,
      authorization_endpoint: `${issuer}/connect/authorize`,
      token_endpoint: `${issuer}/connect/token`,
      revocation_endpoint: `${issuer}/connect/revocation`,
      jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
    });
  });
  app.get('/.well-known/openid-configuration/jwks', (c) => sendJson(c, jwks()));
  return app;
}
