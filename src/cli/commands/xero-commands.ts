// reconciler connect | sync | disconnect (and sandbox, in sandbox-command.ts): the Xero side of a workspace.
import { ABOUT } from '../command-help';
import { InvalidArgumentError, type Command } from 'commander';
// Light modules only at load time: xero-node (about a second to load) is imported when `sync` runs.
import { STAND_IN_ENV } from '../../main/xero/address';
import { readBinding } from '../../main/xero/binding';
import { connectWorkspace, disconnectWorkspace } from '../../main/xero/connect';
import { XERO_PRODUCTION_URL } from '../../main/xero/endpoints';
import { resolveConfigDir } from '../../main/xero/storage/config-dir';
import { createFileSecretStore } from '../../main/xero/storage/file-secret-store';
import { loadSettings } from '../../main/xero/storage/settings';
import type { SyncEntity } from '../../main/xero/sync/cursor';
import type { SyncedWorkspace } from '../../main/findings/sync-workspace';
import { SHRINK_HANDFUL, SyncShrinkRefusedError } from '../../main/xero/sync/shrink-guard';
import { cliOpenBrowser, withInterrupt } from '../browser';
import { EXIT } from '../exit-codes';
import { note, progress, type Progress } from '../progress';
import { withWorkspace } from '../workspace';
import { standInForRun } from '../xero-stand-in';
import { action } from '../run';
import { registerSandboxCommand } from './sandbox-command';
import { describeCounts } from './summary';

const ENTITY_LABEL: Record<SyncEntity, string> = { contacts: 'contacts', invoices: 'invoices', credit_notes: 'credit notes' };

function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new InvalidArgumentError(`expected a whole number from 0 to ${max} (got "${value}").`);
    return n;
  };
}

const secretStore = () => createFileSecretStore({ dir: resolveConfigDir(), onWarning: (w) => note(`note: ${w}`) });
const reconnectHint = (path: string): string => `reconciler connect --workspace ${path}`;

function describeSync(s: SyncedWorkspace): string {
  const parts = (Object.keys(ENTITY_LABEL) as SyncEntity[]).map((e) => `${s.entities[e].records} ${ENTITY_LABEL[e]}`);
  const kind =
    (Object.values(s.entities).some((x) => x.full) ? 'full' : 'changes only') +
    (Object.values(s.entities).some((x) => x.resumed) ? ', resumed' : '');
  const removed = s.entities.contacts.removed > 0 ? `; ${s.entities.contacts.removed} contacts no longer in Xero removed` : '';
  const caughtUp = Object.values(s.entities).reduce((n, x) => n + x.caughtUp, 0);
  const changed = caughtUp > 0 ? `; ${caughtUp} records changed in Xero while it was stopped read again` : '';
  const { checked, nowCustomers } = s.flags;
  const flags =
    checked > 0
      ? `; ${checked} ${checked === 1 ? 'contact' : 'contacts'} with sales documents read again for the customer flag (${nowCustomers} now a customer)`
      : '';
  return `synced ${parts.join(', ')} (${kind}) in ${(s.ms / 1000).toFixed(1)} s, ${s.calls} calls${s.rateLimited ? `, ${s.rateLimited} rate-limited` : ''}${removed}${changed}${flags}`;
}

interface ConnectOpts {
  workspace: string;
  xeroUrl?: string;
  tenant?: string;
  clientId?: string;
  port?: number;
  timeout: number;
  browser: boolean;
}

