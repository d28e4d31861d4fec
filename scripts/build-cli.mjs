// Bundles the `reconciler` command into out/cli/reconciler.mjs (with its pure-JS dependencies), so it
// starts without compiling TypeScript on the fly: what `npm run bench` times, and what a release ships.
// Code splitting keeps the modules a command imports on demand (xero-node, exceljs, the web host) in their own
// chunks, so `reconciler match` does not pay for loading them.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { newestSource, STAMP_FILE } from '../bin/bundled-cli.mjs';

rmSync('out/cli', { recursive: true, force: true });
// Read before bundling: a source saved during the build makes the bundle stale, never the other way round.
const newestSourceMs = newestSource('.');
await build({
  // Worker threads are entries of their own, beside reconciler.mjs (see src/main/threads/start-worker.ts).
  entryPoints: {
    reconciler: 'src/cli/index.ts',
    'recompute-worker': 'src/main/threads/recompute-worker.ts',
    'accounts-worker': 'src/main/threads/accounts-worker.ts',
    'xlsx-worker': 'src/main/threads/xlsx-worker.ts',
    'export-worker': 'src/main/threads/export-worker.ts',
    'outbox-worker': 'src/main/threads/outbox-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Pure-JS dependencies are bundled: loading zod, commander and the CSV packages as some 150 files from
  // node_modules was a third of `reconciler match`'s start (0.31 → 0.25 s for `match --help`). Native and
  // large lazily loaded packages stay in node_modules.
  external: ['better-sqlite3', 'xero-node', 'exceljs', 'electron', 'electron-store', 'tsx', 'tsx/*'],
  sourcemap: true,
  // Bundled CommonJS packages (cli-progress…) call require() for Node's own modules: give ESM chunks one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// bin/reconciler.js runs this bundle only while no source is newer than what it was built from.
writeFileSync(STAMP_FILE, `${JSON.stringify({ newestSourceMs, builtAt: new Date().toISOString() })}\n`);
