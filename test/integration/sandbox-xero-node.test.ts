// The real client: xero-node's AccountingApi with its basePath pointed at the sandbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountingApi, Contact, Invoice } from 'xero-node';
import { startSandbox, DEMO_DATA_DIR, DEMO_TENANT_ID, type RunningSandbox } from '../../src/sandbox/index.js';
import { adminClient, pkceLogin } from '../../src/sandbox/testing/sandbox-client.js';

interface XeroNodeError {
  response: { statusCode: number; body: unknown; headers: Record<string, string> };
  body: unknown;
}

/** xero-node rejects with a JSON string (docs/xero-facts.md §1). */
async function failure(p: Promise<unknown>): Promise<XeroNodeError> {
  try {
    await p;
  } catch (e) {
    return JSON.parse(e as string) as XeroNodeError;
  }
  throw new Error('expected a rejection');
}

let sb: RunningSandbox;
let xero: AccountingApi;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1);
  sb = await startSandbox({ dataDir: DEMO_DATA_DIR, autoApprove: true, clock: () => now, limits: { accessTokenTtlSeconds: 86_400 } });
  const tokens = await pkceLogin(sb, { scope: 'offline_access accounting.contacts accounting.invoices accounting.settings.read' });
  xero = new AccountingApi();
  xero.basePath = sb.apiUrl;
  xero.accessToken = tokens.access_token;
});
afterEach(async () => sb.close());

