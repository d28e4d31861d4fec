// Every Accounting call: a live Bearer token, a connected xero-tenant-id, and the scope the call needs.
import type { MiddlewareHandler } from 'hono';
import type { SandboxState } from '../state/store.js';
import { sendJson, type SandboxEnv } from '../http/env.js';
import { authorizationUnsuccessful, forbiddenTenant, tooManyRequests } from '../http/xero-errors.js';
import { bearer } from '../http/bearer.js';

const READ_TX = ['accounting.transactions', 'accounting.transactions.read', 'accounting.invoices', 'accounting.invoices.read'];
const WRITE_TX = ['accounting.transactions', 'accounting.invoices'];

/** Scopes any one of which allows the call (by first path segment after /api.xro/2.0). */
const SCOPES: Record<string, { read: string[]; write: string[] }> = {
  contacts: { read: ['accounting.contacts', 'accounting.contacts.read'], write: ['accounting.contacts'] },
  invoices: { read: READ_TX, write: WRITE_TX },
  creditnotes: { read: READ_TX, write: WRITE_TX },
  organisation: { read: ['accounting.settings', 'accounting.settings.read'], write: ['accounting.settings'] },
};

export function authGuard(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const access = bearer(state, c.req.header('authorization'));
    if ('error' in access) return sendJson(c, access.error, 401);
    const tenant = state.tenant(c.req.header('xero-tenant-id')?.trim());
    if (!tenant || !state.auth.isConnected(access.clientId, tenant.tenantId)) return sendJson(c, forbiddenTenant(), 403);
    const segment = new URL(c.req.url).pathname.split('/api.xro/2.0/')[1]?.split('/')[0]?.toLowerCase() ?? '';
    const rule = SCOPES[segment];
    const needed = rule && (c.req.method === 'GET' ? rule.read : rule.write);
    if (needed && !needed.some((s) => access.scopes.includes(s))) return sendJson(c, authorizationUnsuccessful(), 401);
    c.set('access', access);
    c.set('clientId', access.clientId);
    c.set('tenantId', tenant.tenantId);
    return next();
  };
}

/** Per-tenant and per-app limits; X-*Limit-Remaining on every response after authentication. */
export function rateLimit(state: SandboxState): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const d = state.rate.acquire(c.get('clientId'), c.get('tenantId'));
    for (const [k, v] of Object.entries(d.headers)) c.header(k, v);
    if (d.problem) {
      c.header('X-Rate-Limit-Problem', d.problem);
      c.header('Retry-After', String(d.retryAfterSeconds ?? 1));
      return sendJson(c, tooManyRequests(), 429);
    }
    try {
      await next();
    } finally {
      d.release();
    }
  };
}
