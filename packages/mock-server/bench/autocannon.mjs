#!/usr/bin/env node
// Honest throughput of the standalone mock server: the load comes from autocannon in its own process (never the
// process of a server), against a bare node:http server answering the same bytes, measured in the same run.
//   pnpm --filter @useapi-minimax/mock-server build && node bench/autocannon.mjs [--seconds 2] [--rounds 3] [--warmup 4] [--connections 16] [--rate 8000] [--json]
// Rows: GET /videos/{id} and a create (POST /speech/create), for the library defaults (`startMockServer()`:
// real clock, webhooks on, response validation off outside tests), test mode (`validateResponses: true`) and the
// CLI's defaults (the real `dist/cli.js` process). The generator's own ceiling: the bare server measured with one
// generator process and with two (each half the connections) — if two get more, one was the bottleneck.
// Every server is first warmed up on both endpoints (`--warmup` s each: a fresh mock has far more code to compile
// than the bare server, and on a busy machine its first seconds cost it 3-4× the CPU per request of later ones),
// then `--rounds` rounds each measure the bare server and every configuration back to back; a row prints the
// median over the rounds of the ratio to the bare server of the same round; the configurations' order rotates
// from round to round.
// `--rate <req/s>` adds rows at that fixed overall rate (autocannon `overallRate`): every server gets the same
// load, so its CPU time per request (user + system of all its threads, and of its main thread alone, from /proc)
// does not depend on how much of the machine the others left it: the steadier figure on a shared machine.
import { fork, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';

const here = fileURLToPath(import.meta.url);
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const TOKEN = 'user:12345-benchToken';

if (args[0] === '--serve') await serve(args[1], args[2] ? JSON.parse(args[2]) : undefined);
else if (args[0] === '--load') await generate(JSON.parse(args[1]));
else await main();

// ───────────────────────────── child: one server ─────────────────────────────
async function serve(kind, bodies) {
  let port;
  if (kind === 'bare') {
    const server = http.createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
      const body = req.method === 'POST' ? bodies.post : bodies.get;
      const send = () => {
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), 'access-control-allow-origin': '*' });
        res.end(body);
      };
      if (req.method === 'POST') {
        req.resume();
        req.on('end', send);
      } else send();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    port = server.address().port;
  } else {
    const { startMockServer } = await import('../dist/server/index.js');
    const server = await startMockServer({ port: 0, ...(kind === 'test-mode' ? { validateResponses: true } : {}) });
    port = server.port;
  }
  process.send({ port });
  process.on('message', (m) => m === 'close' && process.exit(0));
}

// ───────────────────────────── child: one load generator ─────────────────────────────
async function generate({ url, connections, seconds, method, body, rate }) {
  const { default: autocannon } = await import('autocannon');
  const headers = { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({ url, connections, duration: seconds, method, headers, ...(body ? { body } : {}), ...(rate ? { overallRate: rate } : {}), pipelining: 1 });
  process.send({ rps: result.requests.average, total: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts });
}

// ───────────────────────────── parent ─────────────────────────────
function child(argv) {
  const c = fork(here, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    c.once('message', (m) => resolve({ c, ...m }));
    c.once('error', reject);
  });
}

async function startCli() {
  const c = spawn(process.execPath, [cli, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve) => createInterface({ input: c.stdout }).once('line', resolve));
  return { c, port: Number(new URL(line).port), cli: true };
}

function stop(server) {
  if (server.cli) server.c.kill('SIGTERM');
  else server.c.send('close');
}

/** CPU seconds a process has used (user + system, from /proc; `undefined` off Linux). */
function cpuSeconds(pid) {
  return cpuTimes(pid)?.total;
}

/** CPU seconds of a process (all threads: `total`) and of its main thread (`user`, `system`), from /proc. */
function cpuTimes(pid) {
  try {
    const fields = (path) => readFileSync(path, 'utf8').split(') ')[1].split(' ');
    const all = fields(`/proc/${pid}/stat`);
    const main = fields(`/proc/${pid}/task/${pid}/stat`);
    return { total: (Number(all[11]) + Number(all[12])) / 100, user: Number(main[11]) / 100, system: Number(main[12]) / 100 };
  } catch {
    return undefined;
  }
}

/** CPU µs per request at a fixed overall rate: all threads, and the main thread's user and system time. */
async function measureAtRate(port, path, { connections, seconds, method = 'GET', body, rate, pid }) {
  const before = cpuTimes(pid);
  const run = await child(['--load', JSON.stringify({ url: `http://127.0.0.1:${port}${path}`, connections, seconds, method, body, rate })]);
  run.c.kill();
  const after = cpuTimes(pid);
  const us = (k) => (before && after && run.total > 0 ? ((after[k] - before[k]) * 1e6) / run.total : undefined);
  return { rps: run.rps, p99: run.p99, non2xx: run.non2xx, total: us('total'), user: us('user'), system: us('system') };
}

