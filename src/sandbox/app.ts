// Wires the routes: /identity, /connections, /api.xro/2.0 (auth → limits → faults → idempotency → handler), /admin.
import { Hono } from 'hono';
import type { SandboxState } from './state/store.js';
import { sendJson, sendText, type SandboxEnv } from './http/env.js';
import { faultMiddleware } from './http/faults.js';
import { NOT_FOUND_TEXT, serverError } from './http/xero-errors.js';
import { authorizeRoutes } from './identity/authorize-routes.js';
import { tokenRoutes } from './identity/token-routes.js';
import { connectionsRoutes } from './identity/connections-routes.js';
import { authGuard, rateLimit } from './accounting/auth-guard.js';
import { idempotencyMiddleware } from './accounting/idempotency.js';
import { contactsRoutes } from './accounting/contacts-routes.js';
import { documentsRoutes } from './accounting/documents-routes.js';
import { organisationRoutes } from './accounting/organisation-routes.js';
import { adminRoutes } from './admin/admin-routes.js';

const MAX_LOG = 1000;

export function createSandboxApp(state: SandboxState, adminToken: string): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const faults = faultMiddleware(state.faults);

  app.use('*', async (c, next) => {
    await next();
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/admin')) return;
    state.requests.push({ atMs: state.now(), method: c.req.method, path, status: c.res.status, tenantId: c.req.header('xero-tenant-id') });
    if (state.requests.length > MAX_LOG) state.requests.splice(0, state.requests.length - MAX_LOG);
  });

  app.route('/admin', adminRoutes(state, adminToken));

  app.use('/identity/*', faults);
  app.route('/identity', authorizeRoutes(state));
  app.route('/identity', tokenRoutes(state));

  app.use('/connections', faults);
  app.use('/connections/*', faults);
  app.route('/connections', connectionsRoutes(state));

  const api = new Hono<SandboxEnv>();
  api.use('*', authGuard(state), rateLimit(state), faults, idempotencyMiddleware(state.idempotency));
  api.route('/', contactsRoutes(state));
  api.route('/', documentsRoutes(state));
  api.route('/', organisationRoutes(state));
  app.route('/api.xro/2.0', api);

  app.notFound((c) => (c.req.path.startsWith('/api.xro/') ? sendText(c, NOT_FOUND_TEXT, 404) : sendText(c, 'Not Found', 404)));
  app.onError((err, c) => {
    console.error('[xero-sandbox]', err);
    return sendJson(c, serverError(), 500);
  });
  return app;
}
