// Every repository round-trips the domain types through a real workspace file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/main/db/index';
import type { NewCorrection } from '../../src/main/db/repos/outbox';
import type { Finding, MatchResult } from '../../src/shared/domain';
import { account, contact, finding, rawOf, useTempDir } from './workspace-helpers';

const tmp = useTempDir();
let ws: Workspace;
let tick = 0;
const now = () => new Date(Date.UTC(2024, 5, 1, 9, 0, tick++)).toISOString();

beforeEach(() => {
  tick = 0;
  ws = openWorkspace(tmp.file('w.reconciler'), { create: true, now });
});
afterEach(() => ws.close());

const reopen = (): Workspace => {
  ws.close();
  ws = openWorkspace(tmp.file('w.reconciler'), { now });
  return ws;
};

describe('imports', () => {
  it('records running, complete and failed imports', () => {
    const a = ws.imports.begin('cocoon', 'accounts.csv', 'aa11');
    expect(ws.imports.get(a)).toMatchObject({
      id: a,
      kind: 'cocoon',
      status: 'running',
      fileName: 'accounts.csv',
      sha256: 'aa11',
      finishedAt: null,
    });
    ws.imports.complete(a, 120, { skipped: 2 });
    const b = ws.imports.begin('xero_sync', null, null);
    ws.imports.fail(b, 'network down');
    reopen();
    expect(ws.imports.get(a)).toMatchObject({ status: 'complete', rowCount: 120, detail: { skipped: 2 }, finishedAt: expect.any(String) });
    expect(ws.imports.get(b)).toMatchObject({ status: 'failed', rowCount: null, detail: { error: 'network down' } });
    expect(ws.imports.latest()?.id).toBe(b);
    expect(ws.imports.latest('cocoon')?.id).toBe(a);
    expect(ws.imports.latest('xero_sync', 'complete')).toBeUndefined();
    expect(ws.imports.list().map((i) => i.id)).toEqual([b, a]);
  });

  it('refuses to finish an import twice or one that does not exist', () => {
    const a = ws.imports.begin('xero_file', 'contacts.csv', 'bb22');
    ws.imports.complete(a, 1);
    expect(() => ws.imports.fail(a, 'late')).toThrow(/already finished/);
    expect(() => ws.imports.complete(999, 1)).toThrow(/does not exist/);
  });
});

describe('billing accounts', () => {
  it('replaceAll stores the snapshot and list returns it in file row order', () => {
    const importId = ws.imports.begin('cocoon', 'a.csv', null);
    const accounts = [account(3), account(1, { contactName: '', email: '' }), account(2, { name: 'Ünïcode & Sons' })];
    ws.accounts.replaceAll(importId, accounts);
    reopen();
    expect(ws.accounts.list()).toEqual([accounts[1], accounts[2], accounts[0]]);
    expect(ws.accounts.count()).toBe(3);
    expect(ws.accounts.get('C00002')).toEqual(accounts[2]);
    expect(ws.accounts.get('nope')).toBeUndefined();
    // Read in bulk (one query for thousands): the same accounts, none for unknown codes.
    expect(ws.accounts.getMany(['C00002', 'nope', 'C00003'])).toEqual(
      new Map([
        ['C00002', accounts[2]],
        ['C00003', accounts[0]],
      ]),
    );
  });

  it('replaceAll replaces the whole set', () => {
    const first = ws.imports.begin('cocoon', 'a.csv', null);
    ws.accounts.replaceAll(first, [account(1), account(2)]);
    const second = ws.imports.begin('cocoon', 'b.csv', null);
    ws.accounts.replaceAll(second, [account(3)]);
    expect(ws.accounts.list()).toEqual([account(3)]);
  });

  it('replaceAll is atomic: a duplicate code mid-way leaves the previous set intact', () => {
    const first = ws.imports.begin('cocoon', 'a.csv', null);
    ws.accounts.replaceAll(first, [account(1), account(2)]);
    const second = ws.imports.begin('cocoon', 'b.csv', null);
    expect(() => ws.accounts.replaceAll(second, [account(5), account(6), account(7, { code: 'C00005' })])).toThrow(/UNIQUE/);
    expect(ws.accounts.list()).toEqual([account(1), account(2)]);
  });

  it('replaceAll needs a real import (foreign keys are on)', () => {
    const first = ws.imports.begin('cocoon', 'a.csv', null);
    ws.accounts.replaceAll(first, [account(1)]);
    expect(() => ws.accounts.replaceAll(9999, [account(2)])).toThrow(/FOREIGN KEY/);
    expect(ws.accounts.list()).toEqual([account(1)]);
  });
});

