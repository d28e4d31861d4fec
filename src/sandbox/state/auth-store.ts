// Identity state: pending consents, authorization codes, grants, rotating refresh tokens, access tokens, connections.
import type { Limits } from '../types.js';
import { newId, randomToken } from '../util/ids.js';

export const SANDBOX_USER = {
  userId: 'b7c1e2d3-4f50-4a61-8b72-9c83d4e5f607',
  email: 'demo.user@example.com',
  givenName: 'Demo',
  familyName: 'User',
};

export interface PendingConsent {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string;
  nonce: string | undefined;
  expiresMs: number;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string;
  nonce: string | undefined;
  authEventId: string;
  expiresMs: number;
  used: boolean;
}

export interface Grant {
  id: string;
  clientId: string;
  scopes: string[];
  authEventId: string;
  nonce: string | undefined;
}

export interface RefreshRecord {
  token: string;
  grantId: string;
  lastUsedMs: number;
  /** Set once the token has been exchanged for a successor. */
  rotatedMs?: number;
  successor?: string;
}

export interface AccessRecord {
  token: string;
  grantId: string;
  clientId: string;
  scopes: string[];
  expiresMs: number;
}

export interface Connection {
  id: string;
  clientId: string;
  tenantId: string;
  authEventId: string;
  createdMs: number;
  updatedMs: number;
}

export interface IssuedTokens {
  access: AccessRecord;
  refresh: RefreshRecord | undefined;
  grant: Grant;
}

export class AuthStore {
  readonly pending = new Map<string, PendingConsent>();
  readonly codes = new Map<string, AuthCode>();
  readonly grants = new Map<string, Grant>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly accessTokens = new Map<string, AccessRecord>();
  readonly connections = new Map<string, Connection>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Limits,
    private readonly sign: (claims: Record<string, unknown>) => string,
  ) {}

  clear(): void {
    for (const m of [this.pending, this.codes, this.grants, this.refreshTokens, this.accessTokens, this.connections]) m.clear();
  }

  /** Connects the user's chosen tenants to the app (re-using an existing connection) under one auth event. */
  connect(clientId: string, tenantIds: string[], authEventId: string): void {
    const now = this.now();
    for (const tenantId of tenantIds) {
      const existing = [...this.connections.values()].find((c) => c.clientId === clientId && c.tenantId === tenantId);
      if (existing) Object.assign(existing, { authEventId, updatedMs: now });
      else {
        const id = newId();
        this.connections.set(id, { id, clientId, tenantId, authEventId, createdMs: now, updatedMs: now });
      }
    }
  }

  issueCode(p: Omit<AuthCode, 'code' | 'expiresMs' | 'used'>): AuthCode {
    const code: AuthCode = { ...p, code: randomToken(32), expiresMs: this.now() + this.limits.codeTtlMs, used: false };
    this.codes.set(code.code, code);
    return code;
  }

  /** Creates a grant from a redeemed code and returns its first tokens. */
  createGrant(code: AuthCode): IssuedTokens {
    const grant: Grant = { id: newId(), clientId: code.clientId, scopes: code.scopes, authEventId: code.authEventId, nonce: code.nonce };
    this.grants.set(grant.id, grant);
    return this.issue(grant);
  }

  /** Rotation: a current token yields a successor; a rotated one works only within the grace period. */
  refresh(token: string, clientId: string): IssuedTokens | undefined {
    const now = this.now();
    const rec = this.refreshTokens.get(token);
    const grant = rec && this.grants.get(rec.grantId);
    if (!rec || !grant || grant.clientId !== clientId) return undefined;
    if (now - rec.lastUsedMs > this.limits.refreshIdleMs) return undefined;
    if (rec.rotatedMs !== undefined) {
      if (now - rec.rotatedMs > this.limits.refreshGraceMs) return undefined;
      const successor = rec.successor ? this.refreshTokens.get(rec.successor) : undefined;
      if (!successor) return undefined;
      return { access: this.issueAccess(grant), refresh: successor, grant };
    }
    const issued = this.issue(grant);
    Object.assign(rec, { rotatedMs: now, successor: issued.refresh?.token });
    return issued;
  }

  /** Drops a grant, its tokens, and every connection of the user to that app (what Xero's revocation does). */
  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (!grant) return;
    this.grants.delete(grantId);
    for (const [k, r] of this.refreshTokens) if (r.grantId === grantId) this.refreshTokens.delete(k);
    for (const [k, a] of this.accessTokens) if (a.grantId === grantId) this.accessTokens.delete(k);
    for (const [k, c] of this.connections) if (c.clientId === grant.clientId) this.connections.delete(k);
  }

  /** The grant behind a refresh or access token, if any. */
  grantOf(token: string): Grant | undefined {
    const grantId = this.refreshTokens.get(token)?.grantId ?? this.accessTokens.get(token)?.grantId;
    return grantId ? this.grants.get(grantId) : undefined;
  }

  connectionsFor(clientId: string): Connection[] {
    return [...this.connections.values()].filter((c) => c.clientId === clientId);
  }

  isConnected(clientId: string, tenantId: string): boolean {
    return this.connectionsFor(clientId).some((c) => c.tenantId === tenantId);
  }

  private issue(grant: Grant): IssuedTokens {
    const access = this.issueAccess(grant);
    if (!grant.scopes.includes('offline_access')) return { access, refresh: undefined, grant };
    const refresh: RefreshRecord = { token: randomToken(32), grantId: grant.id, lastUsedMs: this.now() };
    this.refreshTokens.set(refresh.token, refresh);
    return { access, refresh, grant };
  }

  private issueAccess(grant: Grant): AccessRecord {
    const expiresMs = this.now() + this.limits.accessTokenTtlSeconds * 1000;
    const token = this.sign({
      nbf: Math.floor(this.now() / 1000),
      exp: Math.floor(expiresMs / 1000),
      iss: 'https://identity.xero.com',
      aud: 'https://identity.xero.com/resources',
      client_id: grant.clientId,
      sub: SANDBOX_USER.userId,
      xero_userid: SANDBOX_USER.userId,
      authentication_event_id: grant.authEventId,
      jti: randomToken(12),
      scope: grant.scopes,
    });
    const rec: AccessRecord = { token, grantId: grant.id, clientId: grant.clientId, scopes: grant.scopes, expiresMs };
    this.accessTokens.set(token, rec);
    return rec;
  }
}
