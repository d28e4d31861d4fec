// Push plan and checklist benchmark: the synthetic set imported into a workspace, every suggestion accepted (as
// "Accept shown" does), then the push plan and the CocoonOPS checklist built as the app builds them on each visit.
// Printed as a ratio against a floor measured in the same run: reading each decided account's finding once, which
// any plan must do. Work that grows faster than the decisions (a pass over the plan per edit, a query per sort
// comparison: both once took 90 s here) shows as a ratio in the hundreds. Each runs through the app's dispatcher, as
// the window calls it, while a trivial call (`app.info`) is asked every 10 ms: how long that waits is how long the
// window would stop answering.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp, type App } from '../src/main/app/app';
import { openWorkspace } from '../src/main/db';
import { memorySettings } from '../src/main/app/settings-store';
import { importCocoonFile, importXeroContactsFile } from '../src/main/imports/import-files';
import { recomputeFindings } from '../src/main/findings/recompute';
import type { Channel } from '../src/shared/channels';

/** One call through the app's dispatcher (as IPC and HTTP make it), and how long `app.info` waited meanwhile. */
export interface Served {
  ms: number;
  /** The longest an `app.info` asked every 10 ms while the call ran waited for its answer (target ≤ 100 ms). */
  infoWaitMs: number;
}

export interface OutboxBenchResult {
  decisions: number;
  planMs: number;
  checklistMs: number;
  floorMs: number;
  planRatio: number;
  checklistRatio: number;
  /** "Accept shown" on every account, then the plan, then the checklist, each through the dispatcher. */
  served: { bulk: Served; plan: Served; checklist: Served };
  /** Bytes of the bulk apply's answer. */
  bulkBytes: number;
}

const PROBE_EVERY_MS = 10;

/**
 * Runs `channel` through the dispatcher while a trivial call (`app.info`) is asked every PROBE_EVERY_MS: each ask's
 * wait is counted from when it was due, so work that holds the thread (even before the call returns its promise)
 * shows as the wait of the ask that was due meanwhile.
 */
async function served(app: App, channel: Channel, input: unknown): Promise<{ value: unknown } & Served> {
  const t0 = performance.now();
  let due = t0 + PROBE_EVERY_MS;
  let finished = false;
  let doneAt = 0;
  const call = app.dispatch(channel, input).then((r) => {
    finished = true;
    doneAt = performance.now();
    return r;
  });
  let worst = 0;
  do {
    await sleep(Math.max(0, due - performance.now()));
    await app.dispatch('app.info', {});
    const now = performance.now();
    worst = Math.max(worst, now - due);
    due = now + PROBE_EVERY_MS;
  } while (!finished);
  const r = (await call) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return { value: r.value, ms: doneAt - t0, infoWaitMs: worst };
}

const round = (s: Served): Served => ({ ms: Math.round(s.ms), infoWaitMs: Math.round(s.infoWaitMs) });

export async function runOutboxBench(dir: string): Promise<OutboxBenchResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'reconciler-outbox-bench-'));
  const path = join(tmp, 'bench.reconciler');
  const ws = openWorkspace(path, { create: true });
  try {
    await importXeroContactsFile(ws, join(dir, 'xero-contacts.json'), 'bench');
    await importCocoonFile(ws, join(dir, 'cocoon.csv'), {}, 'bench');
    recomputeFindings(ws);
  } finally {
    ws.close();
  }
  const app = createApp({ host: 'web', dataDir: join(tmp, 'data'), demoDir: join(tmp, 'demo'), settings: memorySettings() });
  try {
    await app.dispatch('workspace.open', { path });
    const open = app.session.require().ws;
    const accountCodes = open.accounts.list().map((a) => a.code);
    const bulk = await served(app, 'decisions.bulkApply', { accountCodes, action: 'suggested' });
    const decided = open.decisions.listCurrent().map((d) => d.accountCode);
    const t = performance.now();
    decided.filter((code) => open.findings.get(code) !== undefined);
    const floorMs = performance.now() - t;
    const plan = await served(app, 'outbox.plan', {});
    const checklist = await served(app, 'checklist.get', {});
    return {
      decisions: (bulk.value as { applied: number }).applied,
      planMs: Math.round(plan.ms),
      checklistMs: Math.round(checklist.ms),
      floorMs: Math.round(floorMs),
      planRatio: plan.ms / floorMs,
      checklistRatio: checklist.ms / floorMs,
      served: { bulk: round(bulk), plan: round(plan), checklist: round(checklist) },
      bulkBytes: JSON.stringify(bulk.value).length,
    };
  } finally {
    await app.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printOutboxBench(r: OutboxBenchResult): void {
  console.log(`\n== Push plan and checklist: ${r.decisions.toLocaleString('en')} accepted suggestions (20k × 50k) ==`);
  console.log(
    `push plan ${r.planMs} ms, checklist ${r.checklistMs} ms; floor (each decided account's finding read once) ${r.floorMs} ms: ` +
      `ratios ${r.planRatio.toFixed(1)}× and ${r.checklistRatio.toFixed(1)}× (target ≤ 3×: ${r.planRatio <= 3 && r.checklistRatio <= 3 ? 'PASS' : 'FAIL'})`,
  );
  const { bulk, plan, checklist } = r.served;
  console.log(`"Accept shown" on every account: ${bulk.ms} ms, answered ${(r.bulkBytes / 1e6).toFixed(2)} MB`);
  const waits = [bulk, plan, checklist].map((s) => s.infoWaitMs);
  console.log(
    `app.info waited at most ${bulk.infoWaitMs} ms during the bulk apply, ${plan.infoWaitMs} ms during the plan, ${checklist.infoWaitMs} ms during the checklist ` +
      `(target ≤ 100 ms: ${Math.max(...waits) <= 100 ? 'PASS' : 'FAIL'})`,
  );
}
