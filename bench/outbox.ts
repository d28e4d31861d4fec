// Push plan and checklist benchmark: the synthetic set imported into a workspace, every suggestion accepted (as
// "Accept shown" does), then the push plan and the CocoonOPS checklist built as the app builds them on each visit.
// Printed as a ratio against a floor measured in the same run: reading each decided account's finding once, which
// any plan must do. Work that grows faster than the decisions (a pass over the plan per edit, a query per sort
// comparison: both once took 90 s here) shows as a ratio in the hundreds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../src/main/db';
import { buildPlan, currentChecklist } from '../src/main/outbox';
import { applyBulk } from '../src/main/review/decide';
import { importCocoonFile, importXeroContactsFile } from '../src/main/services/import-files';
import { recomputeFindings } from '../src/main/services/recompute';

export interface OutboxBenchResult {
  decisions: number;
  planMs: number;
  checklistMs: number;
  floorMs: number;
  planRatio: number;
  checklistRatio: number;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = run();
  return { value, ms: performance.now() - t };
}

export async function runOutboxBench(dir: string): Promise<OutboxBenchResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'reconciler-outbox-bench-'));
  const ws = openWorkspace(join(tmp, 'bench.reconciler'), { create: true });
  try {
    await importXeroContactsFile(ws, join(dir, 'xero-contacts.json'), 'bench');
    await importCocoonFile(ws, join(dir, 'cocoon.csv'), {}, 'bench');
    recomputeFindings(ws);
    const { applied } = applyBulk(ws, { accountCodes: ws.accounts.list().map((a) => a.code), action: 'suggested' });
    const now = new Date().toISOString();
    const decided = ws.decisions.listCurrent().map((d) => d.accountCode);
    const floor = timed(() => decided.filter((code) => ws.findings.get(code) !== undefined).length);
    const plan = timed(() => buildPlan(ws, now));
    const checklist = timed(() => currentChecklist(ws, now, 'bench'));
    return {
      decisions: applied,
      planMs: Math.round(plan.ms),
      checklistMs: Math.round(checklist.ms),
      floorMs: Math.round(floor.ms),
      planRatio: plan.ms / floor.ms,
      checklistRatio: checklist.ms / floor.ms,
    };
  } finally {
    ws.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function printOutboxBench(r: OutboxBenchResult): void {
  console.log(`\n== Push plan and checklist: ${r.decisions.toLocaleString('en')} accepted suggestions (20k × 50k) ==`);
  console.log(
    `push plan ${r.planMs} ms, checklist ${r.checklistMs} ms; floor (each decided account's finding read once) ${r.floorMs} ms: ` +
      `ratios ${r.planRatio.toFixed(1)}× and ${r.checklistRatio.toFixed(1)}× (target < 50×: ${r.planRatio < 50 && r.checklistRatio < 50 ? 'PASS' : 'FAIL'})`,
  );
}
