// GET /connections (the tenants this user has connected to the app) and DELETE /connections/{id}.
import { Hono } from 'hono';
import type { SandboxState } from '../state/store.js';
import { sendJson, type SandboxEnv } from '../http/env.js';
import { bearer } from '../http/bearer.js';
import { problem } from '../http/xero-errors.js';
import { connectionDate } from '../util/ms-date.js';

export function connectionsRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.get('/', (c) => {
    const access = bearer(state, c.req.header('authorization'));
    if ('error' in access) return sendJson(c, access.error, 401);
    const authEventId = new URL(c.req.url).searchParams.get('authEventId')?.toLowerCase();
    const list = state.auth
      .connectionsFor(access.clientId)
      .filter((x) => !authEventId || x.authEventId === authEventId)
      .sort((a, b) => a.createdMs - b.createdMs)
      .map((x) => ({
        id: x.id,
        authEventId: x.authEventId,
        tenantId: x.tenantId,
        tenantType: 'ORGANISATION',
        tenantName: state.tenant(x.tenantId)?.tenantName ?? '',
        createdDateUtc: connectionDate(x.createdMs),
        updatedDateUtc: connectionDate(x.updatedMs),
      }));
    return sendJson(c, list);
  });

  app.delete('/:id', (c) => {
    const access = bearer(state, c.req.header('authorization'));
    if ('error' in access) return sendJson(c, access.error, 401);
    const conn = state.auth.connections.get(c.req.param('id').toLowerCase());
    if (!conn || conn.clientId !== access.clientId) return sendJson(c, problem(404, 'Not Found', 'Resource not found'), 404);
    state.auth.connections.delete(conn.id);
    return c.body(null, 204);
  });

  return app;
}
