#!/usr/bin/env node
// The job runner's figures (issue 13), measured in one run:
// - Makespan against the ideal: M video jobs of duration T on accounts with S slots in all take at least
//   ⌈M / S⌉ × T. The standalone mock server (real clock, its own webhook delivery) in this process, M = 24,
//   2 accounts × 3 slots, T = 3 s; the runner follows the jobs webhook-first (a receiver on loopback) and, in a
//   second and third batch, by polling every 250 ms and every 100 ms. Figure: ideal / measured (goal ≥ 0.95).
// - Requests per job (creates, polls, scheduler reads) against the minimum: one create and one GET by id per
//   job (the final one), one scheduler read per batch; polling adds ⌈T / interval⌉ GETs per job.
// - The crash test: SIGKILL at random instants (K kills), resumed to the end; creates per job and results lost.
//   node scripts/bench/runner.mjs [--jobs 24] [--job-ms 3000] [--kills 50] [--crash-only] [--json]
// (`pnpm soak` runs the crash test alone with 60 kills; it exits 1 when a job was duplicated or lost.)
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFrom, requireBuilt, root } from './resolve.mjs';
import { report } from './runner-report.mjs';

requireBuilt('packages/runner/dist/index.js', 'packages/client/dist/index.js', 'packages/mock-server/dist/server/index.js');
const runner = await import(pathToFileURL(join(root, 'packages/runner/dist/index.js')).href);
const { createMiniMaxClient } = await importFrom('packages/runner', '@useapi-minimax/client');
const { startMockServer } = await importFrom('packages/runner', '@useapi-minimax/mock-server/server');
const { MOCK_TOKEN } = await importFrom('packages/runner', '@useapi-minimax/mock-server');
const { crashTest } = await import(pathToFileURL(join(root, 'packages/runner/test/crash/harness.mjs')).href);

const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const jobs = flag('jobs', 24);
const jobMs = flag('job-ms', 3000);
const kills = flag('kills', 50);
const accounts = 2;
const slotsPerAccount = 3;
const slots = accounts * slotsPerAccount;
const idealMs = Math.ceil(jobs / slots) * jobMs;

async function makespan(mode, pollMs = 250) {
  const server = await startMockServer({ port: 0, jobMs, seed: 5, accounts: Array.from({ length: accounts }, () => ({ maxJobs: slotsPerAccount, credits: 1e9 })), validateResponses: false });
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server.baseUrl, logLevel: 'silent' });
  // Warm the mock (it compiles each operation's validators on first use) without taking a slot: requests it
  // refuses (an invalid create, an unknown id) and the reads the runner makes.
  const auth = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
  await fetch(`${server.baseUrl}/videos/create`, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 1 }) }).then((r) => r.arrayBuffer());
  await fetch(`${server.baseUrl}/videos/user:12345-minimax:1-video:1`, { headers: auth }).then((r) => r.arrayBuffer());
  await client.scheduler.available();
  await client.accounts.list();
  const ledger = runner.createMemoryLedger();
  const correlation = runner.createLocalCorrelation(ledger);
  const receiver = mode === 'webhooks' ? await runner.listenWebhooks(runner.createWebhookReceiver({ correlation })) : undefined;
  const r = runner.createJobRunner({
    client,
    ledger,
    correlation,
    ...(receiver ? { webhookUrl: `${receiver.url}/` } : { intervalMs: pollMs }),
  });
  let peak = 0;
  let running = 0;
  r.on('job', (e) => {
    if (e.status === 'creating') peak = Math.max(peak, ++running);
    if (e.status === 'done') running--;
  });
  const items = Array.from({ length: jobs }, (_, i) => ({ kind: 'video', input: { prompt: `bench ${mode} shot ${i + 1}` } }));
  const started = performance.now();
  const report = await r.batch(items);
  const measuredMs = performance.now() - started;
  await r.close();
  await receiver?.close();
  const journal = server.mock.requests;
  await server.close();
  const rejected = journal.filter((e) => e.operationId === 'createVideo' && e.status === 429).length;
  const minimumPolls = mode === 'webhooks' ? 1 : 1 + Math.ceil(jobMs / pollMs);
  return {
    mode,
    pollMs: mode === 'webhooks' ? undefined : pollMs,
    measuredMs: Math.round(measuredMs),
    ratio: idealMs / measuredMs,
    succeeded: report.counts.succeeded,
    peakInFlight: peak,
    rejected429: rejected,
    perJob: {
      creates: report.requests.creates / jobs,
      polls: report.requests.polls / jobs,
      schedulerReads: report.requests.schedulerReads / jobs,
    },
    schedulerReads: report.requests.schedulerReads,
    minimum: { creates: 1, polls: minimumPolls, schedulerReads: 1 / jobs },
  };
}

const rows = [];
if (!args.includes('--crash-only')) for (const [mode, pollMs] of [['webhooks'], ['polling', 250], ['polling', 100]]) rows.push(await makespan(mode, pollMs));
const crash = kills > 0 ? await crashTest({ startMockServer, kills, jobs: 6, jobMs: 500, seed: 11 }) : undefined;
const result = { node: process.version, jobs, jobMs, accounts, slotsPerAccount, idealMs, rows, crash };

if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else for (const line of report(result)) console.log(line);
if (crash && (crash.duplicates > 0 || crash.lost > 0)) process.exitCode = 1;