describe('xero contacts', () => {
  const items = (...ids: number[]) => ids.map((i) => ({ contact: contact(i), raw: rawOf(contact(i)) }));

  it('upsertMany inserts and updates, list orders by contact id, raw JSON is kept', () => {
    ws.contacts.upsertMany(items(2, 1));
    const renamed = contact(1, { name: 'Renamed Ltd', status: 'ARCHIVED', isCustomer: false, accountNumber: '' });
    ws.contacts.upsertMany([{ contact: renamed, raw: rawOf(renamed) }]);
    reopen();
    expect(ws.contacts.list()).toEqual([renamed, contact(2)]);
    expect(ws.contacts.get(contact(2).contactId)).toEqual(contact(2));
    expect(ws.contacts.getRaw(renamed.contactId)).toEqual(rawOf(renamed));
    expect(ws.contacts.getRaw('missing')).toBeUndefined();
    expect(ws.contacts.count()).toBe(2);
  });

  it('storedCopiesOf reads the fields a correction compares, frozen, and a correction keeps the very text as its before-image', () => {
    ws.contacts.upsertMany(items(1, 2));
    // Stored as Xero's answer spelled it (spacing included), not as JSON.stringify would.
    const text = `{ "ContactID": "${contact(1).contactId}",  "Name": "Customer 1 Ltd", "Addresses": [ ] }`;
    ws.db.prepare('UPDATE xero_contacts SET raw_json = ? WHERE contact_id = ?').run(text, contact(1).contactId);
    const copies = ws.contacts.storedCopiesOf([contact(1).contactId, contact(2).contactId, contact(1).contactId, 'missing']);
    expect([...copies.keys()].sort()).toEqual([contact(1).contactId, contact(2).contactId].sort());
    const before = copies.get(contact(1).contactId)!;
    expect(before).toEqual({
      ContactID: contact(1).contactId,
      Name: contact(1).name,
      AccountNumber: contact(1).accountNumber,
      ContactStatus: 'ACTIVE',
      UpdatedDateUTC: contact(1).updatedDateUtc,
    });
    expect(Object.isFrozen(before)).toBe(true);
    expect(() => {
      (before as { Name: string }).Name = 'changed';
    }).toThrow(TypeError);
    const rename: Omit<NewCorrection, 'subject'> = {
      accountCode: 'C00001',
      target: 'xero',
      kind: 'rename',
      changes: [{ field: 'Name', from: 'Customer 1 Ltd', to: 'Customer One Ltd' }],
    };
    const beforeJson = ws.db.prepare<[number], string>('SELECT before_json FROM corrections WHERE id = ?').pluck();
    expect(beforeJson.get(ws.outbox.add({ ...rename, subject: contact(1).contactId, before }).id)).toBe(text);
    // A value not read from storage is written as JSON.
    expect(beforeJson.get(ws.outbox.add({ ...rename, subject: contact(2).contactId, before: { Name: 'x' } }).id)).toBe('{"Name":"x"}');
  });

  it('byAccountNumber finds every holder of a code', () => {
    const twin = contact(9, { accountNumber: 'C00001', name: 'Customer 1 Ltd (old)', status: 'ARCHIVED' });
    ws.contacts.upsertMany([...items(1, 2), { contact: twin, raw: {} }]);
    expect(ws.contacts.byAccountNumber('C00001')).toEqual([contact(1), twin]);
    expect(ws.contacts.byAccountNumber('C99999')).toEqual([]);
  });

  it('replaceAll makes the file the whole Xero side, atomically, and records the import', () => {
    const sync = ws.imports.begin('xero_sync', null, null);
    ws.contacts.upsertMany(items(1, 2, 3), sync);
    const file = ws.imports.begin('xero_file', 'contacts.csv', 'cc33');
    ws.contacts.replaceAll(items(4, 5), file);
    expect(ws.contacts.list()).toEqual([contact(4), contact(5)]);
    expect(ws.db.prepare('SELECT DISTINCT import_id FROM xero_contacts').pluck().all()).toEqual([file]);

    const broken = { contact: { ...contact(7), name: null as unknown as string }, raw: {} };
    expect(() => ws.contacts.replaceAll([...items(6), broken], file)).toThrow(/NOT NULL/);
    expect(ws.contacts.list()).toEqual([contact(4), contact(5)]);
  });
});

