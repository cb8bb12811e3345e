// The client against a fault matrix served on loopback by a real node:http server (test/faults-server.ts).
// Every fault is tried on an idempotent read (GET /music/{musicId}) and on a create (POST /videos/create).
// For each: the documented outcome (result or error class), how many attempts and retries, no unhandled
// rejection, no hang past the timeout (each test's vitest timeout is its own worst case plus a margin: a hang
// fails it), requests counted at the server (a create is never sent twice, except after a 429, which the README
// documents: nothing was queued), and the token absent from the error.
import { getEventListeners } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AccountOnHoldError,
  ApiError,
  ConnectionError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
  UpstreamBusyError,
  MiniMaxError,
  createMiniMaxClient,
  isTransientError,
  type RetryEvent,
} from '../src/index.js';
import { type Fault, type FaultServer, faults, refusedBaseUrl, startFaultServer } from './faults-server.js';

const TOKEN = 'user:12345-FAULTtokenSECRET';
const MUSIC = 'user:1-minimax:2-music:3';
const MAX_RETRIES = 2;
/** The budget of the faults that time out; others get a budget they never come near. */
const SHORT_TIMEOUT_MS = 300;
const LONG_TIMEOUT_MS = 5_000;

type Target = 'get' | 'create';
type ErrorClass = abstract new (...args: never[]) => Error;

interface Expectation {
  /** The call resolves with this value… */
  resolves?: unknown;
  /** …or rejects with exactly this class (its `name`), */
  rejects?: ErrorClass;
  /** whose `cause` is this class (an `OutcomeUnknownError` of a create), */
  cause?: ErrorClass;
  /** with this `code` (ConnectionError) or `status` (ApiError, UnexpectedResponseError), on the cause when there is one. */
  code?: string | RegExp;
  status?: number;
  /** Requests the server received for the call. */
  requests: number;
  /** Retries the client announced (`onRetry`). */
  retries: number;
  /** Requests the client gave up on before the answer was complete (timeouts close the connection). */
  abandoned?: number;
}

interface Row {
  fault: string;
  answers: () => Fault[];
  /** Connect to a port where nothing listens. */
  refused?: boolean;
  timeoutMs?: number;
  /** `Retry-After` in the answers, in ms (adds to the worst case). */
  retryAfterMs?: number;
  get: Expectation;
  create: Expectation;
}

const { status, json } = faults;
const ok = { musicId: MUSIC, videoId: 'user:1-minimax:2-video:3', status: 2 };

