// A decision whose remaining work is a step in Xero's web app (make a contact a customer: the API cannot write
// IsCustomer), against the stand-in on loopback: it is never called a fix to push; the checklist files it under a
// heading that says what it is; ticked off, it is done by hand and waits for a sync (not "pushed; still fails"); a
// sync that reads Xero after the tick judges it: still not a customer needs attention, a customer passes.
import { describe, expect, it } from 'vitest';
import { buildPlan, currentChecklist, pushOutbox, tickLine } from '../../src/main/outbox';
import { applyDecision } from '../../src/main/review/decide';
import { findingDetail } from '../../src/main/review/detail';
import { listReviewRows, reviewRow } from '../../src/main/review/rows';
import { dashboardStatus } from '../../src/main/review/dashboard';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import { countAttention } from '../../src/renderer/src/lib/review-view';
import { connect } from '../../src/sandbox/testing/sandbox-client.js';
import { accountName, codeOf, contactId, outboxWorld, TENANT } from '../support/outbox-setup';

const INFO = { path: '', name: 'Books', isDemo: false };
const now = (): string => new Date().toISOString();
const NONE = { undecided: 0, queued: 0, pushed: 0, webApp: 0, webAppToCheck: 0, webAppFailed: 0, changed: 0, cocoon: 0, ignored: 0 };

describe("a step in Xero's web app", () => {
  it('is a step to do, then done by hand waiting for a sync, and judged only on Xero read after the tick', async () => {
    const w = await outboxWorld({ n: 1, decide: false });
    const { ws, sb } = w;
    // Contact 0 has the account's code and name but is not a customer: CocoonOPS links customers only.
    await sb.admin('PATCH', `/tenants/${TENANT}/contacts/${contactId(0)}`, { Name: accountName(0), IsCustomer: false });
    await syncWorkspace(ws, w.session.client, { clock: w.clock });
    expect(ws.findings.get(codeOf(0))!.kind).toBe('not_customer');
    applyDecision(ws, { accountCode: codeOf(0), action: 'mark_customer' });

    // Decided: a step to do in Xero's web app, not a fix to push, before and after a push that has nothing to send.
    const toDo = "A step to do in Xero's web app (see the checklist): the account fails until it is done";
    expect(reviewRow(ws, codeOf(0))!.decision).toMatchObject({ action: 'mark_customer', attention: null, pending: toDo });
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webApp: 1 });
    expect(buildPlan(ws, now()).toSend).toBe(0);
    await pushOutbox(ws, w.session.client);
    expect(reviewRow(ws, codeOf(0))!.decision!.pending).toBe(toDo);
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webApp: 1 });

    // The checklist files it under its own heading, not with merges and freed Account Numbers.
    const list = currentChecklist(ws, now());
    const group = list.groups.find((g) => g.lines.some((l) => l.accountCode === codeOf(0)))!;
    expect(group).toMatchObject({ task: 'customer', title: "Make a contact a customer in Xero's web app" });
    const line = group.lines[0]!;
    expect(line).toMatchObject({ kind: 'make_customer', place: 'xero' });

    // Ticked off without doing it: done by hand, waiting for a sync; nothing pushed, nothing needs attention.
    tickLine(ws, line.key, true, now());
    const waiting = reviewRow(ws, codeOf(0))!.decision!;
    expect(waiting).toMatchObject({ attention: null, pending: "Done in Xero's web app: sync with Xero to check it" });
    expect(findingDetail(ws, codeOf(0)).row.decision).toMatchObject({ attention: null, pending: waiting.pending });
    expect(countAttention(listReviewRows(ws))).toBe(0);
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webAppToCheck: 1 });
    // A push in between reads no contact of it: still waiting for a sync.
    await pushOutbox(ws, w.session.client);
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webAppToCheck: 1 });

    // A sync after the tick reads Xero: still not a customer, so the step did not take. It needs attention, and it is
    // not called pushed.
    await syncWorkspace(ws, w.session.client, { clock: w.clock });
    expect(ws.findings.get(codeOf(0))!.kind).toBe('not_customer');
    const failed = reviewRow(ws, codeOf(0))!.decision!;
    expect(failed.pending).toBeNull();
    expect(failed.attention).toMatch(/^Done in Xero's web app; still fails after a sync: .*not a customer in Xero$/);
    expect(failed.attention).not.toMatch(/push/i);
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webAppFailed: 1 });
    expect(countAttention(listReviewRows(ws))).toBe(1);

    // Unticked, it is a step to do again; done as the checklist says (a sales invoice) and ticked, the next sync passes it.
    tickLine(ws, line.key, false, now());
    expect(reviewRow(ws, codeOf(0))!.decision!.pending).toBe(toDo);
    const { api } = await connect(sb, { scope: 'offline_access accounting.contacts accounting.invoices' });
    const raised = await api('PUT', '/Invoices', { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId(0) } }] });
    expect(raised.status).toBe(200);
    tickLine(ws, line.key, true, now());
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual({ ...NONE, webAppToCheck: 1 });
    await syncWorkspace(ws, w.session.client, { clock: w.clock });
    expect(ws.findings.get(codeOf(0))!.kind).toBe('ok');
    expect(reviewRow(ws, codeOf(0))!.decision).toMatchObject({ attention: null, pending: null });
    expect(dashboardStatus(ws, INFO).failingBreakdown).toEqual(NONE);
  });
});
