// The exceptions channels over real HTTP through the web host: preview, import, list with filters, detail,
// paste, resolve / reopen, checklist, and the refusals (bad input 400, unknown id 404).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebHost } from '../support/web-host';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/exceptions');
const { call, value } = useWebHost();

const file = (name: string) => ({ fileName: name, content: readFileSync(join(FIXTURES, name)).toString('base64') });

interface Item {
  id: number;
  number: string;
  accountCode: string;
  playbookId: string;
  verdict: string | null;
  resolvedAt: string | null;
  resolvedNote: string;
}

describe('exceptions over the web host', () => {
  it('answers 409 before a workspace is open', async () => {
    const r = await call('exceptions.list', {});
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
  });

  it('previews an export without storing it: the detected columns and the first rows', async () => {
    const p = await value<{
      totalRows: number;
      columns: { mapping: Record<string, string | null> };
      rows: { message: string }[];
      problems: { severity: string }[];
    }>('exceptions.previewImport', file('exceptions.csv'));
    expect(p.totalRows).toBe(13);
    expect(p.columns.mapping.message).toBe('Exception');
    expect(p.columns.mapping.accountCode).toBe('Billing Account');
    expect(p.rows[0]!.message).toBe('Invoice # must be unique');
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('imports the export (and the accounts), then lists with filters', async () => {
    await value('imports.cocoon', file('accounts.csv'));
    // some Xero contacts (no invoices), so the billing accounts have findings
    await value('imports.xeroFile', {
      fileName: 'xero-contacts.json',
      content: readFileSync(resolve(FIXTURES, '../small/xero-contacts.json')).toString('base64'),
    });
    const s = await value<{ rows: number; added: number; ids: number[] }>('exceptions.import', file('exceptions.csv'));
    expect(s).toMatchObject({ rows: 13, added: 13 });
    const all = await value<{ items: Item[]; playbooks: { id: string }[] }>('exceptions.list', {});
    expect(all.items).toHaveLength(13);
    expect(all.playbooks.map((p) => p.id)).toContain('unknown');
    const unique = await value<{ items: Item[] }>('exceptions.list', { playbook: 'invoice_number_unique' });
    expect(unique.items.length).toBe(6);
    expect(unique.items.every((e) => e.playbookId === 'invoice_number_unique' && e.verdict !== null)).toBe(true);
    // no Xero invoices in this workspace: every number check says so rather than "not found"
    const checked = all.items.filter((e) => e.verdict !== null);
    expect(checked.length).toBeGreaterThanOrEqual(unique.items.length);
    const cannot = await value<{ items: Item[] }>('exceptions.list', { verdict: 'cannot_check' });
    expect(cannot.items.map((e) => e.id).sort()).toEqual(checked.map((e) => e.id).sort());
    expect((await value<{ items: Item[] }>('exceptions.list', { verdict: 'not_found' })).items).toHaveLength(0);
    const again = await value<{ added: number; updated: number }>('exceptions.import', file('exceptions.csv'));
    expect(again).toMatchObject({ added: 0, updated: 13 });
  });

  it('shows the detail with the linked billing account, resolves and reopens', async () => {
    const { items } = await value<{ items: Item[] }>('exceptions.list', { playbook: 'account_number_exists' });
    expect(items).toHaveLength(1);
    const e = items[0]!;
    expect(e.accountCode).toBe('SCT01');
    const d = await value<{ playbook: { id: string; linksAccount: boolean }; finding: { accountCode: string } | null; steps: unknown[] }>(
      'exceptions.detail',
      { id: e.id },
    );
    expect(d.playbook).toMatchObject({ id: 'account_number_exists', linksAccount: true });
    expect(d.finding?.accountCode).toBe('SCT01');
    expect(d.steps.length).toBeGreaterThan(0);

    const resolved = await value<Item>('exceptions.setResolved', { id: e.id, resolved: true, note: 'recoded in CocoonOPS' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolvedNote).toBe('recoded in CocoonOPS');
    expect((await value<{ items: Item[] }>('exceptions.list', { resolved: true })).items.map((x) => x.id)).toEqual([e.id]);
    expect((await value<{ items: Item[] }>('exceptions.list', { resolved: false })).items).toHaveLength(12);
    const steps = await value<{ exceptionId: number }[]>('exceptions.checklist', {});
    expect(steps.some((s) => s.exceptionId === e.id)).toBe(false);

    const reopened = await value<Item>('exceptions.setResolved', { id: e.id, resolved: false });
    expect(reopened.resolvedAt).toBeNull();
  });

  it('adds a pasted message and re-checks the invoice numbers', async () => {
    const before = (await value<{ items: Item[] }>('exceptions.list', { resolved: false })).items.filter((e) => e.verdict !== null).length;
    const d = await value<{ exception: Item; playbook: { id: string } }>('exceptions.paste', {
      message: 'Invoice # must be unique.',
      number: 'INV-4242',
    });
    expect(d.playbook.id).toBe('invoice_number_unique');
    expect(d.exception).toMatchObject({ number: 'INV-4242', verdict: 'cannot_check' });
    const r = await value<{ checked: number }>('exceptions.recheck', {});
    expect(r.checked).toBe(before + 1);
  });

  it('refuses bad input (400), unknown ids (404) and a broken file (422 with problems)', async () => {
    expect((await call('exceptions.paste', { message: '   ' })).status).toBe(400);
    expect((await call('exceptions.setResolved', { id: 'one', resolved: true })).status).toBe(400);
    expect((await call('exceptions.list', { verdict: 'maybe' })).status).toBe(400);
    const missing = await call('exceptions.detail', { id: 99_999 });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('exceptions.setResolved', { id: 99_999, resolved: true })).status).toBe(404);
    const bad = await call('exceptions.import', { fileName: 'bad.csv', content: Buffer.from('Foo,Bar\n1,2\n').toString('base64') });
    expect(bad.body.ok).toBe(false);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    if (!bad.body.ok) expect(bad.body.error.code).toBe('import_failed');
  });
});
