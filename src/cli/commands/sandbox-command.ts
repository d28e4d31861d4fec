// reconciler sandbox: the stand-in for Xero on 127.0.0.1, for demos, practice and tests. Prints its URL on a line
// of its own (stdout), then serves until Ctrl-C.
import { ABOUT } from '../command-help';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { STAND_IN_ENV } from '../../main/xero/address';
import { scaledClock } from '../../main/xero/clock';
import { note } from '../progress';
import { action } from '../run';

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number (got "${value}").`);
  return n;
}

interface SandboxOpts {
  port: number;
  data?: string;
  autoApprove?: boolean;
  anyRedirectPort?: boolean;
  adminToken?: string;
  timeScale?: number;
  epoch?: number;
  appCreated?: string;
  appScopes?: string;
  dayLimit?: number;
  dayResets?: string;
}

function utcTime(value: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) throw new InvalidArgumentError(`expected a UTC time as HH:MM (got "${value}").`);
  return value;
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD (got "${value}").`);
  return value;
}

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(ABOUT.sandbox)
    .option('--port <n>', 'port (0 = any free one)', number, 0)
    .option('--data <dir>', 'seed folder: contacts.json, invoices.json, credit-notes.json (default: the demo set)')
    .option('--auto-approve', 'consent without a page, so `reconciler connect` completes without a browser')
    .option('--any-redirect-port', 'accept http://localhost:<any port>/callback for the dev client (tests)')
    .option(
      '--app-created <date>',
      'when the dev client app was registered (YYYY-MM-DD): before 2026-03-02 it may still ask for broad scopes',
      day,
    )
    .option('--app-scopes <scopes>', 'the only scopes Xero lets the dev client ask for (space-separated; default: all)')
    .option('--day-limit <n>', "the organisation's calls a day (Xero: 5000; its Starter tier: 1000)", number)
    .option('--day-resets <HH:MM>', "when the organisation's day window resets, UTC (default: the time of its first call)", utcTime)
    .option('--admin-token <token>', 'bearer token for /admin (default: random, printed)')
    .addOption(new Option('--time-scale <n>', 'run the clock n times faster (tests)').hideHelp().argParser(number))
    .addOption(new Option('--epoch <ms>', 'with --time-scale: the instant both clocks agree on').hideHelp().argParser(number))
    .action(
      action(async (opts: SandboxOpts) => {
        const { DEFAULT_CLIENT, DEMO_DATA_DIR, DEMO_TENANT_ID, DEMO_TENANT_NAME, startSandbox } = await import('../../sandbox/index.js');
        const clock = opts.timeScale ? scaledClock(opts.timeScale, opts.epoch) : undefined;
        const sb = await startSandbox({
          port: opts.port,
          dataDir: opts.data ?? DEMO_DATA_DIR,
          autoApprove: opts.autoApprove ?? false,
          adminToken: opts.adminToken,
          clients: [
            {
              ...DEFAULT_CLIENT,
              loopbackAnyPort: opts.anyRedirectPort ?? false,
              createdAt: opts.appCreated ?? DEFAULT_CLIENT.createdAt,
              allowedScopes: opts.appScopes?.split(/[\s,]+/).filter(Boolean),
            },
          ],
          clock: clock && (() => clock.now()),
          tenants: [{ tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, perDay: opts.dayLimit, dayResetUtc: opts.dayResets }],
        });
        process.stdout.write(`${sb.url}\n`);
        note(
          `Xero sandbox at ${sb.url}: client id ${DEFAULT_CLIENT.clientId} (an app created ${opts.appCreated ?? DEFAULT_CLIENT.createdAt}), redirect ${DEFAULT_CLIENT.redirectUris[0]}${opts.anyRedirectPort ? ' (any port)' : ''}`,
        );
        note(`  connect with: reconciler connect --xero-url ${sb.url} --workspace books.reconciler`);
        note(`  then sync or push with ${STAND_IN_ENV}=${sb.url} set (tokens only go to Xero or the stand-in you name)`);
        note(`  admin token: ${sb.adminToken}${opts.autoApprove ? '' : '  (consent page: shown in the browser)'}`);
        note('  Ctrl-C to stop');
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await sb.close();
      }),
    );
}
