#!/usr/bin/env node
// The `reconciler` command: the bundled CLI when it is built and current (bundled-cli.mjs; `npm install` builds it),
// else the TypeScript sources through tsx (a checkout being edited, or never built).
import { fileURLToPath } from 'node:url';
import { bundledCli } from './bundled-cli.mjs';

const bundle = process.env.RECONCILER_FROM_SOURCE === '1' ? null : bundledCli(fileURLToPath(new URL('..', import.meta.url)));
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
