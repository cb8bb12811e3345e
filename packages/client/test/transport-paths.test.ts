// The transport's rarer paths, which its straight-line success path (no async frames, see transport.ts) must still
// take as before: hooks that throw, a fetch that throws instead of rejecting, an answer that comes after its
// attempt's timeout. Fake clock only; no timer may be left behind.
import { describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../src/index.js';
import { ACCEPTED, connectionError, fakeFetch, json, testClient, track, useFakeClock } from './helpers.js';

const MUSIC = 'user:1-minimax:2-music:3';

useFakeClock();

describe('transport paths beside the first attempt succeeding', () => {
  it('an onResponse hook that throws fails the call with its error and leaves no timer', async () => {
    const boom = new Error('hook failed');
    const client = testClient(fakeFetch(), { hooks: { onResponse: () => { throw boom; } } });
    await expect(client.music.get(MUSIC)).rejects.toBe(boom);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an onRequest hook that throws fails the call before anything is sent and leaves no timer', async () => {
    const fake = fakeFetch();
    const boom = new Error('hook failed');
    await expect(testClient(fake, { hooks: { onRequest: () => { throw boom; } } }).music.get(MUSIC)).rejects.toBe(boom);
    expect(fake.requests).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a fetch that throws synchronously is a connection error, retried like a rejection', async () => {
    const fake = fakeFetch();
    let calls = 0;
    const fetch = (input: Request | string, init?: RequestInit) => {
      if (calls++ === 0) throw connectionError('ECONNRESET');
      return fake.fetch(input, init);
    };
    const call = track(testClient(fake, { fetch }).music.get(MUSIC));
    await vi.runAllTimersAsync();
    expect(call.error).toBeUndefined();
    expect(call.value).toEqual(ACCEPTED);
    expect(calls).toBe(2);

    calls = 0;
    const once = track(testClient(fake, { fetch }).music.get(MUSIC, { maxRetries: 0 }));
    await vi.runAllTimersAsync();
    expect(once.error).toBeInstanceOf(ConnectionError);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an answer that arrives after its attempt timed out is ignored: the retry answers the call', async () => {
    let answerLate!: (response: Response) => void;
    const late = new Promise<Response>((resolve) => (answerLate = resolve));
    const fake = fakeFetch().queue(() => late, json(200, { musicId: 'second' }));
    const call = track(testClient(fake, { timeoutMs: 1000 }).music.get(MUSIC));
    await vi.advanceTimersByTimeAsync(1000);
    expect(call.done).toBe(false);
    answerLate(json(200, { musicId: 'first, too late' }));
    await vi.runAllTimersAsync();
    expect(call.value).toEqual({ musicId: 'second' });
    expect(fake.requests).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
