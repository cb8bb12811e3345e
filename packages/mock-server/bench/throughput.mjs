#!/usr/bin/env node
// Throughput of the standalone mock server against a bare node:http server answering the same JSON, in the
// same run, under 1, 16 and 256 concurrent keep-alive connections; then RSS/heap after 100,000 requests.
//   pnpm --filter @useapi-minimax/mock-server build && node bench/throughput.mjs [--seconds 1.5] [--rounds 5] [--json]
// Each server runs in its own child process (started with --expose-gc); the load generator is this process.
import { fork } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const TOKEN = 'user:12345-benchToken';

// ───────────────────────────── child: one server ─────────────────────────────
if (args[0] === '--serve') {
  const kind = args[1];
  let close;
  if (kind === 'mock') {
    const { startMockServer } = await import('../dist/server/index.js');
    const server = await startMockServer({ port: 0, clock: 'manual', validateResponses: false, deliverWebhooks: false, cors: true });
    const videoId = server.mock.data.ids('videos')[0];
    close = () => server.close();
    process.send({ port: server.port, path: `/v1/minimax/videos/${videoId}` });
  } else {
    const body = args[2];
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'access-control-allow-origin': '*',
    };
    const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    close = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
    process.send({ port: server.address().port });
  }
  process.on('message', async (msg) => {
    if (msg === 'memory') {
      globalThis.gc?.();
      const m = process.memoryUsage();
      process.send({ memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal } });
    } else if (msg === 'close') {
      await close();
      process.exit(0);
    }
  });
} else {
  await main();
}

// ───────────────────────────── parent: load generator ─────────────────────────────
function start(kind, extra = []) {
  const child = fork(here, ['--serve', kind, ...extra], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (info) => resolve({ child, ...info })));
}

function ask(child, msg) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(msg);
  });
}

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: '127.0.0.1', port, path, method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

async function fetchText(port, path) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return res.text();
}

/** Runs `concurrency` loops for `ms` (or until `total` requests), returns req/s and latency percentiles. */
async function load(port, path, concurrency, { ms, total }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let sent = 0;
  const deadline = ms ? performance.now() + ms : Infinity;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < deadline && (total === undefined || sent < total)) {
      sent++;
      const s = performance.now();
      await get(agent, port, path);
      latencies.push(performance.now() - s);
    }
  }));
  const elapsed = performance.now() - t0;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, rps: latencies.length / (elapsed / 1000), p50: pct(50), p99: pct(99) };
}

async function main() {
  const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 1.5) || 1.5;
  const asJson = args.includes('--json');
  const mock = await start('mock');
  const body = await fetchText(mock.port, mock.path);
  const bare = await start('bare', [body]);
  const check = await fetchText(bare.port, mock.path);
  if (check !== body) throw new Error('the two servers do not answer the same JSON');

  // Interleaved rounds, the order alternating (bare then mock, mock then bare, …), so that noise on a shared
  // machine hits both servers alike; the ratio is the median of the per-round ratios (each pair measured
  // back to back), the req/s and p99 shown are the median round of each server.
  const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 5) || 5;
  const median = (list) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)];
  const rows = [];
  for (const concurrency of [1, 16, 256]) {
    await load(bare.port, mock.path, concurrency, { ms: 500 });
    await load(mock.port, mock.path, concurrency, { ms: 500 });
    const bs = [];
    const ms = [];
    const ratios = [];
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? ['bare', 'mock'] : ['mock', 'bare'];
      const pair = {};
      for (const kind of order) pair[kind] = await load(kind === 'bare' ? bare.port : mock.port, mock.path, concurrency, { ms: seconds * 1000 });
      bs.push(pair.bare);
      ms.push(pair.mock);
      ratios.push(pair.mock.rps / pair.bare.rps);
    }
    const b = median(bs);
    const m = median(ms);
    const sorted = [...ratios].sort((x, y) => x - y);
    rows.push({ concurrency, bare: b, mock: m, ratio: sorted[Math.floor(sorted.length / 2)], ratios });
  }

  mock.child.send('close');
  bare.child.send('close');

  // Memory: fresh servers, measured (after a GC) at start and after exactly 100,000 requests.
  const N = 100_000;
  const memory = {};
  for (const kind of ['mock', 'bare']) {
    const server = kind === 'mock' ? await start('mock') : await start('bare', [body]);
    const before = (await ask(server.child, 'memory')).memory;
    await load(server.port, mock.path, 16, { total: N });
    const after = (await ask(server.child, 'memory')).memory;
    memory[kind] = { before, after };
    server.child.send('close');
  }
  const memMock = memory.mock.after;
  const memBare = memory.bare.after;

  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (asJson) {
    console.log(JSON.stringify({ endpoint: `GET ${mock.path}`, bytes: Buffer.byteLength(body), rows, memory }, null, 2));
    return;
  }
  console.log(`GET ${mock.path} (${Buffer.byteLength(body)} bytes of JSON), median of ${rounds} interleaved pairs of ${seconds} s runs, node ${process.version}\n`);
  console.log('conns | bare req/s | bare p99 ms | mock req/s | mock p99 ms | ratio (mock/bare, median of pairs)');
  console.log('------|------------|-------------|------------|-------------|------------------');
  for (const r of rows) {
    console.log(`${String(r.concurrency).padStart(5)} | ${r.bare.rps.toFixed(0).padStart(10)} | ${r.bare.p99.toFixed(2).padStart(11)} | ${r.mock.rps.toFixed(0).padStart(10)} | ${r.mock.p99.toFixed(2).padStart(11)} | ${r.ratio.toFixed(2)}${r.ratio >= 0.5 ? '' : '  (below the 0.5 goal)'}`);
  }
  console.log(`\nMemory after ${N.toLocaleString('en')} requests to a fresh server (post-GC; at start in brackets):`);
  console.log(`  mock: RSS ${mb(memMock.rss)} (${mb(memory.mock.before.rss)}), heap ${mb(memMock.heapUsed)} (${mb(memory.mock.before.heapUsed)})`);
  console.log(`  bare: RSS ${mb(memBare.rss)} (${mb(memory.bare.before.rss)}), heap ${mb(memBare.heapUsed)} (${mb(memory.bare.before.heapUsed)})`);
  console.log('  (the mock keeps its journal of the last 10,000 requests: `journalLimit`)');
}
