// reconciler push | undo | audit | checklist: the outbox from the command line. The plan is printed first (stdout);
// progress and notes go to stderr. A push or an undo asks before it writes to Xero (or --yes). A push stopped anywhere (Ctrl-C, network, killed) continues with the next one.
import { ABOUT } from '../command-help';
import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../../shared/app-error';
import type { Workspace } from '../../main/db';
import { currentChecklist, tickLine } from '../../main/outbox/checklist';
import { allAuditEntries, auditCsv, checklistCsv, checklistHtml, checklistXlsx } from '../../main/exports/checklist-files';
import { materialise } from '../../main/outbox/materialise';
import { buildPlan } from '../../main/outbox/plan';
import { planExportTable } from '../../main/exports/plan-table';
import { writeTableFile } from '../export-file';
import { RECOMPUTE_PENDING_KEY } from '../../main/db/state-keys';
import { lastPushOutcome } from '../../main/review/last-push';
import { lastPushLine, lastPushWords } from '../../shared/last-push-words';
import type { PushOptions } from '../../main/outbox/push';
import { readBinding } from '../../main/xero/binding';
import { isProduction } from '../../main/xero/endpoints';
import { undoRefusal } from '../../main/review/undo-refusal';
import { resolveConfigDir } from '../../main/xero/storage/config-dir';
import { createFileSecretStore } from '../../main/xero/storage/file-secret-store';
import type { PushPlan, PushResult } from '../../shared/contract-outbox';
import {
  confirmLabel,
  counted,
  formatCount,
  organisationLine,
  pushSummary,
  summaryLine,
  type PushSummary,
} from '../../shared/push-summary';
import { xeroExportSide } from '../../main/review/freshness';
import { EXPORT_PUSH_REFUSAL } from '../../shared/xero-export';
import { withInterrupt } from '../browser';
import { askYesNo, canAsk } from '../confirm';
import { EXIT } from '../exit-codes';
import { note, progress, type Progress } from '../progress';
import { withWorkspace } from '../workspace';
import { action, CliUsageError } from '../run';

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max} (got "${value}").`);
    return n;
  };
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number (got "${value}").`);
  return n;
}

/** "after this plan: 310 of the 344 failing accounts will pass (…); 34 still fail", and the decided ones that do. */
export function describeWhatIf(w: PushPlan['whatIf']): string[] {
  if (w.failingNow === 0 && w.afterChecklist.failing === 0) return [];
  const later = w.afterChecklist.fixed - w.afterPush.fixed;
  const when = later > 0 ? ` (${formatCount(w.afterPush.fixed)} after the push, ${formatCount(later)} more after the checklist)` : '';
  const lines = [
    `  after this plan: ${formatCount(w.afterChecklist.fixed)} of the ${counted(w.failingNow, 'failing account')} will pass${when}; ${formatCount(w.afterChecklist.failing)} still fail`,
  ];
  const broken = w.afterChecklist.broken;
  const meanwhile = w.afterPush.broken.filter((code) => !broken.includes(code));
  const list = (codes: readonly string[]) => `${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ', …' : ''}`;
  if (broken.length > 0) lines.push(`  warning: ${counted(broken.length, 'account')} that pass today would fail: ${list(broken)}`);
  if (meanwhile.length > 0)
    lines.push(`  until the checklist's steps are done, ${counted(meanwhile.length, 'account')} that pass today fail: ${list(meanwhile)}`);
  if (w.decidedStillFailing > 0) {
    lines.push(`  ${counted(w.decidedStillFailing, 'decided account')} would still fail (the decision does not fix it):`);
    for (const f of w.stillFailing.slice(0, 8)) lines.push(`    ${f.code} ${f.name}: ${f.reason}`);
    if (w.decidedStillFailing > 8) lines.push(`    … and ${formatCount(w.decidedStillFailing - 8)} more (the app lists them all)`);
  }
  return lines;
}

