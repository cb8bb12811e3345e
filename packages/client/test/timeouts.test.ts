// Timeouts cover headers and body; aborts cancel requests; the two are told apart. Fake clock only.
import { describe, expect, it, vi } from 'vitest';
import { AbortError, MiniMaxError, TimeoutError } from '../src/index.js';
import { fakeFetch, json, never, stalledBody, testClient, track, useFakeClock } from './helpers.js';

const MUSIC = 'user:1-minimax:2-music:3';

useFakeClock();


describe('timeoutMs', () => {
  it('fires when the headers never come, even if fetch ignores the signal', async () => {
    const fake = fakeFetch().queue(never);
    const call = track(testClient(fake, { timeoutMs: 3000 }).music.get(MUSIC, { maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(2999);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect((call.error as TimeoutError).timeoutMs).toBe(3000);
    expect((call.error as Error).message).toMatch(/^Timed out after 3000 ms without a complete answer: try again, or raise timeoutMs if the API is only slow \(GET \/\S+/);
    expect(fake.requests[0]!.signal.aborted).toBe(true);
  });

  it('timeoutMs Infinity or beyond 2^31-1 ms does not fire after 1 ms (#10 bounds)', async () => {
    const THIRTY_DAYS = 30 * 24 * 60 * 60_000;
    const forever = track(testClient(fakeFetch().queue(never), { timeoutMs: Infinity }).music.get(MUSIC, { maxRetries: 0 }));
    const long = track(testClient(fakeFetch().queue(never), { timeoutMs: THIRTY_DAYS }).music.get(MUSIC, { maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(forever.done).toBe(false);
    expect(long.done).toBe(false);
    await vi.advanceTimersByTimeAsync(THIRTY_DAYS - 2 ** 31);
    expect(long.error).toBeInstanceOf(TimeoutError);
    expect(forever.done).toBe(false);
  });

  it('covers reading the body: a stalled body times out', async () => {
    const fake = fakeFetch().queue(stalledBody());
    const call = track(testClient(fake, { timeoutMs: 3000 }).music.get(MUSIC, { maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(2999);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(TimeoutError);
  });

  it('a budget past setTimeout\'s limit (2^31-1 ms) waits the whole budget, and Infinity never fires', async () => {
    const day = 24 * 60 * 60_000;
    const fake = fakeFetch().queue(never).queue(never);
    const client = testClient(fake, { maxRetries: 0 });
    const long = track(client.music.get(MUSIC, { timeoutMs: 30 * day }));
    const none = track(client.music.get(MUSIC, { timeoutMs: Infinity }));
    await vi.advanceTimersByTimeAsync(29 * day);
    expect(long.done).toBe(false);
    await vi.advanceTimersByTimeAsync(day);
    expect(long.error).toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(365 * day);
    expect(none.done).toBe(false);
  });

  it('per-call timeoutMs overrides the client default', async () => {
    const fake = fakeFetch().queue(never);
    const call = track(testClient(fake, { timeoutMs: 60_000 }).music.get(MUSIC, { timeoutMs: 100, maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(100);
    expect(call.error).toBeInstanceOf(TimeoutError);
  });

  it('the low-level calls have the same budget', async () => {
    const fake = fakeFetch().queue(stalledBody());
    const call = track(testClient(fake, { timeoutMs: 500, maxRetries: 0 }).GET('/music/{musicId}', { params: { path: { musicId: MUSIC } } }));
    await vi.advanceTimersByTimeAsync(500);
    expect(call.error).toBeInstanceOf(TimeoutError);
  });

  it('uploads get a long budget by default', async () => {
    const fake = fakeFetch().queue(never);
    const call = track(testClient(fake, { timeoutMs: 1000 }).files.upload(new Blob(['x'], { type: 'image/png' })));
    await vi.advanceTimersByTimeAsync(19 * 60_000);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.error).toBeInstanceOf(TimeoutError);
  });

  it('the budget timer does not keep the process alive by itself (the request does); a retry sleep does', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const fake = fakeFetch().queue(json(503, {})).queue(never);
    const call = track(testClient(fake, { timeoutMs: 3000 }).music.get(MUSIC, { maxRetries: 1 }));
    await vi.advanceTimersByTimeAsync(0);
    const handles = spy.mock.results.map((r) => r.value as { hasRef(): boolean });
    // The first attempt's budget, then the backoff sleep before the retry.
    expect(handles.map((h) => h.hasRef())).toEqual([false, true]);
    await vi.advanceTimersByTimeAsync(3000 + 500);
    expect(call.error).toBeInstanceOf(TimeoutError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a completed call leaves no timer behind', async () => {
    const fake = fakeFetch().queue(json(200, { musicId: MUSIC }));
    await testClient(fake).music.get(MUSIC);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('AbortSignal', () => {
  it('aborting mid-request rejects with AbortError and aborts the fetch', async () => {
    const fake = fakeFetch().queue(never);
    const controller = new AbortController();
    const call = track(testClient(fake).music.get(MUSIC, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user left'));
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(AbortError);
    expect(call.error).not.toBeInstanceOf(TimeoutError);
    expect((call.error as AbortError).cause).toEqual(new Error('user left'));
    expect(fake.requests[0]!.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborting while the body is read rejects with AbortError', async () => {
    const fake = fakeFetch().queue(stalledBody());
    const controller = new AbortController();
    const call = track(testClient(fake).music.get(MUSIC, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(AbortError);
  });

  it('an already aborted signal sends nothing', async () => {
    const fake = fakeFetch();
    const error = await testClient(fake)
      .music.get(MUSIC, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(fake.requests).toHaveLength(0);
  });

  it('an abort is not retried', async () => {
    const fake = fakeFetch().queue(never, json(200, {}));
    const controller = new AbortController();
    const call = track(testClient(fake).music.get(MUSIC, { signal: controller.signal }));
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.error).toBeInstanceOf(AbortError);
    expect(fake.requests.length).toBeLessThanOrEqual(1);
  });

  it('errors are MiniMaxErrors, so one catch handles them all', async () => {
    const fake = fakeFetch().queue(never);
    const call = track(testClient(fake, { timeoutMs: 10, maxRetries: 0 }).accounts.list());
    await vi.advanceTimersByTimeAsync(10);
    expect(call.error).toBeInstanceOf(MiniMaxError);
  });
});
