// The checklist of fixes made by hand (CocoonOPS, and the Xero web app), grouped by what is to be done, a re-send line
// only for documents an open exception names and Xero does not hold, ticked off and exported as CSV, XLSX and a
// printable page; and the CLI's push --dry-run, checklist and audit commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addPastedException } from '../../src/main/exceptions';
import { buildChecklist, pushOutbox, tickLine } from '../../src/main/outbox';
import { checklistCsv, checklistHtml, checklistXlsx } from '../../src/main/exports/checklist-files';
import { applyDecision } from '../../src/main/review/decide';
import { runCliAsync } from '../support/cli-async';
import { accountName, codeOf, contactId, outboxWorld, sandboxContact } from '../support/outbox-setup';

async function checklistWorld() {
  const w = await outboxWorld({ n: 6, decide: false, fileSecrets: true });
  const { ws } = w;
  applyDecision(ws, { accountCode: codeOf(0), action: 'rename_in_cocoon' }); // name mismatch: the Xero name is right
  applyDecision(ws, { accountCode: codeOf(3), action: 'rename_in_xero' });
  applyDecision(ws, { accountCode: codeOf(2), action: 'recode_in_cocoon' }); // archived holder: free the code in CocoonOPS
  applyDecision(ws, { accountCode: codeOf(1), action: 'set_account_number' });
  // a rename to a name another active contact has: not sent; merging is a step for the Xero web app
  ws.decisions.add({
    accountCode: codeOf(4),
    action: 'link',
    xeroContactId: contactId(4),
    payload: {
      changes: [{ target: 'xero', subject: contactId(4), field: 'Name', from: accountName(4), to: accountName(1) }],
      contactUpdatedDateUtc: ws.contacts.get(contactId(4))!.updatedDateUtc,
    },
  });
  addPastedException(ws, {
    message: 'The Account Number already exists. Please enter a different Account Number.',
    number: 'INV-0042',
    accountCode: codeOf(0),
    docType: 'invoice',
    state: 'Draft',
  });
  return w;
}

