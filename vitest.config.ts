import { defineConfig } from 'vitest/config';

// Three tiers (STYLE.md): pure unit tests, integration tests against a real database through
// app.inject, and browser journeys in headless Chromium against a running server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['packages/*/src/**/*.int.test.ts', 'apps/server/src/**/*.int.test.ts', 'tests/durability/**/*.int.test.ts'],
          // One database per worker, shared by the files it runs: creating PGlite costs seconds.
          isolate: false,
          pool: 'forks',
          maxWorkers: 2,
          // Generous limits: a loaded 2-core CI machine may be many times slower than a quiet one, and a test
          // must fail on what it checks, never on how fast the machine is.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
