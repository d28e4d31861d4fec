// Keeps one connection's tokens: hands out a valid access token, refreshes ahead of expiry (one refresh at a
// time), stores the rotated refresh token before anything else, and turns a refused refresh into "reconnect".
import { systemClock, type Clock } from '../clock';
import { XeroAddressError, XeroAuthError, XeroNetworkError } from '../errors';
import type { SecretStore } from '../storage/secret-store';
import type { TokenClient } from './token-client';
import { needsRefresh, parseStoredTokens, REFRESH_AHEAD_MS, serialiseTokens, toStoredTokens, type StoredTokens } from './token-set';

/** What the Accounting client needs from the token side. */
export interface AccessTokenSource {
  /** A valid access token (refreshed first when it is about to expire). */
  accessToken(signal?: AbortSignal): Promise<string>;
  /** After Xero refused `rejected` with 401: a renewed token (one refresh, shared by concurrent callers). */
  renewAfterRejection(rejected: string, signal?: AbortSignal): Promise<string>;
}

export interface TokenManagerOptions {
  store: SecretStore;
  /** tokenKey(clientId, tenantId) */
  key: string;
  client: TokenClient;
  /** The token endpoint `client` talks to: tokens issued anywhere else are never handed out or sent. */
  issuer: string;
  clock?: Clock;
  refreshAheadMs?: number;
  /** How to reconnect, for the "reconnect" message (e.g. "reconciler connect --workspace books.reconciler"). */
  reconnectHint?: string;
  /** Attempts for a refresh that fails on the network (default 3). */
  refreshAttempts?: number;
}

/** OAuth errors after which the stored grant is of no further use. */
const DEAD_GRANT = new Set(['invalid_grant', 'unauthorized_client', 'invalid_client']);

export class TokenManager implements AccessTokenSource {
  private current: StoredTokens | undefined;
  private refreshing: Promise<StoredTokens> | undefined;
  private readonly clock: Clock;

  constructor(private readonly o: TokenManagerOptions) {
    this.clock = o.clock ?? systemClock;
  }

  /** Stores a fresh token set (after a sign-in) under `key`. */
  static async save(store: SecretStore, key: string, tokens: StoredTokens): Promise<void> {
    await store.set(key, serialiseTokens(tokens));
  }

  async accessToken(): Promise<string> {
    const t = this.current ?? (await this.load());
    if (!needsRefresh(t, this.clock.now(), this.o.refreshAheadMs ?? REFRESH_AHEAD_MS)) return t.accessToken;
    return (await this.refresh()).accessToken;
  }

  async renewAfterRejection(rejected: string): Promise<string> {
    const t = this.current;
    if (t && t.accessToken !== rejected && !needsRefresh(t, this.clock.now(), this.o.refreshAheadMs ?? REFRESH_AHEAD_MS))
      return t.accessToken;
    return (await this.refresh(rejected)).accessToken;
  }

  /** Revokes the grant at Xero (best effort is the caller's choice) and forgets the tokens here. */
  async revoke(signal?: AbortSignal): Promise<void> {
    const t = this.checked(parseStoredTokens(await this.o.store.get(this.o.key)));
    try {
      if (t) await this.o.client.revoke(t.refreshToken, signal);
    } finally {
      await this.o.store.delete(this.o.key);
      this.current = undefined;
    }
  }

  private reconnect(): XeroAuthError {
    return XeroAuthError.reconnect(this.o.reconnectHint);
  }

  private async load(): Promise<StoredTokens> {
    const t = this.checked(parseStoredTokens(await this.o.store.get(this.o.key)));
    if (!t) throw this.reconnect();
    this.current = t;
    return t;
  }

  /** Tokens from another Xero than this connection's stay unused (and untouched: they belong to another workspace). */
  private checked(t: StoredTokens | undefined): StoredTokens | undefined {
    if (t && t.issuer !== this.o.issuer) {
      throw new XeroAddressError(
        `This workspace's Xero address has changed since it was connected: its stored sign-in belongs to another Xero, so nothing was sent. Connect again (${this.o.reconnectHint ?? 'reconciler connect …'}).`,
      );
    }
    return t;
  }

  private refresh(rejected?: string): Promise<StoredTokens> {
    // Not tied to one caller's AbortSignal: other calls may be waiting on the same refresh.
    this.refreshing ??= this.doRefresh(rejected).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(rejected: string | undefined): Promise<StoredTokens> {
    // Another process (the app, another CLI run) may have rotated the tokens meanwhile: start from the store.
    const used = await this.load();
    const ahead = this.o.refreshAheadMs ?? REFRESH_AHEAD_MS;
    if (used.accessToken !== rejected && !needsRefresh(used, this.clock.now(), ahead)) return used;
    const attempts = this.o.refreshAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.o.client.refresh(used.refreshToken);
        const next = toStoredTokens(response, this.clock.now(), this.o.issuer, used.refreshToken);
        await this.o.store.set(this.o.key, serialiseTokens(next)); // the old refresh token is dead now: store at once
        this.current = next;
        return next;
      } catch (e) {
        if (e instanceof XeroAuthError && e.oauthError && DEAD_GRANT.has(e.oauthError)) {
          const again = this.checked(parseStoredTokens(await this.o.store.get(this.o.key)));
          if (again && again.refreshToken !== used.refreshToken) return (this.current = again);
          await this.o.store.delete(this.o.key);
          this.current = undefined;
          throw this.reconnect();
        }
        if (!(e instanceof XeroNetworkError) || attempt >= attempts) throw e;
        await this.clock.sleep(500 * 2 ** (attempt - 1));
      }
    }
  }
}
