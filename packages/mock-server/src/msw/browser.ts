// MSW for browsers (dev servers, Storybook, Playwright component tests): `setupWorker` with the mock's
// handlers. Needs the worker script once: `npx msw init public/ --save`. Browser-safe.
import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMiniMaxHandlers, mockFrom, type MiniMaxHandlersInput } from './index.js';
import type { MiniMaxMock } from '../mock.js';

/** An msw/browser worker with the mock it serves. */
export type MiniMaxWorker = SetupWorker & { readonly mock: MiniMaxMock };

/**
 * `setupWorker` over the whole API. In the browser the clock defaults to `real` (jobs finish after `jobMs`
 * on their own); pass `clock: 'manual'` to drive it with `mock.clock.advance`. Extra handlers come first, so they
 * win over the mock's (your own media for the CDN URLs, say), as with `worker.use`.
 */
export function setupMiniMaxWorker(input: MiniMaxHandlersInput = {}, ...extra: RequestHandler[]): MiniMaxWorker {
  const mock = mockFrom(input, { clock: 'real' });
  const handlers = createMiniMaxHandlers({ mock });
  const worker = setupWorker(...extra, ...handlers);
  return Object.assign(worker, { mock });
}

export { createMiniMaxHandlers } from './index.js';
export type { MiniMaxHandlers, MiniMaxHandlersInput } from './index.js';
