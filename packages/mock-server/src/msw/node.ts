// MSW for Node (vitest, jest): `setupServer` with the mock's handlers.
import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { createMiniMaxHandlers, type MiniMaxHandlersInput } from './index.js';
import type { MiniMaxMock } from '../mock.js';

/** An msw/node server with the mock it serves. */
export type MiniMaxServer = SetupServer & { readonly mock: MiniMaxMock };

/**
 * `setupServer` over the whole API (manual clock by default). Extra handlers (e.g. a `replyUrl` receiver, or
 * your own media for the CDN URLs) come first, so they win over the mock's, as with `server.use`.
 */
export function setupMiniMaxServer(input: MiniMaxHandlersInput = {}, ...extra: RequestHandler[]): MiniMaxServer {
  const handlers = createMiniMaxHandlers(input);
  const server = setupServer(...extra, ...handlers);
  return Object.assign(server, { mock: handlers.mock });
}

export { createMiniMaxHandlers } from './index.js';
export type { MiniMaxHandlers, MiniMaxHandlersInput } from './index.js';
