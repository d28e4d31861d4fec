// Where the reconciler keeps per-user files (settings, and tokens outside Electron).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'cocoon-xero-reconciler';

/** RECONCILER_CONFIG_DIR, else $XDG_CONFIG_HOME (or %APPDATA%, or ~/.config)/cocoon-xero-reconciler. */
export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env, override?: string): string {
  if (override) return override;
  if (env.RECONCILER_CONFIG_DIR) return env.RECONCILER_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || (process.platform === 'win32' && env.APPDATA) || join(homedir(), '.config');
  return join(base, APP_DIR_NAME);
}
