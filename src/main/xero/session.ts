// The Xero side of an open workspace: its tenant (from the workspace), its tokens (from the SecretStore) and an
// Accounting client on the tenant's shared rate limiter. Everything that talks to Xero for a workspace starts here.
import type { Workspace } from '../db';
import { createAccountingClient, type AccountingClientOptions, type XeroAccountingClient } from './api/accounting-client';
import { sharedRateLimiters, type RateLimiterRegistry } from './api/rate-limiter';
import type { RetryOptions } from './api/retry-policy';
import { createTokenClient } from './auth/token-client';
import { TokenManager } from './auth/token-manager';
import { readBinding, type XeroBinding } from './binding';
import { systemClock, type Clock } from './clock';
import { trustedXeroUrl } from './address';
import { endpointsFor, type XeroEndpoints } from './endpoints';
import { XeroAuthError } from './errors';
import { tokenKey, type SecretStore } from './storage/secret-store';
import { readDayBudget, saveDayBudget } from './budget';

export interface SessionOptions {
  secrets: SecretStore;
  /** The loopback Xero stand-in the user named (flag, RECONCILER_XERO_URL, settings): the only non-Xero address allowed. */
  standIn?: string;
  clock?: Clock;
  /** Default: the process-wide registry (Xero's real limits). */
  limiters?: RateLimiterRegistry;
  retry?: Partial<RetryOptions>;
  random?: () => number;
  requestTimeoutMs?: number;
  /** How to reconnect, for messages (default "reconciler connect …"). */
  reconnectHint?: string;
  onRetry?: AccountingClientOptions['onRetry'];
  fetch?: typeof globalThis.fetch;
}

export interface XeroSession {
  binding: XeroBinding;
  endpoints: XeroEndpoints;
  tokens: TokenManager;
  client: XeroAccountingClient;
}

export function openXeroSession(ws: Workspace, o: SessionOptions): XeroSession {
  const binding = readBinding(ws);
  const hint = o.reconnectHint ?? 'reconciler connect …';
  if (!binding) throw new XeroAuthError('not_connected', `This workspace is not connected to Xero yet: connect it first (${hint}).`);
  if (binding.disconnectedAt)
    throw new XeroAuthError(
      'not_connected',
      `This workspace was disconnected from Xero on ${binding.disconnectedAt}: connect it again (${hint}).`,
    );
  const clock = o.clock ?? systemClock;
  // The workspace file names the address; it is only used when it is Xero or the stand-in the user named.
  const endpoints = endpointsFor(trustedXeroUrl(binding.baseUrl, o.standIn));
  const tokens = new TokenManager({
    store: o.secrets,
    key: tokenKey(binding.clientId, binding.tenantId),
    client: createTokenClient({ endpoints, clientId: binding.clientId, fetch: o.fetch }),
    issuer: endpoints.tokenUrl,
    clock,
    reconnectHint: hint,
  });
  const limiter = (o.limiters ?? sharedRateLimiters).for(binding.tenantId);
  limiter.rememberBudget(readDayBudget(ws, binding.tenantId)); // what the last answer of an earlier run said
  const client = createAccountingClient({
    apiBaseUrl: endpoints.apiBaseUrl,
    tenantId: binding.tenantId,
    tokens,
    limiter,
    // Xero's day budget as its last answer gave it, kept in the workspace for the next run, `status` and the screens.
    onHeaders: (h) => {
      if (h.dayRemaining !== undefined || h.rateLimitProblem === 'day') saveDayBudget(ws, binding.tenantId, limiter.dayBudget);
    },
    clock,
    random: o.random,
    retry: o.retry,
    requestTimeoutMs: o.requestTimeoutMs,
    reconnectHint: hint,
    onRetry: o.onRetry,
  });
  return { binding, endpoints, tokens, client };
}
