// Bundles the `reconciler` command into out/cli/reconciler.mjs (dependencies stay in node_modules), so it
// starts without compiling TypeScript on the fly: what `npm run bench` times, and what a release ships.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/reconciler.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  banner: { js: "import v8 from 'node:v8'; v8.setFlagsFromString('--max-semi-space-size=64');" },
  logLevel: 'warning',
});
