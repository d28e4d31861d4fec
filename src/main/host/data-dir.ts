// Where the web host keeps workspaces it creates (the demo, new ones) and its settings. Electron uses userData.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** RECONCILER_DATA_DIR, else $XDG_DATA_HOME (or %APPDATA%, or ~/.local/share)/cocoon-xero-reconciler. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RECONCILER_DATA_DIR) return env.RECONCILER_DATA_DIR;
  const base = env.XDG_DATA_HOME || (process.platform === 'win32' && env.APPDATA) || join(homedir(), '.local', 'share');
  return join(base, 'cocoon-xero-reconciler');
}
