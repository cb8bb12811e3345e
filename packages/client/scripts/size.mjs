#!/usr/bin/env node
// Bundle size of the client as an app would ship it: esbuild bundle + minify + gzip (level 9), in bytes.
//   node scripts/size.mjs          print the table; exit 1 if `createMiniMaxClient` is over its budget
//   node scripts/size.mjs --json   the same numbers as JSON
// Measures the built package (dist/), so run `pnpm build` first (`pnpm size` does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** Budget of `import { createMiniMaxClient }`, min+gzip bytes (the goal was 6 144; see the README's "Size"). */
export const BUDGET_BYTES = 13_824;
const GOAL_BYTES = 6_144;

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('dist/index.js is missing: run `pnpm --filter @useapi-minimax/client build` first.');
  process.exit(2);
}

async function measure(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias: { '@useapi-minimax/client': entry },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const rows = [
  ["import { createMiniMaxClient } from '@useapi-minimax/client'", "export { createMiniMaxClient } from '@useapi-minimax/client';"],
  ["import * from '@useapi-minimax/client' (whole package)", "export * from '@useapi-minimax/client';"],
  ["import createClient from 'openapi-fetch' (alone, for comparison)", "export { default } from 'openapi-fetch';"],
];
const results = [];
for (const [label, code] of rows) results.push({ label, ...(await measure(code)) });

const [client] = results;
const ok = client.gzip <= BUDGET_BYTES;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ results, budget: BUDGET_BYTES, goal: GOAL_BYTES, ok }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`${'bundle'.padEnd(width)}  ${'min (B)'.padStart(9)}  ${'min+gzip (B)'.padStart(13)}`);
  for (const r of results) console.log(`${r.label.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(13)}`);
  console.log(
    `\ncreateMiniMaxClient: ${client.gzip} B min+gzip; budget ${BUDGET_BYTES} B (goal ${GOAL_BYTES} B): ${ok ? 'within budget' : 'OVER BUDGET'}`,
  );
}
process.exit(ok ? 0 : 1);