describe('invoices', () => {
  it('upserts invoices and credit notes and finds them by number', () => {
    const invoice = {
      invoiceId: 'inv-1',
      docType: 'invoice' as const,
      number: 'INV-0042',
      type: 'ACCREC',
      contactId: contact(1).contactId,
      contactName: 'Customer 1 Ltd',
      date: '2024-05-02',
      total: 1234.56,
      currency: 'GBP',
      status: 'AUTHORISED',
      updatedDateUtc: '2024-05-02T10:00:00.000Z',
    };
    const credit = { ...invoice, invoiceId: 'cn-1', docType: 'credit_note' as const, type: 'ACCRECCREDIT', total: 10 };
    ws.invoices.upsertMany([
      { invoice, raw: { InvoiceID: 'inv-1' } },
      { invoice: credit, raw: {} },
    ]);
    ws.invoices.upsertMany([{ invoice: { ...invoice, status: 'PAID' }, raw: {} }]);
    expect(ws.invoices.count()).toBe(2);
    expect(ws.invoices.findByNumber('INV-0042')).toEqual([credit, { ...invoice, status: 'PAID' }]);
    expect(ws.invoices.findByNumber('INV-0001')).toEqual([]);
  });
});

describe('findings', () => {
  const pick = ({ accountCode, accountRow, kind, xeroContactId, codeHolderId, score, explanation, fix }: Finding) => ({
    accountCode,
    accountRow,
    kind,
    xeroContactId,
    codeHolderId,
    score,
    explanation,
    fix,
  });
  const result: MatchResult = {
    findings: [
      finding(2, { kind: 'name_mismatch', fix: 'rename_in_xero_or_cocoon', score: 0.4, xeroContactId: null }),
      finding(1),
      finding(3, {
        kind: 'not_in_xero',
        fix: 'create_in_xero',
        xeroContactId: null,
        codeHolderId: null,
        candidates: [],
        contributions: [],
      }),
    ],
    xeroFindings: [
      { kind: 'duplicate_contact', contactIds: [contact(1).contactId, contact(8).contactId], score: 0.9, explanation: 'same name' },
    ],
  };

  it('replaceAll stores findings; list returns domain Findings in account row order', () => {
    ws.findings.replaceAll(result, '2024-06-01T10:00:00.000Z');
    reopen();
    expect(ws.findings.list()).toEqual([result.findings[1], result.findings[0], result.findings[2]]);
    expect(ws.findings.list({ kind: 'name_mismatch' })).toEqual([result.findings[0]]);
    expect(ws.findings.get('C00003')).toEqual(result.findings[2]);
    // Read in bulk, the detail parsed when read: the same fields, and the same JSON (toJSON has the detail too).
    const many = ws.findings.getMany(['C00002', 'C00001', 'nope']);
    expect([...many.keys()]).toEqual(['C00002', 'C00001']);
    const lazy = many.get('C00002')!;
    expect({ ...pick(lazy), candidates: lazy.candidates, contributions: lazy.contributions, sync: lazy.sync }).toEqual(result.findings[0]);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(result.findings[0])));
    expect(ws.findings.xeroFindings()).toEqual(result.xeroFindings);
    expect(ws.findings.computedAt()).toBe('2024-06-01T10:00:00.000Z');
    expect(ws.findings.countsByKind()).toEqual({
      ok: 1,
      name_mismatch: 1,
      archived_holder: 0,
      code_missing: 0,
      code_conflict: 0,
      not_in_xero: 1,
      ambiguous: 0,
      not_customer: 0,
      code_differs: 0,
    });
  });

  it('replaceAll replaces everything, atomically', () => {
    ws.findings.replaceAll(result, '2024-06-01T10:00:00.000Z');
    ws.findings.replaceAll({ findings: [finding(5)], xeroFindings: [] }, '2024-06-02T10:00:00.000Z');
    expect(ws.findings.list()).toEqual([finding(5)]);
    expect(ws.findings.xeroFindings()).toEqual([]);

    expect(() => ws.findings.replaceAll({ findings: [finding(6), finding(6)], xeroFindings: [] }, '2024-06-03T00:00:00.000Z')).toThrow(
      /UNIQUE/,
    );
    expect(ws.findings.list()).toEqual([finding(5)]);
    expect(ws.findings.computedAt()).toBe('2024-06-02T10:00:00.000Z');

    ws.findings.replaceAll({ findings: [], xeroFindings: [] }, '2024-06-04T00:00:00.000Z');
    expect(ws.findings.computedAt()).toBe('2024-06-04T00:00:00.000Z');
  });
});

