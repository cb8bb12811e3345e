#!/usr/bin/env node
// Soak test (not part of `pnpm test`): many concurrent pollers against the standalone mock server.
//   pnpm soak [--seconds 60] [--pollers 1000] [--interval-ms 1000] [--job-ms 5000] [--warmup-seconds 5] [--crash-kills 60] [--json]
// Then (without --json) the job runner's crash test with 60 SIGKILLs (scripts/bench/runner.mjs --crash-only).
// Builds nothing: run `pnpm turbo run build --filter=@useapi-minimax/client --filter=@useapi-minimax/mock-server`
// first. The server runs in its own process (real clock, response validation off, webhooks off; one account with
// unlimited credits); this process runs the pollers with the real client: each one creates a job (images and
// speech, alternately), follows it with `waitFor` to its final state, and starts again, until the time is up
// (then the waits in flight are aborted, which is not an error). Expected: zero errors and zero retries.
// Reports requests, errors, retries, latency to headers (p50/p99 after the warm-up, when 1,000 sockets open and
// the code is compiled; max over the whole run), jobs completed, event-loop lag, and the memory of both processes
// (after a GC) at the start and at the end.
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = `${root}packages/mock-server/dist/server/index.js`;
const clientEntry = `${root}packages/client/dist/index.js`;
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};

// ───────────────────────────── child: the standalone server ─────────────────────────────
if (args[0] === '--serve') {
  const { startMockServer } = await import(serverEntry);
  const jobMs = Number(args[1]);
  const server = await startMockServer({
    port: 0,
    clock: 'real',
    jobMs,
    validateResponses: false,
    deliverWebhooks: false,
    accounts: [{ credits: Number.MAX_SAFE_INTEGER, maxJobs: 10 }],
  });
  const memory = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed };
  };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  process.on('message', async (msg) => {
    if (msg === 'memory') process.send({ memory: memory(), jobs: server.mock.data.count('images') + server.mock.data.count('speech'), lagP99Ms: lag.percentile(99) / 1e6 });
    else if (msg === 'close') {
      await server.close();
      process.exit(0);
    }
  });
  process.send({ baseUrl: server.baseUrl });
} else {
  await main();
}

function ask(child, msg) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(msg);
  });
}

