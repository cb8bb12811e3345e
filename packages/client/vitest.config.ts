import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Time in these tests is fake or counted; the budget is for a busy machine only (a file's first test also pays
    // for loading MSW and compiling the mock's validators), so a slow test fails alone, never by the clock.
    testTimeout: 60_000,
    // Cold starts (bundling with esbuild in beforeAll) take seconds on a loaded machine.
    hookTimeout: 120_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
