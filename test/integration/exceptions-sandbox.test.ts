// Exceptions against the sandbox's demo organisation: the Xero messages come from real sandbox calls, the invoices and
// credit notes reach the workspace through the real sync, and every verdict is produced from them.
import { describe, expect, it } from 'vitest';
import { importCocoonFile } from '../../src/main/imports/import-files';
import {
  addPastedException,
  exceptionChecklist,
  getException,
  importExceptionsFile,
  listExceptions,
  recheckExceptions,
  setExceptionResolved,
} from '../../src/main/exceptions';
import { createMemorySecretStore, openXeroSession, RateLimiterRegistry } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { DEMO_DATA_DIR } from '../../src/sandbox/index.js';
import { connect } from '../../src/sandbox/testing/sandbox-client.js';
import type { Json } from '../../src/sandbox/index.js';
import { ExceptionDetail } from '../../src/shared/exceptions';
import { sandbox, tempWorkspace, signIn } from '../support/xero-sandbox';

const fixture = (name: string): string => new URL(`../fixtures/exceptions/${name}`, import.meta.url).pathname;

async function setup() {
  const sb = await sandbox({ dataDir: DEMO_DATA_DIR });
  const ws = tempWorkspace();
  const secrets = createMemorySecretStore();
  await signIn(ws, sb, { secrets });
  const session = openXeroSession(ws, { standIn: sb.url, secrets, limiters: new RateLimiterRegistry() });
  return { sb, ws, sync: () => syncWorkspace(ws, session.client) };
}

/** What the sandbox (like Xero) answers when CocoonOPS creates this invoice: its first validation message. */
async function xeroMessage(sb: Awaited<ReturnType<typeof setup>>['sb'], invoice: Json): Promise<string> {
  const { api } = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices' });
  const r = await api<{ Elements: { ValidationErrors: { Message: string }[] }[] }>('PUT', '/Invoices', { Invoices: [invoice] });
  expect(r.status).toBe(400);
  return r.body.Elements[0]!.ValidationErrors[0]!.Message;
}