export function describePlan(plan: PushPlan, workspace: string): string[] {
  const summary = pushSummary(plan);
  const org = plan.organisation ? ` in ${plan.organisation.tenantName}${plan.organisation.sandbox ? ' (sandbox Xero)' : ''}` : '';
  const lines = [`plan: ${counted(plan.toSend, 'change')} to ${counted(plan.contacts, 'Xero contact')}${org}`];
  if (summary?.kinds.length) lines.push(`  ${summaryLine(summary)}`);
  lines.push(...describeWhatIf(plan.whatIf));
  const blocked = plan.items.filter((i) => i.blocked);
  if (blocked.length > 0) {
    lines.push(`  not sent, ${blocked.length} blocked by the checks:`);
    for (const b of blocked.slice(0, 20)) lines.push(`    ${b.accountCode} (${b.contactName || b.contactId}): ${b.blocked}`);
    if (blocked.length > 20) lines.push(`    … and ${blocked.length - 20} more`);
  }
  if (plan.conflicts)
    lines.push(
      `  ${plan.conflicts} conflict${plan.conflicts === 1 ? '' : 's'}: changed in Xero since the review, not sent (reconciler shows them in the app)`,
    );
  if (plan.failed) lines.push(`  ${plan.failed} failed earlier (Xero refused them); retry them from the app`);
  if (plan.resuming) lines.push(`  ${plan.resuming} from an interrupted push or undo: checked in Xero and finished first`);
  if (plan.checklistOpen)
    lines.push(
      `  ${plan.checklistOpen} line${plan.checklistOpen === 1 ? '' : 's'} to do by hand: reconciler checklist --workspace ${workspace}`,
    );
  return lines;
}

function describeResult(r: PushResult): string[] {
  const lines = [
    `pushed: ${r.done} done, ${r.alreadyApplied} already in Xero, ${r.failed} failed, ${r.conflicts} conflicts, ${r.blocked} blocked; ${r.batches} batch${r.batches === 1 ? '' : 'es'}${r.resumed ? `, ${r.resumed} finished from an interrupted push` : ''}; ${r.resynced} contacts read back (${(r.ms / 1000).toFixed(1)} s)`,
  ];
  for (const p of r.problems.slice(0, 20))
    lines.push(
      `  ${p.status} #${p.correctionId} ${p.accountCode} (${p.contactId}): ${p.message}${p.advice ? `\n      → ${p.advice}` : ''}`,
    );
  if (r.problems.length > 20) lines.push(`  … and ${r.problems.length - 20} more (reconciler audit --workspace …)`);
  if (r.cancelled) lines.push('stopped: the rest stays queued; push again to continue.');
  return lines;
}

/** What a confirmation names: the organisation written to, whether it is a sandbox, and how many changes. */
type Writes = Pick<PushSummary, 'organisation' | 'sandbox' | 'changes'>;

/**
 * Asks before writing (unless --yes); without a terminal to ask, refuses: a script says --yes itself. `not` starts the
 * refusal ("not pushed"), `question` is what is asked ("Write 3 changes to Acme Freight"). Null: go ahead.
 */
async function confirmed(s: Writes, yes: boolean | undefined, not: string, question: string): Promise<number | null> {
  if (yes) return null;
  const what = `${counted(s.changes, 'change')} to ${s.organisation}${s.sandbox ? ' (sandbox Xero)' : ''}`;
  if (!canAsk()) {
    note(`${not}: this would write ${what}, and there is no terminal to ask. Run it again with --yes to confirm (nothing was written).`);
    return EXIT.notConfirmed;
  }
  note(organisationLine(s));
  const answer = await askYesNo(`${question}? [y/N] `);
  if (answer === 'yes') return null;
  note(answer === 'interrupted' ? 'cancelled: nothing was written to Xero.' : `${not}: nothing was written to Xero.`);
  return answer === 'interrupted' ? EXIT.cancelled : EXIT.notConfirmed;
}

