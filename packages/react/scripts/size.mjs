#!/usr/bin/env node
// Weight of @useapi-minimax/react in an app: esbuild bundle + minify + gzip (level 9), in bytes, with the peers
// (react, @tanstack/react-query) and the client (@useapi-minimax/client) left out: they are the app's anyway.
//   node scripts/size.mjs          print the table
//   node scripts/size.mjs --json   the same numbers as JSON
// Measures the built package (dist/), so run `pnpm build` first (`pnpm size` does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureBundle } from '../../../scripts/lib/bundle-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('dist/index.js is missing: run `pnpm --filter @useapi-minimax/react build` first.');
  process.exit(2);
}

const EXTERNAL = ['react', 'react/jsx-runtime', 'react-dom', '@tanstack/react-query', '@useapi-minimax/client'];

const measure = (contents) => measureBundle(contents, { resolveDir: root, alias: { '@useapi-minimax/react': entry }, external: EXTERNAL });

const rows = [
  ["import * from '@useapi-minimax/react' (whole package)", "export * from '@useapi-minimax/react';"],
  ['import { useMusic, MiniMaxProvider } (typical)', "export { useMusic, MiniMaxProvider } from '@useapi-minimax/react';"],
  ['import { useGenerateMusic, useAgent, MiniMaxProvider }', "export { useGenerateMusic, useAgent, MiniMaxProvider } from '@useapi-minimax/react';"],
  ['import { useMusicList, useCreateMusic, useDeleteVideo }', "export { useMusicList, useCreateMusic, useDeleteVideo } from '@useapi-minimax/react';"],
  ['import { musicListQueryOptions } (a factory alone)', "export { musicListQueryOptions } from '@useapi-minimax/react';"],
];
const results = [];
for (const [label, code] of rows) results.push({ label, ...(await measure(code)) });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ external: EXTERNAL, results }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`${'bundle (external: ' + EXTERNAL.join(', ') + ')'}\n`);
  console.log(`${'import'.padEnd(width)}  ${'min (B)'.padStart(9)}  ${'min+gzip (B)'.padStart(13)}`);
  for (const r of results) console.log(`${r.label.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(13)}`);
}
