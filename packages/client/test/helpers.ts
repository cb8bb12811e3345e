// A fake `fetch` for unit tests: queued answers, recorded requests. No network, no timers of its own.
import { afterEach, beforeEach, vi } from 'vitest';
import { createMiniMaxClient, type ClientOptions } from '../src/index.js';

export const TOKEN = 'user:12345-SECRETtokenABCdef';

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

export interface FakeFetch {
  /** The fetch to pass to the client. */
  fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  /** Every request received, in order. */
  requests: Request[];
  /** How each request arrived: `fetch(url, init)` (a Draft, no middleware) or `fetch(request)`. */
  kinds: ('url' | 'request')[];
  /** Queues answers (a Response, an Error to throw, or a function of the request). */
  queue: (...answers: Answer[]) => FakeFetch;
}

/**
 * A 200 body any operation accepts: it holds the id field of every create's answer (a create answered without its
 * id is an error) and nothing else a read would mind.
 */
export const ACCEPTED = { videoId: 'user:1-minimax:2-video:3', imageIds: ['user:1-minimax:2-image:3'], jobId: 'p1-u1-a2-bot:minimax', musicId: 'user:1-minimax:2-music:3', audioId: 'user:1-minimax:2-audio:3' };

/** A fake fetch that answers from a queue and records every request; an empty queue answers 200 {@link ACCEPTED}. */
export function fakeFetch(): FakeFetch {
  const answers: Answer[] = [];
  const requests: Request[] = [];
  const kinds: ('url' | 'request')[] = [];
  const fake: FakeFetch = {
    requests,
    kinds,
    async fetch(input, init) {
      const request = typeof input === 'string' ? new Request(input, init) : input;
      requests.push(request);
      kinds.push(typeof input === 'string' ? 'url' : 'request');
      const next = answers.shift() ?? json(200, ACCEPTED);
      if (next instanceof Error) throw next;
      return typeof next === 'function' ? next(request) : next;
    },
    queue(...more) {
      answers.push(...more);
      return fake;
    },
  };
  return fake;
}

/** A JSON response. */
export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An answer whose headers never come (the fetch ignores the abort signal, like a broken transport would). */
export const never = () => new Promise<Response>(() => {});

/** An answer whose headers come at once and whose body never ends. */
export function stalledBody(firstChunk = '{"musicId":'): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(firstChunk));
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** A connection error shaped like undici's (`TypeError: fetch failed` with a coded cause). */
export function connectionError(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code });
  return new TypeError('fetch failed', { cause });
}

/** A client over a fake fetch, silent, with the given options. */
export function testClient(fake: FakeFetch, options: ClientOptions = {}) {
  return createMiniMaxClient({ token: TOKEN, fetch: fake.fetch, logLevel: 'silent', ...options });
}

/** Path and query of a request URL, relative to the default base URL. */
export function route(request: Request): string {
  return request.url.replace('https://api.useapi.net/v1/minimax', '');
}

/** Drains pending microtasks and advances the fake clock by `ms`. */
export async function tick(vi: { advanceTimersByTimeAsync(ms: number): Promise<unknown> }, ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/**
 * Fake timers (at `now`) and a pinned jitter (`Math.random` → 0.5) for the tests of this file, restored after
 * each test: backoff, timeouts and polling then happen at exact, known times.
 */
export function useFakeClock(now?: number): void {
  beforeEach(() => {
    vi.useFakeTimers(now === undefined ? undefined : { now });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** Starts a call and records when it settles, without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error) => Object.assign(state, { done: true, error }),
  );
  return state;
}
