#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (no build step needed for the headless command).
import v8 from 'node:v8';
import { register } from 'tsx/esm/api';

// A larger young generation: matching allocates many short-lived objects (about 2x faster on 50k contacts).
v8.setFlagsFromString('--max-semi-space-size=64');

register();
await import('../src/cli/index.ts');
