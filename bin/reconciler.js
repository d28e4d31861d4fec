#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (no build step needed for the headless command).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
