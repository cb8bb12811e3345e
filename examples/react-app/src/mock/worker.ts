// The mock server in the browser: the whole API answered by an MSW service worker (public/mockServiceWorker.js,
// written by `msw init` in predev/prebuild), jobs on a real clock, plus the mock's CDN so media loads offline.
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { setupMiniMaxWorker, type MiniMaxWorker } from '@useapi-minimax/mock-server/msw/browser';
import { http, HttpResponse } from 'msw';
import { placeholderSvg, tuneWav } from './media';

/** The hosts the mock's media URLs point at. */
const CDN_HOSTS = ['https://cdn.hailuoai.com', 'https://cdn.hailuoai.video', 'https://minimax-public-cdn.com'];

const cdnHandlers = CDN_HOSTS.map((host) =>
  http.get(`${host}/*`, ({ request }) => {
    const url = new URL(request.url);
    if (/\.(mp3|wav|m4a)$/i.test(url.pathname)) {
      return new HttpResponse(tuneWav().slice().buffer, { headers: { 'content-type': 'audio/wav', 'cache-control': 'max-age=3600' } });
    }
    const label = /video/.test(url.pathname) ? 'video' : /music/.test(url.pathname) ? 'cover' : /agent/.test(url.pathname) ? 'agent' : 'image';
    return new HttpResponse(placeholderSvg(url.pathname, label), { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' } });
  }),
);

/** Starts the worker; resolves once requests are intercepted. The token the client must send is `MOCK_TOKEN`. */
export async function startMockApi(jobMs: number): Promise<{ worker: MiniMaxWorker; token: string }> {
  const worker = setupMiniMaxWorker({ jobMs, seed: 1 }, ...cdnHandlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  // For the console: `mock.scenarios.once('rate-limited', { operationId: 'createImages' })`, `mock.requests`, …
  (globalThis as { mock?: unknown }).mock = worker.mock;
  return { worker, token: MOCK_TOKEN };
}
