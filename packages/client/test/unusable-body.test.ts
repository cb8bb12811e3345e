// A 2xx answer whose body cannot be used (empty, `null`, cut short): a typed error with the status on a read, an
// outcome-unknown error on a create (see outcome.test.ts), and a transient poll for waitFor. Fake clock only.
import { describe, expect, it, vi } from 'vitest';
import { JobTimeoutError, OutcomeUnknownError, UnexpectedResponseError, isTransientError } from '../src/index.js';
import { fakeFetch, json, testClient, track, useFakeClock } from './helpers.js';

const VIDEO = 'user:1-minimax:2-video:3';
const MUSIC = 'user:1-minimax:2-music:3';
const typed = (body: string | null, status = 200) => new Response(body, { status, headers: { 'content-type': 'application/json' } });
const BAD: [string, (status?: number) => Response][] = [
  ['an empty body', (s) => typed('', s)],
  ['no body at all', (s) => typed(null, s)],
  ['a `null` body', (s) => typed('null', s)],
  ['a truncated body', (s) => typed('{"videoId":"user:1-min', s)],
];

describe('a read answered 2xx with an unusable body', () => {
  useFakeClock();

  it.each(BAD)('%s: UnexpectedResponseError with the status, operation and concrete path; transient', async (_what, answer) => {
    for (const status of [200, 201]) {
      const fake = fakeFetch().queue(answer(status));
      const error = (await testClient(fake).videos.get(VIDEO).catch((e: unknown) => e)) as UnexpectedResponseError;
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toMatchObject({ status, operation: 'getVideo', method: 'GET', path: `/videos/${VIDEO}` });
      expect(error.message).toContain(`${status} GET /videos/${VIDEO}`);
      expect(isTransientError(error)).toBe(true);
    }
  });

  it.each(BAD)('%s on a create: OutcomeUnknownError carrying the replyRef, caused by UnexpectedResponseError(status)', async (_what, answer) => {
    const fake = fakeFetch().queue(answer(200));
    const error = (await testClient(fake, { maxRetries: 0 }).music.create({ prompt: 'a song' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.replyRef).toMatch(/^useapi-minimax:/);
    expect(error.cause).toBeInstanceOf(UnexpectedResponseError);
    expect((error.cause as unknown as UnexpectedResponseError).status).toBe(200);
    expect(JSON.parse(await fake.requests[0]!.text()).replyRef).toBe(error.replyRef);
  });
});

describe('waitFor through unusable polls', () => {
  useFakeClock();

  it.each(BAD)('%s on a poll is transient: waitFor keeps polling and resolves with the final snapshot', async (_what, answer) => {
    const fake = fakeFetch().queue(json(200, { videoId: VIDEO, status: 1 }), answer(), answer(), json(200, { videoId: VIDEO, status: 2 }));
    const call = track(testClient(fake, { maxRetries: 0 }).videos.waitFor(VIDEO, { intervalMs: 1000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.error).toBeUndefined();
    expect(call.value).toMatchObject({ status: 2 });
    expect(fake.requests).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('only unusable polls until the deadline: JobTimeoutError (the job may still finish)', async () => {
    const fake = fakeFetch();
    for (let i = 0; i < 100; i++) fake.queue(typed(''));
    const call = track(testClient(fake, { maxRetries: 0 }).music.waitFor(MUSIC, { intervalMs: 1000, deadlineMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(11_000);
    expect(call.done).toBe(true);
    expect(call.error).toBeInstanceOf(JobTimeoutError);
    expect(fake.requests.length).toBeGreaterThan(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a create whose event stream ends before its first event', () => {
  const empty = () => new Response('', { status: 200, headers: { 'content-type': 'text/event-stream' } });
  const comments = () => new Response(': keep-alive\n\n: still here\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } });

  it.each([
    ['music.create({ stream: true })', (c: ReturnType<typeof testClient>) => c.music.create({ prompt: 'a song', stream: true })],
    ['videos.agentCreate', (c: ReturnType<typeof testClient>) => c.videos.agentCreate({ templateId: 't1' } as never)],
  ])('%s: OutcomeUnknownError (the job may exist, no id came back), caused by UnexpectedResponseError(200)', async (_name, call) => {
    for (const answer of [empty, comments]) {
      const fake = fakeFetch().queue(answer());
      const error = await (async () => {
        for await (const _ of await call(testClient(fake))) void _;
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as OutcomeUnknownError).cause).toBeInstanceOf(UnexpectedResponseError);
      expect((error as OutcomeUnknownError).cause.message).toMatch(/ended without any event/);
    }
  });

  it('a create stream with events ends normally', async () => {
    const fake = fakeFetch().queue(new Response('data: {"status":2}\n\n', { status: 200, headers: { 'content-type': 'text/event-stream' } }));
    const events: unknown[] = [];
    for await (const e of await testClient(fake).music.create({ prompt: 'a song', stream: true })) events.push(e);
    expect(events).toEqual([{ data: { status: 2 } }]);
  });
});
