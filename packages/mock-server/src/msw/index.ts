// MSW adapter: handlers for `setupServer` (Node) and `setupWorker` (browser). Browser-safe.
import { http, type HttpHandler } from 'msw';
import { createMiniMaxMock, engineOf, type MiniMaxMock } from '../mock.js';
import type { MiniMaxMockOptions } from '../engine/options.js';
import { fromWebRequest, toResponse } from '../engine/reply.js';
import { MEDIA_HOSTS } from '../engine/media.js';

/** MSW handlers for the whole API, with the mock they serve. */
export type MiniMaxHandlers = HttpHandler[] & { readonly mock: MiniMaxMock };

/** Either mock options (a new mock is created) or an existing mock. */
export type MiniMaxHandlersInput = MiniMaxMockOptions | { mock: MiniMaxMock };

/** Resolves the mock of an adapter's input, creating one when options are given. */
export function mockFrom(input: MiniMaxHandlersInput, defaults: MiniMaxMockOptions = {}): MiniMaxMock {
  if ('mock' in input && input.mock) return input.mock;
  return createMiniMaxMock({ ...defaults, ...(input as MiniMaxMockOptions) });
}

/**
 * MSW handlers answering `https://api.useapi.net/v1/minimax/*` (and every configured `baseUrl`), plus the
 * `/__mock/*` control API on the same origins and placeholder media at the result URLs' CDN hosts.
 */
export function createMiniMaxHandlers(input: MiniMaxHandlersInput = {}): MiniMaxHandlers {
  const mock = mockFrom(input);
  const engine = engineOf(mock);
  const handlers: HttpHandler[] = [];
  const origins = new Set<string>();
  for (const base of mock.baseUrls) {
    handlers.push(http.all(`${base}/*`, async ({ request }) => toResponse(await engine.process(fromWebRequest(request)))));
    origins.add(new URL(base).origin);
  }
  for (const origin of origins) {
    handlers.push(http.all(`${origin}/__mock/*`, async ({ request }) => toResponse(await engine.control(fromWebRequest(request)))));
    handlers.push(http.all(`${origin}/__mock`, async ({ request }) => toResponse(await engine.control(fromWebRequest(request)))));
  }
  // The media stand-in: the result URLs (videoURL, downloadURL, audio_url, …) answer placeholder bytes.
  for (const host of MEDIA_HOSTS) {
    handlers.push(http.all(`https://${host}/*`, ({ request }) => {
      const reply = engine.media(fromWebRequest(request));
      return reply ? toResponse(reply) : undefined;
    }));
  }
  return Object.assign(handlers, { mock });
}

export type { MiniMaxMock } from '../mock.js';
export type { MiniMaxMockOptions } from '../engine/options.js';
