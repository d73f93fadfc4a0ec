import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['cloudfunctions/**/*.spec.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'build/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/subscribers.ts'],
    // Each PGlite instance is a WASM Postgres; forks keep their memory apart.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
