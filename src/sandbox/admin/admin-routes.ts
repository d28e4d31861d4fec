// /admin: seed and inspect data, edit a contact "in Xero", move the clock, script faults, expire or revoke
// tokens, reset. Every call needs `Authorization: Bearer <adminToken>` (401 otherwise).
//   GET  /state · GET /requests · GET /clock
//   POST /reset {keepAuth?} · POST /settings {autoApprove?, limits?: Partial<Limits>}
//   POST /tenants {tenantName, tenantId?, perDay?, dayResetUtc?}
//   GET|PATCH /tenants/:tenantId/limits {perDay?: number|null, dayResetUtc?: "HH:MM"|null} (its day budget; null: the default)
//   GET|PUT|POST /tenants/:tenantId/data  {Contacts?, Invoices?, CreditNotes?} (GET shapes; PUT replaces, POST merges)
//   PATCH /tenants/:tenantId/contacts/:contactId {…fields} (no validation; bumps UpdatedDateUTC)
//   POST /merge {tenantId?, from, into} (the web app's merge: `from` archived with MergedToContactID, its documents
//     moved to `into`; the first tenant when tenantId is left out; 400 unless both contacts exist and are active)
//   POST /clock/advance {ms?, seconds?}
//   GET|POST|DELETE /faults  {kind:'status'|'delay'|'cut'|'patch', status?, body?, json?, delayMs?, count?, method?, path?, tenantId?}
//     ('patch': the real answer with `json`'s fields replaced, e.g. {Contacts:[]} or {pagination:{itemCount:22}})
//   POST /tokens/expire {token?, refreshTokens?} · POST /tokens/revoke {token?}
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { SandboxState } from '../state/store.js';
import { COLLECTIONS, type Json } from '../types.js';
import { sendJson, type SandboxEnv } from '../http/env.js';
import { parseSeed } from '../seed/seed-loader.js';
import { renderDocument } from '../accounting/invoice-rules.js';
import { connectionDate } from '../util/ms-date.js';
import { mergeContacts, MergeRefused } from '../accounting/merge.js';

const FaultBody = z.object({
  kind: z.enum(['status', 'delay', 'cut', 'patch']),
  status: z.number().int().min(100).max(599).optional(),
  body: z.string().optional(),
  json: z.record(z.string(), z.unknown()).optional(),
  delayMs: z.number().int().min(0).optional(),
  count: z.number().int().min(1).optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  tenantId: z.string().optional(),
});
const ClockBody = z.object({ ms: z.number().optional(), seconds: z.number().optional() });
const ResetTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a UTC time as HH:MM');
const TenantBody = z.object({
  tenantId: z.string().optional(),
  tenantName: z.string().min(1),
  perDay: z.number().int().min(0).optional(),
  dayResetUtc: ResetTime.optional(),
});
const DayLimitsBody = z.object({ perDay: z.number().int().min(0).nullable().optional(), dayResetUtc: ResetTime.nullable().optional() });
const TokenBody = z.object({ token: z.string().optional(), refreshTokens: z.boolean().optional() });
const Settings = z.object({ autoApprove: z.boolean().optional(), limits: z.record(z.string(), z.number()).optional() });
const MergeBody = z.object({ tenantId: z.string().optional(), from: z.string().min(1), into: z.string().min(1) });
const Obj = z.record(z.string(), z.unknown());

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const text = await c.req.text();
  const parsed = schema.safeParse(text.trim() === '' ? {} : JSON.parse(text));
  return parsed.success ? parsed.data : sendJson(c, { error: 'bad request', issues: parsed.error.issues }, 400);
}

