// `reconciler`: the headless command over the same services as the app.
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes';
import { buildProgram } from './program';
import { reportStatsAtExit } from './stats';
import { useBundledWorkers } from '../main/threads/start-worker';

// Built (out/cli/reconciler.mjs), the worker scripts lie beside this file; from source, tsx loads their .ts entries.
if (!import.meta.url.endsWith('.ts')) useBundledWorkers(new URL('.', import.meta.url), '.mjs');

export async function main(argv: string[] = process.argv): Promise<void> {
  reportStatsAtExit();
  // A closed pipe (`reconciler findings … | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await (await buildProgram(argv.slice(2))).parseAsync(argv);
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
