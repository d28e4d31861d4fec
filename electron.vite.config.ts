// electron-vite: builds main, preload (CommonJS, for the sandboxed renderer) and renderer into out/.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 and the other dependencies stay external (loaded from node_modules at run time). Worker
      // threads are entries of their own, beside index.js (see src/main/threads/start-worker.ts).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'recompute-worker': resolve(import.meta.dirname, 'src/main/threads/recompute-worker.ts'),
          'xlsx-worker': resolve(import.meta.dirname, 'src/main/threads/xlsx-worker.ts'),
          'export-worker': resolve(import.meta.dirname, 'src/main/threads/export-worker.ts'),
          'outbox-worker': resolve(import.meta.dirname, 'src/main/threads/outbox-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    // Minified: the web host serves this bundle to any browser, and parse time counts towards first paint.
    build: { minify: true, rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } } },
  },
});
