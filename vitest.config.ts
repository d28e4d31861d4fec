import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // test/e2e holds Playwright specs (npm run test:e2e), not vitest tests.
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Integration tests spawn the CLI and open real SQLite files: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
