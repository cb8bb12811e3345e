import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    // studio.test.ts: one browser, one page, steps in order (its state carries from one test to the next).
    // studio-flows.test.ts: a fresh context per step, with its own timeouts.
    sequence: { concurrent: false },
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
