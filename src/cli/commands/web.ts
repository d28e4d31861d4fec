// reconciler web: the review app in any browser, served on 127.0.0.1 with a per-run token.
import { ABOUT } from '../command-help';
import { InvalidArgumentError, type Command } from 'commander';
import { runWebHost } from '../../main/host/run-web';
import { action } from '../run';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--port takes 0-65535 (got "${value}").`);
  return n;
}

export function registerWeb(program: Command): void {
  program
    .command('web')
    .description(ABOUT.web)
    .option('--demo', 'open the built-in demo workspace (sandbox Xero in-process, sample CocoonOPS export)')
    .option('--reset-demo', 'with --demo: start the demo over (its decisions are dropped)')
    .option('--workspace <path>', 'open this workspace file')
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .option('--data-dir <dir>', 'where the demo and new workspaces are kept (default: RECONCILER_DATA_DIR or the user data folder)')
    .option('--no-build', 'do not rebuild the renderer when its sources are newer')
    .action(
      action(async (opts: { demo?: boolean; resetDemo?: boolean; workspace?: string; port?: number; dataDir?: string; build: boolean }) => {
        const host = await runWebHost({
          demo: opts.demo,
          resetDemo: opts.resetDemo,
          workspace: opts.workspace,
          port: opts.port,
          dataDir: opts.dataDir,
          build: opts.build,
        });
        process.stderr.write('Reconciler is running on 127.0.0.1 only. Open this address (Ctrl+C stops it):\n');
        process.stdout.write(`${host.url}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await host.close();
      }),
    );
}
