// Retry policy per operation, with timing asserted on a fake clock (Math.random pinned: full jitter = half the cap).
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AccountOnHoldError,
  ApiError,
  ConnectionError,
  InsufficientCreditsError,
  ModeratedError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UpstreamBusyError,
  type RetryEvent,
} from '../src/index.js';
import { connectionError, fakeFetch, json, never, testClient, track, useFakeClock, ACCEPTED } from './helpers.js';

const VIDEO = 'user:1-minimax:2-video:3';

useFakeClock(Date.parse('2026-01-01T00:00:00Z'));


describe('idempotent calls', () => {
  it.each([408, 429, 500, 502, 503, 504])('retry %i with exponential backoff and full jitter', async (status) => {
    const fake = fakeFetch().queue(json(status, { error: 'x' }), json(status, { error: 'x' }), json(200, { videoId: VIDEO, status: 1 }));
    const retries: RetryEvent[] = [];
    const client = testClient(fake, { hooks: { onRetry: (e) => retries.push(e) } });
    const call = track(client.videos.get(VIDEO));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(249); // 0.5 × 500 ms
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499); // 0.5 × 1000 ms
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(call).toMatchObject({ done: true, value: { videoId: VIDEO, status: 1 } });
    expect(retries.map((r) => [r.attempt, r.delayMs, r.status])).toEqual([
      [1, 250, status],
      [2, 500, status],
    ]);
    expect(retries[0]).toMatchObject({ method: 'GET', path: '/videos/{videoId}', operation: 'getVideo' });
  });

  it('gives up after maxRetries with the last error', async () => {
    const fake = fakeFetch().queue(json(503, {}), json(503, {}), json(503, { error: 'still down' }));
    const call = track(testClient(fake).videos.get(VIDEO));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.requests).toHaveLength(3);
    expect(call.error).toBeInstanceOf(ServerError);
    expect((call.error as ServerError).message).toContain('still down');
  });

  it('the backoff is capped at 8 s', async () => {
    const fake = fakeFetch().queue(...Array.from({ length: 7 }, () => json(500, {})));
    const retries: number[] = [];
    const call = track(testClient(fake, { maxRetries: 6, hooks: { onRetry: (e) => retries.push(e.delayMs) } }).accounts.list());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.done).toBe(true);
    expect(retries).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });

  it('per-call maxRetries overrides the client default', async () => {
    const fake = fakeFetch().queue(json(500, {}), json(200, ACCEPTED));
    const call = track(testClient(fake).videos.get(VIDEO, { maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.requests).toHaveLength(1);
    expect(call.error).toBeInstanceOf(ServerError);
  });

  it.each([
    ['seconds', '3', 3000],
    ['an HTTP date', 'Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['an oversized hint (capped at 60 s)', '3600', 60_000],
  ])('honours Retry-After as %s', async (_, header, wait) => {
    const fake = fakeFetch().queue(json(429, { error: 'busy' }, { 'retry-after': header }), json(200, ACCEPTED));
    const call = track(testClient(fake).accounts.list());
    await vi.advanceTimersByTimeAsync(wait - 1);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.done).toBe(true);
  });

  it('retries connection errors (even a reset)', async () => {
    const fake = fakeFetch().queue(connectionError('ECONNRESET'), json(200, { ok: 1 }));
    const call = track(testClient(fake).accounts.list());
    await vi.advanceTimersByTimeAsync(250);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toEqual({ ok: 1 });
  });

  it('never retries 596', async () => {
    const fake = fakeFetch().queue(json(596, { error: 'Account 1 has been placed on hold', code: 596 }), json(200, ACCEPTED));
    const call = track(testClient(fake).videos.get(VIDEO));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(call.error).toBeInstanceOf(AccountOnHoldError);
  });

  it('re-sends the same body on retry (idempotent POST)', async () => {
    const fake = fakeFetch().queue(json(503, {}), json(200, ACCEPTED));
    const call = track(testClient(fake).videos.cancel(VIDEO));
    await vi.advanceTimersByTimeAsync(250);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.done).toBe(true);
    expect(fake.requests).toHaveLength(2);
    const bodies = await Promise.all(fake.requests.map((r) => r.text()));
    expect(bodies).toEqual([JSON.stringify({ videoId: VIDEO }), JSON.stringify({ videoId: VIDEO })]);
    expect(fake.requests[1]!.headers.get('authorization')).toBe(fake.requests[0]!.headers.get('authorization'));
  });

  it('retries an attempt that timed out, with a fresh budget', async () => {
    const fake = fakeFetch().queue(never, json(200, { ok: 1 }));
    const call = track(testClient(fake, { timeoutMs: 1000 }).accounts.list());
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 250);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toEqual({ ok: 1 });
  });
});