describe('CocoonOPS checklist', () => {
  it('one line per fix, grouped by what is to be done; re-sends name their invoices; ticks stored; CSV, XLSX and printable page', async () => {
    const w = await checklistWorld();
    const { ws } = w;
    await pushOutbox(ws, w.session.client);
    expect(sandboxContact(w.sb, 3).Name).toBe(accountName(3));
    expect(sandboxContact(w.sb, 4).Name).toBe(accountName(4)); // blocked: not sent

    const list = buildChecklist(ws, '2026-03-01T10:00:00.000Z');
    expect(list.groups.map((g) => [g.task, g.title, g.lines.map((l) => l.accountCode)])).toEqual([
      ['rename', 'Rename in CocoonOPS', [codeOf(0)]],
      ['recode', 'Change a billing account code in CocoonOPS', [codeOf(2)]],
      ['xero', 'Merge contacts or free an Account Number in Xero', [codeOf(4)]],
      ['resend', 'Re-send invoices from CocoonOPS', [codeOf(0)]],
      ['exceptions', 'Check and close CocoonOPS exceptions', [codeOf(0)]],
    ]);
    const [rename, recode, merge, resend] = list.groups.map((g) => g.lines[0]!);
    expect(rename).toMatchObject({ accountName: accountName(0), kind: 'rename', place: 'cocoonops' });
    expect(rename!.text).toBe(
      `Rename the organisation "${accountName(0)}" to "Harbour 0 Freight Ltd" (billing account ${codeOf(0)}), as its Xero contact is named.`,
    );
    expect(recode!.text).toMatch(
      new RegExp(`Give "${accountName(2)}" a new billing account code: ${codeOf(2)} is held in Xero by "${accountName(2)}"`),
    );
    // The re-send names the invoice the exception is about, with its three toggles (it was a draft, not issued);
    // accounts fixed without an exception naming a failed invoice (K000002, K000003) have nothing to re-send.
    expect(resend).toMatchObject({ kind: 'resend', place: 'cocoonops', documents: ['INV-0042'] });
    expect(resend!.key).toMatch(/^correction:\d+$/);
    expect(resend!.text).toBe(
      `Re-send invoice INV-0042 of "${accountName(0)}" (billing account ${codeOf(0)}), once the fixes above are made:`,
    );
    expect(resend!.steps).toEqual([
      'Invoice INV-0042: set the invoice state to something other than issued, if it is currently issued.',
      'Invoice INV-0042: set the invoice state to issued to trigger the sync operation.',
      'Invoice INV-0042: set the invoice state back to "Draft" (its state before the re-send).',
    ]);
    expect(list.groups.find((g) => g.task === 'exceptions')!.lines[0]!.text).toBe('Invoice INV-0042 (exception #1):');
    expect(merge!.place).toBe('xero');
    expect(merge!.text).toMatch(
      /In the Xero web app: "Harbour 4 Freight Pty Ltd" cannot become "Harbour 1 Freight Pty Ltd" while the active contact "Harbour 1 Freight Pty Ltd" has that name.*merge them/,
    );
    const g0 = { lines: [rename!] };

    // ticking a correction's line marks it done; unticking puts it back
    const renamed = tickLine(ws, g0.lines[0]!.key, true, '2026-03-01T11:00:00.000Z');
    expect(renamed).toMatchObject({ ticked: true, tickedAt: '2026-03-01T11:00:00.000Z', text: rename!.text });
    expect(ws.outbox.get(renamed.correctionId!)!.status).toBe('done');
    tickLine(ws, merge!.key, true, '2026-03-01T11:05:00.000Z');
    const after = buildChecklist(ws, '2026-03-01T12:00:00.000Z');
    expect(after).toMatchObject({ total: list.total, ticked: 2 });
    tickLine(ws, g0.lines[0]!.key, false, '2026-03-01T11:10:00.000Z');
    expect(ws.outbox.get(renamed.correctionId!)!.status).toBe('queued');
    expect(() => tickLine(ws, 'correction:99999', true, '2026-03-01T11:00:00.000Z')).toThrow(/no checklist line/);
    expect(
      ws.audit
        .list({ limit: 100 })
        .filter((e) => e.action.startsWith('checklist.'))
        .map((e) => e.action),
    ).toEqual(['checklist.untick', 'checklist.tick', 'checklist.tick']);

    const dates = { locale: 'en-AU', timeZone: 'Australia/Sydney' };
    const rows = parse(checklistCsv(after, dates), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(after.total);
    expect(rows.map((r) => r.billing_account_code)).toEqual(after.groups.flatMap((g) => g.lines.map((l) => l.accountCode)));
    expect(rows.filter((r) => r.done === 'yes').map((r) => [r.key, r.done_at])).toEqual([
      [rename!.key, '01/03/2026, 10:00 pm'],
      [merge!.key, '01/03/2026, 10:05 pm'],
    ]);
    expect(rows.find((r) => r.key === resend!.key)).toMatchObject({ to_do: 'Re-send invoices from CocoonOPS', invoices: 'INV-0042' });
    expect(rows.find((r) => r.key === resend!.key)!.steps!.split('\n')).toHaveLength(3);

    const html = checklistHtml(after, 'Checklist', dates);
    expect(html.match(/<section>/g)).toHaveLength(after.groups.length);
    expect(html.match(/<li class="line/g)).toHaveLength(after.total);
    expect(html.match(/☑/g)).toHaveLength(2);
    expect(html).toContain('<h2>Re-send invoices from CocoonOPS<span class="progress">0 of 1 done</span></h2>');
    expect(html).toContain('done 01/03/2026, 10:05 pm');
    expect(html).toContain('made 01/03/2026, 11:00 pm');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // XLSX: the same rows, "Done at" a date cell (this computer's wall-clock time; Excel's built-in date-time format,
    // which shows in the reader's own order).
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load((await checklistXlsx(after)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(after.total + 1);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'To do',
      'Billing account code',
      'Billing account name',
      'Where',
      'What',
      'Invoices',
      'Steps',
      'Done',
      'Done at',
      'Key',
    ]);
    const doneRow = sheet.getColumn(10).values.indexOf(merge!.key);
    const t = new Date('2026-03-01T11:05:00.000Z');
    expect(sheet.getRow(doneRow).getCell(9).value).toEqual(
      new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes())),
    );
    expect(sheet.getRow(doneRow).getCell(9).numFmt).toBe('m/d/yy "h":mm');

    // Once a sync shows INV-0042 in Xero, it is not re-sent (Xero would refuse its number): the exception says so.
    ws.invoices.upsertMany([
      {
        invoice: {
          invoiceId: 'inv-42',
          docType: 'invoice',
          number: 'INV-0042',
          type: 'ACCREC',
          contactId: contactId(0),
          contactName: accountName(0),
          date: '2026-02-01',
          total: 10,
          currency: 'AUD',
          status: 'AUTHORISED',
          updatedDateUtc: '2026-02-01T00:00:00Z',
        },
        raw: {},
      },
    ]);
    const synced = buildChecklist(ws, '2026-03-01T12:00:00.000Z');
    expect(synced.groups.map((g) => g.task)).toEqual(['rename', 'recode', 'xero', 'exceptions']);
    expect(synced.groups.at(-1)!.lines[0]!.steps.at(-1)).toBe(
      'Invoice INV-0042 is in Xero already (a sync read it): do not re-send it (Xero would refuse the number); compare it with CocoonOPS and close the exception.',
    );
    expect(() => tickLine(ws, resend!.key, true, '2026-03-01T12:00:00.000Z')).toThrow(/no checklist line/);
  });

  it('CLI: push --dry-run writes nothing; checklist and audit export', async () => {
    const w = await checklistWorld();
    const env = { RECONCILER_CONFIG_DIR: join(w.dir, 'config'), RECONCILER_XERO_URL: w.sb.url };
    const auditBefore = w.ws.audit.count();
    const requests = w.sb.state.requests.length;
    w.ws.close();

    const dry = await runCliAsync(['push', '--workspace', w.path, '--dry-run'], env);
    expect(dry.stderr).toContain('dry run: nothing was written.');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^plan: 2 changes to 2 Xero contacts in Demo Company \(AU\) \(sandbox Xero\)\n {2}1 contact renamed · 1 AccountNumber set\n {2}after this plan: 2 of the 4 failing accounts will pass \(1 after the push, 1 more after the checklist\); 2 still fail\n/,
    );
    // A new code does not help while an archived contact has the account's very name: the what-if says so.
    expect(dry.stdout).toContain(
      `1 decided account would still fail (the decision does not fix it):\n    K000002 ${accountName(2)}: '${accountName(2)}' is archived in Xero`,
    );
    expect(dry.stdout).toMatch(/not sent, 1 blocked by the checks:\n\s{4}K000004 \(Harbour 4 Freight Pty Ltd\): Xero would refuse it/);
    expect(w.sb.state.requests.length).toBe(requests);

    const { openWorkspace } = await import('../../src/main/db');
    const ws = openWorkspace(w.path);
    try {
      expect(ws.outbox.list()).toEqual([]);
      expect(ws.audit.count()).toBe(auditBefore);
    } finally {
      ws.close();
    }

    const html = join(w.dir, 'checklist.html');
    const csv = join(w.dir, 'audit.csv');
    const audit = await runCliAsync(['audit', '--workspace', w.path, '--out', csv], env);
    const list = await runCliAsync(['checklist', '--workspace', w.path, '--out', html], env);
    expect(audit.code).toBe(0);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/wrote 5 checklist lines \(0 done\)/);
    expect(readFileSync(html, 'utf8')).toMatch(/<title>CocoonOPS checklist<\/title>[\s\S]*Rename the organisation/);
    expect(readFileSync(html, 'utf8')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/); // dates in the computer's format, no ISO stamps
    const xlsx = join(w.dir, 'checklist.xlsx');
    const sheet = await runCliAsync(['checklist', '--workspace', w.path, '--out', xlsx], env);
    expect(sheet.code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect((await runCliAsync(['checklist', '--workspace', w.path, '--out', join(w.dir, 'x.pdf')], env)).stderr).toContain(
      '--out must name a .csv, .xlsx or .html file',
    );
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(auditBefore);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['xero.connect', 'xero.sync', 'decision.rename_in_cocoon', 'exceptions.paste']),
    );
  });
});
