// Every Accounting call goes through here: xero-node's AccountingApi pointed at our endpoints, the tenant's shared
// rate limiter, the access token applied per call, and the retry policy (401 → refresh once, 429 → Retry-After,
// a day 429 → XeroDayBudgetError at once, 5xx / broken connections → backoff). Failures become XeroApiError / XeroNetworkError / XeroAuthError.
import { AccountingApi, type Authentication } from 'xero-node';
import { systemClock, type Clock } from '../clock';
import {
  parseXeroNodeRejection,
  rateHeaders,
  toXeroError,
  XeroAuthError,
  XeroDayBudgetError,
  XeroRateLimitError,
  type RateHeaders,
  type XeroFailure,
} from '../errors';
import { resetOf, whenText, DAY_MS } from './day-budget';
import type { AccessTokenSource } from '../auth/token-manager';
import type { TenantRateLimiter } from './rate-limiter';
import { decide, DEFAULT_RETRY, type RetryOptions, type RetryState } from './retry-policy';

type RequestConfig = Parameters<Authentication['applyToRequest']>[0];

/** What xero-node resolves with (axios' response plus the deserialised body). */
export interface XeroNodeResult<T> {
  response: { status: number; data: unknown; headers: unknown };
  body: T;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** May the call be sent again after a broken connection? True for reads; for writes only with an Idempotency-Key. */
  idempotent?: boolean;
  /** A 2xx answer this refuses (e.g. not the expected JSON) counts as a broken connection, and is retried. */
  validate?: (data: unknown) => boolean;
}

export interface CallResult<T> {
  /** xero-node's typed body. */
  body: T;
  /** The JSON exactly as Xero sent it (PascalCase), for mapping and for keeping raw. */
  data: unknown;
  status: number;
  headers: RateHeaders;
}

export interface AccountingClientOptions {
  apiBaseUrl: string;
  tenantId: string;
  tokens: AccessTokenSource;
  limiter: TenantRateLimiter;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryOptions>;
  /** Per attempt; a timed-out attempt counts as a broken connection. Default 2 minutes. */
  requestTimeoutMs?: number;
  /** How to reconnect, for the "reconnect" message. */
  reconnectHint?: string;
  /** Called with the rate headers of every answer, after the limiter read them (the session keeps the day budget). */
  onHeaders?: (headers: RateHeaders) => void;
  /** Called after each retry decision (tests, diagnostics); never given tokens. */
  onRetry?: (event: { label: string; status: number; decision: string; delayMs?: number }) => void;
}

