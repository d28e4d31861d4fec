// The checklist of fixes made by hand (CocoonOPS, and the Xero web app), grouped by billing account, ticked off and
// exported as CSV and a printable page; and the CLI's push --dry-run, checklist and audit commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addPastedException } from '../../src/main/exceptions';
import { buildChecklist, checklistCsv, checklistHtml, pushOutbox, tickLine } from '../../src/main/outbox';
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
    payload: { changes: [{ target: 'xero', subject: contactId(4), field: 'Name', from: accountName(4), to: accountName(1) }], contactUpdatedDateUtc: ws.contacts.get(contactId(4))!.updatedDateUtc },
  });
  addPastedException(ws, { message: 'The Account Number already exists. Please enter a different Account Number.', number: 'INV-0042', accountCode: codeOf(0), docType: 'invoice', state: 'Draft' });
  return w;
}

describe('CocoonOPS checklist', () => {
  it('one line per fix, grouped by account; ticks stored; CSV and printable page', async () => {
    const w = await checklistWorld();
    const { ws } = w;
    await pushOutbox(ws, w.session.client);
    expect(sandboxContact(w.sb, 3).Name).toBe(accountName(3));
    expect(sandboxContact(w.sb, 4).Name).toBe(accountName(4)); // blocked: not sent

    const list = buildChecklist(ws, '2026-03-01T10:00:00.000Z');
    expect(list.groups.map((g) => g.accountCode)).toEqual([codeOf(0), codeOf(2), codeOf(3), codeOf(4)]);
    const byCode = Object.fromEntries(list.groups.map((g) => [g.accountCode, g]));
    const g0 = byCode[codeOf(0)]!;
    expect(g0.accountName).toBe(accountName(0));
    expect(g0.lines.map((l) => l.kind)).toEqual(['rename', 'exception']);
    expect(g0.lines[0]!.text).toBe(`Rename the organisation "${accountName(0)}" to "Harbour 0 Freight Ltd" (billing account ${codeOf(0)}), as its Xero contact is named.`);
    // the exception's own steps re-send INV-0042 (three toggles: it was not issued), so no second re-send line
    expect(g0.lines[1]!.text).toBe('Invoice INV-0042 (exception #1):');
    expect(g0.lines[1]!.steps.filter((s) => /INV-0042: set the invoice state/i.test(s))).toHaveLength(3);
    expect(byCode[codeOf(2)]!.lines.map((l) => [l.kind, l.place])).toEqual([
      ['recode', 'cocoonops'],
      ['resend', 'cocoonops'],
    ]);
    expect(byCode[codeOf(2)]!.lines[0]!.text).toMatch(new RegExp(`Give "${accountName(2)}" a new billing account code: ${codeOf(2)} is held in Xero by "${accountName(2)}"`));
    const resend = byCode[codeOf(3)]!.lines[0]!;
    expect(resend).toMatchObject({ kind: 'resend', place: 'cocoonops' });
    expect(resend.steps).toEqual([
      'Set the invoice state to something other than issued, if it is currently issued.',
      'Set the invoice state to issued to trigger the sync operation.',
      'Set the invoice state back to the original state if it was not issued.',
    ]);
    const merge = byCode[codeOf(4)]!.lines.find((l) => l.kind === 'merge')!;
    expect(merge.place).toBe('xero');
    expect(merge.text).toMatch(/In the Xero web app: "Harbour 4 Freight Pty Ltd" cannot become "Harbour 1 Freight Pty Ltd" while the active contact "Harbour 1 Freight Pty Ltd" has that name.*merge them/);

    // ticking a correction's line marks it done; unticking puts it back
    const rename = tickLine(ws, g0.lines[0]!.key, true, '2026-03-01T11:00:00.000Z');
    expect(rename).toMatchObject({ ticked: true, tickedAt: '2026-03-01T11:00:00.000Z' });
    expect(ws.outbox.get(rename.correctionId!)!.status).toBe('done');
    tickLine(ws, merge.key, true, '2026-03-01T11:05:00.000Z');
    const after = buildChecklist(ws, '2026-03-01T12:00:00.000Z');
    expect(after).toMatchObject({ total: list.total, ticked: 2 });
    tickLine(ws, g0.lines[0]!.key, false, '2026-03-01T11:10:00.000Z');
    expect(ws.outbox.get(rename.correctionId!)!.status).toBe('queued');
    expect(() => tickLine(ws, 'correction:99999', true, '2026-03-01T11:00:00.000Z')).toThrow(/no checklist line/);
    expect(ws.audit.list({ limit: 100 }).filter((e) => e.action.startsWith('checklist.')).map((e) => e.action)).toEqual(['checklist.untick', 'checklist.tick', 'checklist.tick']);

    const rows = parse(checklistCsv(after), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(after.total);
    expect(rows.map((r) => r.billing_account_code)).toEqual(after.groups.flatMap((g) => g.lines.map(() => g.accountCode)));
    expect(rows.filter((r) => r.done === 'yes').map((r) => r.key).sort()).toEqual([g0.lines[0]!.key, merge.key].sort());
    expect(rows.find((r) => r.key === resend.key)!.steps!.split('\n')).toHaveLength(3);

    const html = checklistHtml(after, 'Checklist');
    expect(html.match(/<section>/g)).toHaveLength(after.groups.length);
    expect(html.match(/<li class="line/g)).toHaveLength(after.total);
    expect(html.match(/☑/g)).toHaveLength(2);
    expect(html).toContain(`<h2>${codeOf(0)} — ${accountName(0)}</h2>`);
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
    expect(dry.stdout).toContain(`1 decided account would still fail (the decision does not fix it):\n    K000002 ${accountName(2)}: '${accountName(2)}' is archived in Xero`);
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
    expect(list.stderr).toMatch(/wrote 6 checklist lines \(0 done\)/);
    expect(readFileSync(html, 'utf8')).toMatch(/<title>CocoonOPS checklist<\/title>[\s\S]*Rename the organisation/);
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(auditBefore);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['xero.connect', 'xero.sync', 'decision.rename_in_cocoon', 'exceptions.paste']));
  });
});
