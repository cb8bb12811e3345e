#!/usr/bin/env node
// Polling efficiency of the React hooks: N components (1, then 50) rendered with `useMusic(id)` on one job, in
// jsdom, against the mock's MSW handlers (`setupMiniMaxServer`, real clock), with the built packages. Counts the
// job's GETs in the mock's journal until every component shows the final state, compares them with the minimum
// for the interval (1 + ceil(duration / interval), as for the client), then waits 10 more intervals: requests
// after the final state (goal: zero). The duration is a whole number of intervals and a half (see polling.mjs).
//   node scripts/bench/react-polling.mjs [--job-ms 1100] [--interval-ms 200] [--components 50] [--json]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { importFrom, requireBuilt, root } from './resolve.mjs';

requireBuilt('packages/client/dist/index.js', 'packages/mock-server/dist/msw/node.js', 'packages/react/dist/index.js');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const jobMs = flag('job-ms', 1100);
const intervalMs = flag('interval-ms', 200);
const many = flag('components', 50);

// A browser-like global environment (jsdom), before React and TanStack load.
const { JSDOM } = await importFrom('packages/react', 'jsdom');
const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { url: 'http://localhost/', pretendToBeVisual: true });
for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'Node']) {
  Object.defineProperty(globalThis, key, { value: key === 'window' ? dom.window : dom.window[key], configurable: true, writable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = false;

const React = (await importFrom('packages/react', 'react')).default;
const { createRoot } = await importFrom('packages/react', 'react-dom/client');
const { QueryClient, QueryClientProvider } = await importFrom('packages/react', '@tanstack/react-query');
const fileImport = (path) => import(pathToFileURL(join(root, path)).href);
const { MiniMaxProvider, useMusic } = await fileImport('packages/react/dist/index.js');
const { createMiniMaxClient } = await fileImport('packages/client/dist/index.js');
const { MOCK_TOKEN } = await fileImport('packages/mock-server/dist/index.js');
const { setupMiniMaxServer } = await fileImport('packages/mock-server/dist/msw/node.js');

const h = React.createElement;
const server = setupMiniMaxServer({ seed: 5, clock: 'real', jobMs, validateResponses: false, deliverWebhooks: false });
server.listen({ onUnhandledRequest: 'error' });
const { mock } = server;
const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent' });

function Song({ id }) {
  const { data } = useMusic(id, { pollIntervalMs: intervalMs });
  return h('p', { className: 'song' }, data?.statusLabel ?? 'loading');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(components) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const container = document.createElement('div');
  document.body.append(container);
  const { musicId } = await client.music.create({ prompt: `Polling bench, ${components} components` });
  mock.clearRequests();
  const started = performance.now();
  const root = createRoot(container);
  root.render(
    h(QueryClientProvider, { client: queryClient }, h(MiniMaxProvider, { client }, Array.from({ length: components }, (_, i) => h(Song, { key: i, id: musicId })))),
  );
  const shown = () => [...container.querySelectorAll('.song')].map((p) => p.textContent);
  while (!(shown().length === components && shown().every((t) => t === 'completed'))) {
    if (performance.now() - started > jobMs + 20 * intervalMs) throw new Error(`not final after ${Math.round(performance.now() - started)} ms: ${[...new Set(shown())]}`);
    await sleep(5);
  }
  const settledMs = performance.now() - started;
  const requests = mock.calls('getMusic').length;
  await sleep(10 * intervalMs);
  const afterFinal = mock.calls('getMusic').length - requests;
  root.unmount();
  container.remove();
  queryClient.clear();
  const minimum = 1 + Math.ceil(jobMs / intervalMs);
  return { components, jobMs, intervalMs, requests, minimum, ratio: requests / minimum, afterFinal, settledMs: Math.round(settledMs) };
}

// Warm-up: validators, React and TanStack code paths.
await follow(1);
const rows = [await follow(1), await follow(many)];
server.close();
mock.dispose();

if (args.includes('--json')) console.log(JSON.stringify({ node: process.version, jobMs, intervalMs, rows }, null, 2));
else {
  console.log(`useMusic in jsdom against the mock's MSW handlers: a job of ${jobMs} ms, pollIntervalMs ${intervalMs} (minimum = ${1 + Math.ceil(jobMs / intervalMs)} GETs)\n`);
  console.log('components | GETs | minimum | ratio | after final | final shown after');
  for (const r of rows) console.log(`${String(r.components).padStart(10)} | ${String(r.requests).padStart(4)} | ${String(r.minimum).padStart(7)} | ${r.ratio.toFixed(2).padStart(5)} | ${String(r.afterFinal).padStart(11)} | ${r.settledMs} ms`);
}
process.exit(0);
