// better-sqlite3 built for Electron's ABI lives apart from node_modules (scripts/electron-native.ts builds it),
// so Node (tests, CLI, web host) keeps its own build. The Electron main process hands its path to the db layer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_DIR = '.electron-native';

export function electronSqlitePath(appRoot: string): string {
  return join(appRoot, ELECTRON_NATIVE_DIR, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

/** The Electron-ABI binding when it was built; undefined otherwise (better-sqlite3 then loads its own). */
export function findElectronSqlite(appRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.RECONCILER_SQLITE_BINDING) return env.RECONCILER_SQLITE_BINDING;
  const path = electronSqlitePath(appRoot);
  return existsSync(path) ? path : undefined;
}
