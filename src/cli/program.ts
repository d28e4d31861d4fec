// The `reconciler` program: its commands, in groups that are loaded only when needed.
import { Command } from 'commander';
import { EXIT_CODES_HELP } from './exit-codes';

type Register = (program: Command) => void;

/**
 * Each group of commands, by the names it defines, loaded only when needed: `reconciler match` then loads
 * the matcher and the file readers, not the database, the Xero client or the web host (a third of startup).
 */
export const GROUPS: { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['match'], load: () => import('./commands/match').then((m) => m.registerMatch) },
  { names: ['import', 'findings', 'status'], load: () => import('./commands/workspace-commands').then((m) => m.registerWorkspaceCommands) },
  { names: ['connect', 'disconnect', 'sync', 'sandbox'], load: () => import('./commands/xero-commands').then((m) => m.registerXeroCommands) },
  { names: ['exceptions'], load: () => import('./commands/exceptions').then((m) => m.registerExceptions) },
  { names: ['push', 'undo', 'audit', 'checklist'], load: () => import('./commands/push').then((m) => m.registerOutboxCommands) },
  { names: ['web'], load: () => import('./commands/web').then((m) => m.registerWeb) },
];

/** The program with every command, or only the group of `command` when it names one. */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command('reconciler')
    .description('Finds the CocoonOPS billing accounts whose Xero sync will fail, and why.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  const named = GROUPS.filter((g) => command !== undefined && g.names.includes(command));
  for (const register of await Promise.all((named.length ? named : GROUPS).map((g) => g.load()))) register(program);
  return program;
}
