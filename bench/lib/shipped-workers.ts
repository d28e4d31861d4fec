// The bench times what users run: `reconciler web` and the app start their worker threads from a bundle (out/cli, or
// Electron's out/main), not from the TypeScript sources through tsx (whose loader wraps every function). When the CLI
// bundle is built and current, the bench's in-process app uses its workers too; otherwise the sources (and says so).
import { fileURLToPath } from 'node:url';
// @ts-expect-error: plain JavaScript without types (it runs before anything is compiled)
import { bundledCli } from '../../bin/bundled-cli.mjs';
import { useBundledWorkers } from '../../src/main/threads/start-worker';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Uses the bundle's workers when it is current; returns which ones the timings below are of. */
export function useShippedWorkers(): 'bundled' | 'from source' {
  if (!(bundledCli(ROOT) as string | null)) return 'from source';
  useBundledWorkers(new URL('../../out/cli/', import.meta.url), '.mjs');
  return 'bundled';
}
