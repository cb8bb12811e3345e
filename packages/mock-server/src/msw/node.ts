// MSW for Node (vitest, jest): `setupServer` with the mock's handlers.
import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { createMiniMaxHandlers, type MiniMaxHandlersInput } from './index.js';
import type { MiniMaxMock } from '../mock.js';

/** An msw/node server with the mock it serves. */
export type MiniMaxServer = SetupServer & { readonly mock: MiniMaxMock };

/**
 * `setupServer` over the whole API (manual clock by default). Extra handlers (e.g. a `replyUrl` receiver)
 * are added after the mock's.
 */
export function setupMiniMaxServer(input: MiniMaxHandlersInput = {}, ...extra: RequestHandler[]): MiniMaxServer {
  const handlers = createMiniMaxHandlers(input);
  const server = setupServer(...handlers, ...extra);
  return Object.assign(server, { mock: handlers.mock });
}

export { createMiniMaxHandlers } from './index.js';
export type { MiniMaxHandlers, MiniMaxHandlersInput } from './index.js';
