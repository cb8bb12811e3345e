#!/usr/bin/env node
// Bundle size of the client as an app would ship it: esbuild bundle + minify + gzip (level 9), in bytes.
//   node scripts/size.mjs          print the table; exit 1 if the whole client or the one GET is over its ceiling
//   node scripts/size.mjs --json   the same numbers as JSON
//   node scripts/size.mjs --why    also where the bytes of the whole client and of the one GET are: per module, its
//                                  minified bytes (esbuild metafile) and its marginal min+gzip cost (the bundle
//                                  rebuilt with that module stubbed out)
// Measures the built package (dist/), so run `pnpm build` first (`pnpm size` does).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { marginalCosts, measureBundle } from '../../../scripts/lib/bundle-size.mjs';

/**
 * Ceilings (min+gzip bytes) checked in CI (`pnpm --filter @useapi-minimax/client lint`): guards against growth at
 * what was reached, not the goals. Lower them as the client shrinks; never raise one without saying why here.
 * 2026-12-02 (issue #10 part 3): one GET 11 159 → 10 323 B (what only some operations need is a per-operation part:
 * event-stream answers, uploads, input warnings, outcome-unknown, the job error family); whole client 21 262 →
 * 21 641 B (JobCancelledError, withResponse, bodyArgs were added). Requests still go through openapi-fetch (the
 * project's design): a branch that re-implemented its serializers reached 8 795 / 20 936 B and was not merged.
 * 2026-12-02 (branch getsize): one GET 10 323 → 9 330 B (its input check, input routing and bodies, outcome-unknown
 * are per-operation parts it does not carry); whole client 21 689 → 21 416 B (a plain object of the functions for
 * the resources instead of a namespace import; success statuses are types only).
 */
export const BUDGET_BYTES = 21_450;
export const ONE_GET_BUDGET_BYTES = 9_400;
/** Issue #10's goals: one GET with typed errors and retries ≤ 6 KB; the whole client no larger than the 14 104 B first measured. */
const GOAL_BYTES = 6_144;
const WHOLE_GOAL_BYTES = 14_104;

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('dist/index.js is missing: run `pnpm --filter @useapi-minimax/client build` first.');
  process.exit(2);
}

const measure = (contents, plugins = []) => measureBundle(contents, { resolveDir: root, alias: { '@useapi-minimax/client': entry }, plugins });

/** An esbuild plugin that replaces the modules matching `filter` with `contents`. */

// Each entry really calls what it imports (a bundle of bare re-exports would keep everything reachable).
const rows = [
  [
    "createMiniMaxClient() + client.music.get(id) (the whole client)",
    "import { createMiniMaxClient } from '@useapi-minimax/client'; export default () => createMiniMaxClient({ token: 'user:1-x' }).music.get('m');",
  ],
  ["import * from '@useapi-minimax/client' (whole package)", "export * from '@useapi-minimax/client';"],
  [
    'createMiniMaxCore() + getMusic(core, id) (one GET, per-operation function)',
    "import { createMiniMaxCore, getMusic } from '@useapi-minimax/client'; export default () => getMusic(createMiniMaxCore({ token: 'user:1-x' }), 'm');",
  ],
  [
    "openapi-fetch createClient() + one GET (baseline)",
    "import createClient from 'openapi-fetch'; export default () => createClient({ baseUrl: 'https://api.useapi.net/v1/minimax' }).GET('/music/{musicId}', { params: { path: { musicId: 'm' } } });",
  ],
];
const results = [];
const metafiles = [];
for (const [label, code] of rows) {
  const { metafile, ...sizes } = await measure(code);
  metafiles.push(metafile);
  results.push({ label, ...sizes });
}

const [client] = results;
let why;
if (process.argv.includes('--why')) {
  // Done for the whole client and for the one GET.
  why = [];
  for (const index of [0, 2]) {
    const [label, code] = rows[index];
    why.push(await marginalCosts({ label, code, total: results[index], metafile: metafiles[index], measure }));
  }
}
const oneGet = results[2];
const ok = client.gzip <= BUDGET_BYTES && oneGet.gzip <= ONE_GET_BUDGET_BYTES;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ results, budget: BUDGET_BYTES, oneGetBudget: ONE_GET_BUDGET_BYTES, goal: GOAL_BYTES, wholeGoal: WHOLE_GOAL_BYTES, ok, ...(why ? { why } : {}) }, null, 2));
} else {
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`${'bundle'.padEnd(width)}  ${'min (B)'.padStart(9)}  ${'min+gzip (B)'.padStart(13)}`);
  for (const r of results) console.log(`${r.label.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(13)}`);
  const [, , one, baseline] = results;
  console.log(`\nratios vs openapi-fetch createClient + one GET (${baseline.gzip} B, same run): whole client ${(client.gzip / baseline.gzip).toFixed(2)}×, one GET ${(one.gzip / baseline.gzip).toFixed(2)}×`);
  console.log(
    `one GET (per-operation): ${one.gzip} B min+gzip; ceiling ${ONE_GET_BUDGET_BYTES} B: ${one.gzip <= ONE_GET_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET'}; goal ${GOAL_BYTES} B: ${one.gzip <= GOAL_BYTES ? 'reached' : `not reached (${one.gzip - GOAL_BYTES} B over)`}`,
  );
  console.log(
    `createMiniMaxClient: ${client.gzip} B min+gzip; ceiling ${BUDGET_BYTES} B: ${client.gzip <= BUDGET_BYTES ? 'within budget' : 'OVER BUDGET'}; goal ${WHOLE_GOAL_BYTES} B: ${client.gzip <= WHOLE_GOAL_BYTES ? 'reached' : `not reached (${client.gzip - WHOLE_GOAL_BYTES} B over)`}`,
  );
  if (why) {
    for (const w of why) {
      console.log(`\nWhere the bytes of "${w.bundle}" (${w.gzip} B) are: minified bytes per module, and its marginal min+gzip cost (the bundle rebuilt with the module stubbed out, so what only it pulls goes too):`);
      for (const m of w.modules) console.log(`  ${m.module.padEnd(50)} ${String(m.min).padStart(7)} B min  ${String(m.marginalGzip).padStart(6)} B gzip`);
    }
  }
}
process.exit(ok ? 0 : 1);