describe("exceptions on the sandbox's invoices", () => {
  it('says "cannot check" before a sync, then gives every verdict from the synced invoices and credit notes', async () => {
    const { ws, sync } = await setup();
    await importCocoonFile(ws, fixture('accounts.csv'));
    const imported = await importExceptionsFile(ws, fixture('exceptions.csv'));
    expect(imported).toMatchObject({ rows: 13, added: 13, updated: 0, stillOpen: [] });
    const unique = () => listExceptions(ws, { playbook: 'invoice_number_unique' });
    expect(unique().map((e) => e.verdict)).toEqual(Array(6).fill('cannot_check'));
    expect(unique()[0]!.check!.summary).toContain('sync Xero first');

    // The sync checks the open exceptions again by itself; an explicit recheck finds the same.
    expect((await sync()).findings).toMatchObject({ exceptionsRechecked: 7 });
    expect(unique().map((e) => e.verdict)).not.toContain('cannot_check');
    expect(recheckExceptions(ws)).toEqual({
      checked: 7,
      byVerdict: { exists_matches: 4, exists_differs: 2, exists_unverified: 0, not_found: 1, cannot_check: 0 },
    });
    const verdicts = Object.fromEntries(
      listExceptions(ws)
        .filter((e) => e.verdict)
        .map((e) => [e.number, e.verdict]),
    );
    expect(verdicts).toEqual({
      'INV-0001': 'exists_matches',
      'INV-0003': 'exists_differs',
      'INV-0099': 'not_found',
      'CN-0001': 'exists_matches',
      'INV-0007': 'exists_matches', // the invoice, not the credit note with the same number
      'INV-0005': 'exists_differs',
      'INV-0002': 'exists_matches', // "cannot be edited": the paid invoice in Xero matches, close it
    });
    const byNumber = (n: string) => listExceptions(ws).find((e) => e.number === n)!;
    expect(byNumber('INV-0003').check!.differences).toEqual([{ field: 'total', cocoon: '2300.00', xero: '2200.00' }]);
    expect(byNumber('INV-0005').check!.differences).toEqual([{ field: 'status', cocoon: 'active', xero: 'VOIDED' }]);
    expect(byNumber('INV-0007').check!.others.map((o) => o.type)).toEqual(['ACCRECCREDIT']);
    expect(byNumber('CN-0001').check!.xero).toMatchObject({ type: 'ACCRECCREDIT', total: 125, contactAccountNumber: 'ACME01' });
    expect(getException(ws, byNumber('INV-0099').id).steps.map((s) => s.text)).toEqual([
      'Invoice INV-0099: set the invoice state to something other than issued, if it is currently issued.',
      'Invoice INV-0099: set the invoice state to issued to trigger the sync operation.',
      'Invoice INV-0099: set the invoice state back to "Approved" (its state before the re-send).',
    ]);
    expect(getException(ws, byNumber('INV-0001').id).steps).toMatchObject([{ kind: 'close_exception' }]);

    // the other playbooks
    expect(
      Object.fromEntries(
        listExceptions(ws)
          .filter((e) => !e.verdict)
          .map((e) => [e.number, e.playbookId]),
      ),
    ).toEqual({
      'CO-9': 'account_number_exists',
      'CO-10': 'contact_archived',
      'CO-11': 'tax_type_invalid',
      'CO-12': 'currency_not_subscribed',
      'CO-13': 'lock_date',
      'CO-14': 'unknown',
    });
    const archived = getException(ws, byNumber('CO-10').id);
    expect(archived.finding).toMatchObject({ accountCode: 'OHL01', kind: 'archived_holder' });
    expect(archived.steps[0]).toMatchObject({
      kind: 'fix',
      text: expect.stringContaining('Fix billing account OHL01 first (Archived holder'),
    });
  });

  it('links "Account Number already exists" to the account\'s finding and decision, with the message the sandbox really sends', async () => {
    const { sb, ws, sync } = await setup();
    const message = await xeroMessage(sb, {
      Type: 'ACCREC',
      InvoiceNumber: 'CO-9',
      Contact: { Name: 'Southern Cross Transport Pty Ltd', AccountNumber: 'SCT01' },
    });
    expect(message).toBe('The Account Number already exists. Please enter a different Account Number.');
    await importCocoonFile(ws, fixture('accounts.csv'));
    await sync();
    ws.decisions.add({ accountCode: 'SCT01', action: 'rename_in_cocoon', note: 'CocoonOPS name is wrong' });

    const d = addPastedException(ws, { message, number: 'CO-9', accountCode: 'SCT01', state: 'Issued' });
    expect(d.playbook.id).toBe('account_number_exists');
    expect(ExceptionDetail.parse(d)).toEqual(d); // what the contract will check
    expect(d.finding).toMatchObject({ accountCode: 'SCT01', kind: 'name_mismatch' });
    expect(d.decision).toMatchObject({ action: 'rename_in_cocoon', note: 'CocoonOPS name is wrong' });
    expect(d.steps.map((s) => s.kind)).toEqual(['fix', 'resend', 'resend']);
    expect(d.steps[0]!.text).toMatch(
      /^Fix billing account SCT01 first \(Name mismatch: .*Decided: Rename in CocoonOPS \(CocoonOPS name is wrong\)\.$/,
    );
  });

  it('checks a pasted "Invoice # must be unique." from the sandbox; resolving and reopening are audited and leave the checklist', async () => {
    const { sb, ws, sync } = await setup();
    const message = await xeroMessage(sb, { Type: 'ACCREC', InvoiceNumber: 'INV-0001', Contact: { Name: 'Acme Freight Pty Ltd' } });
    expect(message).toBe('Invoice # must be unique.');
    await sync();
    const d = addPastedException(ws, {
      message,
      number: 'INV-0001',
      accountCode: 'ACME01',
      docType: 'invoice',
      date: '2025-03-03',
      total: 1250,
      currency: 'aud',
    });
    expect(d.exception).toMatchObject({ source: 'pasted', verdict: 'exists_matches', currency: 'AUD' });
    const missing = addPastedException(ws, { message: `Invoice INV-0404: ${message}` });
    expect(missing.exception).toMatchObject({ number: 'INV-0404', verdict: 'not_found' });

    expect(exceptionChecklist(ws).map((s) => [s.exceptionId, s.kind])).toEqual([
      [d.exception.id, 'close_exception'],
      [missing.exception.id, 'resend'],
      [missing.exception.id, 'resend'],
      [missing.exception.id, 'resend'],
    ]);
    const resolved = setExceptionResolved(ws, d.exception.id, true, { note: 'closed in CocoonOPS' });
    expect(resolved).toMatchObject({ resolvedAt: expect.any(String), resolvedNote: 'closed in CocoonOPS' });
    expect(listExceptions(ws, { resolved: true }).map((e) => e.id)).toEqual([d.exception.id]);
    expect(listExceptions(ws, { resolved: false, verdict: 'not_found' }).map((e) => e.id)).toEqual([missing.exception.id]);
    expect(exceptionChecklist(ws).every((s) => s.exceptionId === missing.exception.id)).toBe(true);
    expect(exceptionChecklist(ws, { includeResolved: true })).toHaveLength(4);
    setExceptionResolved(ws, d.exception.id, false);
    expect(ws.exceptions.get(d.exception.id)).toMatchObject({ resolvedAt: null, resolvedNote: '' });
    const audit = ws.audit.list({ limit: 3 });
    expect(audit.map((a) => [a.action, a.subject])).toEqual([
      ['exception.reopen', `exception ${d.exception.id} (INV-0001)`],
      ['exception.resolve', `exception ${d.exception.id} (INV-0001)`],
      ['exceptions.paste', 'INV-0404'],
    ]);
    expect(audit[1]).toMatchObject({
      actor: 'user',
      before: { resolvedAt: null },
      after: { resolvedAt: expect.any(String), note: 'closed in CocoonOPS' },
    });
  });
});
