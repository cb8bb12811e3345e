// The one poll policy (nextPoll) as a pure function, and waitFor driven by it on a fake clock: the interval,
// backoff after transient errors, the server's Retry-After, the floor on intervalMs and deadlines past
// setTimeout's limit.
import { describe, expect, it, vi } from 'vitest';
import { ConnectionError, JobTimeoutError, NotFoundError, RateLimitedError, ServerError, ValidationError } from '../src/index.js';
import { MAX_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS, nextPoll, pollPolicy } from '../src/internal.js';
import { fakeFetch, json, testClient, track, useFakeClock } from './helpers.js';

const VIDEO = 'user:1-minimax:2-video:3';
const api = (status: number, headers: Record<string, string> = {}) => ({ status, body: undefined, method: 'GET', path: '/videos/{videoId}', headers });

describe('pollPolicy', () => {
  it('takes the kind defaults (the spec job facts) and the caller overrides', () => {
    expect(pollPolicy('video')).toEqual({ intervalMs: 10_000, deadlineMs: 30 * 60_000, maxIntervalMs: MAX_POLL_INTERVAL_MS });
    expect(pollPolicy('speech', { intervalMs: 500, deadlineMs: Infinity })).toEqual({ intervalMs: 500, deadlineMs: Infinity, maxIntervalMs: MAX_POLL_INTERVAL_MS });
  });

  it('floors intervalMs (0 would spin) and keeps maxIntervalMs at least the interval', () => {
    expect(pollPolicy('music', { intervalMs: 0 }).intervalMs).toBe(MIN_POLL_INTERVAL_MS);
    expect(pollPolicy('music', { intervalMs: 120_000 }).maxIntervalMs).toBe(120_000);
  });

  it.each([
    [{ intervalMs: -1 }, 'intervalMs'],
    [{ intervalMs: Infinity }, 'intervalMs'],
    [{ intervalMs: Number.NaN }, 'intervalMs'],
    [{ deadlineMs: 0 }, 'deadlineMs'],
    [{ deadlineMs: -5 }, 'deadlineMs'],
  ])('%j is a ValidationError naming %s', (settings, field) => {
    expect(() => pollPolicy('video', settings)).toThrow(ValidationError);
    try {
      pollPolicy('video', settings);
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.field)).toEqual([field]);
    }
  });
});

describe('nextPoll', () => {
  const policy = pollPolicy('video', { intervalMs: 1000, deadlineMs: 60_000 });

  it('polls again after the interval while the job runs, stops when it is final', () => {
    expect(nextPoll('video', policy, { snapshot: { status: 1 }, failures: 0, elapsedMs: 0 })).toEqual({ stop: false, delayMs: 1000 });
    expect(nextPoll('video', policy, { snapshot: { status: 2 }, failures: 0, elapsedMs: 0 })).toEqual({ stop: true, reason: 'final' });
    expect(nextPoll('video', policy, { snapshot: { status: 3, statusFinal: true }, failures: 0, elapsedMs: 0 })).toEqual({ stop: true, reason: 'final' });
  });

  it('doubles the pause per consecutive transient error, up to maxIntervalMs', () => {
    const error = new ConnectionError('x', {});
    expect([1, 2, 3, 10].map((failures) => nextPoll('video', policy, { error, failures, elapsedMs: 0 }))).toEqual([
      { stop: false, delayMs: 2000 },
      { stop: false, delayMs: 4000 },
      { stop: false, delayMs: 8000 },
      { stop: false, delayMs: MAX_POLL_INTERVAL_MS },
    ]);
  });

  it('waits at least the Retry-After of a 429 (or a 503)', () => {
    const limited = new RateLimitedError(api(429, { 'retry-after': '2' }));
    expect(nextPoll('video', pollPolicy('video', { intervalMs: 100 }), { error: limited, failures: 1, elapsedMs: 0 })).toEqual({ stop: false, delayMs: 2000 });
    const busy = new ServerError(api(503, { 'retry-after': '5' }));
    expect(nextPoll('video', policy, { error: busy, failures: 1, elapsedMs: 0 })).toEqual({ stop: false, delayMs: 5000 });
  });

  it('stops on an error that is not transient, and at the deadline; never sleeps past it', () => {
    expect(nextPoll('video', policy, { error: new NotFoundError(api(404)), failures: 1, elapsedMs: 0 })).toEqual({ stop: true, reason: 'error' });
    expect(nextPoll('video', policy, { snapshot: { status: 1 }, failures: 0, elapsedMs: 60_000 })).toEqual({ stop: true, reason: 'deadline' });
    expect(nextPoll('video', policy, { snapshot: { status: 1 }, failures: 0, elapsedMs: 59_700 })).toEqual({ stop: false, delayMs: 300 });
  });
});

describe('waitFor follows the policy', () => {
  useFakeClock();

  it('after a 429 with Retry-After: 2 (no client retries) it polls again after 2 s, not after its backoff', async () => {
    // Was 212 ms in waitFor while the React hooks waited 2 s: the two policies disagreed.
    const fake = fakeFetch().queue(json(200, { status: 1 }), json(429, { error: 'throttled' }, { 'retry-after': '2' }), json(200, { status: 2 }));
    const times: number[] = [];
    const start = Date.now();
    const client = testClient(fake, { maxRetries: 0, hooks: { onRequest: () => void times.push(Date.now() - start) } });
    const call = track(client.videos.waitFor(VIDEO, { intervalMs: 100 }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(call.value).toMatchObject({ status: 2 });
    expect(times).toEqual([0, 100, 2100]);
  });

  it('intervalMs: 0 is floored: no more than 10 polls a second', async () => {
    const fake = fakeFetch().queue(...Array.from({ length: 100 }, () => json(200, { status: 1 })));
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 0 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.requests.length).toBeLessThanOrEqual(11);
    expect(fake.requests.length).toBeGreaterThanOrEqual(10);
    expect(call.done).toBe(false);
  });

  it('a 30-day deadline waits 30 days (setTimeout alone fires at once past 2^31-1 ms)', async () => {
    const day = 24 * 60 * 60_000;
    const fake = fakeFetch();
    fake.fetch = async () => json(200, { status: 1 });
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: day, deadlineMs: 30 * day }));
    await vi.advanceTimersByTimeAsync(29 * day);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(day);
    expect(call.error).toBeInstanceOf(JobTimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('deadlineMs: Infinity never times out', async () => {
    const fake = fakeFetch();
    fake.fetch = async () => json(200, { status: 1 });
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 24 * 60 * 60_000, deadlineMs: Infinity }));
    await vi.advanceTimersByTimeAsync(365 * 24 * 60 * 60_000);
    expect(call.done).toBe(false);
  });
});
