import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its published name; vitest resolves it to the sources.
    alias: [
      { find: /^@useapi-minimax\/mock-server\/msw\/node$/, replacement: src('msw/node.ts') },
      { find: /^@useapi-minimax\/mock-server\/msw\/browser$/, replacement: src('msw/browser.ts') },
      { find: /^@useapi-minimax\/mock-server\/msw$/, replacement: src('msw/index.ts') },
      { find: /^@useapi-minimax\/mock-server\/server$/, replacement: src('server/index.ts') },
      { find: /^@useapi-minimax\/mock-server$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
