// Bundles the `reconciler` command into out/cli/reconciler.mjs (dependencies stay in node_modules), so it
// starts without compiling TypeScript on the fly: what `npm run bench` times, and what a release ships.
// Code splitting keeps the modules a command imports on demand (xero-node, exceljs, the web host) in their own
// chunks, so `reconciler match` does not pay for loading them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('out/cli', { recursive: true, force: true });
await build({
  // Worker threads are entries of their own, beside reconciler.mjs (see src/main/threads/start-worker.ts).
  entryPoints: { reconciler: 'src/cli/index.ts', 'recompute-worker': 'src/main/threads/recompute-worker.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  banner: { js: "import v8 from 'node:v8'; v8.setFlagsFromString('--max-semi-space-size=64');" },
  logLevel: 'warning',
});
