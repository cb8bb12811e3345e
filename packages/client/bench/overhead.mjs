#!/usr/bin/env node
// Per-request overhead of the client against raw fetch, on the same local node:http server, in the same run.
//   node bench/overhead.mjs [iterations=5000] [--json]      (run `pnpm build` first; `pnpm bench` does)
// Each round runs every call once, in a rotating order, so drift in the machine's speed hits all of them alike.
// Two baselines, both measured in this run:
//   raw fetch                      fetch(url, { headers }) + json(): the headline baseline (goal ≤ 1.10).
//   raw fetch + timeout signal     the same, plus what any call with a timeout that really closes the
//                                  connection needs: an AbortController, a timer and its signal (apples to apples).
// And, for context, openapi-fetch alone with its default Request building.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import createClient from 'openapi-fetch';
import { createMiniMaxClient } from '../dist/index.js';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const iterations = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const warmup = Math.min(1000, iterations);
const TOKEN = 'user:12345-benchToken';
const MUSIC_ID = 'user:12345-minimax:987654321-music:512345678901234567';
const TIMEOUT_MS = 60_000; // the client's default timeoutMs
const song = JSON.stringify({ musicId: MUSIC_ID, title: 'Open Road', status: 2, statusLabel: 'completed', statusFinal: true, audioURL: 'https://cdn.example/x.mp3', duration: 124 });
const accounts = JSON.stringify({ 987654321: { account: '987654321', maxJobs: 3, supportVideo: true, supportAudio: true } });

const server = createServer((req, res) => {
  const body = req.url.startsWith('/v1/minimax/music/') ? song : accounts;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/v1/minimax`;
const client = createMiniMaxClient({ token: TOKEN, baseUrl: base, logLevel: 'silent' });
const plain = createClient({ baseUrl: base, headers: { Authorization: `Bearer ${TOKEN}` } });
const url = `${base}/music/${MUSIC_ID}`;
const headers = { Authorization: `Bearer ${TOKEN}` };

const RAW = 'raw fetch';
const RAW_SIGNAL = 'raw fetch + timeout signal';
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
  'openapi-fetch alone (GET)': async () => {
    const { data, error } = await plain.GET('/music/{musicId}', { params: { path: { musicId: MUSIC_ID } } });
    if (error) throw new Error('error');
    return data;
  },
  'client.music.get(id)': () => client.music.get(MUSIC_ID),
  'client.accounts.list()': () => client.accounts.list(),
};
const CLIENT_CALLS = ['client.music.get(id)', 'client.accounts.list()'];
const names = Object.keys(contenders);
const samples = Object.fromEntries(names.map((n) => [n, []]));

for (let round = 0; round < warmup + iterations; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const started = performance.now();
    await contenders[name]();
    if (round >= warmup) samples[name].push(performance.now() - started);
  }
}
server.close();

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const stats = Object.fromEntries(
  names.map((n) => {
    const sorted = samples[n].sort((a, b) => a - b);
    return [n, { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) }];
  }),
);
const rows = names.map((n) => ({
  call: n,
  medianUs: stats[n].median * 1000,
  p99Us: stats[n].p99 * 1000,
  medianRatio: stats[n].median / stats[RAW].median,
  p99Ratio: stats[n].p99 / stats[RAW].p99,
  medianRatioVsSignal: stats[n].median / stats[RAW_SIGNAL].median,
  p99RatioVsSignal: stats[n].p99 / stats[RAW_SIGNAL].p99,
}));
const worst = Math.max(...rows.filter((r) => CLIENT_CALLS.includes(r.call)).map((r) => r.medianRatio));
const worstVsSignal = Math.max(...rows.filter((r) => CLIENT_CALLS.includes(r.call)).map((r) => r.medianRatioVsSignal));
// Issue #10 part 3: per-request overhead within 1.03× of openapi-fetch alone (medians, same run).
const OPENAPI_FETCH = 'openapi-fetch alone (GET)';
const vsOpenapiFetch = Object.fromEntries(CLIENT_CALLS.map((n) => [n, stats[n].median / stats[OPENAPI_FETCH].median]));
const worstVsOpenapiFetch = Math.max(...Object.values(vsOpenapiFetch));

if (asJson) {
  console.log(JSON.stringify({ node: process.version, iterations, warmup, rows, worstMedianRatio: worst, worstMedianRatioVsSignal: worstVsSignal, medianRatioVsOpenapiFetch: vsOpenapiFetch, worstMedianRatioVsOpenapiFetch: worstVsOpenapiFetch, goalVsOpenapiFetch: 1.03, goal: 1.1 }, null, 2));
} else {
  const us = (v) => `${v.toFixed(1)} µs`;
  console.log(`node ${process.version}, ${iterations} requests each (after ${warmup} warm-up), keep-alive, interleaved\n`);
  console.log(`${'call'.padEnd(28)}${'median'.padStart(11)}${'p99'.padStart(12)}${'median/raw'.padStart(12)}${'p99/raw'.padStart(9)}${'median/raw+sig'.padStart(16)}${'p99/raw+sig'.padStart(13)}`);
  for (const r of rows) {
    console.log(
      `${r.call.padEnd(28)}${us(r.medianUs).padStart(11)}${us(r.p99Us).padStart(12)}${r.medianRatio.toFixed(3).padStart(12)}${r.p99Ratio.toFixed(3).padStart(9)}${r.medianRatioVsSignal.toFixed(3).padStart(16)}${r.p99RatioVsSignal.toFixed(3).padStart(13)}`,
    );
  }
  console.log(`\nworst client median ratio vs raw fetch ${worst.toFixed(3)} (goal ≤ 1.10): ${worst <= 1.1 ? 'met' : 'not met'}`);
  console.log(`worst client median ratio vs raw fetch + the same timeout signal ${worstVsSignal.toFixed(3)}`);
  console.log(
    `client median / openapi-fetch alone: ${CLIENT_CALLS.map((n) => `${n} ${vsOpenapiFetch[n].toFixed(3)}`).join(', ')} (goal ≤ 1.03): ${worstVsOpenapiFetch <= 1.03 ? 'met' : 'not met'}`,
  );
}
