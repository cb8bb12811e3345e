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
//   Worker at the same concurrency) on the same Redis (goal ≥ 0.5). Fair by construction: both sides run in a
//   fresh process, each warmed up by a first batch of N on another batch/queue, one right after the other (odd
//   runs BullMQ first, even runs the backend first), both timed from putting the jobs in the queue to the last
//   done; the figure is the median of the per-run ratios. Beside it, per job: the process's CPU, redis-server's
//   CPU (/proc), the Redis commands each process sent. The mock answers at once in the worker's process (its
//   `mock.fetch` as the client's fetch). With --extras (and in the full run): the standalone server over HTTP, the
//   single-process runner on the same batch, and the mock alone answering the same creates.
//   node scripts/bench/redis.mjs [--jobs 24] [--job-ms 3000] [--throughput-jobs 300] [--json]
//   node scripts/bench/redis.mjs --throughput-only [--runs 3] [--extras]   (JSON; BENCH_PROF=dir: CPU profiles of
//   the throughput workers, whole process; the test worker's WORKER_PROF=file profiles the measured window only)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const throughputMock = { jobMs: 0, seed: 5, accounts: [{ maxJobs: 10, credits: 1e9 }, { maxJobs: 10, credits: 1e9 }], validateResponses: false, deliverWebhooks: false };
/** Worker concurrency of both sides of the throughput figure (the backend's BullMQ worker and the empty-job one). */
const throughputConcurrency = 64;

/** Counts the commands this process sends to Redis while `on()` (by name), as the test worker does with WORKER_COUNT. */
function commandCounter() {
  const counted = new Map();
  let counting = false;
  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (command, ...rest) {
    if (counting) counted.set(command.name, (counted.get(command.name) ?? 0) + 1);
    return send.call(this, command, ...rest);
  };
  return { on: () => (counting = true), off: () => (counting = false), counts: () => Object.fromEntries([...counted].sort(([, a], [, b]) => b - a)) };
}

/**
 * BullMQ alone, in a fresh process of its own (as the backend's worker is): `n` empty jobs (addBulk, then one
 * Worker at the same concurrency) on the same Redis, after a warm-up batch of `warmup` empty jobs on another
 * queue (as the worker warms up with a batch of its own). Rate from the first job taken to the last completed
 * (the window of the backend's figure), also from the addBulk; CPU ms per job over the window; commands per job.
 */
const redisCpuMs = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

async function bullmqEmptyChild(url, name, n, warmup, concurrency, redisPid) {
  const counter = commandCounter();
  const once = async (queueName, count, measured) => {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection, prefix: 'umm:bench' });
    let done = 0;
    let finish;
    const all = new Promise((r) => (finish = r));
    let firstAt;
    let firstCpu;
    let redisAt;
    const t0 = performance.now();
    const redisT0 = redisCpuMs(redisPid);
    await queue.addBulk(Array.from({ length: count }, (_, i) => ({ name: 'empty', data: { i }, opts: { removeOnComplete: true } })));
    const w = new Worker(queueName, async () => {
      if (firstAt !== undefined) return;
      firstAt = performance.now();
      firstCpu = process.cpuUsage();
      redisAt = redisCpuMs(redisPid);
      if (measured) counter.on();
    }, { connection: workerConnection, prefix: 'umm:bench', concurrency });
    w.on('completed', () => ++done === count && finish());
    await all;
    const ended = performance.now();
    const { user, system } = process.cpuUsage(firstCpu);
    const redisEnd = redisCpuMs(redisPid);
    counter.off();
    await w.close();
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    workerConnection.disconnect();
    return { perS: count / ((ended - t0) / 1000), takenPerS: count / ((ended - firstAt) / 1000), cpuMsPerJob: (user + system) / 1000 / count, redisCpuMsPerJob: (redisEnd - redisT0) / count, redisTakenCpuMsPerJob: (redisEnd - redisAt) / count };
  };
  if (warmup > 0) await once(`${name}-warm`, warmup, false);
  const r = await once(name, n, true);
  const commands = counter.counts();
  return { ...r, commands, commandsPerJob: Object.values(commands).reduce((a, b) => a + b, 0) / n };
}

