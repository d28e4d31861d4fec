// The replay check: does what we predict happen? Seeds the stand-in Xero with a data set's contacts, connects and
// syncs a workspace as a user does, imports the CocoonOPS side and matches; then plays CocoonOPS's own sync against
// the stand-in (one sales invoice per billing account, Contact = { Name, AccountNumber }, 50 a batch,
// summarizeErrors=false) and compares every account's outcome with its stored prediction. Used by
// test/integration/replay.test.ts and `npm run bench` (its confusion table per finding kind).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../../src/main/db';
import { importCocoonFile } from '../../src/main/imports/import-files';
import { recomputeFindings } from '../../src/main/findings/recompute';
import { connectWorkspace, createMemorySecretStore, openXeroSession, RateLimiterRegistry, XERO_RATE_LIMITS } from '../../src/main/xero';
import { syncWorkspace } from '../../src/main/findings/sync-workspace';
import type { Finding, FindingKind } from '../../src/shared/domain';
import { DEFAULT_CLIENT, DEMO_TENANT_ID, startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { parseSeed } from '../../src/sandbox/seed/seed-loader.js';
import { apiClient, FULL_SCOPE, headlessBrowser, pkceLogin } from '../../src/sandbox/testing/sandbox-client.js';

export interface ReplayFiles {
  cocoon: string;
  xero: string;
}

/** One account: what the finding predicted, and what the stand-in did with its invoice. */
export interface ReplayRow {
  code: string;
  kind: FindingKind;
  predicted: Finding['sync'];
  passed: boolean;
  messages: string[];
  /** The contact the invoice was filed to (passed only). */
  contactId: string | null;
  /** Why prediction and outcome disagree, or null when they agree. */
  disagreement: string | null;
}

export interface KindTally {
  accounts: number;
  predictedToFail: number;
  failed: number;
  disagreements: number;
}

export interface ReplayReport {
  rows: ReplayRow[];
  byKind: Partial<Record<FindingKind, KindTally>>;
  disagreements: ReplayRow[];
  /** Accounts the model predicted to fail, and how many did. */
  predictedToFail: number;
  failed: number;
}

const BATCH = 50;

/** Compares one prediction with one outcome; null when they agree. */
export function disagreement(
  f: Finding,
  contactIds: ReadonlySet<string>,
  passed: boolean,
  messages: readonly string[],
  filedTo: string | null,
): string | null {
  const { outcome, message } = f.sync;
  if (outcome === 'refused') {
    if (passed) return `predicted "${message}", but the invoice was filed`;
    return messages.length === 1 && messages[0] === message ? null : `predicted "${message}", got ${JSON.stringify(messages)}`;
  }
  if (!passed) return `predicted to pass (${outcome}), got ${JSON.stringify(messages)}`;
  // Filed without a contact id: to the contact another account's invoice created earlier in the run.
  if (outcome === 'filed' && f.xeroContactId === null)
    return filedTo !== null && contactIds.has(filedTo) ? `predicted a contact created in the run, filed to existing ${filedTo}` : null;
  if (outcome === 'filed' && filedTo !== f.xeroContactId) return `predicted filed to ${f.xeroContactId}, filed to ${filedTo}`;
  if (outcome === 'created' && filedTo !== null && contactIds.has(filedTo)) return `predicted a new contact, filed to existing ${filedTo}`;
  return null;
}

/** Logs in to the stand-in as the CocoonOPS connector would, and sends every account's invoice. */
async function sendInvoices(sb: RunningSandbox, findings: readonly Finding[], names: ReadonlyMap<string, string>) {
  // CocoonOPS writes invoices: it holds the invoices scope, not only its read half.
  const tokens = await pkceLogin(sb, { scope: FULL_SCOPE.replace('accounting.invoices.read', 'accounting.invoices') });
  const api = apiClient(sb, tokens.access_token, DEMO_TENANT_ID);
  const outcomes: { passed: boolean; messages: string[]; contactId: string | null }[] = [];
  for (let i = 0; i < findings.length; i += BATCH) {
    const batch = findings.slice(i, i + BATCH);
    const body = {
      Invoices: batch.map((f) => ({
        Type: 'ACCREC',
        Status: 'AUTHORISED',
        Contact: { Name: names.get(f.accountCode), AccountNumber: f.accountCode },
        LineItems: [{ Description: 'Freight', Quantity: 1, UnitAmount: 100 }],
      })),
    };
    const res = await api<{
      Invoices: { Contact?: { ContactID?: string }; HasErrors?: boolean; ValidationErrors?: { Message: string }[] }[];
    }>('PUT', '/Invoices?summarizeErrors=false', body);
    if (res.status !== 200) throw new Error(`replay: PUT /Invoices answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    for (const inv of res.body.Invoices) {
      const messages = (inv.ValidationErrors ?? []).map((e) => e.Message);
      const passed = messages.length === 0 && inv.HasErrors !== true;
      outcomes.push({ passed, messages, contactId: passed ? (inv.Contact?.ContactID ?? null) : null });
    }
  }
  return outcomes;
}

function tally(rows: readonly ReplayRow[]): ReplayReport {
  const byKind: Partial<Record<FindingKind, KindTally>> = {};
  for (const r of rows) {
    const t = (byKind[r.kind] ??= { accounts: 0, predictedToFail: 0, failed: 0, disagreements: 0 });
    t.accounts++;
    if (r.predicted.outcome === 'refused') t.predictedToFail++;
    if (!r.passed) t.failed++;
    if (r.disagreement) t.disagreements++;
  }
  return {
    rows: [...rows],
    byKind,
    disagreements: rows.filter((r) => r.disagreement !== null),
    predictedToFail: rows.filter((r) => r.predicted.outcome === 'refused').length,
    failed: rows.filter((r) => !r.passed).length,
  };
}

/** Sync → import → match → replay, on a fresh stand-in and a workspace in a temporary folder. */
export async function replayDataset(files: ReplayFiles, onStep: (step: string) => void = () => {}): Promise<ReplayReport> {
  const sb = await startSandbox({
    autoApprove: true,
    clients: [{ ...DEFAULT_CLIENT, loopbackAnyPort: true }],
    // CocoonOPS's replay is one organisation's whole invoice run: Xero's per-minute budget is not what is checked here.
    limits: { perMinute: 1_000_000, perDay: 1_000_000 },
  });
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-replay-'));
  let ws: Workspace | undefined;
  try {
    sb.state.seed(DEMO_TENANT_ID, parseSeed(JSON.parse(readFileSync(files.xero, 'utf8'))), 'replace');
    ws = openWorkspace(join(dir, 'replay.reconciler'), { create: true });
    const secrets = createMemorySecretStore();
    onStep('connect and sync');
    await connectWorkspace(ws, {
      baseUrl: sb.url,
      standIn: sb.url,
      clientId: DEFAULT_CLIENT.clientId,
      redirectPort: 0,
      secrets,
      openBrowser: headlessBrowser,
    });
    const session = openXeroSession(ws, {
      standIn: sb.url,
      secrets,
      limiters: new RateLimiterRegistry({ ...XERO_RATE_LIMITS, perMinute: 1_000_000 }),
    });
    await syncWorkspace(ws, session.client);
    onStep('import and match');
    await importCocoonFile(ws, files.cocoon);
    recomputeFindings(ws);
    const findings = ws.findings.list();
    const names = new Map(ws.accounts.list().map((a) => [a.code, a.name]));
    const contactIds = new Set(ws.contacts.list().map((c) => c.contactId));
    onStep(`replay ${findings.length} invoices`);
    const outcomes = await sendInvoices(sb, findings, names);
    return tally(
      findings.map((f, i) => {
        const o = outcomes[i]!;
        return {
          code: f.accountCode,
          kind: f.kind,
          predicted: f.sync,
          passed: o.passed,
          messages: o.messages,
          contactId: o.contactId,
          disagreement: disagreement(f, contactIds, o.passed, o.messages, o.contactId),
        };
      }),
    );
  } finally {
    ws?.close();
    await sb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The confusion table per finding kind, as `npm run bench` prints it. */
export function formatReplay(report: ReplayReport): string[] {
  const lines = ['  kind              accounts  predicted to fail  failed  disagreements'];
  for (const [kind, t] of Object.entries(report.byKind)) {
    lines.push(
      `  ${kind.padEnd(16)}  ${String(t.accounts).padStart(8)}  ${String(t.predictedToFail).padStart(17)}  ${String(t.failed).padStart(6)}  ${String(t.disagreements).padStart(13)}`,
    );
  }
  lines.push(
    `  all               ${String(report.rows.length).padStart(8)}  ${String(report.predictedToFail).padStart(17)}  ${String(report.failed).padStart(6)}  ${String(report.disagreements.length).padStart(13)}`,
  );
  if (report.byKind.not_customer) {
    lines.push(
      '  (not_customer: Xero files these invoices, as the stand-in does; they "may fail" on CocoonOPS\'s side, which links customers only)',
    );
  }
  for (const d of report.disagreements.slice(0, 10)) lines.push(`    ${d.code} (${d.kind}): ${d.disagreement}`);
  return lines;
}
