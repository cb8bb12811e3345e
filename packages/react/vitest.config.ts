import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests (and the README's example, test/fixtures/studio.tsx) import the package by its published name.
    alias: { '@useapi-minimax/react': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    environment: 'jsdom',
    // Time in these tests is fake; the budget is only for a busy machine (jsdom renders are CPU-bound), so that a
    // slow test fails on its own instead of running on into its neighbours.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.{ts,tsx}'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.{ts,tsx}'],
      tsconfig: './tsconfig.json',
    },
  },
});
