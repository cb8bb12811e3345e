import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One scratch project for the whole file: pack, npm install (registry for react, vite, msw), then checks.
    hookTimeout: 900_000,
    testTimeout: 600_000,
  },
});
