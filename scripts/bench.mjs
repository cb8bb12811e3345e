#!/usr/bin/env node
// `pnpm bench`: every figure of the repository's performance goals in one run, each as a ratio against a
// baseline measured in the same run (the machines are noisy, absolute numbers are not comparable across runs).
//   pnpm bench                      build (turbo, cached), run everything, print the report (Markdown)
//   pnpm bench -- --write           … and write it to BENCHMARKS.md
//   pnpm bench -- --soak            … and run the soak test too (`--soak-seconds 60`, `--soak-pollers 1000`)
//   pnpm bench -- --quick           fewer iterations and shorter runs (a smoke test of the scripts, not figures)
//   pnpm bench -- --no-build        measure the dist/ folders as they are
// It reuses the packages' own scripts (packages/client/bench/overhead.mjs, packages/client/scripts/size.mjs,
// packages/react/scripts/size.mjs, packages/mock-server/bench/throughput.mjs) and those under scripts/bench/.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report as runnerReport } from './bench/runner-report.mjs';
import { report as redisReport } from './bench/redis-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const has = (f) => args.includes(`--${f}`);
const flag = (name, fallback) => (has(name) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const quick = has('quick');

function run(label, script, scriptArgs = [], { cwd = root, node = [] } = {}) {
  const started = performance.now();
  process.stderr.write(`… ${label}`);
  const { stdout, stderr, status } = spawnSync(process.execPath, [...node, script, ...scriptArgs], { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(` (${seconds.toFixed(0)} s)\n`);
  // size.mjs exits 1 when over its budget, soak when it saw errors: the JSON is still the report.
  const json = stdout.slice(stdout.indexOf('{'));
  try {
    return JSON.parse(json);
  } catch {
    throw new Error(`${label} failed (exit ${status}):\n${stderr || stdout}`);
  }
}

if (!has('no-build')) {
  process.stderr.write('… building (turbo)\n');
  execFileSync('pnpm', ['turbo', 'run', 'build', '--filter=@useapi-minimax/client...', '--filter=@useapi-minimax/mock-server...', '--filter=@useapi-minimax/react...', '--filter=@useapi-minimax/runner...', '--output-logs=errors-only'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const started = new Date();
const loadBefore = os.loadavg();
const results = {};
results.overhead = run('client overhead', join(root, 'packages/client/bench/overhead.mjs'), [String(quick ? 1000 : 5000), '--json']);
results.clientSize = run('client size', join(root, 'packages/client/scripts/size.mjs'), ['--json', '--why'], { cwd: join(root, 'packages/client') });
results.reactSize = run('react size', join(root, 'packages/react/scripts/size.mjs'), ['--json'], { cwd: join(root, 'packages/react') });
results.autocannon = run('mock server throughput (autocannon)', join(root, 'packages/mock-server/bench/autocannon.mjs'), ['--json', '--seconds', quick ? '1' : '2', '--rounds', quick ? '1' : '3', '--warmup', quick ? '1' : '4'], { cwd: join(root, 'packages/mock-server') });
results.throughput = run('mock server memory', join(root, 'packages/mock-server/bench/throughput.mjs'), ['--json', '--seconds', '0.3', '--rounds', '1'], { cwd: join(root, 'packages/mock-server') });
results.polling = run('client polling', join(root, 'scripts/bench/polling.mjs'), ['--json']);
results.reactPolling = run('react polling', join(root, 'scripts/bench/react-polling.mjs'), ['--json']);
results.codegen = run('codegen', join(root, 'scripts/bench/codegen.mjs'), ['--json', '--runs', quick ? '1' : '5']);
results.runner = run('job runner', join(root, 'scripts/bench/runner.mjs'), ['--json', '--kills', quick ? '6' : '50']);
results.redis = run('job runner on Redis', join(root, 'scripts/bench/redis.mjs'), ['--json', ...(quick ? ['--jobs', '12', '--job-ms', '1500', '--throughput-jobs', '100'] : [])]);
results.typecheck = run('type-check', join(root, 'scripts/bench/typecheck.mjs'), ['--json', '--runs', quick ? '1' : '3']);
if (has('soak')) {
  results.soak = run('soak', join(root, 'scripts/soak.mjs'), ['--json', '--seconds', String(flag('soak-seconds', 60)), '--pollers', String(flag('soak-pollers', 1000))], { node: ['--expose-gc'] });
}
const loadAfter = os.loadavg();

// ───────────────────────────── the report ─────────────────────────────
const f = (n, d = 2) => Number(n).toFixed(d);
const int = (n) => Math.round(n).toLocaleString('en').replace(/,/g, ' ');
const ok = (met) => (met ? 'met' : '**not met**');
const out = [];
const p = (line = '') => out.push(line);

const cpus = os.cpus();
let cpuModel = cpus[0]?.model ?? 'unknown';
try {
  const lscpu = execFileSync('lscpu', { encoding: 'utf8' });
  const model = /^Model name:\s+(.+)$/m.exec(lscpu)?.[1];
  if (model) cpuModel = model.trim();
} catch {
  // no lscpu
}
p('## Machine');
p();
p(`- CPU: ${cpuModel}, ${cpus.length} cores (\`os.cpus()\`); RAM ${f(os.totalmem() / 2 ** 30, 1)} GiB; ${os.type()} ${os.release()} (${os.arch()})`);
p(`- Node ${process.version}; run started ${started.toISOString()}, took ${f((Date.now() - started.getTime()) / 1000, 0)} s${quick ? ' (**--quick**: short runs, not figures to quote)' : ''}`);
p(`- Load average (1/5/15 min) before: ${loadBefore.map((l) => f(l)).join(' / ')}, after: ${loadAfter.map((l) => f(l)).join(' / ')}. The machine is shared: absolute times move from run to run; the ratios are measured against baselines in the same run, interleaved where possible.`);
p();

const o = results.overhead;
p('## Client per-request overhead (`packages/client/bench/overhead.mjs`)');
p();
p(`Local \`node:http\` server in its own process (so serving is not counted), keep-alive, ${int(o.iterations)} requests per call after ${int(o.warmup)} warm-up, the calls interleaved round by round; CPU = the client process's median CPU time per call. Each client call is divided by openapi-fetch alone making the same request (`GET /music/{musicId}`, `GET /accounts`). Goals: median ≤ 1.03 × openapi-fetch alone (issue #10), ≤ 1.10 × raw fetch.`);
p();
p('| call | median | p99 | CPU / call | median / openapi-fetch | p99 / openapi-fetch | CPU / openapi-fetch | median / raw fetch | median / raw fetch + timeout signal |');
p('|---|---|---|---|---|---|---|---|---|');
for (const r of o.rows) p(`| ${r.call} | ${f(r.medianUs, 1)} µs | ${f(r.p99Us, 1)} µs | ${f(r.cpuUs, 1)} µs | ${f(r.medianVsOpenapiFetch)} | ${f(r.p99VsOpenapiFetch)} | ${f(r.cpuVsOpenapiFetch)} | ${f(r.medianVsRaw)} | ${f(r.medianVsRawSignal)} |`);
p();
p(`Worst client median ratio: **${f(o.worstMedianVsOpenapiFetch)}** against openapi-fetch alone (goal ≤ 1.03: ${ok(o.worstMedianVsOpenapiFetch <= 1.03)}; p99 ${f(o.worstP99VsOpenapiFetch)}), ${f(o.worstMedianVsRaw)} against raw fetch (goal ≤ 1.10: ${ok(o.worstMedianVsRaw <= 1.1)}), ${f(o.worstMedianVsRawSignal)} against raw fetch with the same timeout signal (an \`AbortController\`, a 60 s timer and its signal, which any call with a timeout that closes the connection needs).`);
p();

const cs = results.clientSize;
const rs = results.reactSize;
const [cWhole, cAll, cOneGet, ofAlone] = cs.results;
const reactAll = rs.results[0];
const reactTypical = rs.results[1];
const [reactWithClient, reactWithCore] = rs.withClient ?? [];
p('## Bundle sizes, min+gzip (`packages/client/scripts/size.mjs`, `packages/react/scripts/size.mjs`)');
p();
p('esbuild bundle + minify, gzip level 9, browser platform, ESM; each entry calls what it imports; openapi-fetch measured in the same run.');
p();
p('| bundle | min | min+gzip | / openapi-fetch alone |');
p('|---|---|---|---|');
const row = (label, r) => p(`| ${label} | ${int(r.min)} B | ${int(r.gzip)} B | ${f(r.gzip / ofAlone.gzip)} |`);
row('openapi-fetch: `createClient()` + one GET, the baseline', ofAlone);
row('`createMiniMaxCore()` + `getMusic(core, id)` (one GET, typed errors, retries)', cOneGet);
row('`createMiniMaxClient()` + `client.music.get(id)` (the whole client)', cWhole);
row('`import *` (the whole package)', cAll);
row('the whole react package (`import *`; react, @tanstack/react-query and the client left out)', reactAll);
row(`react: ${reactTypical.label.replace(/^import /, '`import ').replace(/ \(typical\)$/, '` (typical)')}, client left out`, reactTypical);
if (reactWithClient) row('react: `useMusic` + `MiniMaxProvider` + `createMiniMaxClient` (the whole client)', reactWithClient);
if (reactWithCore) row('react: `useMusic` + `MiniMaxProvider` + `createMiniMaxCore` (what they pull of the client; goal ≤ 8 KB)', reactWithCore);
p();
p(`One GET: ${int(cOneGet.gzip)} B against the goal of ${int(cs.goal)} B (${ok(cOneGet.gzip <= cs.goal)}), ceiling ${int(cs.oneGetBudget)} B; the whole client: ${int(cWhole.gzip)} B against ${int(cs.wholeGoal)} B (${ok(cWhole.gzip <= cs.wholeGoal)}), ceiling ${int(cs.budget)} B.`);
if (cs.why) {
  for (const w of cs.why) p(`Marginal cost per module of "${w.bundle}" (the bundle rebuilt with the module stubbed out): ${w.modules.filter((m) => m.marginalGzip >= 60).map((m) => `${m.module} ${int(m.marginalGzip)} B`).join(', ')}.`);
}
p();

const ac = results.autocannon;
p('## Mock server throughput (`packages/mock-server/bench/autocannon.mjs`)');
p();
p(`Load from autocannon in its own process (${ac.generator}), ${ac.connections} keep-alive connections; every server (each in its own process) warmed up ${ac.warmup} s on each endpoint, then ${ac.rounds} rounds of ${ac.seconds} s per row; the baseline is a bare \`node:http\` server answering the same bytes (GET ${ac.bytes.get} B, create ${ac.bytes.post} B), measured in each round just before the rows it divides; a row shows the median over the rounds of the ratio to the bare server of the same round. Load average during the run: ${ac.load.before} → ${ac.load.after}. Goal: ≥ 0.6 × bare at 16 connections.`);
p();
p(`The generator is not the bottleneck: the bare server with one generator process ${int(ac.ceiling.one.rps)} req/s, with two (half the connections each) ${int(ac.ceiling.two.rps)} req/s (${f(ac.ceiling.two.rps / ac.ceiling.one.rps)}×; above ~1.1 would mean one generator was the limit).`);
p();
p('| endpoint | configuration | bare req/s | mock req/s | mock / bare (median) | per round | bare p99 | mock p99 | p99 mock / bare | CPU µs/req bare / mock (ratio) | mock non-2xx |');
p('|---|---|---|---|---|---|---|---|---|---|---|');
const us = (x) => (x === undefined || x === null ? 'n/a' : int(x));
for (const r of ac.rows) p(`| ${r.endpoint} | ${r.config} | ${int(r.bare.rps)} | ${int(r.mock.rps)} | **${f(r.ratio)}**${r.ratio >= 0.6 ? '' : ' (below 0.6)'} | ${(r.ratios ?? []).join(' ')} | ${r.bare.p99} ms | ${r.mock.p99} ms | ${f(r.p99Ratio)} | ${us(r.bare.cpuPerRequestUs)} / ${us(r.mock.cpuPerRequestUs)} (${r.cpuRatio ? f(r.cpuRatio) : 'n/a'}) | ${r.mock.non2xx} |`);
p();
const t = results.throughput;
const mb = (n) => `${f(n / 2 ** 20, 1)} MB`;
p(`Memory after 100 000 requests to a fresh server (after a GC; at start in brackets): mock heap ${mb(t.memory.mock.after.heapUsed)} (${mb(t.memory.mock.before.heapUsed)}), RSS ${mb(t.memory.mock.after.rss)} (${mb(t.memory.mock.before.rss)}); bare heap ${mb(t.memory.bare.after.heapUsed)} (${mb(t.memory.bare.before.heapUsed)}), RSS ${mb(t.memory.bare.after.rss)} (${mb(t.memory.bare.before.rss)}). Heap growth mock / bare: ${f((t.memory.mock.after.heapUsed - t.memory.mock.before.heapUsed) / 2 ** 20, 1)} MB / ${f((t.memory.bare.after.heapUsed - t.memory.bare.before.heapUsed) / 2 ** 20, 1)} MB (the mock keeps a journal of the last 10 000 requests).`);
p();

const pc = results.polling;
const pr = results.reactPolling;
p('## Polling efficiency (`scripts/bench/polling.mjs`, `scripts/bench/react-polling.mjs`)');
p();
p(`A job of known duration (${pc.jobMs} ms, real clock) followed at a ${pc.intervalMs} ms interval. The baseline is the minimum for that interval: one GET at creation and one per interval until final, 1 + ⌈${pc.jobMs} / ${pc.intervalMs}⌉ = ${1 + Math.ceil(pc.jobMs / pc.intervalMs)}. Then 10 more intervals are watched: requests after the final state (goal: zero).`);
p();
p('| follower | job | GETs | minimum | GETs / minimum | after the final state |');
p('|---|---|---|---|---|---|');
for (const r of pc.rows) p(`| client \`${r.kind === 'video' ? 'videos' : r.kind === 'image' ? 'images' : r.kind}.waitFor\` (engine as fetch) | ${r.kind} | ${r.requests} | ${r.minimum} | ${f(r.ratio)} | **${r.afterFinal}** |`);
for (const r of pr.rows) p(`| ${r.components} React component${r.components > 1 ? 's' : ''} with \`useMusic(id)\` (jsdom, MSW handlers) | music | ${r.requests} | ${r.minimum} | ${f(r.ratio)} | **${r.afterFinal}** |`);
p();

const cg = results.codegen;
const tc = results.typecheck;
p('## Codegen and type-check cost (`scripts/bench/codegen.mjs`, `scripts/bench/typecheck.mjs`)');
p();
p(`Codegen of the three targets (\`node scripts/codegen.mjs --check\`: generated in memory, compared, nothing written) against reading and parsing \`spec/openapi.yaml\` (${int(cg.spec.lines)} lines), each in a fresh process, median of ${cg.runs}${cg.stale ? ' (the checkout was stale: codegen:check failed, timed all the same)' : ''}:`);
p();
p('| step | process wall time | of which the work after start-up | / read + parse |');
p('|---|---|---|---|');
p(`| read + parse the spec (baseline) | ${int(cg.parse.processMs)} ms | ${int(cg.parse.inProcessMs)} ms | 1.00 |`);
p(`| codegen, 3 targets | ${int(cg.codegen.processMs)} ms | ${Number.isFinite(cg.codegen.inProcessMs) ? `${int(cg.codegen.inProcessMs)} ms` : 'n/a'} | **${f(cg.ratio, 1)}** (work: ${Number.isFinite(cg.ratioInProcess) ? f(cg.ratioInProcess, 1) : 'n/a'}) |`);
p();
p(`A consumer file that uses 20 hooks against one that makes the same 20 calls with the client (the baseline), \`tsc --noEmit --extendedDiagnostics\` (${tc.typescript}, strict, skipLibCheck), median of ${tc.runs}:`);
p();
p('| consumer file | files | types | instantiations | check time | total time | memory |');
p('|---|---|---|---|---|---|---|');
p(`| 20 client calls (baseline) | ${tc.client.files} | ${int(tc.client.types)} | ${int(tc.client.instantiations)} | ${tc.client.checkMs} ms | ${tc.client.totalMs} ms | ${tc.client.memoryMB} MB |`);
p(`| 20 React hooks | ${tc.hooks.files} | ${int(tc.hooks.types)} | ${int(tc.hooks.instantiations)} | ${tc.hooks.checkMs} ms | ${tc.hooks.totalMs} ms | ${tc.hooks.memoryMB} MB |`);
p(`| hooks / client | | ${f(tc.ratios.types)} | **${f(tc.ratios.instantiations)}** | ${f(tc.ratios.checkTime)} | ${f(tc.ratios.totalTime)} | |`);
p();

for (const line of runnerReport(results.runner)) p(line);
for (const line of redisReport(results.redis)) p(line);

if (results.soak) {
  const s = results.soak;
  p('## Soak (`scripts/soak.mjs`)');
  p();
  p(`${int(s.pollers)} concurrent pollers with the client (create an image or a speech job → \`waitFor\` every ${s.intervalMs} ms → repeat; jobs take ${s.jobMs} ms) against the standalone mock server in its own process, for ${s.seconds} s.`);
  p();
  p('| requests | req/s | errors | retries | jobs completed | p50 / p99 to headers (after the first ' + s.latencyMs.afterWarmupSeconds + ' s) | max |');
  p('|---|---|---|---|---|---|---|');
  p(`| ${int(s.requests)} | ${int(s.requestsPerSecond)} | **${s.errors}** | ${s.retries} | ${int(s.jobsCompleted)} | ${s.latencyMs.p50} / ${s.latencyMs.p99} ms | ${s.latencyMs.max} ms |`);
  p();
  p('| heap after GC | at start | after the warm-up | at the end | growth after the warm-up |');
  p('|---|---|---|---|---|');
  p(`| server | ${s.server.start.heapMB} MB | ${s.server.warm.heapMB} MB | ${s.server.end.heapMB} MB | ${s.server.heapGrowthMB} MB: the jobs it created and keeps (${int(s.jobsInServer - s.server.warm.jobs)} more, ${int(s.server.heapBytesPerJob)} B each) |`);
  p(`| client | ${s.client.start.heapMB} MB | ${s.client.warm.heapMB} MB | ${s.client.end.heapMB} MB | ${s.client.heapGrowthMB} MB (${s.client.afterServerClosed.heapMB} MB once its sockets closed) |`);
  p();
  p(`Event-loop lag p99: client process ${s.eventLoopLagP99Ms.client} ms, server process ${s.eventLoopLagP99Ms.server} ms. Statuses: ${Object.entries(s.statuses).map(([k, v]) => `${k} × ${int(v)}`).join(', ')}.`);
  p();
}

const report = out.join('\n');
console.log(report);
if (has('write')) {
  const header = `# Benchmarks

The latest results of \`pnpm bench${has('soak') ? ' -- --soak' : ''}\` (written by \`pnpm bench -- --write${has('soak') ? ' --soak' : ''}\`). Every figure is printed by a script in
the repository, as a ratio against a baseline measured in the same run: the machines these run on are shared and
noisy, so compare ratios, not absolute times, across runs.

To reproduce: \`pnpm install\`, then \`pnpm bench\` (it builds the packages through turbo first); \`pnpm bench -- --write --soak\`
rewrites this file with the soak test included (about ${has('soak') ? f((Date.now() - started.getTime()) / 60_000, 0) : 5} minutes). Each part also runs alone:
\`pnpm --filter @useapi-minimax/client bench\`, \`pnpm --filter @useapi-minimax/client size\`,
\`pnpm --filter @useapi-minimax/react size\`, \`node packages/mock-server/bench/throughput.mjs\`,
\`node scripts/bench/polling.mjs\`, \`node scripts/bench/react-polling.mjs\`, \`node scripts/bench/codegen.mjs\`,
\`node scripts/bench/typecheck.mjs\`, \`node scripts/bench/runner.mjs\`, \`node scripts/bench/redis.mjs\`, \`pnpm soak\`.

`;
  writeFileSync(join(root, 'BENCHMARKS.md'), `${header}${report}\n`);
  process.stderr.write('wrote BENCHMARKS.md\n');
}
