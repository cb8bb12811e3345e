#!/usr/bin/env node
// Weight of @useapi-minimax/react in an app: esbuild bundle + minify + gzip (level 9), in bytes, with the peers
// (react, @tanstack/react-query) and the client (@useapi-minimax/client) left out: they are the app's anyway.
// A second table bundles the client too (built, packages/client/dist): what `useMusic` + the provider really cost.
//   node scripts/size.mjs          print the tables; exit 1 if a row with the client bundled is over its ceiling
//   node scripts/size.mjs --json   the same numbers as JSON
//   node scripts/size.mjs --why    also where the bytes of `useMusic + MiniMaxProvider + createMiniMaxCore` are: per
//                                  module (react's and the client's), its minified bytes (esbuild metafile) and its
//                                  marginal min+gzip cost (the bundle rebuilt with that module stubbed out)
// Measures the built package (dist/), so run `pnpm build` first (`pnpm size` does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marginalCosts, measureBundle } from '../../../scripts/lib/bundle-size.mjs';

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
for (const [label, code] of rows) {
  const { metafile: _m, ...sizes } = await measure(code);
  results.push({ label, ...sizes });
}

// With the client bundled too (issue #10 part 3: `useMusic + MiniMaxProvider + what they pull of the client` ≤ 8 KB).
// The peers stay external; the client is the built one (packages/client/dist), and each entry calls what it imports.
const client = fileURLToPath(new URL('../../client/dist/index.js', import.meta.url));
/**
 * Ceilings (min+gzip bytes) checked in CI (`pnpm --filter @useapi-minimax/react lint`): guards against growth at
 * what was reached, not the goal. Lower them as the hooks (or the client's core) shrink; never raise one without
 * saying why here. `HOOKS_SHARE` is what `useMusic` + the provider add to the client's one GET (the row minus
 * `createMiniMaxCore + getMusic`, same run): the hooks' own part, whatever the core weighs.
 * 2026-12-02 (issue #10 part 3): the row 13 582 → 12 355 B: the hooks' share 3 259 → 2 986 B (job facts per kind,
 * `musicJob`…, so useMusic ships only music's; the hooks' option split simplified), then the client's smaller one GET
 * (10 323 → 9 339 B), which moved a few pieces the hooks use out of the one GET (share 3 016 B).
 */
export const WITH_CLIENT_BUDGET_BYTES = 12_400;
export const HOOKS_SHARE_BUDGET_BYTES = 3_050;
const WITH_CLIENT_GOAL = 8_192;
const withClient = [];
const metafiles = [];
let why;
if (existsSync(client)) {
  const measureWith = (contents, plugins = []) =>
    measureBundle(contents, {
      resolveDir: root,
      alias: { '@useapi-minimax/react': entry }, // the client resolves to the workspace package (its dist/)
      external: EXTERNAL.filter((e) => e !== '@useapi-minimax/client'),
      plugins,
    });
  const clientRows = [
    [
      'useMusic + MiniMaxProvider + createMiniMaxClient (the whole client)',
      "import { useMusic, MiniMaxProvider } from '@useapi-minimax/react'; import { createMiniMaxClient } from '@useapi-minimax/client'; export default () => [useMusic, MiniMaxProvider, createMiniMaxClient({ token: 'user:1-x' })];",
    ],
    [
      'useMusic + MiniMaxProvider + createMiniMaxCore (what they pull of the client)',
      "import { useMusic, MiniMaxProvider } from '@useapi-minimax/react'; import { createMiniMaxCore } from '@useapi-minimax/client'; export default () => [useMusic, MiniMaxProvider, createMiniMaxCore({ token: 'user:1-x' })];",
    ],
    ["client alone: createMiniMaxCore + getMusic", "import { createMiniMaxCore, getMusic } from '@useapi-minimax/client'; export default () => getMusic(createMiniMaxCore({ token: 'user:1-x' }), 'm');"],
  ];
  for (const [label, code] of clientRows) {
    const { metafile, ...sizes } = await measureWith(code);
    withClient.push({ label, ...sizes });
    metafiles.push(metafile);
  }
  if (process.argv.includes('--why')) why = await marginalCosts({ label: withClient[1].label, code: clientRows[1][1], total: withClient[1], metafile: metafiles[1], measure: measureWith, name: (path) => path.replace(/^dist\//, 'react/dist/') });
}


const [, typical, oneGet] = withClient;
const share = typical && oneGet ? typical.gzip - oneGet.gzip : undefined;
const ok = typical === undefined || (typical.gzip <= WITH_CLIENT_BUDGET_BYTES && share <= HOOKS_SHARE_BUDGET_BYTES);

if (process.argv.includes('--json')) {
  const budgets = { withClientBudget: WITH_CLIENT_BUDGET_BYTES, hooksShare: share, hooksShareBudget: HOOKS_SHARE_BUDGET_BYTES, ok };
  console.log(JSON.stringify({ external: EXTERNAL, results, withClient, withClientGoal: WITH_CLIENT_GOAL, ...budgets, ...(why ? { why } : {}) }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`${'bundle (external: ' + EXTERNAL.join(', ') + ')'}\n`);
  console.log(`${'import'.padEnd(width)}  ${'min (B)'.padStart(9)}  ${'min+gzip (B)'.padStart(13)}`);
  for (const r of results) console.log(`${r.label.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(13)}`);
  if (withClient.length) {
    const w = Math.max(...withClient.map((r) => r.label.length));
    console.log(`\nwith the client bundled (external: ${EXTERNAL.filter((e) => e !== '@useapi-minimax/client').join(', ')}; goal ${WITH_CLIENT_GOAL} B for useMusic + MiniMaxProvider + what they pull of the client)\n`);
    console.log(`${'bundle'.padEnd(w)}  ${'min (B)'.padStart(9)}  ${'min+gzip (B)'.padStart(13)}`);
    for (const r of withClient) console.log(`${r.label.padEnd(w)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(13)}`);
    const within = (bytes, ceiling) => `ceiling ${ceiling} B: ${bytes <= ceiling ? 'within budget' : 'OVER BUDGET'}`;
    console.log(
      `\nuseMusic + MiniMaxProvider + createMiniMaxCore: ${typical.gzip} B min+gzip; ${within(typical.gzip, WITH_CLIENT_BUDGET_BYTES)}; goal ${WITH_CLIENT_GOAL} B: ${typical.gzip <= WITH_CLIENT_GOAL ? 'reached' : `not reached (${typical.gzip - WITH_CLIENT_GOAL} B over)`}`,
    );
    console.log(`the hooks' share (that row minus the client's one GET, ${oneGet.gzip} B): ${share} B; ${within(share, HOOKS_SHARE_BUDGET_BYTES)}`);
    if (why) {
      console.log(`\nWhere the bytes of "${why.bundle}" (${why.gzip} B) are: minified bytes per module, and its marginal min+gzip cost (the bundle rebuilt with the module stubbed out, so what only it pulls goes too):`);
      for (const m of why.modules) console.log(`  ${m.module.padEnd(50)} ${String(m.min).padStart(7)} B min  ${String(m.marginalGzip).padStart(6)} B gzip`);
    }
  } else console.log('\n(packages/client/dist is missing: build the client for the rows with the client bundled)');
}
// exitCode, not exit(): a piped stdout (scripts/bench.mjs reads the JSON) is flushed before the process ends.
process.exitCode = ok ? 0 : 1;