async function main() {
  for (const [what, file] of [['mock-server', serverEntry], ['client', clientEntry]]) {
    if (!existsSync(file)) {
      console.error(`${file} is missing: build the ${what} first (pnpm turbo run build --filter=@useapi-minimax/${what}).`);
      process.exit(2);
    }
  }
  const seconds = flag('seconds', 60);
  const pollers = flag('pollers', 1000);
  const intervalMs = flag('interval-ms', 1000);
  const jobMs = flag('job-ms', 5000);
  const asJson = args.includes('--json');

  const child = fork(fileURLToPath(import.meta.url), ['--serve', String(jobMs)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { baseUrl } = await new Promise((resolve) => child.once('message', resolve));
  const { createMiniMaxClient, AbortError, isMiniMaxError } = await import(clientEntry);

  const warmupMs = flag('warmup-seconds', 5) * 1000;
  const latencies = [];
  let maxLatency = 0;
  let t0 = Infinity;
  let requests = 0;
  let retries = 0;
  const statuses = new Map();
  const errors = new Map();
  const client = createMiniMaxClient({
    token: 'user:12345-useapiMiniMaxMockToken',
    baseUrl,
    logLevel: 'silent',
    timeoutMs: 30_000,
    // Time to headers of every attempt, and its status.
    fetch: async (input, init) => {
      const started = performance.now();
      const response = await fetch(input, init);
      const ms = performance.now() - started;
      if (started - t0 >= warmupMs) latencies.push(ms);
      if (ms > maxLatency) maxLatency = ms;
      requests++;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      return response;
    },
    hooks: { onRetry: () => void retries++ },
  });

  const stop = new AbortController();
  let jobs = 0;
  async function poller(i) {
    // Pollers start spread over the first interval, as independent clients would.
    await new Promise((r) => setTimeout(r, (i / pollers) * intervalMs));
    while (!stop.signal.aborted) {
      try {
        if (i % 2 === 0) {
          const { imageIds } = await client.images.create({ prompt: `soak image ${i}`, quantity: 1 }, { signal: stop.signal });
          await client.images.waitFor(imageIds[0], { intervalMs, signal: stop.signal });
        } else {
          const { audioId } = await client.speech.create({ text: `Soak line ${i}.`, voice_id: '308172940561327' }, { signal: stop.signal });
          await client.speech.waitFor(audioId, { intervalMs, signal: stop.signal });
        }
        jobs++;
      } catch (error) {
        if (stop.signal.aborted && error instanceof AbortError) return;
        const key = isMiniMaxError(error) ? `${error.name}: ${error.message}` : String(error);
        errors.set(key, (errors.get(key) ?? 0) + 1);
        // Do not spin on a persistent failure.
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    }
  }

  const clientMemory = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed };
  };
  const serverStart = (await ask(child, 'memory')).memory;
  const clientStart = clientMemory();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const samples = [];
  t0 = performance.now();
  const sampler = setInterval(async () => {
    const { memory } = await ask(child, 'memory');
    samples.push({ t: Math.round((performance.now() - t0) / 1000), rssMB: +(memory.rss / 2 ** 20).toFixed(1), heapMB: +(memory.heapUsed / 2 ** 20).toFixed(1), requests });
  }, 10_000);
  // Memory once warm (sockets open, code compiled): growth from here on is what a leak would show.
  let serverWarm;
  let clientWarm;
  const warmTimer = setTimeout(async () => {
    const reply = await ask(child, 'memory');
    serverWarm = { ...reply.memory, jobs: reply.jobs };
    clientWarm = clientMemory();
  }, Math.min(warmupMs, seconds * 500));
  const timer = setTimeout(() => stop.abort(), seconds * 1000);
  await Promise.all(Array.from({ length: pollers }, (_, i) => poller(i)));
  clearTimeout(timer);
  clearTimeout(warmTimer);
  clearInterval(sampler);
  const elapsed = (performance.now() - t0) / 1000;
  const end = await ask(child, 'memory');
  lag.disable();
  const clientEnd = clientMemory();
  child.send('close');
  await new Promise((resolve) => child.once('exit', resolve));
  // Once the server is gone, the client's pooled sockets close: what the client itself still holds.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const clientAfter = clientMemory();

  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const mb = (n) => +(n / 2 ** 20).toFixed(1);
  const result = {
    node: process.version,
    seconds: +elapsed.toFixed(1),
    pollers,
    intervalMs,
    jobMs,
    requests,
    requestsPerSecond: Math.round(requests / elapsed),
    statuses: Object.fromEntries(statuses),
    errors: errorCount,
    errorKinds: Object.fromEntries(errors),
    retries,
    jobsCompleted: jobs,
    jobsInServer: end.jobs,
    latencyMs: { afterWarmupSeconds: warmupMs / 1000, p50: +pct(0.5).toFixed(2), p99: +pct(0.99).toFixed(2), max: +maxLatency.toFixed(2) },
    server: {
      start: { rssMB: mb(serverStart.rss), heapMB: mb(serverStart.heapUsed) },
      warm: { rssMB: mb(serverWarm.rss), heapMB: mb(serverWarm.heapUsed), jobs: serverWarm.jobs },
      end: { rssMB: mb(end.memory.rss), heapMB: mb(end.memory.heapUsed) },
      samples,
    },
    client: {
      start: { rssMB: mb(clientStart.rss), heapMB: mb(clientStart.heapUsed) },
      warm: { rssMB: mb(clientWarm.rss), heapMB: mb(clientWarm.heapUsed) },
      end: { rssMB: mb(clientEnd.rss), heapMB: mb(clientEnd.heapUsed) },
      afterServerClosed: { rssMB: mb(clientAfter.rss), heapMB: mb(clientAfter.heapUsed) },
    },
    eventLoopLagP99Ms: { client: +(lag.percentile(99) / 1e6).toFixed(1), server: +end.lagP99Ms.toFixed(1) },
  };
  result.server.heapGrowthMB = +(result.server.end.heapMB - result.server.warm.heapMB).toFixed(1);
  // The mock keeps every job it created (and a journal of the last 10,000 requests): its heap grows with them.
  result.server.heapBytesPerJob = end.jobs > serverWarm.jobs ? Math.round((end.memory.heapUsed - serverWarm.heapUsed) / (end.jobs - serverWarm.jobs)) : 0;
  result.client.heapGrowthMB = +(result.client.end.heapMB - result.client.warm.heapMB).toFixed(1);

  if (asJson) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`soak: ${pollers} pollers (create → waitFor every ${intervalMs} ms → repeat; jobs take ${jobMs} ms) for ${result.seconds} s, node ${process.version}`);
    console.log(`  requests ${requests} (${result.requestsPerSecond}/s), statuses ${JSON.stringify(result.statuses)}, jobs completed ${jobs}`);
    console.log(`  errors ${errorCount}${errorCount ? ` ${JSON.stringify(result.errorKinds)}` : ''}, retries ${retries}`);
    console.log(`  latency to headers after the first ${warmupMs / 1000} s: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; max over the whole run ${result.latencyMs.max} ms`);
    console.log(`  server memory (after GC): heap ${result.server.start.heapMB} at start, ${result.server.warm.heapMB} MB after the warm-up, ${result.server.end.heapMB} MB at the end (${result.server.heapGrowthMB >= 0 ? '+' : ''}${result.server.heapGrowthMB} MB for ${end.jobs - serverWarm.jobs} more jobs held in its store: ${result.server.heapBytesPerJob} B/job); RSS ${result.server.start.rssMB} → ${result.server.end.rssMB} MB`);
    console.log(`  server heap every 10 s: ${samples.map((s) => `${s.t}s ${s.heapMB} MB`).join(', ')}`);
    console.log(`  client memory (after GC): heap ${result.client.start.heapMB} at start, ${result.client.warm.heapMB} MB after the warm-up, ${result.client.end.heapMB} MB at the end (${result.client.heapGrowthMB >= 0 ? '+' : ''}${result.client.heapGrowthMB} MB), ${result.client.afterServerClosed.heapMB} MB once its sockets closed; RSS ${result.client.start.rssMB} → ${result.client.end.rssMB} MB`);
    console.log(`  event-loop lag p99: client process ${result.eventLoopLagP99Ms.client} ms (it runs all ${pollers} pollers), server process ${result.eventLoopLagP99Ms.server} ms`);
  }
  // The job runner's crash test in its full form (issue 13; `pnpm test` runs a bounded one).
  const crash = asJson ? { status: 0 } : spawnSync(process.execPath, [`${root}scripts/bench/runner.mjs`, '--crash-only', '--kills', String(flag('crash-kills', 60))], { stdio: 'inherit' });
  process.exit(errorCount === 0 && retries === 0 && crash.status === 0 ? 0 : 1);
}
