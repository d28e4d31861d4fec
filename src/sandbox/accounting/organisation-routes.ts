// GET /Organisation: what xero-node's updateTenants(true) asks for per tenant.
import { Hono } from 'hono';
import type { SandboxState } from '../state/store.js';
import { sendJson, type SandboxEnv } from '../http/env.js';
import { envelope } from '../query/list-query.js';
import { providerName } from './write-batch.js';

export function organisationRoutes(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.get('/Organisation', (c) => {
    const t = state.tenant(c.get('tenantId'))!;
    const org = {
      OrganisationID: t.tenantId,
      Name: t.tenantName,
      LegalName: t.tenantName,
      OrganisationType: 'COMPANY',
      OrganisationStatus: 'ACTIVE',
      BaseCurrency: 'AUD',
      CountryCode: 'AU',
      IsDemoCompany: false,
      Version: 'AU',
    };
    const body = envelope(state, providerName(state, c), 'Contacts', []);
    delete body.Contacts;
    return sendJson(c, { ...body, Organisations: [org] });
  });
  return app;
}
