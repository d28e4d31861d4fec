// The sync against an organisation Xero counts as high volume (the stand-in's threshold set low): it asks only for
// filters and orders Xero has optimised, so it completes; a filter Xero refuses is explained in plain words.
import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_DATA_DIR, DEMO_TENANT_ID } from '../../src/sandbox/index.js';
import { highVolumeException } from '../../src/sandbox/http/xero-errors.js';
import { differences, sandboxRecords, workspaceRecords } from '../support/xero-data';
import { rejection, sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

const ADVICE =
  /Xero would not list the \w+: the organisation holds too many for the way the app asked\. Nothing is wrong with your books and nothing in Xero was changed\. Please report this message: .* \(Xero said: "Your request is not filtering \w+ efficiently/;

async function setup(threshold: number) {
  // The demo organisation: 22 contacts, 11 invoices, 4 credit notes.
  const sb = await sandbox({ dataDir: DEMO_DATA_DIR, limits: { highVolumeThreshold: threshold } });
  const ws = tempWorkspace();
  const secrets = createMemorySecretStore();
  await signIn(ws, sb, { secrets });
  const session = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() });
  return { sb, ws, session };
}

describe('sync of a high-volume organisation', () => {
  it('completes, full and incremental, where Xero refuses every unoptimised filter', async () => {
    const { sb, ws, session } = await setup(3);
    // the threshold is live: a filter Xero has not optimised is refused, and said so in plain words
    const refused = await rejection(
      session.client.call('GET /Contacts (unoptimised)', (api) =>
        api.getContacts(DEMO_TENANT_ID, undefined, 'ContactStatus=="ACTIVE"', undefined, undefined, 1),
      ),
    );
    expect(refused.message).toMatch(ADVICE);
    expect(refused.message).toMatch(/^GET \/Contacts \(unoptimised\): Xero would not list the contacts: /);

    const full = await syncWorkspace(ws, session.client, { pageSize: 5 });
    expect(full.entities.contacts).toMatchObject({ full: true, records: 22 });
    expect(full.entities.invoices).toMatchObject({ full: true, records: 8 });
    const want = sandboxRecords(sb, DEMO_TENANT_ID);
    expect(differences(want.contacts, workspaceRecords(ws).contacts)).toEqual([]);
    expect(differences(want.documents, workspaceRecords(ws).documents)).toEqual([]);

    const acme = ws.contacts.list().find((c) => c.name === 'Acme Freight Pty Ltd')!;
    await sb.admin('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${acme.contactId}`, { Name: 'Acme Freight Australia Pty Ltd' });
    const inc = await syncWorkspace(ws, session.client, { pageSize: 5 });
    expect(inc.entities.contacts).toMatchObject({ full: false, records: 1 });
    expect(ws.contacts.get(acme.contactId)!.name).toBe('Acme Freight Australia Pty Ltd');
    expect(
      ws.imports
        .list()
        .filter((r) => r.kind === 'xero_sync')
        .map((r) => r.status),
    ).toEqual(['complete', 'complete']);
  });

  it("says what to do when Xero still refuses the sync's filter", async () => {
    const { sb, ws, session } = await setup(3);
    const fault = { kind: 'status', status: 400, body: JSON.stringify(highVolumeException('Invoices')), method: 'GET', path: '/Invoices' };
    expect((await sb.admin('POST', '/faults', fault)).status).toBe(201);
    const e = await rejection(syncWorkspace(ws, session.client, { pageSize: 5 }));
    expect(e.message).toMatch(ADVICE);
    expect(e.message).toMatch(/^GET \/Invoices page 1: Xero would not list the invoices: /);
    expect(e.message).toContain('not filtering Invoices efficiently');
  });
});
