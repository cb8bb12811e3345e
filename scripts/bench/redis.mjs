#!/usr/bin/env node
// The Redis backend's figures (issue 14), measured in one run on one real redis-server (persistence on,
// `appendfsync always`) and the standalone mock server (2 accounts × 3 slots):
// - Makespan: M video jobs of duration T take at least ⌈M / S⌉ × T on S slots. One batch run by 1, 2 and 4
//   worker processes (`test/redis/worker.mjs`, polling every 100 ms), from the first worker's `runner.batch()`
//   call to the last one's answer (process start-up excluded, as for the single-process run); figure: ideal /
//   measured (goal ≥ 0.9 for every count). Beside it the single-process runner (memory ledger, in this process,
//   same polling) on the same batch: the Redis backend's overhead is its makespan over that one.
// - Scheduling throughput: N image jobs with `follow: false` (a job is done once created; 2 × 50 image slots) on
//   one worker, jobs dispatched per second, against BullMQ's own throughput for N empty jobs (addBulk, then one
//   Worker at the same concurrency) on the same Redis in the same run, right before and right after the worker
//   (goal ≥ 0.5); beside it, CPU ms per job of the worker and of BullMQ's empty jobs. The mock answers at once:
//   in the worker's process (its `handle` as the client's fetch: the figure), and the standalone server over HTTP
//   (beside it). Also: the single-process runner on the same batch, and the mock alone answering the same
//   creates (what the mock costs, what HTTP costs).
//   node scripts/bench/redis.mjs [--jobs 24] [--job-ms 3000] [--throughput-jobs 300] [--json]
//   node scripts/bench/redis.mjs --throughput-only [--runs 3]   (JSON of each run; BENCH_PROF=dir: CPU profiles
//   of the throughput workers)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { report } from './redis-report.mjs';
import { importFrom, requireBuilt, root } from './resolve.mjs';

requireBuilt('packages/runner/dist/index.js', 'packages/runner/dist/redis/index.js', 'packages/mock-server/dist/server/index.js');
const runner = await import(pathToFileURL(join(root, 'packages/runner/dist/index.js')).href);
const { createMiniMaxClient } = await importFrom('packages/runner', '@useapi-minimax/client');
const { startMockServer } = await importFrom('packages/runner', '@useapi-minimax/mock-server/server');
const { MOCK_TOKEN, createMiniMaxMock } = await importFrom('packages/runner', '@useapi-minimax/mock-server');
const { submitKinds } = await import(pathToFileURL(join(root, 'packages/runner/dist/kinds.js')).href);
const { Queue, Worker } = await importFrom('packages/runner', 'bullmq');
const { Redis } = await importFrom('packages/runner', 'ioredis');
const { startRedis } = await import(pathToFileURL(join(root, 'scripts/lib/redis-server.mjs')).href);
const workerPath = join(root, 'packages/runner/test/redis/worker.mjs');

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const jobs = flag('jobs', 24);
const jobMs = flag('job-ms', 3000);
const throughputJobs = flag('throughput-jobs', 300);
const slots = 6;
const idealMs = Math.ceil(jobs / slots) * jobMs;
const dir = mkdtempSync(join(tmpdir(), 'umm-bench-redis-'));

const mockServer = (o = {}) => startMockServer({ port: 0, jobMs, seed: 5, accounts: [{ maxJobs: 3, credits: 1e9 }, { maxJobs: 3, credits: 1e9 }], validateResponses: false, deliverWebhooks: false, ...o });
const videoItems = (tag) => Array.from({ length: jobs }, (_, i) => ({ kind: 'video', key: `shot-${i + 1}`, input: { prompt: `bench ${tag} shot ${i + 1}` } }));

function worker(argv, env) {
  return new Promise((resolve, reject) => {
    const prof = process.env.BENCH_PROF && env.WORKER_FOLLOW === '0' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const child = spawn(process.execPath, [...prof, workerPath, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`worker exited ${code}: ${out.slice(-2000)}`))));
  });
}