describe('creates (not idempotent)', () => {
  it.each([500, 502, 503, 504, 408])('are not retried on %i: the paid job may have been queued', async (status) => {
    const fake = fakeFetch().queue(json(status, { error: 'MiniMax site is busy' }), json(200, { videoId: VIDEO }));
    const call = track(testClient(fake).videos.create({ prompt: 'a corgi' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    if (status === 502 || status === 504) {
      // The job may exist: the create says so rather than pass on "MiniMax site is busy, try again".
      expect(call.error).toBeInstanceOf(OutcomeUnknownError);
      expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(UpstreamBusyError);
    } else expect(call.error).toBeInstanceOf(status === 408 ? ApiError : ServerError);
  });

  it('are not retried after a timeout', async () => {
    const fake = fakeFetch().queue(never, json(200, { videoId: VIDEO }));
    const call = track(testClient(fake, { timeoutMs: 5_000 }).videos.create({ prompt: 'a corgi' }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(call.error).toBeInstanceOf(OutcomeUnknownError);
    expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    [412, InsufficientCreditsError],
    [422, ModeratedError],
    [596, AccountOnHoldError],
  ])('are never retried on %i', async (status, Ctor) => {
    const fake = fakeFetch().queue(json(status, { error: 'no' }), json(200, ACCEPTED));
    const call = track(testClient(fake).music.create({ prompt: 'a song' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(call.error).toBeInstanceOf(Ctor);
  });

  it('are retried on 429, honouring Retry-After', async () => {
    const fake = fakeFetch().queue(json(429, { error: 'All configured accounts are busy' }, { 'retry-after': '20' }), json(200, { videoId: VIDEO }));
    const call = track(testClient(fake).videos.create({ prompt: 'a corgi' }));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(2);
    expect(call.value).toEqual({ videoId: VIDEO });
  });

  it('the legacy GET /music/create is a create: not retried on 502', async () => {
    const fake = fakeFetch().queue(json(502, {}), json(200, ACCEPTED));
    const call = track(testClient(fake).music.createLegacy({ prompt: 'la la', styleId: '101' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(call.error).toBeInstanceOf(OutcomeUnknownError);
    expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(UpstreamBusyError);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])('are retried after %s (nothing was sent)', async (code) => {
    const fake = fakeFetch().queue(connectionError(code), json(200, { videoId: VIDEO }));
    const call = track(testClient(fake).videos.create({ prompt: 'a corgi' }));
    await vi.advanceTimersByTimeAsync(250);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(2);
    expect(call.value).toEqual({ videoId: VIDEO });
  });

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', undefined])('are not retried after %s (the request may have left)', async (code) => {
    const fake = fakeFetch().queue(code ? connectionError(code) : new TypeError('fetch failed'), json(200, ACCEPTED));
    const call = track(testClient(fake).videos.create({ prompt: 'a corgi' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    // The request may have reached the server: the create's outcome is unknown.
    expect(call.error).toBeInstanceOf(OutcomeUnknownError);
    expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(ConnectionError);
    expect(((call.error as OutcomeUnknownError).cause as ConnectionError).code).toBe(code);
  });

  it('re-sends the same multipart form after a 429', async () => {
    const fake = fakeFetch().queue(json(429, {}), json(200, { jobId: 'p1-u1-a1-bot:minimax', status: 'started', created: 'x' }));
    const file = new File(['png-bytes'], 'ref.png', { type: 'image/png' });
    const call = track(testClient(fake).agent.run({ prompt: 'a cat', models: ['hailuo-2.3'], files: [file], async: true }));
    await vi.advanceTimersByTimeAsync(250);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.done).toBe(true);
    const forms = await Promise.all(fake.requests.map((r) => r.formData()));
    for (const form of forms) {
      expect(form.get('prompt')).toBe('a cat');
      expect(form.get('models')).toBe('hailuo-2.3');
      expect(await (form.get('file') as File).text()).toBe('png-bytes');
    }
  });

  it('a stream body is never re-sent, not even after a 429', async () => {
    const fake = fakeFetch().queue(json(429, {}), json(200, ACCEPTED));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    const call = track(testClient(fake).files.upload(stream, { contentType: 'image/png' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(call.error).toBeInstanceOf(RateLimitedError);
  });
});

describe('abort', () => {
  it('aborting during the backoff sleep stops at once, with no further request', async () => {
    const fake = fakeFetch().queue(json(503, {}), json(200, ACCEPTED));
    const controller = new AbortController();
    const call = track(testClient(fake).accounts.list({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.requests).toHaveLength(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