function bullmqEmpty(redis, name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--bullmq-empty-child', redis.url, name, String(throughputJobs), String(throughputJobs), String(throughputConcurrency), String(redis.pid)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`bullmq child exited ${code}: ${out.slice(-2000)}`))));
  });
}

/**
 * The mock compiles an operation's validators on its first request (hundreds of ms, once per process): a
 * throwaway mock takes that in this process before anything is timed (the in-process worker does the same).
 */
let warmed;
const warmMock = () =>
  (warmed ??= (async () => {
    const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: createMiniMaxMock(throughputMock).fetch });
    const { tag, method, fixed } = submitKinds.image;
    const [account] = Object.keys(await client.accounts.list());
    await client.scheduler.available();
    await client[tag][method]({ prompt: 'warm-up', ...fixed, account }, { maxRetries: 0 });
  })());

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sum = (o) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);

/**
 * One throughput pair: the backend's worker and BullMQ's empty jobs, each in a fresh process warmed up the same
 * way (a first batch of the same size), at the same concurrency, on the same Redis, one right after the other;
 * odd runs start with BullMQ, even runs with the backend (so neither always runs on the warmer machine).
 */
async function throughputPair(redis, run) {
  const manifest = join(dir, 'throughput.json');
  writeFileSync(manifest, JSON.stringify(Array.from({ length: throughputJobs }, (_, i) => ({ kind: 'image', key: `img-${i + 1}`, input: { prompt: `throughput ${i + 1}` } }))));
  const workerEnv = { WORKER_FOLLOW: '0', WORKER_IMAGE_SLOTS: '50', WORKER_CONCURRENCY: String(throughputConcurrency), WORKER_QUIET: '1', WORKER_COUNT: '1', WORKER_WARMUP: String(throughputJobs), REDIS_PID: String(redis.pid) };
  const backend = () => worker([redis.url, 'http://unused.invalid', manifest, `throughput-${run}`, join(dir, 'out')], { ...workerEnv, WORKER_MOCK: JSON.stringify(throughputMock) });
  const empty = () => bullmqEmpty(redis, `bench-empty-${run}`);
  let inProc;
  let base;
  if (run % 2) {
    base = await empty();
    inProc = await backend();
  } else {
    inProc = await backend();
    base = await empty();
  }
  // The figure's window, both sides: from putting the jobs in the queue (the backend's dispatch; BullMQ's addBulk)
  // to the last one done. Beside it, from the first job taken to the last done (queueing not counted).
  const backendPerS = throughputJobs / ((inProc.endedAt - inProc.dispatchAt) / 1000);
  const backendTakenPerS = throughputJobs / ((inProc.endedAt - inProc.firstJobAt) / 1000);
  return {
    run,
    first: run % 2 ? 'bullmq' : 'backend',
    backendPerS,
    bullmqEmptyPerS: base.perS,
    ratio: backendPerS / base.perS,
    taken: { backendPerS: backendTakenPerS, bullmqEmptyPerS: base.takenPerS, ratio: backendTakenPerS / base.takenPerS },
    batchPerS: throughputJobs / ((inProc.endedAt - inProc.startedAt) / 1000),
    created: inProc.counts.created,
    mockCreates: inProc.mockCreates,
    // CPU ms per job from the first job taken to the end: the process's own, and redis-server's (/proc, 10 ms ticks).
    cpuMsPerJob: { backend: inProc.cpuMs / throughputJobs, bullmqEmpty: base.cpuMsPerJob },
    redisCpuMsPerJob: { backend: inProc.redisCpuMs / throughputJobs, bullmqEmpty: base.redisTakenCpuMsPerJob },
    commandsPerJob: { backend: sum(inProc.commands) / throughputJobs, bullmqEmpty: base.commandsPerJob },
    commands: inProc.commands,
  };
}

