// Idempotency-Key on PUT/POST/PATCH: the first response (errors too) is replayed for the same request within
// the TTL; the same key with a different method, path, query or body is refused.
import type { MiddlewareHandler } from 'hono';
import type { Limits } from '../types.js';
import { idempotencyKeyTooLong, idempotencyMismatch } from '../http/xero-errors.js';
import { sendJson, type SandboxEnv } from '../http/env.js';

interface Entry {
  fingerprint: string;
  status: number;
  body: string;
  contentType: string;
  expiresMs: number;
}

export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Limits,
  ) {}

  clear(): void {
    this.entries.clear();
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expiresMs <= this.now()) this.entries.delete(key);
    return this.entries.get(key);
  }

  set(key: string, e: Omit<Entry, 'expiresMs'>): void {
    this.entries.set(key, { ...e, expiresMs: this.now() + this.limits.idempotencyTtlMs });
  }
}

export function idempotencyMiddleware(cache: IdempotencyCache): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || !['PUT', 'POST', 'PATCH'].includes(c.req.method)) return next();
    if (key.length > 128) return sendJson(c, idempotencyKeyTooLong(), 400);
    const url = new URL(c.req.url);
    const fingerprint = `${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`;
    const scoped = `${c.get('clientId')}|${c.get('tenantId')}|${key}`;
    const hit = cache.get(scoped);
    if (hit && hit.fingerprint !== fingerprint) return sendJson(c, idempotencyMismatch(key), 400);
    if (hit) return c.body(hit.body, hit.status as 200, { 'Content-Type': hit.contentType });
    await next();
    const body = await c.res.clone().text();
    cache.set(scoped, { fingerprint, status: c.res.status, body, contentType: c.res.headers.get('content-type') ?? '' });
  };
}