/** One measurement with `generators` autocannon processes sharing `connections` (and the server's CPU time). */
async function measure(port, path, { connections, seconds, method = 'GET', body, generators = 1, pid }) {
  const each = Math.max(1, Math.round(connections / generators));
  const cpu0 = pid ? cpuSeconds(pid) : undefined;
  const runs = await Promise.all(Array.from({ length: generators }, () => child(['--load', JSON.stringify({ url: `http://127.0.0.1:${port}${path}`, connections: each, seconds, method, body })])));
  for (const r of runs) r.c.kill();
  const rps = runs.reduce((n, r) => n + r.rps, 0);
  const cpu1 = pid ? cpuSeconds(pid) : undefined;
  const total = runs.reduce((n, r) => n + r.total, 0);
  const cpuPerRequestUs = cpu0 !== undefined && cpu1 !== undefined && total > 0 ? ((cpu1 - cpu0) * 1e6) / total : undefined;
  return { rps, cpuPerRequestUs, p50: Math.max(...runs.map((r) => r.p50)), p99: Math.max(...runs.map((r) => r.p99)), non2xx: runs.reduce((n, r) => n + r.non2xx, 0), errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0), total: runs.reduce((n, r) => n + r.total, 0) };
}

/**
 * `list` rotated by `round`: each configuration takes each place in the order once over the rounds, so no row always
 * follows the bare server's (whose generator is still closing its connections when the next row starts).
 */
function rotate(list, round) {
  const k = round % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

async function text(port, path, init) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init?.headers } });
  return res.text();
}