async function single() {
  const server = await mockServer();
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server.baseUrl, logLevel: 'silent' });
  const r = runner.createJobRunner({ client, intervalMs: 100, schedulerRefreshMs: 200 });
  const started = performance.now();
  const report = await r.batch(videoItems('single'));
  const measuredMs = performance.now() - started;
  await r.close();
  await server.close();
  return { workers: 'single process', measuredMs: Math.round(measuredMs), ratio: idealMs / measuredMs, succeeded: report.counts.succeeded };
}

async function onRedis(redis, count) {
  const server = await mockServer();
  const manifest = join(dir, `makespan-${count}.json`);
  writeFileSync(manifest, JSON.stringify(videoItems(`redis-${count}`)));
  const outs = await Promise.all(Array.from({ length: count }, () => worker([redis.url, server.baseUrl, manifest, `makespan-${count}`, join(dir, 'out')], { WORKER_INTERVAL_MS: '100', WORKER_CONCURRENCY: '16' })));
  const rejected = server.mock.calls('createVideo').filter((e) => e.status === 429).length;
  const creates = server.mock.calls('createVideo').filter((e) => e.status < 300).length;
  await server.close();
  const measuredMs = Math.max(...outs.map((o) => o.endedAt)) - Math.min(...outs.map((o) => o.startedAt));
  return { workers: count, measuredMs, ratio: idealMs / measuredMs, succeeded: outs[0].counts.succeeded, creates, rejected429: rejected };
}

let throughputRuns = 0;
const throughputMock = { jobMs: 0, seed: 5, accounts: [{ maxJobs: 10, credits: 1e9 }, { maxJobs: 10, credits: 1e9 }], validateResponses: false, deliverWebhooks: false };
const inProcessFetch = (mock) => (input, init) => mock.handle(input instanceof Request ? input : new Request(input, init));

/** BullMQ alone: `n` empty jobs (addBulk, then one Worker at concurrency 64) on the same Redis; its rate and CPU ms per job. */
async function bullmqEmpty(redis, run) {
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(`bench-empty-${run}`, { connection, prefix: 'umm:bench' });
  let done = 0;
  let finish;
  const all = new Promise((r) => (finish = r));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await queue.addBulk(Array.from({ length: throughputJobs }, (_, i) => ({ name: 'empty', data: { i }, opts: { removeOnComplete: true } })));
  const workerConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const w = new Worker(`bench-empty-${run}`, async () => undefined, { connection: workerConnection, prefix: 'umm:bench', concurrency: 64 });
  w.on('completed', () => ++done === throughputJobs && finish());
  await all;
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  await w.close();
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return { ms, cpuMsPerJob: (user + system) / 1000 / throughputJobs };
}

/**
 * The mock compiles an operation's validators on its first request (hundreds of ms, once per process): a
 * throwaway mock takes that in this process before anything is timed (the in-process worker does the same).
 */
let warmed;
const warmMock = () =>
  (warmed ??= (async () => {
    const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: inProcessFetch(createMiniMaxMock(throughputMock)) });
    const { tag, method, fixed } = submitKinds.image;
    const [account] = Object.keys(await client.accounts.list());
    await client.scheduler.available();
    await client[tag][method]({ prompt: 'warm-up', ...fixed, account }, { maxRetries: 0 });
  })());

