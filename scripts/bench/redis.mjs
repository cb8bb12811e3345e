#!/usr/bin/env node
// The Redis backend's figures (issue 14), measured in one run on one real redis-server (persistence on,
// `appendfsync always`) and the standalone mock server (2 accounts × 3 slots):
// - Makespan: M video jobs of duration T take at least ⌈M / S⌉ × T on S slots. One batch run by 1, 2 and 4
//   worker processes (`test/redis/worker.mjs`, polling every 100 ms), from the first worker's `runner.batch()`
//   call to the last one's answer (process start-up excluded, as for the single-process run); figure: ideal /
//   measured (goal ≥ 0.9 for every count). Beside it the single-process runner (memory ledger, in this process,
//   same polling) on the same batch: the Redis backend's overhead is its makespan over that one.
// - Scheduling throughput: N image jobs with `follow: false` (a job is done once created; the mock answers at
//   once, 2 × 50 image slots) on one worker, jobs dispatched per second, against BullMQ's own throughput for N
//   empty jobs (addBulk, then one Worker at the same concurrency) on the same Redis in the same run (goal ≥ 0.5).
//   node scripts/bench/redis.mjs [--jobs 24] [--job-ms 3000] [--throughput-jobs 300] [--json]
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
const { MOCK_TOKEN } = await importFrom('packages/runner', '@useapi-minimax/mock-server');
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
    const child = spawn(process.execPath, [workerPath, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function throughput(redis) {
  const server = await startMockServer({ port: 0, jobMs: 0, seed: 5, accounts: [{ maxJobs: 10, credits: 1e9 }, { maxJobs: 10, credits: 1e9 }], validateResponses: false, deliverWebhooks: false });
  const manifest = join(dir, 'throughput.json');
  writeFileSync(manifest, JSON.stringify(Array.from({ length: throughputJobs }, (_, i) => ({ kind: 'image', key: `img-${i + 1}`, input: { prompt: `throughput ${i + 1}` } }))));
  const items = JSON.parse(readFileSync(manifest, 'utf8'));
  const out = await worker([redis.url, server.baseUrl, manifest, 'throughput', join(dir, 'out')], { WORKER_FOLLOW: '0', WORKER_IMAGE_SLOTS: '50', WORKER_CONCURRENCY: '64' });
  await server.close();
  // The single-process runner (memory ledger) on the same batch and a fresh mock: what the core and the mock cost.
  const server2 = await startMockServer({ port: 0, jobMs: 0, seed: 5, accounts: [{ maxJobs: 10, credits: 1e9 }, { maxJobs: 10, credits: 1e9 }], validateResponses: false, deliverWebhooks: false });
  const local = runner.createJobRunner({ client: createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server2.baseUrl, logLevel: 'silent' }), follow: false, slotLimits: { image: 50 }, schedulerRefreshMs: 200 });
  let firstAt;
  local.on('job', () => (firstAt ??= performance.now()));
  await local.batch(items);
  const singlePerS = throughputJobs / ((performance.now() - firstAt) / 1000);
  await local.close();
  await server2.close();
  // Whole batch (recording every job in the ledger, then dispatch), and dispatch alone (from the first job a
  // worker took to the last created).
  const batchPerS = throughputJobs / ((out.endedAt - out.startedAt) / 1000);
  const backendPerS = throughputJobs / ((out.endedAt - out.firstJobAt) / 1000);
  // BullMQ alone: the same number of empty jobs, one Worker at the same concurrency, on the same Redis.
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-empty', { connection, prefix: 'umm:bench' });
  let done = 0;
  let finish;
  const all = new Promise((r) => (finish = r));
  const started = performance.now();
  await queue.addBulk(Array.from({ length: throughputJobs }, (_, i) => ({ name: 'empty', data: { i }, opts: { removeOnComplete: true } })));
  const workerConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const w = new Worker('bench-empty', async () => undefined, { connection: workerConnection, prefix: 'umm:bench', concurrency: 64 });
  w.on('completed', () => ++done === throughputJobs && finish());
  await all;
  const bullPerS = throughputJobs / ((performance.now() - started) / 1000);
  await w.close();
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
  return { jobs: throughputJobs, batchPerS, backendPerS, singlePerS, bullmqEmptyPerS: bullPerS, ratio: backendPerS / bullPerS, created: out.counts.created };
}

const redis = await startRedis();
let result;
try {
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