export function adminRoutes(state: SandboxState, adminToken: string): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.use('*', async (c, next) => {
    if (c.req.header('authorization') !== `Bearer ${adminToken}`) return sendJson(c, { error: 'admin token required' }, 401);
    return next();
  });
  app.onError((e, c) => sendJson(c, { error: e.message }, 400));

  app.get('/state', (c) =>
    sendJson(c, {
      now: state.now(),
      autoApprove: state.autoApprove,
      limits: state.limits,
      tenants: [...state.tenants.values()].map((t) => ({
        tenantId: t.tenantId,
        tenantName: t.tenantName,
        counts: Object.fromEntries(COLLECTIONS.map((k) => [k, t.records[k].size])),
        day: state.rate.dayStatus(t.tenantId),
      })),
      grants: [...state.auth.grants.values()],
      connections: [...state.auth.connections.values()].map((x) => ({ ...x, createdDateUtc: connectionDate(x.createdMs) })),
      accessTokens: state.auth.accessTokens.size,
      refreshTokens: state.auth.refreshTokens.size,
      faults: state.faults.list(),
    }),
  );
  app.get('/requests', (c) => sendJson(c, state.requests));

  app.post('/reset', async (c) => {
    const b = await body(c, z.object({ keepAuth: z.boolean().optional() }));
    if (b instanceof Response) return b;
    state.reset(b.keepAuth ?? false);
    return sendJson(c, { ok: true });
  });
  app.post('/settings', async (c) => {
    const b = await body(c, Settings);
    if (b instanceof Response) return b;
    if (b.autoApprove !== undefined) state.autoApprove = b.autoApprove;
    Object.assign(state.limits, b.limits ?? {});
    return sendJson(c, { autoApprove: state.autoApprove, limits: state.limits });
  });

  app.post('/tenants', async (c) => {
    const b = await body(c, TenantBody);
    if (b instanceof Response) return b;
    const t = state.addTenant(b);
    return sendJson(c, { tenantId: t.tenantId, tenantName: t.tenantName }, 201);
  });
  const dayLimits = (tenantId: string) => ({ ...state.dayLimits.get(tenantId), ...state.rate.dayStatus(tenantId) });
  app.get('/tenants/:tenantId/limits', (c) => {
    const t = state.tenant(c.req.param('tenantId'));
    return t ? sendJson(c, dayLimits(t.tenantId)) : sendJson(c, { error: 'unknown tenant' }, 404);
  });
  app.patch('/tenants/:tenantId/limits', async (c) => {
    const t = state.tenant(c.req.param('tenantId'));
    if (!t) return sendJson(c, { error: 'unknown tenant' }, 404);
    const b = await body(c, DayLimitsBody);
    if (b instanceof Response) return b;
    const now = { ...state.dayLimits.get(t.tenantId) };
    if (b.perDay !== undefined) now.perDay = b.perDay ?? undefined;
    if (b.dayResetUtc !== undefined) now.dayResetUtc = b.dayResetUtc ?? undefined;
    state.dayLimits.set(t.tenantId, now);
    if (b.dayResetUtc !== undefined) state.rate.realign(t.tenantId);
    return sendJson(c, dayLimits(t.tenantId));
  });
  app.get('/tenants/:tenantId/data', (c) => {
    const t = state.tenant(c.req.param('tenantId'));
    if (!t) return sendJson(c, { error: 'unknown tenant' }, 404);
    const out: Json = {};
    for (const k of COLLECTIONS)
      out[k] = state.list(t.tenantId, k).map((s) => (k === 'Contacts' ? state.render(s) : renderDocument(state, t.tenantId, s)));
    return sendJson(c, out);
  });
  const seed = (mode: 'replace' | 'merge') => async (c: Context) => {
    const t = state.tenant(c.req.param('tenantId'));
    if (!t) return sendJson(c, { error: 'unknown tenant' }, 404);
    const b = await body(c, Obj);
    if (b instanceof Response) return b;
    state.seed(t.tenantId, parseSeed(b), mode);
    return sendJson(c, { counts: Object.fromEntries(COLLECTIONS.map((k) => [k, t.records[k].size])) });
  };
  app.put('/tenants/:tenantId/data', seed('replace'));
  app.post('/tenants/:tenantId/data', seed('merge'));

  app.patch('/tenants/:tenantId/contacts/:contactId', async (c) => {
    const t = state.tenant(c.req.param('tenantId'));
    const s = t && state.get(t.tenantId, 'Contacts', c.req.param('contactId'));
    if (!t || !s) return sendJson(c, { error: 'unknown tenant or contact' }, 404);
    const b = await body(c, Obj);
    if (b instanceof Response) return b;
    const { ContactID: _id, UpdatedDateUTC: _u, ...changes } = b;
    return sendJson(c, state.render(state.save(t.tenantId, 'Contacts', { ...s.data, ...changes })));
  });

  app.post('/merge', async (c) => {
    const b = await body(c, MergeBody);
    if (b instanceof Response) return b;
    const t = b.tenantId === undefined ? state.tenants.values().next().value : state.tenant(b.tenantId);
    if (!t) return sendJson(c, { error: 'unknown tenant' }, 404);
    try {
      return sendJson(c, mergeContacts(state, t.tenantId, b.from, b.into));
    } catch (e) {
      if (e instanceof MergeRefused) return sendJson(c, { error: e.message }, 400);
      throw e;
    }
  });

  app.get('/clock', (c) => sendJson(c, { now: state.now() }));
  app.post('/clock/advance', async (c) => {
    const b = await body(c, ClockBody);
    if (b instanceof Response) return b;
    return sendJson(c, { now: state.advanceClock((b.ms ?? 0) + (b.seconds ?? 0) * 1000) });
  });

  app.get('/faults', (c) => sendJson(c, state.faults.list()));
  app.post('/faults', async (c) => {
    const b = await body(c, FaultBody);
    if (b instanceof Response) return b;
    return sendJson(c, state.faults.add(b), 201);
  });
  app.delete('/faults', (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });

  app.post('/tokens/expire', async (c) => {
    const b = await body(c, TokenBody);
    if (b instanceof Response) return b;
    let n = 0;
    for (const a of state.auth.accessTokens.values()) {
      if (b.token && a.token !== b.token) continue;
      a.expiresMs = state.now();
      n++;
    }
    if (b.refreshTokens) for (const r of state.auth.refreshTokens.values()) r.lastUsedMs = -Infinity;
    return sendJson(c, { expired: n });
  });
  app.post('/tokens/revoke', async (c) => {
    const b = await body(c, TokenBody);
    if (b instanceof Response) return b;
    const grants = b.token ? [state.auth.grantOf(b.token)].filter((g) => g !== undefined) : [...state.auth.grants.values()];
    for (const g of grants) state.auth.revokeGrant(g.id);
    return sendJson(c, { revoked: grants.length });
  });

  return app;
}
