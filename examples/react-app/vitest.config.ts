import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    // One browser, one page, steps in order: the studio's state carries from one test to the next.
    sequence: { concurrent: false },
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
