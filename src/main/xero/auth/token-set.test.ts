import { describe, expect, it } from 'vitest';
import { needsRefresh, parseStoredTokens, serialiseTokens, toStoredTokens } from './token-set';

describe('token set', () => {
  const response = { access_token: 'a1', refresh_token: 'r1', expires_in: 1800, token_type: 'Bearer', scope: 'offline_access' };

  it('keeps when the access token expires, and refreshes five minutes ahead', () => {
    const t = toStoredTokens(response, 1_000_000, 'https://id.example/token');
    expect(t).toEqual({
      accessToken: 'a1',
      refreshToken: 'r1',
      expiresAt: 1_000_000 + 1_800_000,
      scope: 'offline_access',
      issuer: 'https://id.example/token',
    });
    expect(needsRefresh(t, t.expiresAt - 300_001)).toBe(false);
    expect(needsRefresh(t, t.expiresAt - 300_000)).toBe(true);
  });

  it('keeps the old refresh token only when none came back, and insists on one', () => {
    const { refresh_token: _r, ...noRefresh } = response;
    expect(toStoredTokens(noRefresh, 0, 'https://id.example/token', 'r0').refreshToken).toBe('r0');
    expect(() => toStoredTokens(noRefresh, 0, 'https://id.example/token')).toThrow(/offline_access/);
  });

  it('reads back what it wrote, and nothing else', () => {
    const t = toStoredTokens(response, 0, 'https://id.example/token');
    expect(parseStoredTokens(serialiseTokens(t))).toEqual(t);
    // Written before tokens were bound to their issuer: they came from Xero, and may only go back there.
    expect(parseStoredTokens('{"accessToken":"a","refreshToken":"r","expiresAt":1}')?.issuer).toBe(
      'https://identity.xero.com/connect/token',
    );
    expect(parseStoredTokens(undefined)).toBeUndefined();
    expect(parseStoredTokens('{"accessToken":"x"}')).toBeUndefined();
    expect(parseStoredTokens('not json')).toBeUndefined();
  });
});