describe('xero-node AccountingApi against the sandbox', () => {
  it('pages through getContacts, with Dates and the pagination object deserialised', async () => {
    const seen: Contact[] = [];
    for (let page = 1; ; page++) {
      const { body, response } = await xero.getContacts(
        DEMO_TENANT_ID,
        undefined,
        undefined,
        undefined,
        undefined,
        page,
        true,
        undefined,
        undefined,
        5,
      );
      expect(response.headers['x-minlimit-remaining']).toBeDefined();
      seen.push(...(body.contacts ?? []));
      if (page >= (body.pagination?.pageCount ?? 0)) break;
    }
    expect(seen).toHaveLength(22);
    expect(seen[0]!.updatedDateUTC).toBeInstanceOf(Date);
    expect(seen.filter((c) => c.contactStatus === Contact.ContactStatusEnum.ARCHIVED)).toHaveLength(3);
  });

  it('sends where, IDs and If-Modified-Since the way the sandbox understands them', async () => {
    const where = await xero.getContacts(DEMO_TENANT_ID, undefined, 'AccountNumber=="SCT01"');
    const sct = where.body.contacts![0]!;
    expect(sct.name).toBe('Southern Cross Transport');
    const ids = await xero.getContacts(DEMO_TENANT_ID, undefined, undefined, undefined, [sct.contactID!]);
    expect(ids.body.contacts!.map((c) => c.name)).toEqual(['Southern Cross Transport']);
    now += 1000;
    const mark = new Date(now);
    await adminClient(sb)('PATCH', `/tenants/${DEMO_TENANT_ID}/contacts/${sct.contactID!}`, { Name: 'Southern Cross Transport Pty Ltd' });
    const changed = await xero.getContacts(DEMO_TENANT_ID, mark);
    expect(changed.body.contacts!.map((c) => c.name)).toEqual(['Southern Cross Transport Pty Ltd']);
  });

  it('createContacts, updateOrCreateContacts and updateContact; validation errors arrive as xero-node errors', async () => {
    const created = await xero.createContacts(
      DEMO_TENANT_ID,
      { contacts: [{ name: 'Node Co', accountNumber: 'NODE1', emailAddress: 'ar@node.example' }] },
      undefined,
      'node-key-1',
    );
    const id = created.body.contacts![0]!.contactID!;
    expect(created.body.contacts![0]!.isCustomer).toBe(false);

    const upd = await xero.updateOrCreateContacts(DEMO_TENANT_ID, { contacts: [{ contactID: id, accountNumber: 'NODE2' }] });
    expect(upd.body.contacts![0]!.accountNumber).toBe('NODE2');
    const one = await xero.updateContact(DEMO_TENANT_ID, id, { contacts: [{ name: 'Node Company' }] });
    expect(one.body.contacts![0]).toMatchObject({ name: 'Node Company', accountNumber: 'NODE2' });

    const err = await failure(xero.createContacts(DEMO_TENANT_ID, { contacts: [{ name: 'Another', accountNumber: 'ohl01' }] }));
    expect(err.response.statusCode).toBe(400);
    expect(err.body).toMatchObject({
      Type: 'ValidationException',
      Elements: [{ ValidationErrors: [{ Message: 'The Account Number already exists. Please enter a different Account Number.' }] }],
    });

    const mixed = await xero.createContacts(DEMO_TENANT_ID, { contacts: [{ name: 'Mixed One' }, { name: 'Node Company' }] }, false);
    expect(mixed.body.contacts!.map((c) => c.hasValidationErrors)).toEqual([false, true]);
    expect(mixed.body.contacts![1]!.validationErrors![0]!.message).toBe(
      'The contact name Node Company is already assigned to another contact. The contact name must be unique across all active contacts.',
    );

    const mismatch = await failure(xero.createContacts(DEMO_TENANT_ID, { contacts: [{ name: 'Different' }] }, undefined, 'node-key-1'));
    expect(mismatch.response.statusCode).toBe(400);
    expect(JSON.stringify(mismatch.body)).toContain('Idempotency Key: node-key-1 is used with a different request.');
  });

  it('getInvoices includes bills; createInvoices refuses a used sales number', async () => {
    const { body } = await xero.getInvoices(DEMO_TENANT_ID, undefined, 'Type=="ACCPAY"');
    expect(body.invoices!.map((i) => i.invoiceNumber)).toEqual(['INV-0003', 'KC-5531', 'KC-5531']);
    const contact = { contactID: body.invoices![0]!.contact!.contactID };
    const res = await xero.createInvoices(
      DEMO_TENANT_ID,
      { invoices: [{ type: Invoice.TypeEnum.ACCREC, invoiceNumber: 'INV-0001', contact }] },
      false,
    );
    expect(res.body.invoices![0]!.validationErrors![0]!.message).toBe('Invoice # must be unique.');
    const credit = await xero.getCreditNotes(DEMO_TENANT_ID, undefined, 'CreditNoteNumber=="CN-0001"');
    expect(credit.body.creditNotes).toHaveLength(2);
  });

  it('surfaces 401 TokenExpired, 429 with Retry-After and a cut connection the way xero-node reports them', async () => {
    const admin = adminClient(sb);
    await admin('POST', '/faults', { kind: 'cut', method: 'PUT', path: '/Contacts' });
    const cut = await failure(xero.createContacts(DEMO_TENANT_ID, { contacts: [{ name: 'Cut Node' }] }, undefined, 'cut-node'));
    // axios saw the 200 status line, then lost the body: xero-node reports statusCode 200 with a string body
    expect(cut.response.statusCode).toBe(200);
    expect(cut.body).toMatch(/aborted/);
    const retried = await xero.createContacts(DEMO_TENANT_ID, { contacts: [{ name: 'Cut Node' }] }, undefined, 'cut-node');
    expect(retried.body.contacts![0]!.name).toBe('Cut Node');

    await admin('POST', '/settings', { limits: { perMinute: 1 } });
    const limited = await failure(xero.getContacts(DEMO_TENANT_ID));
    expect(limited.response.statusCode).toBe(429);
    expect(limited.response.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.response.headers['x-rate-limit-problem']).toBe('minute');

    await admin('POST', '/settings', { limits: { perMinute: 60, minuteWindowMs: 1 } });
    await admin('POST', '/tokens/expire', {});
    const expired = await failure(xero.getContacts(DEMO_TENANT_ID));
    expect(expired.response.statusCode).toBe(401);
    expect(expired.body).toMatchObject({ Title: 'Unauthorized', Detail: expect.stringMatching(/^TokenExpired: token expired at /) });
  });
});