async function main() {
  const seconds = opt('seconds', 2);
  const connections = opt('connections', 16);
  const asJson = args.includes('--json');
  const servers = { 'library defaults': await child(['--serve', 'library']), 'test mode': await child(['--serve', 'test-mode']), 'CLI defaults': await startCli() };
  const probe = servers['library defaults'];
  const list = JSON.parse(await text(probe.port, '/v1/minimax/videos'));
  const videoId = (Array.isArray(list) ? list : list.items ?? list.videos)[0].videoId;
  const getPath = `/v1/minimax/videos/${encodeURIComponent(videoId)}`;
  const voices = JSON.parse(await text(probe.port, '/v1/minimax/speech/voices'));
  const voiceId = JSON.stringify(voices).match(/"voice_id":"(\d+)"/)[1];
  const createBody = JSON.stringify({ text: 'Hello from the benchmark.', voice_id: voiceId });
  const bodies = { get: await text(probe.port, getPath), post: await text(probe.port, '/v1/minimax/speech/create', { method: 'POST', body: createBody }) };
  const bare = await child(['--serve', 'bare', JSON.stringify(bodies)]);

  const rounds = opt('rounds', 3);
  const warmup = opt('warmup', 4);
  const load = { before: loadavg().map((x) => x.toFixed(1)).join(' / ') };
  const endpoints = [[`GET /videos/{id}`, getPath, 'GET', undefined], ['POST /speech/create', '/v1/minimax/speech/create', 'POST', createBody]];
  // Warm-up (JIT, lazily compiled validators) of every server on both endpoints, then the generator's ceiling.
  for (const s of [bare, ...Object.values(servers)]) for (const [, path, method, body] of endpoints) await measure(s.port, path, { connections, seconds: warmup, method, body });
  const ceiling = { one: await measure(bare.port, getPath, { connections, seconds }), two: await measure(bare.port, getPath, { connections, seconds, generators: 2 }) };
  const samples = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const [endpoint, path, method, body] of endpoints) {
      const base = await measure(bare.port, path, { connections, seconds, method, body, pid: bare.c.pid });
      for (const [config, server] of rotate(Object.entries(servers), round)) {
        const m = await measure(server.port, path, { connections, seconds, method, body, pid: server.c.pid });
        const key = `${endpoint}|${config}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push({ bare: base, mock: m });
      }
    }
  }
  // Fixed-rate rows: every server, both endpoints, `rounds` times, interleaved.
  const rate = opt('rate', 0);
  const fixed = new Map();
  if (rate > 0) {
    const all = { bare, ...servers };
    for (let round = 0; round < rounds; round++) {
      for (const [endpoint, path, method, body] of endpoints) {
        for (const [config, server] of rotate(Object.entries(all), round)) {
          const m = await measureAtRate(server.port, path, { connections, seconds, method, body, rate, pid: server.c.pid });
          const key = `${endpoint}|${config}`;
          if (!fixed.has(key)) fixed.set(key, []);
          fixed.get(key).push(m);
        }
      }
    }
  }
  load.after = loadavg().map((x) => x.toFixed(1)).join(' / ');
  const median = (xs) => {
    const v = xs.filter((x) => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
    return v.length === 0 ? undefined : v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const rows = [];
  for (const [key, list] of samples) {
    const [endpoint, config] = key.split('|');
    rows.push({
      endpoint, config, rounds: list.length,
      bare: { rps: median(list.map((x) => x.bare.rps)), p99: median(list.map((x) => x.bare.p99)), cpuPerRequestUs: median(list.map((x) => x.bare.cpuPerRequestUs)) },
      mock: { rps: median(list.map((x) => x.mock.rps)), p99: median(list.map((x) => x.mock.p99)), cpuPerRequestUs: median(list.map((x) => x.mock.cpuPerRequestUs)), non2xx: list.reduce((n, x) => n + x.mock.non2xx, 0) },
      ratio: median(list.map((x) => x.mock.rps / x.bare.rps)),
      ratios: list.map((x) => Number((x.mock.rps / x.bare.rps).toFixed(2))),
      p99Ratio: median(list.map((x) => x.mock.p99 / Math.max(x.bare.p99, 1))),
      // CPU time per request (bare / mock): the throughput one core would give, less moved by what else runs.
      cpuRatio: median(list.map((x) => (x.mock.cpuPerRequestUs && x.bare.cpuPerRequestUs ? x.bare.cpuPerRequestUs / x.mock.cpuPerRequestUs : undefined))),
    });
  }
  const atRate = [];
  for (const [key, list] of fixed) {
    const [endpoint, config] = key.split('|');
    atRate.push({
      endpoint, config, rate, rounds: list.length, rps: median(list.map((x) => x.rps)), p99: median(list.map((x) => x.p99)), non2xx: list.reduce((n, x) => n + x.non2xx, 0),
      cpuPerRequestUs: median(list.map((x) => x.total)), perRound: list.map((x) => (x.total === undefined ? null : Number(x.total.toFixed(1)))),
      mainUserUs: median(list.map((x) => x.user)), mainSystemUs: median(list.map((x) => x.system)),
    });
  }
  stop(bare);
  for (const s of Object.values(servers)) stop(s);
  const report = { connections, seconds, rounds, warmup, load, node: process.version, generator: 'autocannon 8 (own process)', ceiling, bytes: { get: Buffer.byteLength(bodies.get), post: Buffer.byteLength(bodies.post) }, rows, ...(rate > 0 ? { atRate } : {}) };
  if (asJson) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`autocannon in its own process, ${connections} connections, ${warmup} s warm-up per server and endpoint, ${rounds} rounds of ${seconds} s per row (medians), node ${process.version}, load average ${load.before} → ${load.after}`);
  console.log(`generator ceiling: bare with 1 generator ${ceiling.one.rps.toFixed(0)} req/s, with 2 generators ${ceiling.two.rps.toFixed(0)} req/s (${(ceiling.two.rps / ceiling.one.rps).toFixed(2)}×)`);
  console.log('endpoint | config | bare req/s | mock req/s | ratio (median) | ratio per round | bare p99 | mock p99 | p99 ratio | CPU µs/req bare | mock | CPU ratio | mock non-2xx');
  const us = (x) => (x === undefined ? 'n/a' : x.toFixed(0));
  for (const r of rows) console.log(`${r.endpoint} | ${r.config} | ${r.bare.rps.toFixed(0)} | ${r.mock.rps.toFixed(0)} | ${r.ratio.toFixed(2)} | ${r.ratios.join(' ')} | ${r.bare.p99} ms | ${r.mock.p99} ms | ${r.p99Ratio.toFixed(2)} | ${us(r.bare.cpuPerRequestUs)} | ${us(r.mock.cpuPerRequestUs)} | ${r.cpuRatio?.toFixed(2) ?? 'n/a'} | ${r.mock.non2xx}`);
  if (atRate.length === 0) return;
  const us1 = (x) => (x === undefined ? 'n/a' : x.toFixed(1));
  console.log(`at a fixed ${rate} req/s (${rounds} rounds of ${seconds} s, medians): CPU µs per request, all threads | per round | main thread user | main thread system | req/s | p99 | non-2xx`);
  for (const r of atRate) {
    const base = atRate.find((b) => b.endpoint === r.endpoint && b.config === 'bare');
    const vs = r.config === 'bare' || !base?.cpuPerRequestUs || !r.cpuPerRequestUs ? '' : ` (bare / this ${(base.cpuPerRequestUs / r.cpuPerRequestUs).toFixed(2)})`;
    console.log(`${r.endpoint} | ${r.config} | ${us1(r.cpuPerRequestUs)}${vs} | ${r.perRound.join(' ')} | ${us1(r.mainUserUs)} | ${us1(r.mainSystemUs)} | ${r.rps.toFixed(0)} | ${r.p99} ms | ${r.non2xx}`);
  }
}
