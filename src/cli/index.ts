// `reconciler`: the headless command over the same services as the app.
import { Command, CommanderError } from 'commander';
import { registerExceptions } from './commands/exceptions';
import { registerMatch } from './commands/match';
import { registerOutboxCommands } from './commands/push';
import { registerWorkspaceCommands } from './commands/workspace-commands';
import { registerXeroCommands } from './commands/xero-commands';
import { registerWeb } from './commands/web';
import { EXIT, EXIT_CODES_HELP } from './exit-codes';
import { reportStatsAtExit } from './stats';
import { useBundledWorkers } from '../main/threads/start-worker';

// Built (out/cli/reconciler.mjs), the worker scripts lie beside this file; from source, tsx loads their .ts entries.
if (!import.meta.url.endsWith('.ts')) useBundledWorkers(new URL('.', import.meta.url), '.mjs');

export function buildProgram(): Command {
  const program = new Command('reconciler')
    .description('Finds the CocoonOPS billing accounts whose Xero sync will fail, and why.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  registerMatch(program);
  registerWorkspaceCommands(program);
  registerXeroCommands(program);
  registerExceptions(program);
  registerOutboxCommands(program);
  registerWeb(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  reportStatsAtExit();
  // A closed pipe (`reconciler findings … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exitCode = done ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}

await main();
