// GET /connect/authorize and POST /connect/consent: checks the request (scopes the app may not have are sent back
// as invalid_scope or unauthorized_client: scope-policy.ts), shows consent (or approves at once), connects the
// chosen tenants and redirects back with a single-use code and the state, verbatim.
import { Hono, type Context } from 'hono';
import type { SandboxState } from '../state/store.js';
import type { PendingConsent } from '../state/auth-store.js';
import { sendText, type SandboxEnv } from '../http/env.js';
import { newId, randomToken } from '../util/ids.js';
import { consentPage, errorPage } from './consent-page.js';
import { parseScopes, redirectAllowed } from './pkce.js';
import { scopeRefusal } from './scope-policy.js';

function back(redirectUri: string, params: Record<string, string | undefined>): string {
  const u = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

/** Issues the code for an approved request and returns where to send the browser. */
function approve(state: SandboxState, p: PendingConsent, tenantIds: string[]): string {
  const authEventId = newId();
  state.auth.connect(p.clientId, tenantIds, authEventId);
  const code = state.auth.issueCode({
    clientId: p.clientId,
    redirectUri: p.redirectUri,
    scopes: p.scopes,
    codeChallenge: p.codeChallenge,
    nonce: p.nonce,
    authEventId,
  });
  return back(p.redirectUri, { code: code.code, scope: p.scopes.join(' '), state: p.state, session_state: randomToken(16) });
}

export function authorizeRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const html = (c: Context, body: string, status = 200): Response => sendText(c, body, status, 'text/html; charset=utf-8');
  const tenantsView = (): { tenantId: string; tenantName: string }[] =>
    [...state.tenants.values()].map((t) => ({ tenantId: t.tenantId, tenantName: t.tenantName }));

  app.get('/connect/authorize', (c) => {
    const q = new URL(c.req.url).searchParams;
    const client = state.clients.get(q.get('client_id') ?? '');
    if (!client) return html(c, errorPage('unauthorized_client', 'Unknown client or client not enabled'), 400);
    const redirectUri = q.get('redirect_uri') ?? undefined;
    if (!redirectAllowed(client, redirectUri) || !redirectUri)
      return html(c, errorPage('Error: invalid_request', 'Invalid redirect_uri'), 400);
    const st = q.get('state') ?? undefined;
    const fail = (error: string, description: string): Response =>
      c.redirect(back(redirectUri, { error, error_description: description, state: st }), 302);
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    const challenge = q.get('code_challenge') ?? '';
    const method = q.get('code_challenge_method');
    if (!client.clientSecret && challenge === '') return fail('invalid_request', 'code_challenge is required');
    if (challenge !== '' && method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    const { scopes, valid } = parseScopes(q.get('scope') ?? undefined);
    if (!valid) return fail('invalid_scope', 'invalid scope');
    const refused = scopeRefusal(client, scopes);
    if (refused) return fail(refused.error, refused.description);
    const pending: PendingConsent = {
      id: randomToken(16),
      clientId: client.clientId,
      redirectUri,
      scopes,
      state: st,
      codeChallenge: challenge,
      nonce: q.get('nonce') ?? undefined,
      expiresMs: state.now() + 15 * 60_000,
    };
    if (state.autoApprove) return c.redirect(approve(state, pending, [...state.tenants.keys()]), 302);
    state.auth.pending.set(pending.id, pending);
    return html(c, consentPage({ requestId: pending.id, appName: client.name ?? client.clientId, scopes, tenants: tenantsView() }));
  });

  app.post('/connect/consent', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const pending = state.auth.pending.get(String(form.request ?? ''));
    if (!pending || pending.expiresMs < state.now())
      return html(c, errorPage('Error', 'This request has expired. Start again from the app.'), 400);
    if (form.action !== 'allow') {
      state.auth.pending.delete(pending.id);
      return c.redirect(back(pending.redirectUri, { error: 'access_denied', state: pending.state }), 302);
    }
    const picked = ([] as unknown[])
      .concat(form.tenant ?? [])
      .map(String)
      .filter((id) => state.tenants.has(id));
    if (picked.length === 0) {
      const appName = state.clients.get(pending.clientId)?.name ?? pending.clientId;
      return html(
        c,
        consentPage({
          requestId: pending.id,
          appName,
          scopes: pending.scopes,
          tenants: tenantsView(),
          error: 'Select at least one organisation.',
        }),
        400,
      );
    }
    state.auth.pending.delete(pending.id);
    return c.redirect(approve(state, pending, picked), 302);
  });

  return app;
}
