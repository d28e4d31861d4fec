import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, challengeFor, createPkce, createState } from './pkce';

describe('PKCE', () => {
  it('makes a verifier of the allowed alphabet and length, with its S256 challenge', () => {
    const p = createPkce();
    expect(p.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(p.challenge).toBe(challengeFor(p.verifier));
    expect(createPkce().verifier).not.toBe(p.verifier);
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('matches the RFC 7636 appendix B example', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('builds the authorize URL with every parameter Xero needs', () => {
    const url = new URL(
      buildAuthorizeUrl({
        authorizeUrl: 'https://login.xero.com/identity/connect/authorize',
        clientId: 'abc',
        redirectUri: 'http://localhost:53682/callback',
        scopes: ['offline_access', 'accounting.contacts'],
        state: 's1',
        challenge: 'c1',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc',
      redirect_uri: 'http://localhost:53682/callback',
      scope: 'offline_access accounting.contacts',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
  });
});
