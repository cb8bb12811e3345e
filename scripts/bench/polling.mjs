#!/usr/bin/env node
// Polling efficiency of the client: `waitFor` on a job of known duration, against the mock (the engine as the
// client's fetch, real clock), for every job kind. Counts the job's GETs in the mock's journal and compares them
// with the minimum for the same interval: one GET at creation, then one per interval until the job is final,
// 1 + ceil(duration / interval). Then waits 10 more intervals: requests after the final state (goal: zero).
// The duration is a whole number of intervals and a half, so that timer lateness (a few ms per poll) cannot
// change the count. Every kind runs at once, each on its own mock.
//   node scripts/bench/polling.mjs [--job-ms 1100] [--interval-ms 200] [--json]
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { requireBuilt, root } from './resolve.mjs';

requireBuilt('packages/client/dist/index.js', 'packages/mock-server/dist/index.js');
const { createMiniMaxClient } = await import(pathToFileURL(join(root, 'packages/client/dist/index.js')).href);
const { createMiniMaxMock, MOCK_TOKEN } = await import(pathToFileURL(join(root, 'packages/mock-server/dist/index.js')).href);

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const jobMs = flag('job-ms', 1100);
const intervalMs = flag('interval-ms', 200);

/** How to create a job of each kind, and the operation that reads it. */
const KINDS = [
  { kind: 'music', get: 'getMusic', create: async (c) => (await c.music.create({ prompt: 'Upbeat synth-pop about a road trip' })).musicId, wait: (c, id, o) => c.music.waitFor(id, o) },
  { kind: 'video', get: 'getVideo', create: async (c) => (await c.videos.create({ prompt: 'A corgi surfing' })).videoId, wait: (c, id, o) => c.videos.waitFor(id, o) },
  { kind: 'image', get: 'getImage', create: async (c) => (await c.images.create({ prompt: 'A watercolor lighthouse', quantity: 1 })).imageIds[0], wait: (c, id, o) => c.images.waitFor(id, o) },
  { kind: 'speech', get: 'getSpeech', create: async (c) => (await c.speech.create({ text: 'Hello there.', voice_id: '308172940561327' })).audioId, wait: (c, id, o) => c.speech.waitFor(id, o) },
  { kind: 'agent', get: 'getAgentJob', create: async (c) => (await c.agent.run({ prompt: 'A song about the sea', models: 'music-2.0', async: true })).jobId, wait: (c, id, o) => c.agent.waitFor(id, o) },
];

const rows = await Promise.all(KINDS.map(async (k) => {
  const mock = createMiniMaxMock({ seed: 3, clock: 'real', jobMs, validateResponses: false, deliverWebhooks: false });
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: mock.baseUrl, logLevel: 'silent', fetch: mock.fetch });
  // Warm-up (the mock compiles its request validators on first use), then the measured job.
  await k.wait(client, await k.create(client), { intervalMs: 1 });
  mock.clearRequests();
  const id = await k.create(client);
  const started = performance.now();
  await k.wait(client, id, { intervalMs });
  const waitedMs = performance.now() - started;
  const requests = mock.calls(k.get).length;
  await new Promise((resolve) => setTimeout(resolve, 10 * intervalMs));
  const after = mock.calls(k.get).length - requests;
  const minimum = 1 + Math.ceil(jobMs / intervalMs);
  mock.dispose();
  return { kind: k.kind, jobMs, intervalMs, requests, minimum, ratio: requests / minimum, afterFinal: after, waitedMs: Math.round(waitedMs) };
}));

if (args.includes('--json')) console.log(JSON.stringify({ node: process.version, jobMs, intervalMs, rows }, null, 2));
else {
  console.log(`client waitFor against the mock: jobs of ${jobMs} ms, polled every ${intervalMs} ms (minimum = 1 + ceil(${jobMs}/${intervalMs}) = ${1 + Math.ceil(jobMs / intervalMs)} GETs)\n`);
  console.log('kind   | GETs | minimum | ratio | after final | waited');
  for (const r of rows) console.log(`${r.kind.padEnd(6)} | ${String(r.requests).padStart(4)} | ${String(r.minimum).padStart(7)} | ${r.ratio.toFixed(2).padStart(5)} | ${String(r.afterFinal).padStart(11)} | ${r.waitedMs} ms`);
}
