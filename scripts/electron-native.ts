// Builds better-sqlite3 for Electron's ABI into .electron-native/better-sqlite3 (never in node_modules, which
// keeps the build for Node: tests, CLI, web host). The Electron main process loads it through better-sqlite3's
// nativeBinding option (src/main/electron/native-sqlite.ts). Needs the Electron headers (downloaded by node-gyp
// from electronjs.org) and a C++ toolchain; skipped when the build is already there for this Electron version.
// Usage: tsx scripts/electron-native.ts [--force]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ELECTRON_NATIVE_DIR, electronSqlitePath } from '../src/main/electron/native-sqlite';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function version(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** npm's own node-gyp (npm sets npm_config_node_gyp in scripts), else the one bundled beside node. */
function nodeGyp(): string {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed as a package: fine
  }
  const found = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!found) throw new Error('node-gyp was not found (it ships with npm); run this through npm, e.g. npm run electron:native');
  return found;
}

export function buildElectronSqlite(force = false, log: (line: string) => void = console.log): string {
  const electron = version('electron');
  const sqlite = version('better-sqlite3');
  const dest = join(ROOT, ELECTRON_NATIVE_DIR, 'better-sqlite3');
  const stampPath = join(dest, 'electron-abi.json');
  const stamp = JSON.stringify({ electron, betterSqlite3: sqlite, arch: process.arch });
  const binary = electronSqlitePath(ROOT);
  if (!force && existsSync(binary) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    log(`better-sqlite3 ${sqlite} for Electron ${electron} is already built (${binary}).`);
    return binary;
  }
  log(`Building better-sqlite3 ${sqlite} for Electron ${electron} (${process.arch}) into ${dest}…`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const source = join(ROOT, 'node_modules', 'better-sqlite3');
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    if (existsSync(join(source, part))) cpSync(join(source, part), join(dest, part), { recursive: true });
  }
  const r = spawnSync(
    process.execPath,
    [nodeGyp(), 'rebuild', '--release', `--target=${electron}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'],
    {
      cwd: dest,
      stdio: 'inherit',
      env: {
        ...process.env,
        npm_config_runtime: 'electron',
        npm_config_target: electron,
        npm_config_disturl: 'https://electronjs.org/headers',
      },
    },
  );
  if (r.status !== 0 || !existsSync(binary))
    throw new Error(`node-gyp could not build better-sqlite3 for Electron ${electron} (exit ${r.status}).`);
  writeFileSync(stampPath, stamp);
  log(`Built ${binary}.`);
  return binary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildElectronSqlite(process.argv.includes('--force'));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