/** Beside the figure (once): the standalone HTTP mock, the single-process runner, the mock alone. */
async function throughputExtras(redis, bullmqEmptyPerS) {
  await warmMock();
  const manifest = join(dir, 'throughput.json');
  const items = JSON.parse(readFileSync(manifest, 'utf8'));
  const workerEnv = { WORKER_FOLLOW: '0', WORKER_IMAGE_SLOTS: '50', WORKER_CONCURRENCY: String(throughputConcurrency), WORKER_QUIET: '1' };
  const rates = (out) => ({ backendPerS: throughputJobs / ((out.endedAt - out.dispatchAt) / 1000), batchPerS: throughputJobs / ((out.endedAt - out.startedAt) / 1000), created: out.counts.created });
  // The standalone mock server over HTTP (in the bench's process).
  const server = await startMockServer({ port: 0, ...throughputMock });
  const overHttp = await worker([redis.url, server.baseUrl, manifest, 'throughput-http', join(dir, 'out')], workerEnv);
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
  const singlePerS = await single(createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: createMiniMaxMock(throughputMock).fetch }));
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
  const mockInProcessPerS = await mockAlone(createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: createMiniMaxMock(roomy).fetch }));
  const server3 = await startMockServer({ port: 0, ...roomy });
  const mockHttpPerS = await mockAlone(createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server3.baseUrl, logLevel: 'silent' }));
  await server3.close();
  const h = rates(overHttp);
  return { http: { ...h, singlePerS: singleHttpPerS, ratio: h.backendPerS / bullmqEmptyPerS }, singlePerS, mockInProcessPerS, mockHttpPerS };
}

/** `runs` throughput pairs; the figure is the median of the per-run ratios. */
async function throughput(redis, runs, extras) {
  const pairs = [];
  for (let i = 1; i <= runs; i++) pairs.push(await throughputPair(redis, i));
  const summary = {
    jobs: throughputJobs,
    concurrency: throughputConcurrency,
    runs: pairs.map(({ commands: _c, ...p }) => p),
    ratio: median(pairs.map((p) => p.ratio)),
    backendPerS: median(pairs.map((p) => p.backendPerS)),
    batchPerS: median(pairs.map((p) => p.batchPerS)),
    bullmqEmptyPerS: median(pairs.map((p) => p.bullmqEmptyPerS)),
    takenRatio: median(pairs.map((p) => p.taken.ratio)),
    redisCpuMsPerJob: { backend: median(pairs.map((p) => p.redisCpuMsPerJob.backend)), bullmqEmpty: median(pairs.map((p) => p.redisCpuMsPerJob.bullmqEmpty)) },
    cpuMsPerJob: { backend: median(pairs.map((p) => p.cpuMsPerJob.backend)), bullmqEmpty: median(pairs.map((p) => p.cpuMsPerJob.bullmqEmpty)) },
    commandsPerJob: { backend: median(pairs.map((p) => p.commandsPerJob.backend)), bullmqEmpty: median(pairs.map((p) => p.commandsPerJob.bullmqEmpty)) },
    commands: Object.fromEntries(Object.entries(pairs.at(-1).commands ?? {}).map(([k, v]) => [k, v / throughputJobs])),
    mockCreates: pairs.map((p) => p.mockCreates),
  };
  return extras ? { ...summary, ...(await throughputExtras(redis, summary.bullmqEmptyPerS)) } : summary;
}

if (process.argv[2] === '--bullmq-empty-child') {
  const [, , , url, name, n, warmup, concurrency, redisPid] = process.argv;
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(await bullmqEmptyChild(url, name, Number(n), Number(warmup), Number(concurrency), redisPid)));
  process.exit(0);
}

const redis = await startRedis();
let result;
try {
  if (args.includes('--throughput-only')) {
    const t = await throughput(redis, flag('runs', 3), args.includes('--extras'));
    console.log(JSON.stringify(t, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? +v.toFixed(v < 10 ? 3 : 0) : v), 2));
  } else {
    const baseline = await single();
    const rows = [baseline];
    for (const count of [1, 2, 4]) rows.push(await onRedis(redis, count));
    for (const row of rows.slice(1)) row.overhead = row.measuredMs / baseline.measuredMs;
    result = { node: process.version, jobs, jobMs, slots, idealMs, rows, throughput: await throughput(redis, flag('runs', 3), true) };
  }
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}

// --throughput-only printed its JSON above; it stops its redis-server in the finally (process.exit there leaked one per run).
if (!result) process.exit(0);
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else for (const line of report(result)) console.log(line);