/** The matrix. Math.random is 0 during these tests, so backoff sleeps are 0 ms (Retry-After is honoured as sent). */
const MATRIX: Row[] = [
  {
    fault: 'connection refused',
    answers: () => [json(ok)],
    refused: true,
    get: { rejects: ConnectionError, code: 'ECONNREFUSED', requests: 0, retries: 2 },
    // Nothing was sent, so even a create may be tried again.
    create: { rejects: ConnectionError, code: 'ECONNREFUSED', requests: 0, retries: 2 },
  },
  {
    fault: 'reset before the headers, then 200',
    answers: () => [faults.resetBeforeHeaders(), json(ok)],
    get: { resolves: ok, requests: 2, retries: 1 },
    // The request left: the server may have acted on it.
    create: { rejects: OutcomeUnknownError, cause: ConnectionError, code: /^(UND_ERR_SOCKET|ECONNRESET)$/, requests: 1, retries: 0 },
  },
  {
    fault: 'reset mid-body',
    answers: () => [faults.resetMidBody(), json(ok)],
    // The answer had started: the body read fails after the retry loop is over.
    get: { rejects: ConnectionError, requests: 1, retries: 0 },
    create: { rejects: OutcomeUnknownError, cause: ConnectionError, requests: 1, retries: 0 },
  },
  {
    fault: '408, then 200',
    answers: () => [status(408), json(ok)],
    get: { resolves: ok, requests: 2, retries: 1 },
    create: { rejects: ApiError, status: 408, requests: 1, retries: 0 },
  },
  {
    fault: '429 with Retry-After: 1, then 200',
    answers: () => [status(429, { error: 'no free slot', code: 429 }, { 'retry-after': '1' }), json(ok)],
    retryAfterMs: 1000,
    get: { resolves: ok, requests: 2, retries: 1 },
    // A 429 queued nothing: the create is retried (2 requests, 1 accepted).
    create: { resolves: ok, requests: 2, retries: 1 },
  },
  {
    fault: '429 without Retry-After, three times',
    answers: () => [status(429, { error: 'no free slot', code: 429 })],
    get: { rejects: RateLimitedError, status: 429, requests: 3, retries: 2 },
    create: { rejects: RateLimitedError, status: 429, requests: 3, retries: 2 },
  },
  {
    fault: '500 burst (2), then 200',
    answers: () => [status(500), status(500), json(ok)],
    get: { resolves: ok, requests: 3, retries: 2 },
    create: { rejects: ServerError, status: 500, requests: 1, retries: 0 },
  },
  {
    fault: '502 burst (2), then 200',
    answers: () => [status(502), status(502), json(ok)],
    get: { resolves: ok, requests: 3, retries: 2 },
    create: { rejects: OutcomeUnknownError, cause: UpstreamBusyError, status: 502, requests: 1, retries: 0 },
  },
  {
    fault: '503 burst (3: more than the retries)',
    answers: () => [status(503), status(503), status(503), json(ok)],
    get: { rejects: ServerError, status: 503, requests: 3, retries: 2 },
    create: { rejects: ServerError, status: 503, requests: 1, retries: 0 },
  },
  {
    fault: '504 burst (1), then 200',
    answers: () => [status(504), json(ok)],
    get: { resolves: ok, requests: 2, retries: 1 },
    create: { rejects: OutcomeUnknownError, cause: UpstreamBusyError, status: 504, requests: 1, retries: 0 },
  },
  {
    fault: '596 (account on hold)',
    answers: () => [status(596, { error: 'Account on hold', code: 596 }), json(ok)],
    get: { rejects: AccountOnHoldError, status: 596, requests: 1, retries: 0 },
    create: { rejects: AccountOnHoldError, status: 596, requests: 1, retries: 0 },
  },
  {
    fault: 'headers that never come',
    answers: () => [faults.neverHeaders()],
    timeoutMs: SHORT_TIMEOUT_MS,
    get: { rejects: TimeoutError, requests: 3, retries: 2, abandoned: 3 },
    create: { rejects: OutcomeUnknownError, cause: TimeoutError, requests: 1, retries: 0, abandoned: 1 },
  },
  {
    fault: 'a body that stalls past the timeout',
    answers: () => [faults.stallBody(), json(ok)],
    timeoutMs: SHORT_TIMEOUT_MS,
    get: { rejects: TimeoutError, requests: 1, retries: 0, abandoned: 1 },
    create: { rejects: OutcomeUnknownError, cause: TimeoutError, requests: 1, retries: 0, abandoned: 1 },
  },
  {
    fault: 'malformed JSON (200)',
    answers: () => [faults.malformedJson(), json(ok)],
    get: { rejects: UnexpectedResponseError, status: 200, requests: 1, retries: 0 },
    create: { rejects: OutcomeUnknownError, cause: UnexpectedResponseError, status: 200, requests: 1, retries: 0 },
  },
  {
    fault: 'an empty 200',
    answers: () => [faults.empty200(), json(ok)],
    // Typed as the song: an `undefined` would break the caller later. The job of a create exists, without an id.
    get: { rejects: UnexpectedResponseError, status: 200, requests: 1, retries: 0 },
    create: { rejects: OutcomeUnknownError, cause: UnexpectedResponseError, status: 200, requests: 1, retries: 0 },
  },
  {
    fault: 'a 200 with an unexpected shape',
    answers: () => [json({ unexpected: [1, 2, 3] }), json(ok)],
    // No response validation: the body is returned as parsed (a tolerant client), except that a create's answer
    // must hold the new job's id.
    get: { resolves: { unexpected: [1, 2, 3] }, requests: 1, retries: 0 },
    create: { rejects: OutcomeUnknownError, cause: UnexpectedResponseError, status: 200, requests: 1, retries: 0 },
  },
];

