// One worker process of a Redis batch (the tests spawn several and kill some): runs the manifest's batch on the
// Redis backend and prints its counts as JSON. Every worker submits the same manifest (idempotent) and drives
// whichever jobs BullMQ gives it.
//   node worker.mjs <redis url> <mock base url> <manifest.json> <batch> <out dir> [webhook url]
import { readFileSync } from 'node:fs';
import { createMiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock } from '@useapi-minimax/mock-server';
import { Redis } from 'ioredis';
import { createJobRunner } from '../../dist/index.js';
import { submitKinds } from '../../dist/kinds.js';
import { redisBackend } from '../../dist/redis/index.js';

const [redisUrl, baseUrl, manifestPath, batch, outDir, webhookUrl] = process.argv.slice(2);
const items = JSON.parse(readFileSync(manifestPath, 'utf8'));
// WORKER_MOCK (JSON mock options): the mock in this process, `mock.fetch` as the client's fetch (no HTTP; the
// throughput bench); the mock base URL argument is then ignored.
const inProcess = process.env.WORKER_MOCK ? createMiniMaxMock(JSON.parse(process.env.WORKER_MOCK)) : undefined;
const client = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', ...(inProcess ? { fetch: inProcess.fetch } : { baseUrl }), logLevel: 'silent', maxRetries: 8 });
if (inProcess) {
  // The mock compiles its validators on an operation's first request (hundreds of ms, once per process): a
  // throwaway mock with the same options takes that here, so the batch's mock answers at once and its journal
  // holds only the batch's creates.
  const spare = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', fetch: createMiniMaxMock(JSON.parse(process.env.WORKER_MOCK)).fetch, logLevel: 'silent' });
  const [account] = Object.keys(await spare.accounts.list());
  await spare.scheduler.available();
  for (const kind of new Set(items.map((i) => i.kind))) {
    const { tag, method, fixed } = submitKinds[kind];
    await spare[tag][method]({ ...items.find((i) => i.kind === kind).input, ...fixed, account }, { maxRetries: 0 });
  }
}
// REDIS_PID: the redis-server's CPU time (ms, from /proc) over the measured window is reported too.
const redisCpuMs = () => {
  if (!process.env.REDIS_PID) return 0;
  const f = readFileSync(`/proc/${process.env.REDIS_PID}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
let redisCpuAt;
// WORKER_COUNT=1: every command this process sends to Redis is counted (by name; scripts by their name), so the
// bench reports commands per job. Counted from the first job of the measured batch to its end.
const counted = new Map();
const scriptNames = new Map();
let counting = false;
if (process.env.WORKER_COUNT === '1') {
  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (command, ...rest) {
    if (counting) {
      let name = command.name;
      if (name === 'evalsha' || name === 'eval') {
        // A script's name by its sha, looked up once per sha: a search of every script per command cost ~16 µs a
        // job (a V8 profile), counted against the backend while BullMQ's own counter only reads the name.
        const sha = String(command.args[0]);
        let script = scriptNames.get(sha);
        if (script === undefined) {
          const found = Object.entries(this.scriptsSet ?? {}).find(([, s]) => s.sha === sha);
          script = `script:${found ? found[0] : sha.slice(0, 8)}`;
          if (found) scriptNames.set(sha, script);
        }
        name = script;
      }
      counted.set(name, (counted.get(name) ?? 0) + 1);
    }
    return send.call(this, command, ...rest);
  };
}
const media = async (url) => {
  const body = new TextEncoder().encode(`mock media for ${url}\n`.repeat(20));
  return new Response(body, { headers: { 'content-length': String(body.byteLength) } });
};
// Short leases so that a killed worker's jobs are taken over within seconds (the defaults are for production).
const open = (name, withClient) => {
  const backend = redisBackend({ connection: redisUrl, batch: name, concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8), claimTtlMs: 3_000, lockDurationMs: 3_000, stalledIntervalMs: 1_000, slotLeaseMs: 30_000 });
  const runner = createJobRunner({ client: withClient, backend, downloadDir: outDir, fetch: media, intervalMs: Number(process.env.WORKER_INTERVAL_MS ?? 50), schedulerRefreshMs: 200, lookup: { settleMs: 0 }, slotLimits: { speech: 3, image: Number(process.env.WORKER_IMAGE_SLOTS ?? 3) }, follow: process.env.WORKER_FOLLOW !== '0', webhookUrl: webhookUrl || undefined });
  return { backend, runner };
};
// WORKER_WARMUP=N (with WORKER_MOCK): a first batch of the manifest's first N items, under other keys, in a batch
// of its own against a mock of its own, before the measured one: the JIT warms up on the same code paths (the
// bench warms BullMQ's empty-job baseline the same way), and the measured batch's mock journal holds only its own.
if (inProcess && Number(process.env.WORKER_WARMUP ?? 0) > 0) {
  const warmClient = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', fetch: createMiniMaxMock(JSON.parse(process.env.WORKER_MOCK)).fetch, logLevel: 'silent', maxRetries: 8 });
  const warm = open(`${batch}-warm`, warmClient);
  await warm.runner.batch(items.slice(0, Number(process.env.WORKER_WARMUP)).map((item) => ({ ...item, key: `warm-${item.key}` })));
  await warm.runner.close();
  await warm.backend.close();
}
const { backend, runner } = open(batch, client);
// When the runner hands the batch to the backend (the jobs go into the queue): the bench's dispatch window.
let dispatchAt;
const dispatch = backend.dispatch;
backend.dispatch = (keys) => {
  dispatchAt = Date.now();
  return dispatch.call(backend, keys);
};
// WORKER_PROF=file: a V8 CPU profile of the measured window only (first job to the batch's end).
const profile = process.env.WORKER_PROF ? await (async () => {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: Number(process.env.WORKER_PROF_US ?? 200) });
  return {
    start: () => session.post('Profiler.start'),
    stop: async () => {
      const { profile: p } = await session.post('Profiler.stop');
      (await import('node:fs')).writeFileSync(process.env.WORKER_PROF, JSON.stringify(p));
    },
  };
})() : undefined;
let firstJobAt;
let firstJobCpu;
runner.on('job', (e) => {
  if (firstJobAt === undefined) {
    firstJobAt = Date.now();
    firstJobCpu = process.cpuUsage();
    counting = true;
    redisCpuAt = redisCpuMs();
    void profile?.start(); // (its own start shows as a ~80 ms `dispatch` frame)
  }
  // (the kill test reads these lines; the throughput bench turns them off: a pipe write per job costs ~1 ms)
  if (e.status === 'creating' && process.env.WORKER_QUIET !== '1') process.stdout.write(`creating ${e.key}\n`);
});
const startedAt = Date.now();
const report = await runner.batch(items);
const endedAt = Date.now();
counting = false;
const redisMs = redisCpuMs() - redisCpuAt;
// WORKER_THREADS=1: this process's CPU per thread over the whole run (ms, /proc), on stderr.
if (process.env.WORKER_THREADS === '1') {
  const { readdirSync } = await import('node:fs');
  for (const t of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    process.stderr.write(`thread ${t} ${name} ${(Number(f[11]) + Number(f[12])) * 10} ms\n`);
  }
}
await profile?.stop();
// CPU time of this process from the first job to the end (user + system, ms): a figure that moves less with load.
const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(firstJobCpu));
await runner.close();
await backend.close();
process.stdout.write(JSON.stringify({ startedAt, dispatchAt, firstJobAt, endedAt, cpuMs, redisCpuMs: redisMs, counts: report.counts, requests: report.requests, ...(counted.size ? { commands: Object.fromEntries([...counted].sort(([, a], [, b]) => b - a)) } : {}), ...(inProcess ? { mockCreates: inProcess.calls('createImages').filter((e) => e.status < 300).length } : {}), results: report.results.map((r) => ({ key: r.key, outcome: r.outcome, ids: r.ids, files: r.files.length, createdNow: r.createdNow })) }) + '\n');
process.exit(0);
