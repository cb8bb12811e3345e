import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end test runs the built demo against the mock server with a real (short) clock.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
