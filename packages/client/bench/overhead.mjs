#!/usr/bin/env node
// Per-request overhead of the client against raw fetch, on the same local node:http server, in the same run.
//   node bench/overhead.mjs [iterations=5000]      (run `pnpm build` first; `pnpm bench` does)
// Each round runs the three calls in a rotating order (raw fetch, client.accounts.list(), client.music.get()),
// so drift in the machine's speed hits all three alike. Prints median and p99 per request and the ratios.
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createMiniMaxClient } from '../dist/index.js';

const iterations = Number(process.argv[2] ?? 5000);
const warmup = Math.min(1000, iterations);
const TOKEN = 'user:12345-benchToken';
const MUSIC_ID = 'user:12345-minimax:987654321-music:512345678901234567';
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

const contenders = {
  'raw fetch (GET /music/{id})': async () => {
    const res = await fetch(`${base}/music/${MUSIC_ID}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  },
  'client.accounts.list()': () => client.accounts.list(),
  'client.music.get(id)': () => client.music.get(MUSIC_ID),
};
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

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const stats = Object.fromEntries(names.map((n) => [n, { median: quantile(samples[n], 0.5), p99: quantile(samples[n], 0.99) }]));
const raw = stats[names[0]];
const us = (ms) => `${(ms * 1000).toFixed(1)} µs`;
console.log(`node ${process.version}, ${iterations} requests each (after ${warmup} warm-up), keep-alive, interleaved\n`);
console.log(`${'call'.padEnd(30)}${'median'.padStart(12)}${'p99'.padStart(12)}${'median ratio'.padStart(15)}${'p99 ratio'.padStart(12)}`);
for (const n of names) {
  const s = stats[n];
  console.log(`${n.padEnd(30)}${us(s.median).padStart(12)}${us(s.p99).padStart(12)}${(s.median / raw.median).toFixed(3).padStart(15)}${(s.p99 / raw.p99).toFixed(3).padStart(12)}`);
}
const worst = Math.max(...names.slice(1).map((n) => stats[n].median / raw.median));
console.log(`\nworst median ratio ${worst.toFixed(3)} (goal ≤ 1.10): ${worst <= 1.1 ? 'met' : 'not met'}`);
