// The `reconciler` program: its commands, in groups that are loaded only when needed.
import { Command } from 'commander';
import { ABOUT, USAGE, type CommandName } from './command-help';
import { EXIT_CODES_HELP } from './exit-codes';

type Register = (program: Command) => void;

/**
 * Each group of commands, by the names it defines, loaded only when needed: `reconciler match` then loads
 * the matcher and the file readers, not the database, the Xero client or the web host (a third of startup).
 */
export const GROUPS: { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['match'], load: () => import('./commands/match').then((m) => m.registerMatch) },
  { names: ['import', 'findings', 'status'], load: () => import('./commands/workspace-commands').then((m) => m.registerWorkspaceCommands) },
  {
    names: ['connect', 'disconnect', 'sync', 'sandbox'],
    load: () => import('./commands/xero-commands').then((m) => m.registerXeroCommands),
  },
  { names: ['exceptions'], load: () => import('./commands/exceptions').then((m) => m.registerExceptions) },
  { names: ['push', 'undo', 'audit', 'checklist'], load: () => import('./commands/push').then((m) => m.registerOutboxCommands) },
  { names: ['web'], load: () => import('./commands/web').then((m) => m.registerWeb) },
];

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(USAGE, name);

/**
 * The program for `argv` (without node and the script): only the group of the command it names (`help X` names X);
 * with none (`--help`, a typo), every command as its usage and description only, so the overview loads no command.
 */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command('reconciler')
    .description('Finds the CocoonOPS billing accounts whose Xero sync will fail, and why.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();
  const command = args[0] === 'help' ? args[1] : args[0];
  const group = GROUPS.find((g) => isCommand(command) && g.names.includes(command));
  if (group) (await group.load())(program);
  else for (const name of Object.keys(USAGE) as CommandName[]) program.command(USAGE[name]).description(ABOUT[name]);
  return program;
}
