#!/usr/bin/env node
// Per-request overhead of the client against openapi-fetch alone and raw fetch, on the same local server, in one run.
//   node bench/overhead.mjs [iterations=5000] [--json] [--against=<dir>]   (run `pnpm build` first; `pnpm bench` does)
//   --against=<dir>: also runs the client calls of another build (its dist/ folder, e.g. main's copied aside) in the
//   same rounds, each against the same openapi-fetch rows, so a change is measured before/after in one process.
// The server (bench/server.mjs: node:http, keep-alive) runs in a process of its own, so serving the answers is not
// counted as the calls' time; this process only issues the calls. Each round runs every call once, in a rotating
// order, so drift in the machine's speed hits all of them alike. Per call: wall time from call to parsed body,
// and this process's CPU time (user + system, `process.cpuUsage`, read outside the timed span; its median, so the
// GC pauses and scheduler noise of a shared machine weigh in p99 only).
// Baselines, all measured in this run:
//   openapi-fetch alone            the same request through openapi-fetch with its defaults: issue #10's baseline
//                                  (goal ≤ 1.03). `GET('/music/{musicId}')` for music.get and the raw rows,
//                                  `GET('/accounts')` for accounts.list (a different URL and answer: not comparable
//                                  with the GET's).
//   raw fetch                      fetch(url, { headers }) + json() (goal ≤ 1.10).
//   raw fetch + timeout signal     the same, plus what any call with a timeout that really closes the
//                                  connection needs: an AbortController, a timer and its signal.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import createClient from 'openapi-fetch';
import { createMiniMaxClient } from '../dist/index.js';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const iterations = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const againstDir = args.find((a) => a.startsWith('--against='))?.slice('--against='.length);
const warmup = Math.min(1000, iterations);
const TOKEN = 'user:12345-benchToken';
const MUSIC_ID = 'user:12345-minimax:987654321-music:512345678901234567';
const TIMEOUT_MS = 60_000; // the client's default timeoutMs

const server = fork(new URL('./server.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const { port } = await new Promise((resolve, reject) => {
  server.once('message', resolve);
  server.once('error', reject);
  server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
});
const base = `http://127.0.0.1:${port}/v1/minimax`;
const client = createMiniMaxClient({ token: TOKEN, baseUrl: base, logLevel: 'silent' });
const other = againstDir && (await import(new URL(`${againstDir.replace(/\/?$/, '/')}index.js`, `file://${process.cwd()}/`).href)).createMiniMaxClient({ token: TOKEN, baseUrl: base, logLevel: 'silent' });
const plain = createClient({ baseUrl: base, headers: { Authorization: `Bearer ${TOKEN}` } });
const url = `${base}/music/${MUSIC_ID}`;
const headers = { Authorization: `Bearer ${TOKEN}` };

const RAW = 'raw fetch';
const RAW_SIGNAL = 'raw fetch + timeout signal';
const OPENAPI_FETCH = 'openapi-fetch alone (GET)';
const OPENAPI_FETCH_LIST = 'openapi-fetch alone (list)';
const contenders = {
  [RAW]: async () => {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  },
  [RAW_SIGNAL]: async () => {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(url, { headers, signal: ctl.signal });
      if (!res.ok) throw new Error(String(res.status));
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  },
  [OPENAPI_FETCH]: async () => {
    const { data, error } = await plain.GET('/music/{musicId}', { params: { path: { musicId: MUSIC_ID } } });
    if (error) throw new Error('error');
    return data;
  },
  [OPENAPI_FETCH_LIST]: async () => {
    const { data, error } = await plain.GET('/accounts');
    if (error) throw new Error('error');
    return data;
  },
  'client.music.get(id)': () => client.music.get(MUSIC_ID),
  'client.accounts.list()': () => client.accounts.list(),
  ...(other && { 'against: music.get(id)': () => other.music.get(MUSIC_ID), 'against: accounts.list()': () => other.accounts.list() }),
};
const CLIENT_CALLS = ['client.music.get(id)', 'client.accounts.list()'];
// Each call against openapi-fetch alone making the same request (same URL, same answer).
const BASELINE_OF = {
  'client.music.get(id)': OPENAPI_FETCH,
  'client.accounts.list()': OPENAPI_FETCH_LIST,
  'against: music.get(id)': OPENAPI_FETCH,
  'against: accounts.list()': OPENAPI_FETCH_LIST,
  [OPENAPI_FETCH_LIST]: OPENAPI_FETCH_LIST,
};
const names = Object.keys(contenders);
const wall = Object.fromEntries(names.map((n) => [n, []]));
const cpu = Object.fromEntries(names.map((n) => [n, []]));