let server: FaultServer;
let refused: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  server = await startFaultServer();
  refused = await refusedBaseUrl();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});
beforeEach(() => {
  server.received.length = 0;
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(async () => {
  vi.restoreAllMocks();
  // Let late rejections surface (they are reported on the next turns of the event loop).
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
});

/** The worst case of a row: every attempt runs out its budget, plus the Retry-After sleeps, plus a margin. */
const worstCaseMs = (row: Row) => (MAX_RETRIES + 1) * (row.timeoutMs ?? 1_000) + MAX_RETRIES * (row.retryAfterMs ?? 0) + 3_000;

function client(row: Row, retries: RetryEvent[]) {
  return createMiniMaxClient({
    token: TOKEN,
    baseUrl: row.refused ? refused : server.baseUrl,
    maxRetries: MAX_RETRIES,
    timeoutMs: row.timeoutMs ?? LONG_TIMEOUT_MS,
    logLevel: 'silent',
    hooks: { onRetry: (event) => void retries.push(event) },
  });
}

const PATHS: Record<Target, [string, string]> = { get: ['GET', `/music/${MUSIC}`], create: ['POST', '/videos/create'] };

describe.each(MATRIX.map((row) => [row.fault, row] as const))('fault: %s', (_name, row) => {
  it.each(['get', 'create'] as const)('%s', { timeout: worstCaseMs(row) }, async (target) => {
    const want = row[target];
    server.script(...row.answers());
    const retries: RetryEvent[] = [];
    const c = client(row, retries);
    const call = target === 'get' ? c.music.get(MUSIC) : c.videos.create({ prompt: 'a corgi surfing', replyRef: 'order-1' });
    const settled = await call.then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );

    if (want.rejects) {
      expect(settled.error, 'the call should reject').toBeInstanceOf(want.rejects);
      expect((settled.error as Error).name).toBe(want.rejects.name);
      const detail = want.cause ? (settled.error as OutcomeUnknownError).cause : settled.error;
      if (want.cause) {
        expect(detail).toBeInstanceOf(want.cause);
        expect((settled.error as OutcomeUnknownError).replyRef).toBe('order-1');
        expect((settled.error as OutcomeUnknownError).input).toMatchObject({ prompt: 'a corgi surfing', replyRef: 'order-1' });
      }
      if (want.code !== undefined) expect((detail as ConnectionError).code).toMatch(want.code);
      if (want.status !== undefined) expect((detail as ApiError).status).toBe(want.status);
      const text = `${JSON.stringify(settled.error)} ${(settled.error as Error).stack}`;
      expect(text).not.toContain(TOKEN);
    } else {
      expect(settled.error).toBeUndefined();
      expect(settled.value).toEqual(want.resolves);
    }
    expect(retries).toHaveLength(want.retries);
    if (row.retryAfterMs) for (const r of retries) expect(r.delayMs).toBe(row.retryAfterMs);
    else for (const r of retries) expect(r.delayMs).toBe(0);

    const [method, path] = PATHS[target];
    expect(server.count(method, path)).toBe(want.requests);
    expect(server.received).toHaveLength(want.requests);
    if (target === 'create') {
      // Never sent twice, unless the first answer was a 429 (nothing queued).
      const accepted = server.received.length - retries.filter((r) => r.status === 429).length;
      expect(accepted).toBeLessThanOrEqual(1);
    }
    if (want.abandoned) {
      // The timeout closed the connection: the server sees the client go away.
      await vi.waitFor(() => expect(server.received.filter((r) => r.abandoned)).toHaveLength(want.abandoned!), { timeout: 2_000 });
    }
  });
});

describe('createAndWait on a create that answers an unexpected shape', () => {
  it('throws OutcomeUnknownError and never polls', { timeout: 5_000 }, async () => {
    server.script(json({ unexpected: true }), json(ok));
    const c = client({ fault: '', answers: () => [], get: { requests: 0, retries: 0 }, create: { requests: 0, retries: 0 } }, []);
    const error = await c.videos.createAndWait({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause.message).toMatch(/no videoId/);
    expect(server.count('POST', '/videos/create')).toBe(1);
    expect(server.received).toHaveLength(1);
  });
});

describe('an event stream cut mid-event over a real connection (undici throws TypeError: terminated)', () => {
  const streams: [string, (c: ReturnType<typeof createMiniMaxClient>) => Promise<AsyncIterable<unknown>>][] = [
    ['music.create({ stream: true })', (c) => c.music.create({ prompt: 'a song', stream: true })],
    ['videos.agentCreate', (c) => c.videos.agentCreate({ templateId: 't1' } as never)],
    ['llm.send({ stream: true })', (c) => c.llm.send({ prompt: 'hi', stream: true })],
  ];
  it.each(streams)('%s: the first event arrives, then a MiniMaxError (ConnectionError inside), never the raw TypeError', { timeout: 10_000 }, async (_name, call) => {
    server.script(faults.cutEventStream());
    const c = createMiniMaxClient({ token: TOKEN, baseUrl: server.baseUrl, maxRetries: MAX_RETRIES, timeoutMs: LONG_TIMEOUT_MS, logLevel: 'silent' });
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of await call(c)) events.push(event);
    })().catch((e: unknown) => e);
    expect(events).toEqual([{ data: { status: 1, percent: 10 } }]);
    expect(error).toBeInstanceOf(MiniMaxError);
    const inner = error instanceof OutcomeUnknownError ? error.cause : error;
    expect(inner).toBeInstanceOf(ConnectionError);
    expect(isTransientError(inner)).toBe(true);
    expect(server.received).toHaveLength(1);
    expect(`${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(TOKEN);
  });
});

describe('the fault server itself', () => {
  it('keeps no socket open after a timed-out request', { timeout: 5_000 }, async () => {
    server.script(faults.neverHeaders());
    const c = client({ fault: '', answers: () => [], timeoutMs: SHORT_TIMEOUT_MS, get: { requests: 0, retries: 0 }, create: { requests: 0, retries: 0 } }, []);
    await expect(c.music.get(MUSIC, { maxRetries: 0 })).rejects.toBeInstanceOf(TimeoutError);
    await vi.waitFor(() => expect(server.received[0]?.abandoned).toBe(true), { timeout: 2_000 });
  });
});

describe('one AbortSignal shared by many concurrent calls (found by the soak test)', () => {
  it('adds one listener to it for all of them (none once they are done), warns nothing, and aborts every call', { timeout: 10_000 }, async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const any = vi.spyOn(AbortSignal, 'any');
    try {
      server.script(faults.neverHeaders());
      const c = client({ fault: '', answers: () => [], get: { requests: 0, retries: 0 }, create: { requests: 0, retries: 0 } }, []);
      const done = new AbortController();
      await c.music.get(MUSIC, { signal: done.signal, timeoutMs: SHORT_TIMEOUT_MS, maxRetries: 0 }).catch(() => undefined);
      expect(getEventListeners(done.signal, 'abort')).toHaveLength(0);
      server.received.length = 0;
      const shutdown = new AbortController();
      const calls = Array.from({ length: 50 }, () => c.music.get(MUSIC, { signal: shutdown.signal }).catch((e: unknown) => e));
      await vi.waitFor(() => expect(server.received).toHaveLength(50), { timeout: 5_000 });
      expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(1);
      // No combined signal per call: the one listener fans out (AbortSignal.any cost ~2 µs and a signal per attempt).
      expect(any).not.toHaveBeenCalled();
      shutdown.abort(new Error('shutting down'));
      const errors = await Promise.all(calls);
      for (const e of errors) expect(e).toBeInstanceOf(AbortError);
      await vi.waitFor(() => expect(server.received.filter((r) => r.abandoned)).toHaveLength(50), { timeout: 2_000 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings).toEqual([]);
      expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
    } finally {
      any.mockRestore();
      process.off('warning', onWarning);
    }
  });
});
