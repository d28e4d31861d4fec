// A contact becomes a customer in Xero (a sales invoice raised for it) without its UpdatedDateUTC moving, so an
// incremental sync's If-Modified-Since never lists it again: the sync reads such contacts again by id, so the
// `not_customer` finding is not computed from a stale flag (docs/xero-behaviour.md, "Flags that If-Modified-Since misses").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { importCocoonFile } from '../../src/main/imports/import-files';
import { DEMO_TENANT_ID, type Json } from '../../src/sandbox/index.js';
import { parseSeed } from '../../src/sandbox/seed/seed-loader.js';
import { connect } from '../../src/sandbox/testing/sandbox-client.js';
import { sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

describe('customer flags after an incremental sync', () => {
  it('a not_customer account whose contact gets a sales invoice in Xero stops being not_customer on the next sync, for one extra call', async () => {
    // The demo: its Xero contacts in the stand-in, its CocoonOPS export in the workspace.
    const sb = await sandbox();
    sb.state.seed(DEMO_TENANT_ID, parseSeed(JSON.parse(readFileSync('demo/xero-contacts.json', 'utf8'))), 'replace');
    const ws = tempWorkspace();
    const secrets = createMemorySecretStore();
    await signIn(ws, sb, { secrets });
    const session = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() });
    await importCocoonFile(ws, 'demo/cocoon.csv');

    const first = await syncWorkspace(ws, session.client);
    expect(first.flags).toEqual({ checked: 0, nowCustomers: 0, calls: 0 }); // no sales documents yet: nothing to read again
    const stale = ws.findings.list().filter((f) => f.kind === 'not_customer');
    expect(stale.length).toBeGreaterThan(1);
    const [target, other] = stale as [(typeof stale)[0], (typeof stale)[0]];
    const contactId = (target.codeHolderId ?? target.xeroContactId)!;
    expect(ws.contacts.get(contactId)!.isCustomer).toBe(false);

    // Someone raises a sales invoice for that contact in Xero itself.
    const xero = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices' });
    const before = (await xero.api<{ Contacts: Json[] }>('GET', `/Contacts/${contactId}`)).body.Contacts[0]!;
    const put = await xero.api('PUT', '/Invoices', {
      Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId }, Status: 'AUTHORISED' }],
    });
    expect(put.status).toBe(200);
    const after = (await xero.api<{ Contacts: Json[] }>('GET', `/Contacts/${contactId}`)).body.Contacts[0]!;
    expect(after).toMatchObject({ IsCustomer: true, UpdatedDateUTC: before.UpdatedDateUTC }); // Xero does not bump it

    const second = await syncWorkspace(ws, session.client);
    expect(second.entities.contacts).toMatchObject({ full: false, records: 0 }); // If-Modified-Since missed it
    expect(second.entities.invoices).toMatchObject({ full: false, records: 1 });
    expect(second.flags).toEqual({ checked: 1, nowCustomers: 1, calls: 1 });
    expect(ws.contacts.get(contactId)!.isCustomer).toBe(true);
    const findings = ws.findings.list();
    const now = findings.find((f) => f.accountCode === target.accountCode)!;
    expect(now.kind).not.toBe('not_customer');
    expect(now.kind).toBe('ok');
    expect(findings.find((f) => f.accountCode === other.accountCode)!.kind).toBe('not_customer'); // untouched in Xero

    // Once Xero and the workspace agree, nothing is read again.
    const third = await syncWorkspace(ws, session.client);
    expect(third.flags).toEqual({ checked: 0, nowCustomers: 0, calls: 0 });
  });
});