async function throughput(redis) {
  const run = ++throughputRuns;
  await warmMock();
  const manifest = join(dir, 'throughput.json');
  writeFileSync(manifest, JSON.stringify(Array.from({ length: throughputJobs }, (_, i) => ({ kind: 'image', key: `img-${i + 1}`, input: { prompt: `throughput ${i + 1}` } }))));
  const items = JSON.parse(readFileSync(manifest, 'utf8'));
  const workerEnv = { WORKER_FOLLOW: '0', WORKER_IMAGE_SLOTS: '50', WORKER_CONCURRENCY: '64', WORKER_QUIET: '1' };
  // Dispatch alone: from the first job the worker took to the last created; whole batch: recording every job in
  // the ledger first.
  const rates = (out) => ({ backendPerS: throughputJobs / ((out.endedAt - out.firstJobAt) / 1000), batchPerS: throughputJobs / ((out.endedAt - out.startedAt) / 1000), created: out.counts.created });
  // The mock in the worker's process (its `handle` as the client's fetch): it answers at once, no HTTP.
  // BullMQ's empty jobs right before and right after it (the load moves between runs): its rate over both.
  const emptyBefore = await bullmqEmpty(redis, `${run}a`);
  const inProc = await worker([redis.url, 'http://unused.invalid', manifest, `throughput-${run}`, join(dir, 'out')], { ...workerEnv, WORKER_MOCK: JSON.stringify(throughputMock) });
  const emptyAfter = await bullmqEmpty(redis, `${run}b`);
  const bullmqEmptyPerS = (2 * throughputJobs) / ((emptyBefore.ms + emptyAfter.ms) / 1000);
  // The standalone mock server over HTTP (in the bench's process).
  const server = await startMockServer({ port: 0, ...throughputMock });
  const overHttp = await worker([redis.url, server.baseUrl, manifest, `throughput-http-${run}`, join(dir, 'out')], workerEnv);
  await server.close();
  // The single-process runner (memory ledger, in the bench's process) on the same batch: the core and the mock.
  const single = async (client) => {
    const local = runner.createJobRunner({ client, follow: false, slotLimits: { image: 50 }, schedulerRefreshMs: 200 });
    let firstAt;
    local.on('job', () => (firstAt ??= performance.now()));
    await local.batch(items);
    const perS = throughputJobs / ((performance.now() - firstAt) / 1000);
    await local.close();
    return perS;
  };
  const singlePerS = await single(createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: inProcessFetch(createMiniMaxMock(throughputMock)) }));
  const server2 = await startMockServer({ port: 0, ...throughputMock });
  const singleHttpPerS = await single(createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server2.baseUrl, logLevel: 'silent' }));
  await server2.close();
  // The mock alone: the same creates sent straight from the client, 64 at a time (in-process, and over HTTP).
  const mockAlone = async (client) => {
    const { tag, method, fixed } = submitKinds.image;
    const names = Object.keys(await client.accounts.list());
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 64 }, async () => {
      while (next < throughputJobs) {
        const i = next++;
        await client[tag][method]({ ...items[i].input, ...fixed, account: names[i % names.length] }, { maxRetries: 0 });
      }
    }));
    return throughputJobs / ((performance.now() - t0) / 1000);
  };
  const roomy = { ...throughputMock, accounts: [{ maxJobs: 1000, credits: 1e9 }, { maxJobs: 1000, credits: 1e9 }] };
  const mockInProcessPerS = await mockAlone(createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: inProcessFetch(createMiniMaxMock(roomy)) }));
  const server3 = await startMockServer({ port: 0, ...roomy });
  const mockHttpPerS = await mockAlone(createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server3.baseUrl, logLevel: 'silent' }));
  await server3.close();
  const r = rates(inProc);
  const h = rates(overHttp);
  return {
    jobs: throughputJobs,
    ...r,
    mockCreates: inProc.mockCreates,
    singlePerS,
    bullmqEmptyPerS,
    ratio: r.backendPerS / bullmqEmptyPerS,
    // CPU of the process per job (ms; Redis's own not counted): the worker from its first job to the end, and
    // BullMQ's empty jobs (addBulk and the worker), a figure that moves less with the load than the rates.
    cpuMsPerJob: { backend: inProc.cpuMs / throughputJobs, bullmqEmpty: (emptyBefore.cpuMsPerJob + emptyAfter.cpuMsPerJob) / 2 },
    http: { ...h, singlePerS: singleHttpPerS, ratio: h.backendPerS / bullmqEmptyPerS },
    mockInProcessPerS,
    mockHttpPerS,
  };
}

const redis = await startRedis();
let result;
try {
  if (args.includes('--throughput-only')) {
    const runs = [];
    for (let i = 0; i < flag('runs', 1); i++) runs.push(await throughput(redis));
    console.log(JSON.stringify(runs, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toFixed(v < 10 ? 3 : 0) : v)));
    process.exit(0);
  }
  const baseline = await single();
  const rows = [baseline];
  for (const count of [1, 2, 4]) rows.push(await onRedis(redis, count));
  for (const row of rows.slice(1)) row.overhead = row.measuredMs / baseline.measuredMs;
  result = { node: process.version, jobs, jobMs, slots, idealMs, rows, throughput: await throughput(redis) };
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}

if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else for (const line of report(result)) console.log(line);
