#!/usr/bin/env node
// The client's own JavaScript per call, without sockets: CPU time per call with a stub `fetch` that answers at once
// (a new Response per call, the same for every contender), against openapi-fetch alone over the same stub.
//   node bench/stub-cpu.mjs [calls=20000] [--against=<dir>]      (run `pnpm build` first)
// `--against=<dir>`: also another build's client (its dist/ folder, e.g. main's copied aside), in the same rounds.
// Calls run in batches of 50 per contender (process.cpuUsage is too coarse for one call), the contenders in a
// rotating order; the median batch is reported. What only shows with real I/O (undici, sockets, the event loop) is
// not here: bench/overhead.mjs measures that.
import createClient from 'openapi-fetch';
import { createMiniMaxClient } from '../dist/index.js';

const args = process.argv.slice(2);
const calls = Number(args.find((a) => /^\d+$/.test(a)) ?? 20000);
const againstDir = args.find((a) => a.startsWith('--against='))?.slice('--against='.length);
const BATCH = 50;
const WARMUP = 5000;
const base = 'http://127.0.0.1:9/v1/minimax';
const TOKEN = 'user:12345-benchToken';
const MUSIC_ID = 'user:12345-minimax:987654321-music:512345678901234567';
const song = JSON.stringify({ musicId: MUSIC_ID, title: 'Open Road', status: 2, statusLabel: 'completed', statusFinal: true, audioURL: 'https://cdn.example/x.mp3', duration: 124 });
const accounts = JSON.stringify({ 987654321: { account: '987654321', maxJobs: 3, supportVideo: true, supportAudio: true } });
const stub = async (input) => {
  const url = typeof input === 'string' ? input : input.url;
  return new Response(url.includes('/music/') ? song : accounts, { headers: { 'content-type': 'application/json' } });
};

const plain = createClient({ baseUrl: base, headers: { Authorization: `Bearer ${TOKEN}` }, fetch: stub });
const options = { token: TOKEN, baseUrl: base, logLevel: 'silent', fetch: stub };
const client = createMiniMaxClient(options);
const other = againstDir && (await import(new URL(`${againstDir.replace(/\/?$/, '/')}index.js`, `file://${process.cwd()}/`).href)).createMiniMaxClient(options);
const contenders = {
  'openapi-fetch alone (GET)': () => plain.GET('/music/{musicId}', { params: { path: { musicId: MUSIC_ID } } }),
  'openapi-fetch alone (list)': () => plain.GET('/accounts'),
  'client.music.get(id)': () => client.music.get(MUSIC_ID),
  'client.accounts.list()': () => client.accounts.list(),
  ...(other && { 'against: music.get(id)': () => other.music.get(MUSIC_ID), 'against: accounts.list()': () => other.accounts.list() }),
};
const BASELINE_OF = (name) => (/list/.test(name) ? 'openapi-fetch alone (list)' : 'openapi-fetch alone (GET)');
const names = Object.keys(contenders);
const cpu = Object.fromEntries(names.map((n) => [n, []]));
const rounds = Math.ceil((WARMUP + calls) / BATCH);
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length];
    const before = process.cpuUsage();
    for (let i = 0; i < BATCH; i++) await contenders[name]();
    const used = process.cpuUsage(before);
    if (round * BATCH >= WARMUP) cpu[name].push((used.user + used.system) / BATCH);
  }
}
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
if (other) console.log(`against: the client built in ${againstDir}, same rounds`);
console.log(`node ${process.version}, ${calls} calls each with a stub fetch, batches of ${BATCH}; CPU µs per call (median batch), / openapi-fetch alone making the same request\n`);
for (const name of names) {
  const us = median(cpu[name]);
  console.log(`${name.padEnd(28)}${us.toFixed(2).padStart(8)} µs${(us / median(cpu[BASELINE_OF(name)])).toFixed(3).padStart(8)}`);
}