/** The undo's plan (stdout): each correction it writes back, and those it cannot undo (stderr, as the undo says them). */
function undoPlan(ws: Workspace, ids: readonly number[]): { writes: Writes; lines: string[] } {
  const binding = readBinding(ws);
  const undoable = [...new Set(ids)].flatMap((id) => {
    const c = ws.outbox.get(id);
    return c && !undoRefusal(ws, c, id) ? [c] : [];
  });
  const organisation = binding?.tenantName || 'Xero';
  const sandbox = binding ? !isProduction(binding.baseUrl) : false;
  const contacts = new Set(undoable.map((c) => c.subject.toLowerCase())).size;
  const lines = [
    `undo: ${counted(undoable.length, 'change')} to ${counted(contacts, 'Xero contact')} in ${organisation}${sandbox ? ' (sandbox Xero)' : ''}`,
    ...undoable.map((c) => `  #${c.id} ${c.accountCode}: ${c.changes.map((e) => `${e.field} "${e.to}" → "${e.from}"`).join(', ')}`),
  ];
  return { writes: { organisation, sandbox, changes: undoable.length }, lines };
}

interface SessionOpts {
  workspace: string;
  timeScale?: number;
  epoch?: number;
}

/** The workspace's Accounting client, set up as the app's (xero-node loaded only now); a scaled clock when --time-scale is given (tests). */
async function xeroClientFor(ws: Workspace, o: SessionOpts) {
  const [{ createXeroLink }, { RateLimiterRegistry, XERO_RATE_LIMITS }, { scaledClock }] = await Promise.all([
    import('../../main/xero/link'),
    import('../../main/xero/api/rate-limiter'),
    import('../../main/xero/clock'),
  ]);
  const clock = o.timeScale ? scaledClock(o.timeScale, o.epoch) : undefined;
  const configDir = resolveConfigDir();
  const link = createXeroLink({
    secrets: createFileSecretStore({ dir: configDir, onWarning: (w) => note(`note: ${w}`) }),
    configDir,
    openBrowser: () => {
      throw new CliUsageError(`not connected: reconciler connect --workspace ${o.workspace}`);
    },
    session: {
      reconnectHint: `reconciler connect --workspace ${o.workspace}`,
      clock,
      limiters: clock ? new RateLimiterRegistry(XERO_RATE_LIMITS, clock) : undefined,
    },
  });
  return link.accountingClient(ws);
}

function withProgress(): { onProgress: NonNullable<PushOptions['onProgress']>; stop(): void } {
  let bar: Progress | undefined;
  let phase = '';
  return {
    onProgress: (p) => {
      if (p.phase !== phase) {
        bar?.stop();
        bar = p.total !== null && p.phase !== 'done' ? progress(p.phase === 'send' ? 'pushing' : p.phase) : undefined;
        phase = p.phase;
      }
      if (p.total !== null) bar?.update(p.done, p.total);
    },
    stop: () => bar?.stop(),
  };
}

function hiddenTimeOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--time-scale <n>', 'run the Xero clock n times faster (tests, with a sandbox)').hideHelp().argParser(positive))
    .addOption(new Option('--epoch <ms>', 'with --time-scale: the instant both clocks agree on').hideHelp().argParser(positive));
}

