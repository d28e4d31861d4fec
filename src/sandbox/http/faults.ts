// Scripted faults for the next N matching requests: an error status, a delay, a connection cut mid-response
// (after the handler ran, so a write is applied although the client never sees the answer), or a 'patch': the
// handler's own JSON answer with some of its fields replaced, e.g. `{Contacts: []}` (a 200 that lists nothing) or
// `{pagination: {itemCount: 22}}` (a pagination object that contradicts the page); `null` removes a field.
import type { MiddlewareHandler } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { MAINTENANCE_TEXT, serverError } from './xero-errors.js';
import { sendJson, sendText, type SandboxEnv } from './env.js';
import { newId } from '../util/ids.js';

export interface FaultSpec {
  kind: 'status' | 'delay' | 'cut' | 'patch';
  /** For 'status': 500 (Xero's JSON error), 503 (plain-text maintenance page) or any other code. */
  status?: number;
  /** Replaces the default body of a 'status' fault. */
  body?: string;
  /** For 'patch': merged into the answer's JSON object; an object value merges one level deeper (pagination). */
  json?: Record<string, unknown>;
  /** For 'delay'. */
  delayMs?: number;
  /** How many matching requests it applies to (default 1). */
  count?: number;
  /** Match: HTTP method (any when omitted). */
  method?: string;
  /** Match: a substring of the request path, e.g. "/Contacts" (any when omitted). */
  path?: string;
  /** Match: the xero-tenant-id header. */
  tenantId?: string;
}

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: newId(), remaining: Math.max(1, spec.count ?? 1) };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Consumes one use of the first fault that matches the request. */
  take(method: string, path: string, tenantId: string | undefined): Fault | undefined {
    const f = this.faults.find(
      (x) =>
        (!x.method || x.method.toUpperCase() === method.toUpperCase()) &&
        (!x.path || path.includes(x.path)) &&
        (!x.tenantId || x.tenantId === tenantId),
    );
    if (!f) return undefined;
    f.remaining--;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `answer` with `patch` applied: objects merge one level deep, anything else replaces, null removes. */
export function patchJson(answer: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answer };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = isObject(v) && isObject(out[k]) ? { ...(out[k] as Record<string, unknown>), ...v } : v;
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function faultMiddleware(faults: FaultQueue): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const f = faults.take(c.req.method, new URL(c.req.url).pathname, c.req.header('xero-tenant-id'));
    if (!f) return next();
    if (f.kind === 'delay') {
      await sleep(f.delayMs ?? 1000);
      return next();
    }
    if (f.kind === 'status') {
      const status = f.status ?? 500;
      if (f.body !== undefined) return sendText(c, f.body, status);
      if (status === 503) return sendText(c, MAINTENANCE_TEXT, 503);
      return sendJson(c, serverError(), status);
    }
    await next();
    if (f.kind === 'patch') {
      const headers: Record<string, string> = {};
      c.res.headers.forEach((v, k) => k !== 'content-length' && k !== 'content-type' && (headers[k] = v)); // rate headers stay
      const answer = (await c.res.json()) as Record<string, unknown>;
      c.res = sendJson(c, patchJson(answer, f.json ?? {}), c.res.status, headers);
      return;
    }
    const res = c.res;
    const bytes = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    headers['content-length'] = String(bytes.length);
    const out = c.env.outgoing;
    out.writeHead(res.status, headers);
    out.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => out.destroy());
    c.res = RESPONSE_ALREADY_SENT;
  };
}