describe('decisions', () => {
  it('tracks the current decision, history and undo', () => {
    const first = ws.decisions.add({ accountCode: 'C00001', action: 'link', xeroContactId: contact(1).contactId });
    const second = ws.decisions.add({
      accountCode: 'C00001',
      action: 'ignore',
      note: 'test account',
      source: 'bulk',
      payload: { reason: 'internal' },
    });
    ws.decisions.add({ accountCode: 'C00002', action: 'link', xeroContactId: contact(2).contactId });
    expect(ws.decisions.current('C00001')).toEqual(second);
    expect(second).toMatchObject({
      action: 'ignore',
      note: 'test account',
      source: 'bulk',
      payload: { reason: 'internal' },
      undoneAt: null,
      xeroContactId: null,
    });
    expect(ws.decisions.listCurrent().map((d) => [d.accountCode, d.action])).toEqual([
      ['C00001', 'ignore'],
      ['C00002', 'link'],
    ]);

    const undone = ws.decisions.undoLatest('C00001');
    expect(undone).toMatchObject({ id: second.id, undoneAt: expect.any(String) });
    expect(ws.decisions.current('C00001')).toEqual(first);
    ws.decisions.undoLatest('C00001');
    expect(ws.decisions.current('C00001')).toBeUndefined();
    expect(ws.decisions.undoLatest('C00001')).toBeUndefined();
    expect(ws.decisions.history('C00001').map((d) => [d.id, d.undoneAt !== null])).toEqual([
      [first.id, true],
      [second.id, true],
    ]);
    expect(ws.decisions.listCurrent().map((d) => d.accountCode)).toEqual(['C00002']);
  });

  it('survive findings.replaceAll and accounts.replaceAll, even when the account is dropped', () => {
    const imp = ws.imports.begin('cocoon', 'a.csv', null);
    ws.accounts.replaceAll(imp, [account(1), account(2)]);
    ws.findings.replaceAll({ findings: [finding(1), finding(2)], xeroFindings: [] }, now());
    const d = ws.decisions.add({ accountCode: 'C00001', action: 'link', xeroContactId: contact(1).contactId });

    ws.findings.replaceAll({ findings: [finding(2)], xeroFindings: [] }, now());
    const next = ws.imports.begin('cocoon', 'b.csv', null);
    ws.accounts.replaceAll(next, [account(2)]);
    reopen();
    expect(ws.accounts.get('C00001')).toBeUndefined();
    expect(ws.decisions.current('C00001')).toEqual(d);
  });

  it('cannot be deleted', () => {
    ws.decisions.add({ accountCode: 'C00001', action: 'ignore' });
    expect(() => ws.db.exec('DELETE FROM decisions')).toThrow(/undo a decision instead/);
    expect(ws.decisions.history('C00001')).toHaveLength(1);
  });
});

describe('audit log', () => {
  it('appends entries and lists them newest first with paging', () => {
    const a = ws.audit.append({ actor: 'user', action: 'import.cocoon', result: 'ok', detail: { rows: 3 } });
    const b = ws.audit.append({
      actor: 'user',
      action: 'decision.add',
      subject: 'C00001',
      before: null,
      after: { action: 'link' },
      result: 'ok',
    });
    reopen();
    expect(ws.audit.list().map((e) => e.id)).toEqual([b, a]);
    expect(ws.audit.list({ limit: 1, offset: 1 })).toEqual([
      {
        id: a,
        at: expect.any(String),
        actor: 'user',
        action: 'import.cocoon',
        subject: '',
        before: null,
        after: null,
        result: 'ok',
        detail: { rows: 3 },
      },
    ]);
    expect(ws.audit.list({ limit: 1 })[0]).toMatchObject({ subject: 'C00001', after: { action: 'link' } });
    expect(ws.audit.count()).toBe(2);
  });

  it('rejects UPDATE and DELETE', () => {
    ws.audit.append({ actor: 'user', action: 'x', result: 'ok' });
    expect(() => ws.db.exec(`UPDATE audit_log SET result = 'changed'`)).toThrow(/append-only/);
    expect(() => ws.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(ws.audit.list()).toMatchObject([{ result: 'ok' }]);
  });
});

describe('sync state and transactions', () => {
  it('gets and overwrites values', () => {
    expect(ws.syncState.get('contacts.lastCompleteSync')).toBeUndefined();
    ws.syncState.set('contacts.lastCompleteSync', '2024-06-01T00:00:00Z');
    ws.syncState.set('contacts.lastCompleteSync', '2024-06-02T00:00:00Z');
    expect(reopen().syncState.get('contacts.lastCompleteSync')).toBe('2024-06-02T00:00:00Z');
  });

  it('workspace.transaction rolls back every repo on a throw and returns the value otherwise', () => {
    expect(() =>
      ws.transaction(() => {
        ws.decisions.add({ accountCode: 'C00001', action: 'ignore' });
        ws.audit.append({ actor: 'user', action: 'decision.add', result: 'ok' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(ws.decisions.listCurrent()).toEqual([]);
    expect(ws.audit.count()).toBe(0);
    expect(ws.transaction(() => ws.audit.append({ actor: 'user', action: 'y', result: 'ok' }))).toBe(1);
  });
});
