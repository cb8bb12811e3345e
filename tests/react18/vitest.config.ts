// @useapi-minimax/react's own behaviour tests, run on React 18. The tests and the package's sources are
// compiled here, and every library that touches React resolves to this folder's copies (React 18 and the
// TanStack Query / Testing Library builds whose peer is React 18), so one React is loaded throughout.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const dir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const reactPackage = fileURLToPath(new URL('../../packages/react/', import.meta.url));
const local = ['react', 'react-dom', '@tanstack/react-query', '@testing-library/react'];

export default defineConfig({
  resolve: {
    alias: [
      { find: '@useapi-minimax/react', replacement: `${reactPackage}src/index.ts` },
      ...local.flatMap((name) => [
        { find: new RegExp(`^${name}$`), replacement: dir(name) },
        { find: new RegExp(`^${name}/(.*)$`), replacement: `${dir(name)}/$1` },
      ]),
    ],
  },
  server: { fs: { allow: [reactPackage, fileURLToPath(new URL('.', import.meta.url))] } },
  test: {
    name: 'react 18',
    root: reactPackage,
    environment: 'jsdom',
    // Time in these tests is fake; the budget is only for a busy machine (jsdom renders are CPU-bound), so that a
    // slow test fails on its own instead of running on into its neighbours.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.{ts,tsx}'],
    // The type tests run once, with the package's own config.
    typecheck: { enabled: false },
  },
});