export function registerXeroCommands(program: Command): void {
  program
    .command('connect')
    .description(ABOUT.connect)
    .requiredOption('--workspace <path>', 'workspace file')
    .option(
      '--xero-url <url>',
      `Xero base URL: ${XERO_PRODUCTION_URL}, or a stand-in on this computer such as http://127.0.0.1:4010 (default: the workspace's, then ${STAND_IN_ENV}, then settings, then Xero)`,
    )
    .option('--tenant <id|name>', 'the organisation to use when several are connected')
    .option('--client-id <id>', "the Xero app's client id (default: the workspace's, then settings)")
    .option('--port <n>', 'the registered redirect port, http://localhost:PORT/callback (default: settings, 53682)', positiveInt(65535))
    .option('--timeout <seconds>', 'how long to wait for the sign-in', positiveInt(86_400), 300)
    .option('--no-browser', 'print the sign-in address instead of opening a browser')
    .action(
      action(async (opts: ConnectOpts) =>
        withWorkspace(opts.workspace, true, async (ws) => {
          const settings = await loadSettings(resolveConfigDir());
          const bound = readBinding(ws);
          const standIn = await standInForRun(opts.xeroUrl);
          // The workspace's own address is used only if it is Xero or the stand-in named for this run (checked in connect).
          const baseUrl = opts.xeroUrl ?? bound?.baseUrl ?? standIn ?? settings.xeroBaseUrl;
          const { binding, connected } = await withInterrupt('stopping the sign-in', (signal) =>
            connectWorkspace(ws, {
              baseUrl,
              standIn,
              clientId: opts.clientId ?? bound?.clientId ?? settings.clientId,
              redirectPort: opts.port ?? settings.redirectPort,
              tenant: opts.tenant,
              secrets: secretStore(),
              openBrowser: cliOpenBrowser({ baseUrl, browser: opts.browser }),
              timeoutMs: opts.timeout * 1000,
              signal,
              actor: 'cli',
            }),
          );
          note(`connected ${opts.workspace} to ${binding.tenantName} (${binding.tenantId}) at ${binding.baseUrl}`);
          if (connected.length > 1)
            note(`${connected.length} organisations are connected to Reconciler; this workspace uses ${binding.tenantName}.`);
          note(`next: reconciler sync --workspace ${opts.workspace}`);
        }),
      ),
    );

  program
    .command('sync')
    .description(ABOUT.sync)
    .requiredOption('--workspace <path>', 'workspace file')
    .option('--full', 'fetch everything again, not only what changed')
    .option(
      '--allow-shrink',
      `let a full sync remove most of the stored contacts (more than half, and more than ${SHRINK_HANDFUL}) when Xero no longer lists them; without it such a sync stops and removes nothing`,
    )
    .option('--page-size <n>', 'records per request (Xero allows up to 1000)', positiveInt(1000), 1000)
    .option(
      '--ignore-budget',
      'start even when the sync needs more calls than Xero has left today for the organisation (it stops when they run out, keeping what it read)',
    )
    .action(
      action(async (opts: { workspace: string; full?: boolean; allowShrink?: boolean; pageSize: number; ignoreBudget?: boolean }) =>
        withWorkspace(opts.workspace, false, async (ws) => {
          const [{ openXeroSession }, { syncWorkspace }, { planSyncCalls }, { budgetLine, withinDayBudget }] = await Promise.all([
            import('../../main/xero/session'),
            import('../../main/findings/sync-workspace'),
            import('../../main/xero/sync/call-plan'),
            import('../../main/xero/budget'),
          ]);
          const session = openXeroSession(ws, {
            secrets: secretStore(),
            standIn: await standInForRun(),
            reconnectHint: reconnectHint(opts.workspace),
          });
          const plan = planSyncCalls(ws, { full: opts.full, pageSize: opts.pageSize });
          note(`syncing from Xero: ${session.binding.tenantName}${opts.full ? ' (full)' : ''}, about ${plan.calls} calls`);
          let bar: Progress | undefined;
          let current: SyncEntity | undefined;
          const read: Partial<Record<SyncEntity, number>> = {};
          const matching = progress('matching');
          const guard = {
            work: 'sync' as const,
            needed: plan.calls,
            organisation: session.binding.tenantName,
            ignoreBudget: opts.ignoreBudget,
            overrideHint: `To start now anyway (it stops when the calls run out, keeping what it read): reconciler sync --workspace ${opts.workspace} --ignore-budget`,
            kept: () => {
              const n = Object.values(read).reduce((a, b) => a + b, 0);
              return n > 0 ? `The ${n.toLocaleString('en-GB')} records it read are kept` : 'Nothing is lost';
            },
          };
          try {
            const summary = await withinDayBudget(session.client, guard, () =>
              withInterrupt('cancelling: the page in progress is dropped, saved pages stay', (signal) =>
                syncWorkspace(ws, session.client, {
                  full: opts.full,
                  allowShrink: opts.allowShrink,
                  pageSize: opts.pageSize,
                  signal,
                  actor: 'cli',
                  onProgress: (p) => {
                    read[p.entity] = p.records;
                    if (p.entity !== current) {
                      bar?.stop();
                      bar = progress(ENTITY_LABEL[p.entity]);
                      current = p.entity;
                    }
                    bar!.update(p.records, Math.max(p.total ?? p.records, p.records));
                  },
                  recompute: {
                    onProgress: (d, t) => {
                      bar?.stop();
                      if (t > 0) matching.update(d, t);
                    },
                  },
                }),
              ),
            );
            bar?.stop();
            matching.stop();
            note(describeSync(summary));
            const budget = budgetLine(ws, session.binding.tenantId);
            if (budget) note(`Xero: ${budget}`);
            const f = summary.findings;
            if (f?.waitingFor === 'cocoon')
              note('findings wait for the CocoonOPS side: import a billing-account export (reconciler import cocoon).');
            else if (f) note(`findings: ${describeCounts(f.counts).line}`);
            if (f?.exceptionsRechecked)
              note(
                `${f.exceptionsRechecked} open exception${f.exceptionsRechecked === 1 ? '' : 's'} checked again against the synced invoices (reconciler exceptions --workspace …)`,
              );
            return EXIT.ok;
          } catch (error) {
            if (!(error instanceof SyncShrinkRefusedError)) throw error;
            bar?.stop();
            note(`${error.message} To remove them: reconciler sync --workspace ${opts.workspace} --full --allow-shrink`);
            return EXIT.notConfirmed;
          } finally {
            bar?.stop();
            matching.stop();
          }
        }),
      ),
    );

  program
    .command('disconnect')
    .description(ABOUT.disconnect)
    .requiredOption('--workspace <path>', 'workspace file')
    .action(
      action(async (opts: { workspace: string }) =>
        withWorkspace(opts.workspace, false, async (ws) => {
          const r = await disconnectWorkspace(ws, { secrets: secretStore(), standIn: await standInForRun(), actor: 'cli' });
          if (r.warning) note(`warning: ${r.warning}`);
          note(
            `disconnected ${opts.workspace} from ${r.binding.tenantName}${r.revoked ? '; access revoked at Xero' : ''}. Its data stays; reconnect with ${reconnectHint(opts.workspace)}.`,
          );
        }),
      ),
    );

  registerSandboxCommand(program);
}