export function registerOutboxCommands(program: Command): void {
  hiddenTimeOptions(
    program
      .command('push')
      .description(ABOUT.push)
      .requiredOption('--workspace <path>', 'workspace file')
      .option('--dry-run', 'print the plan only: nothing is written, to Xero or to the workspace')
      .option('--out <file>', "also save the plan to FILE.xlsx or FILE.csv (one row per field written, as the app's Export plan… saves it)")
      .option('-y, --yes', 'write without asking (the question needs a terminal: a script must pass --yes)')
      .option('--batch-size <n>', 'contacts per request (Xero recommends at most 50)', wholeNumber(1, 50), 50)
      .option(
        '--ignore-budget',
        'start even when the push needs more calls than Xero has left today for the organisation (it stops when they run out; the rest stays queued)',
      ),
  ).action(
    action(async (opts: SessionOpts & { dryRun?: boolean; yes?: boolean; batchSize: number; ignoreBudget?: boolean; out?: string }) =>
      withWorkspace(opts.workspace, false, async (ws) => {
        const plan = buildPlan(ws, new Date().toISOString());
        process.stdout.write(`${describePlan(plan, opts.workspace).join('\n')}\n`);
        if (opts.out) note(`plan: ${await writeTableFile(planExportTable(ws, plan), opts.out)} rows written to ${opts.out}`);
        // Contacts from Xero's export have no ContactIDs: nothing can be written until a sync brings Xero's own.
        if (xeroExportSide(ws)) {
          note(`not pushed: ${EXPORT_PUSH_REFUSAL} Run reconciler connect --workspace ${opts.workspace}, then reconciler sync.`);
          return opts.dryRun ? EXIT.ok : EXIT.xero;
        }
        if (opts.dryRun) {
          note('dry run: nothing was written.');
          return EXIT.ok;
        }
        const leftovers = ws.outbox.needingResync().length > 0 || Boolean(ws.syncState.get(RECOMPUTE_PENDING_KEY));
        if (plan.toSend === 0 && plan.resuming === 0 && !leftovers) {
          note('nothing to send to Xero.');
          return EXIT.ok;
        }
        const [{ pushGuard, runPush }, client, { budgetLine, refusal }] = await Promise.all([
          import('../../main/outbox/service'),
          xeroClientFor(ws, opts),
          import('../../main/xero/budget'),
        ]);
        const guard = pushGuard(ws, plan.contacts, opts.batchSize, {
          ignoreBudget: opts.ignoreBudget,
          overrideHint: `To start now anyway (it stops when the calls run out; the rest stays queued): reconciler push --workspace ${opts.workspace} --ignore-budget`,
        });
        const tooBig = refusal(client.limiter.dayBudget, guard, Date.now()); // before asking to confirm
        if (tooBig) throw tooBig;
        const summary = pushSummary(plan);
        const refused = summary ? await confirmed(summary, opts.yes, 'not pushed', confirmLabel(summary)) : null;
        if (refused !== null) return refused;
        const bars = withProgress();
        try {
          const result = await withInterrupt('stopping after the batch in flight', (signal) =>
            runPush(ws, client, guard, { batchSize: opts.batchSize, signal, actor: 'cli', onProgress: bars.onProgress }),
          );
          bars.stop();
          process.stdout.write(`${describeResult(result).join('\n')}\n`);
          const budget = budgetLine(ws, readBinding(ws)!.tenantId);
          if (budget) note(`Xero: ${budget}`);
          const checked = result.done + result.alreadyApplied > 0 && !ws.syncState.get(RECOMPUTE_PENDING_KEY) ? lastPushOutcome(ws) : null;
          if (checked) {
            const { earlier } = lastPushWords(checked);
            const line = lastPushLine(checked, { attentionWhere: ': the review shows them under Needs attention' });
            process.stdout.write(`checked: ${line}\n${earlier ? `earlier pushes: ${earlier}\n` : ''}`);
          }
          return result.cancelled ? EXIT.cancelled : EXIT.ok;
        } finally {
          bars.stop();
        }
      }),
    ),
  );

  hiddenTimeOptions(
    program
      .command('undo <ids...>')
      .description(ABOUT.undo)
      .requiredOption('--workspace <path>', 'workspace file')
      .option('-y, --yes', 'write without asking (the question needs a terminal: a script must pass --yes)'),
  ).action(
    action(async (ids: string[], opts: SessionOpts & { yes?: boolean }) =>
      withWorkspace(opts.workspace, false, async (ws) => {
        const numbers = ids.map((s) => wholeNumber(1, Number.MAX_SAFE_INTEGER)(s.replace(/^#/, '')));
        const { writes, lines } = undoPlan(ws, numbers);
        process.stdout.write(`${lines.join('\n')}\n`);
        // Nothing to write (each refused, and said so below): no question.
        if (writes.changes > 0) {
          const refused = await confirmed(
            writes,
            opts.yes,
            'not undone',
            `Undo ${counted(writes.changes, 'change')} in ${writes.organisation}`,
          );
          if (refused !== null) return refused;
        }
        const [{ undoCorrections }, client] = await Promise.all([import('../../main/outbox/undo'), xeroClientFor(ws, opts)]);
        const r = await withInterrupt('stopping after the request in flight', (signal) =>
          undoCorrections(ws, client, numbers, { actor: 'cli', signal }),
        );
        for (const x of r.refused) note(`#${x.id} not undone: ${x.reason}`);
        for (const u of r.items.filter((i) => i.status !== 'done')) note(`#${u.undoesId} not undone (${u.status}): ${u.message}`);
        process.stdout.write(
          `undone ${r.undone} of ${r.requested}${r.conflicts ? `, ${r.conflicts} conflicts` : ''}${r.failed ? `, ${r.failed} failed` : ''}\n`,
        );
        if (r.reopened.length > 0) process.stdout.write(`reopened the decision on ${r.reopened.join(', ')}: decide again\n`);
        const open = r.items.filter((i) => i.status === 'queued' || i.status === 'sending').length;
        if (open > 0)
          note(
            `stopped: ${counted(open, 'undo')} not finished; \`reconciler push --workspace ${opts.workspace}\` finishes ${open === 1 ? 'it' : 'them'} (it checks Xero first and writes nothing twice).`,
          );
        return open > 0 ? EXIT.cancelled : r.undone === r.requested ? EXIT.ok : EXIT.xero;
      }),
    ),
  );

  program
    .command('audit')
    .description(ABOUT.audit)
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--out <file.csv>', 'write to this file instead of standard output')
    .action(
      action(async (opts: { workspace: string; out?: string }) =>
        withWorkspace(opts.workspace, false, async (ws) => {
          if (opts.out && !/\.csv$/i.test(opts.out)) throw new CliUsageError(`--out must name a .csv file (got "${opts.out}").`);
          const text = auditCsv(allAuditEntries(ws.audit));
          if (!opts.out) process.stdout.write(text);
          else {
            await writeFile(opts.out, text, 'utf8');
            note(`wrote ${ws.audit.count()} audit entries to ${opts.out}`);
          }
        }),
      ),
    );

  program
    .command('checklist')
    .description(ABOUT.checklist)
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--out <file>', 'write FILE.csv, FILE.xlsx or FILE.html (printable) instead of CSV on standard output')
    .option('--tick <key...>', 'mark lines done (keys as in the CSV)')
    .option('--untick <key...>', 'mark lines not done')
    .action(
      action(async (opts: { workspace: string; out?: string; tick?: string[]; untick?: string[] }) =>
        withWorkspace(opts.workspace, false, async (ws) => {
          const format = !opts.out
            ? 'csv'
            : /\.html?$/i.test(opts.out)
              ? 'html'
              : /\.csv$/i.test(opts.out)
                ? 'csv'
                : /\.xlsx$/i.test(opts.out)
                  ? 'xlsx'
                  : null;
          if (!format) throw new CliUsageError(`--out must name a .csv, .xlsx or .html file (got "${opts.out}").`);
          const now = new Date().toISOString();
          materialise(ws, now, 'cli');
          const tick = (key: string, ticked: boolean): void => {
            try {
              tickLine(ws, key, ticked, now, 'cli');
            } catch (e) {
              throw e instanceof AppError ? new CliUsageError(e.message) : e;
            }
          };
          for (const key of opts.tick ?? []) tick(key, true);
          for (const key of opts.untick ?? []) tick(key, false);
          const list = currentChecklist(ws, now, 'cli');
          // Dates in the computer's locale and time zone (day-month-year in AU/NZ/UK), as the app shows them.
          const content = format === 'html' ? checklistHtml(list) : format === 'xlsx' ? await checklistXlsx(list) : checklistCsv(list);
          if (!opts.out) process.stdout.write(content);
          else {
            await writeFile(opts.out, content, typeof content === 'string' ? 'utf8' : undefined);
            note(`wrote ${list.total} checklist lines (${list.ticked} done) to ${opts.out}`);
          }
        }),
      ),
    );
}