for (let round = 0; round < warmup + iterations; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await contenders[name]();
    const took = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    if (round >= warmup) {
      wall[name].push(took);
      cpu[name].push(used.user + used.system);
    }
  }
}
server.disconnect();

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const stats = Object.fromEntries(
  names.map((n) => {
    const sorted = wall[n].sort((a, b) => a - b);
    return [n, { median: quantile(sorted, 0.5) * 1000, p99: quantile(sorted, 0.99) * 1000, cpu: quantile(cpu[n].sort((a, b) => a - b), 0.5) }];
  }),
);
const rows = names.map((n) => {
  const s = stats[n];
  const ref = stats[BASELINE_OF[n] ?? OPENAPI_FETCH];
  return {
    call: n,
    medianUs: s.median,
    p99Us: s.p99,
    cpuUs: s.cpu,
    medianVsOpenapiFetch: s.median / ref.median,
    p99VsOpenapiFetch: s.p99 / ref.p99,
    cpuVsOpenapiFetch: s.cpu / ref.cpu,
    medianVsRaw: s.median / stats[RAW].median,
    medianVsRawSignal: s.median / stats[RAW_SIGNAL].median,
  };
});
const clientRows = rows.filter((r) => CLIENT_CALLS.includes(r.call));
const worst = (key) => Math.max(...clientRows.map((r) => r[key]));
const summary = {
  // Issue #10 part 3: per-request overhead within 1.03× of openapi-fetch alone (medians, same run).
  worstMedianVsOpenapiFetch: worst('medianVsOpenapiFetch'),
  worstP99VsOpenapiFetch: worst('p99VsOpenapiFetch'),
  worstCpuVsOpenapiFetch: worst('cpuVsOpenapiFetch'),
  goalVsOpenapiFetch: 1.03,
  worstMedianVsRaw: worst('medianVsRaw'),
  goalVsRaw: 1.1,
  worstMedianVsRawSignal: worst('medianVsRawSignal'),
};

if (asJson) {
  console.log(JSON.stringify({ node: process.version, iterations, warmup, rows, ...summary }, null, 2));
} else {
  const us = (v) => `${v.toFixed(1)} µs`;
  const x = (v) => v.toFixed(3);
  const cols = [
    ['call', 28, (r) => r.call],
    ['median', 11, (r) => us(r.medianUs)],
    ['p99', 12, (r) => us(r.p99Us)],
    ['CPU/call', 11, (r) => us(r.cpuUs)],
    ['median/oaf', 12, (r) => x(r.medianVsOpenapiFetch)],
    ['p99/oaf', 9, (r) => x(r.p99VsOpenapiFetch)],
    ['CPU/oaf', 9, (r) => x(r.cpuVsOpenapiFetch)],
    ['median/raw', 12, (r) => x(r.medianVsRaw)],
    ['median/raw+sig', 16, (r) => x(r.medianVsRawSignal)],
  ];
  const line = (cells) => cells.map((c, i) => (i ? c.padStart(cols[i][1]) : c.padEnd(cols[i][1]))).join('');
  if (other) console.log(`against: the client built in ${againstDir}, same rounds`);
  console.log(`node ${process.version}, ${iterations} requests each (after ${warmup} warm-up), keep-alive, interleaved; server in its own process`);
  console.log('oaf = openapi-fetch alone making the same request (GET /accounts for the list rows, GET /music/{id} otherwise);\nCPU/call = median CPU time of this process (the client side only) per call\n');
  console.log(line(cols.map((c) => c[0])));
  for (const r of rows) console.log(line(cols.map((c) => c[2](r))));
  const met = (v, goal) => `${x(v)} (goal ≤ ${goal}: ${v <= goal ? 'met' : 'not met'})`;
  console.log(`\nclient / openapi-fetch alone, worst of the client calls: median ${met(summary.worstMedianVsOpenapiFetch, 1.03)}, p99 ${x(summary.worstP99VsOpenapiFetch)}, CPU ${x(summary.worstCpuVsOpenapiFetch)}`);
  console.log(`client / raw fetch, worst median ${met(summary.worstMedianVsRaw, 1.1)}; / raw fetch + the same timeout signal ${x(summary.worstMedianVsRawSignal)}`);
}