export interface XeroAccountingClient {
  readonly tenantId: string;
  readonly limiter: TenantRateLimiter;
  call<T>(label: string, invoke: (api: AccountingApi) => Promise<XeroNodeResult<T>>, options?: CallOptions): Promise<CallResult<T>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function headersOf(raw: unknown): RateHeaders {
  const h = raw as { toJSON?: () => unknown } | undefined;
  return rateHeaders(typeof h?.toJSON === 'function' ? h.toJSON() : raw);
}

export function createAccountingClient(o: AccountingClientOptions): XeroAccountingClient {
  const clock = o.clock ?? systemClock;
  const random = o.random ?? Math.random;
  const retry = { ...DEFAULT_RETRY, ...o.retry };
  const timeoutMs = o.requestTimeoutMs ?? 120_000;

  /** A fresh AccountingApi per attempt, so the token, abort signal and timeout belong to this call only. */
  function apiFor(token: string, signal: AbortSignal | undefined): AccountingApi {
    const api = new AccountingApi();
    api.basePath = o.apiBaseUrl;
    api.setDefaultAuthentication({
      applyToRequest(req: RequestConfig) {
        req.headers = { ...req.headers, Authorization: `Bearer ${token}` };
        req.timeout = timeoutMs;
        if (signal) req.signal = signal;
      },
    });
    return api;
  }

  function fail(label: string, f: XeroFailure): Error {
    if (f.status === 401 && isRecord(f.body) && f.body.Detail === 'AuthorizationUnsuccessful') {
      // The token is good but lacks the scope for this call (a read-only sign-in asked to write, say).
      return new XeroAuthError(
        'scope',
        `${label}: Xero refused it because this connection does not include the permission it needs (AuthorizationUnsuccessful). Reconnect to Xero and allow everything Reconciler asks for (${o.reconnectHint ?? 'reconciler connect …'}); nothing in the workspace is lost.`,
      );
    }
    if (f.status === 401) return XeroAuthError.reconnect(o.reconnectHint);
    if (f.status === 403) {
      return new XeroAuthError(
        'not_connected',
        `${label}: this Xero organisation is no longer connected to Reconciler (403). Reconnect (${o.reconnectHint ?? 'reconciler connect …'}).`,
      );
    }
    if (f.status === 429 && f.headers.rateLimitProblem === 'day') {
      // Xero's day window resets at a time of its own per organisation: Retry-After says when (else a day at most).
      const now = clock.now();
      const budget = o.limiter.dayBudget;
      const atMs =
        f.headers.retryAfterSeconds !== undefined ? now + f.headers.retryAfterSeconds * 1000 : budget ? resetOf(budget).atMs : now + DAY_MS;
      const exact = f.headers.retryAfterSeconds !== undefined || (budget !== undefined && resetOf(budget).exact);
      return new XeroDayBudgetError(
        `${label}: Xero's daily limit of calls for this organisation is used up until ${exact ? '' : 'at the latest '}${whenText(atMs, now)}.`,
        atMs - now,
        atMs,
        exact,
        true,
      );
    }
    if (f.status === 429) {
      const wait = (f.headers.retryAfterSeconds ?? 0) * 1000;
      return new XeroRateLimitError(
        `${label}: Xero's rate limit${f.headers.rateLimitProblem ? ` (${f.headers.rateLimitProblem})` : ''} is still exceeded after repeated waits; try again later.`,
        wait,
      );
    }
    return toXeroError(f, label);
  }

  async function call<T>(
    label: string,
    invoke: (api: AccountingApi) => Promise<XeroNodeResult<T>>,
    options: CallOptions = {},
  ): Promise<CallResult<T>> {
    const { signal } = options;
    const idempotent = options.idempotent ?? true;
    const state: RetryState = { failures: 0, rateLimited: 0, refreshed: false };
    for (;;) {
      signal?.throwIfAborted();
      const token = await o.tokens.accessToken(signal);
      const release = await o.limiter.acquire(signal);
      let failure: XeroFailure;
      try {
        const { response, body } = await invoke(apiFor(token, signal));
        const headers = headersOf(response.headers);
        o.limiter.observe(headers);
        o.onHeaders?.(headers);
        if (!options.validate || options.validate(response.data)) return { body, data: response.data, status: response.status, headers };
        failure = {
          status: response.status,
          body: 'the answer was incomplete or not the expected JSON',
          headers,
          network: true,
          unusable: true,
        };
      } catch (reason) {
        if (signal?.aborted) throw signal.reason;
        failure = parseXeroNodeRejection(reason);
        o.limiter.observe(failure.headers);
        o.onHeaders?.(failure.headers);
      } finally {
        release();
      }
      if (failure.network || failure.status >= 500) state.failures++;
      const decision = decide(failure, state, retry, idempotent, random);
      o.onRetry?.({
        label,
        status: failure.status,
        decision: decision.kind,
        delayMs: 'delayMs' in decision ? decision.delayMs : undefined,
      });
      if (decision.kind === 'fail') throw fail(label, failure);
      if (decision.kind === 'refresh') {
        state.refreshed = true;
        await o.tokens.renewAfterRejection(token, signal);
      } else if (decision.kind === 'pause') {
        state.rateLimited++;
        if (decision.delayMs > o.limiter.limits.maxWaitMs) {
          const hours = Math.max(1, Math.round(decision.delayMs / 3_600_000));
          throw new XeroRateLimitError(
            `${label}: Xero asked Reconciler to wait a long time; try again in about ${hours} h.`,
            decision.delayMs,
          );
        }
        o.limiter.pause(decision.delayMs); // every call to this tenant waits, not just this one
      } else {
        await clock.sleep(decision.delayMs, signal);
      }
    }
  }

  return { tenantId: o.tenantId, limiter: o.limiter, call };
}
