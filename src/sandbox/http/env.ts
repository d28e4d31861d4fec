// The hono environment shared by every sandbox route.
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AccessRecord } from '../state/auth-store.js';

export type SandboxEnv = {
  Bindings: HttpBindings;
  Variables: { tenantId: string; clientId: string; access: AccessRecord };
};

export type Ctx = Context<SandboxEnv>;

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON response with Xero's content type; `status` is any HTTP status with a body. */
export function sendJson(c: Context, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { 'Content-Type': JSON_TYPE, ...headers });
}

export function sendText(c: Context, text: string, status: number, contentType = 'text/plain; charset=utf-8'): Response {
  return c.body(text, status as ContentfulStatusCode, { 'Content-Type': contentType });
}

/** Query parameters by lower-cased name (Xero's names are case-insensitive). */
export function queryOf(c: Context): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URL(c.req.url).searchParams) out.set(k.toLowerCase(), v);
  return out;
}

export function boolParam(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return v.toLowerCase() === 'true';
}

export function intParam(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function listParam(v: string | undefined): string[] | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return v
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}
