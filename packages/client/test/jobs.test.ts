// One lifecycle across resources, and waiting on it: waitFor, poll, createAndWait. Fake clock only.
import { operations as specOperations } from '@useapi-minimax/spec';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  AccountOnHoldError,
  describeJob,
  JobFailedError,
  JobModeratedError,
  JobTimeoutError,
  jobErrorFor,
  type JobKind,
  type JobState,
} from '../src/index.js';
import { jobCreators, jobKinds, operations } from '../src/internal.js';
import { connectionError, fakeFetch, json, route, testClient, track, useFakeClock } from './helpers.js';

const VIDEO = 'user:1-minimax:2-video:3';

describe('describeJob', () => {
  it.each<[JobKind, Record<string, unknown>, Partial<JobState>]>([
    ['video', { videoId: VIDEO, status: 0 }, { id: VIDEO, state: 'queued', final: false }],
    ['video', { status: 11, statusLabel: 'queued' }, { state: 'queued', final: false }],
    ['video', { status: 1, percent: 40, message: 'rendering' }, { state: 'running', final: false, percent: 40, message: 'rendering' }],
    ['video', { status: 12 }, { state: 'running', final: false }],
    ['video', { status: 2 }, { state: 'succeeded', final: true }],
    ['video', { status: 3 }, { state: 'failed', final: true }],
    ['video', { status: 5 }, { state: 'moderated', final: true }],
    ['video', { status: 7 }, { state: 'moderated', final: true }],
    ['video', { status: 14 }, { state: 'moderated', final: true }],
    ['video', { status: 99 }, { state: 'running', final: false }],
    ['video', { status: 99, statusFinal: true, statusLabel: 'moderated' }, { state: 'moderated', final: true }],
    ['video', { status: 99, statusFinal: true, downloadURL: 'https://x' }, { state: 'succeeded', final: true }],
    ['video', { status: 99, statusFinal: true }, { state: 'failed', final: true }],
    ['video', { status: 2, statusFinal: false }, { state: 'running', final: false }],
    ['video', { status: 1, statusFinal: true, statusLabel: 'completed' }, { state: 'succeeded', final: true }],
    ['image', { imageId: 'i:1', status: 2, statusFinal: true }, { id: 'i:1', state: 'succeeded', final: true }],
    ['image', { status: 3, statusFinal: true }, { state: 'failed', final: true }],
    ['music', { musicId: 'm:1', status: 0 }, { id: 'm:1', state: 'queued', final: false }],
    ['music', { status: 1 }, { state: 'running', final: false }],
    ['music', { status: 2 }, { state: 'succeeded', final: true }],
    ['music', { status: 4 }, { state: 'moderated', final: true }],
    ['music', { status: 3 }, { state: 'running', final: false }],
    ['agent', { jobId: 'p1-u1-a1-bot:minimax', status: 'started' }, { id: 'p1-u1-a1-bot:minimax', state: 'running', final: false }],
    ['agent', { status: 'completed' }, { state: 'succeeded', final: true }],
    ['agent', { status: 'failed', error: { message: 'Timeout waiting for assistant response', status: 504 } }, { state: 'failed', final: true, message: 'Timeout waiting for assistant response' }],
    ['agent', { status: 'failed', error: 'boom' }, { state: 'failed', final: true, message: 'boom' }],
    ['agent', { status: 'paused' }, { state: 'running', final: false }],
    ['speech', { audio_id: 'a:1', status: 0, statusLabel: 'pending', statusFinal: false }, { id: 'a:1', state: 'queued', final: false }],
    ['speech', { status: 0, statusLabel: 'completed', statusFinal: true, audio_url: 'https://x' }, { state: 'succeeded', final: true }],
    ['speech', { status: 0, statusLabel: 'failed', statusFinal: true, error: 'no plan', code: 412 }, { state: 'failed', final: true, message: 'no plan' }],
    ['speech', { audioId: 'a:2', status: 0 }, { id: 'a:2', state: 'queued', final: false }],
  ])('%s %j', (kind, snapshot, expected) => {
    const st = describeJob(kind, snapshot);
    expect(st).toMatchObject({ kind, ...expected });
    if (!('percent' in expected)) expect(st.percent).toBeUndefined();
  });

  it('undefined (nothing read yet) is queued and not final', () => {
    expect(describeJob('video', undefined)).toEqual({ kind: 'video', state: 'queued', final: false });
  });

  it('jobErrorFor gives the typed error of a final failure only', () => {
    expect(jobErrorFor('video', { status: 2 })).toBeUndefined();
    expect(jobErrorFor('video', { status: 1 })).toBeUndefined();
    const failed = jobErrorFor('agent', { jobId: 'j', status: 'failed', error: { message: 'expired', status: 504 }, created: 'x' });
    expect(failed).toBeInstanceOf(JobFailedError);
    expect(failed?.message).toBe('The agent job j failed: it was created but produced nothing usable; check the input (and the account), then create it again (the last snapshot is on error.snapshot). MiniMax said: expired');
    expect(failed?.snapshot).toMatchObject({ jobId: 'j' });
    const moderated = jobErrorFor('music', { musicId: 'm', status: 4 });
    expect(moderated).toBeInstanceOf(JobModeratedError);
    expect(moderated?.state).toMatchObject({ state: 'moderated', final: true });
  });
});

describe('isTransientError', () => {
  it('is true for what polling rides through, false otherwise', async () => {
    const { ApiError, ConnectionError, TimeoutError, AbortError, isTransientError } = await import('../src/index.js');
    const api = (status: number) => new ApiError({ status, body: undefined, method: 'GET', path: '/x', headers: {} });
    expect([408, 429, 500, 502, 503, 504].map((s) => isTransientError(api(s)))).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 404, 412, 422, 596].map((s) => isTransientError(api(s)))).toEqual([false, false, false, false, false, false]);
    expect(isTransientError(new ConnectionError('x', {}))).toBe(true);
    expect(isTransientError(new TimeoutError(1))).toBe(true);
    expect(isTransientError(new AbortError())).toBe(false);
    expect(isTransientError(new Error('x'))).toBe(false);
  });
});

describe('jobKinds and jobCreators match the spec', () => {
  it('each kind reads through the operation whose x-sdk.job names it', () => {
    for (const [kind, info] of Object.entries(jobKinds)) {
      const op = specOperations.find((o) => o.sdk.job === kind)!;
      expect(op, kind).toBeDefined();
      expect([info.operation, info.tag, info.method]).toEqual([op.operationId, op.tag, op.sdk.method]);
      expect(info.intervalMs).toBeGreaterThanOrEqual(3000);
      expect(info.deadlineMs).toBeGreaterThan(info.intervalMs);
    }
    expect(jobKinds.agent.deadlineMs).toBeGreaterThan(15 * 60_000);
  });

  it('each creator is a create of the same tag as its job GET', () => {
    for (const [id, creator] of Object.entries(jobCreators)) {
      const op = operations[id as keyof typeof operations];
      expect(op.idempotent).toBe(false);
      expect(op.tag).toBe(jobKinds[creator.kind].tag);
    }
  });
});

describe('waiting', () => {
  useFakeClock();


  it('waitFor polls at the interval, reports distinct snapshots and resolves with the final one', async () => {
    const video = (status: number, percent?: number) => json(200, { videoId: VIDEO, status, statusFinal: status === 2, ...(percent ? { percent } : {}) });
    const fake = fakeFetch().queue(video(0), video(0), video(1, 10), video(1, 10), video(1, 60), video(2));
    const progress: string[] = [];
    const call = track(
      testClient(fake).videos.waitFor(VIDEO, { intervalMs: 1000, onProgress: (s, st) => progress.push(`${s.status}:${st.state}:${st.percent ?? ''}`) }),
    );
    for (let i = 1; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(999);
      expect(fake.requests).toHaveLength(i);
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.requests).toHaveLength(6);
    expect(call.value).toMatchObject({ status: 2 });
    expect(progress).toEqual(['0:queued:', '1:running:10', '1:running:60', '2:succeeded:']);
    expect(fake.requests.every((r) => route(r) === `/videos/${VIDEO}`)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses the kind default interval (speech 3 s)', async () => {
    const fake = fakeFetch().queue(json(200, { statusLabel: 'pending', statusFinal: false }), json(200, { statusLabel: 'completed', statusFinal: true }));
    const call = track(testClient(fake).speech.waitFor('user:1-minimax:2-audio:3'));
    await vi.advanceTimersByTimeAsync(2999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toMatchObject({ statusLabel: 'completed' });
    expect(route(fake.requests[0]!)).toBe('/speech/user:1-minimax:2-audio:3');
  });

  it('an unknown status sleeps like any other (no tight loop)', async () => {
    const fake = fakeFetch().queue(...Array.from({ length: 10 }, () => json(200, { status: 42 })));
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 1000, deadlineMs: 5500 }));
    await vi.advanceTimersByTimeAsync(5499);
    expect(fake.requests).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(JobTimeoutError);
    expect((call.error as JobTimeoutError).snapshot).toEqual({ status: 42 });
    expect((call.error as JobTimeoutError).jobId).toBe(VIDEO);
  });

  it('an empty, null or truncated poll answer is transient: waitFor keeps polling within the deadline (#10)', async () => {
    const bad = (text: string) => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    const fake = fakeFetch().queue(bad(''), bad('null'), bad('{"videoId":"user:1-min'), json(200, { videoId: VIDEO, status: 2 }));
    const call = track(testClient(fake, { maxRetries: 0 }).videos.waitFor(VIDEO, { intervalMs: 1000, deadlineMs: 60_000 }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(call.error).toBeUndefined();
    expect(call.value).toMatchObject({ status: 2 });
    expect(fake.requests).toHaveLength(4);
  });

  it('bad poll answers until the deadline end in JobTimeoutError, never a raw TypeError', async () => {
    const fake = fakeFetch().queue(...Array.from({ length: 50 }, () => new Response('', { status: 200, headers: { 'content-type': 'application/json' } })));
    const call = track(testClient(fake, { maxRetries: 0 }).videos.waitFor(VIDEO, { intervalMs: 1000, deadlineMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(call.error).toBeInstanceOf(JobTimeoutError);
  });

  it('the deadline aborts an in-flight GET', async () => {
    const fake = fakeFetch().queue(json(200, { status: 1 }), () => new Promise<Response>(() => {}));
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 1000, deadlineMs: 1500 }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.requests).toHaveLength(2);
    expect(call.done).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(call.error).toBeInstanceOf(JobTimeoutError);
    expect(fake.requests[1]!.signal.aborted).toBe(true);
  });

  it.each([
    [{ status: 3, statusFinal: true, message: 'failed upstream' }, JobFailedError],
    [{ status: 5, statusFinal: true }, JobModeratedError],
  ])('a final %j throws %o with the snapshot', async (snapshot, Ctor) => {
    const fake = fakeFetch().queue(json(200, { videoId: VIDEO, ...snapshot }));
    const error = await testClient(fake)
      .videos.waitFor(VIDEO)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ctor);
    expect((error as JobFailedError).snapshot).toMatchObject(snapshot);
  });

  it('a followed video that starts answering 404 was moderated after generation', async () => {
    const fake = fakeFetch().queue(json(200, { videoId: VIDEO, status: 1 }), json(404, { error: 'Not found.', code: 404 }));
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(JobModeratedError);
  });

  it('transient errors back off (doubling), then polling resumes its interval', async () => {
    const fake = fakeFetch().queue(
      json(200, { status: 1 }),
      connectionError('ECONNRESET'),
      connectionError('ECONNRESET'),
      json(200, { status: 1, percent: 50 }),
      json(200, { status: 2 }),
    );
    const times: number[] = [];
    const start = Date.now();
    const client = testClient(fake, { maxRetries: 0, hooks: { onRequest: () => times.push(Date.now() - start) } });
    const call = track(client.videos.waitFor(VIDEO, { intervalMs: 1000 }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(call.value).toMatchObject({ status: 2 });
    expect(times).toEqual([0, 1000, 3000, 7000, 8000]);
  });

  it('non-transient errors stop the wait (596)', async () => {
    const fake = fakeFetch().queue(json(596, { error: 'on hold' }));
    const error = await testClient(fake)
      .music.waitFor('m:1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountOnHoldError);
  });

  it('aborting mid-sleep stops at once with no further request', async () => {
    const fake = fakeFetch().queue(json(200, { status: 1 }), json(200, { status: 2 }));
    const controller = new AbortController();
    const call = track(testClient(fake).videos.waitFor(VIDEO, { intervalMs: 10_000, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('poll yields distinct snapshots; break stops polling', async () => {
    const fake = fakeFetch().queue(json(200, { status: 'started', jobId: 'j' }), json(200, { status: 'started', jobId: 'j' }), json(200, { status: 'completed', jobId: 'j' }));
    const seen: unknown[] = [];
    const done = (async () => {
      for await (const job of testClient(fake).agent.poll('j', { intervalMs: 1000 })) seen.push(job.status);
    })();
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(seen).toEqual(['started', 'completed']);
    expect(fake.requests).toHaveLength(3);

    const fake2 = fakeFetch().queue(json(200, { status: 'started' }), json(200, { status: 'started' }));
    for await (const job of testClient(fake2).agent.poll('j')) {
      expect(job.status).toBe('started');
      break;
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake2.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('poll yields a failed final snapshot without throwing', async () => {
    const fake = fakeFetch().queue(json(200, { status: 3, statusFinal: true }));
    const seen: unknown[] = [];
    for await (const v of testClient(fake).videos.poll(VIDEO)) seen.push(v.status);
    expect(seen).toEqual([3]);
  });
});

describe('createAndWait', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('videos: creates, then waits for the video', async () => {
    const fake = fakeFetch().queue(json(200, { videoId: VIDEO }), json(200, { videoId: VIDEO, status: 2, statusFinal: true }));
    const video = await testClient(fake).videos.createAndWait({ prompt: 'a corgi' });
    expect(video).toMatchObject({ status: 2 });
    expect(fake.requests.map((r) => `${r.method} ${route(r)}`)).toEqual(['POST /videos/create', `GET /videos/${VIDEO}`]);
  });

  it('request options for the create alone: options.create (#10 part 5)', async () => {
    const fake = fakeFetch().queue(json(200, { videoId: VIDEO }), json(200, { videoId: VIDEO, status: 2, statusFinal: true }));
    await testClient(fake).videos.createAndWait({ prompt: 'a corgi' }, { headers: { 'x-all': '1' }, create: { headers: { 'x-create': 'yes' }, maxRetries: 0 } });
    const [created, polled] = fake.requests;
    expect(created!.headers.get('x-create')).toBe('yes');
    expect(created!.headers.get('x-all')).toBe('1');
    expect(polled!.headers.get('x-create')).toBeNull();
    expect(polled!.headers.get('x-all')).toBe('1');
  });

  it('images: waits for every image id', async () => {
    const fake = fakeFetch().queue(json(200, { imageIds: ['i:1', 'i:2'] }), (r) => json(200, { imageId: route(r).split('/')[2], status: 2 }), (r) =>
      json(200, { imageId: route(r).split('/')[2], status: 2 }),
    );
    const images = await testClient(fake).images.createAndWait({ prompt: 'a fox' });
    expect(images.map((i) => i.imageId)).toEqual(['i:1', 'i:2']);
  });

  it('music.create: never streams; music.createLegacy: polls the same GET', async () => {
    const fake = fakeFetch().queue(json(201, { musicId: 'm:1' }), json(200, { musicId: 'm:1', status: 2 }), json(200, { musicId: 'm:2' }), json(200, { musicId: 'm:2', status: 2 }));
    const client = testClient(fake);
    await client.music.createAndWait({ prompt: 'synth-pop' });
    await client.music.createLegacyAndWait({ prompt: 'la la', styleId: '101' });
    expect(await fake.requests[0]!.json()).toEqual({ prompt: 'synth-pop', stream: false, replyRef: expect.stringMatching(/^useapi-minimax:/) });
    expect(fake.requests.map((r) => `${r.method} ${route(r).split('?')[0]}`)).toEqual(['POST /music/create', 'GET /music/m:1', 'GET /music/create', 'GET /music/m:2']);
  });

  it('speech and agent (async: true)', async () => {
    const fake = fakeFetch().queue(
      json(201, { audioId: 'a:1' }),
      json(200, { audio_id: 'a:1', statusLabel: 'completed', statusFinal: true }),
      json(200, { jobId: 'j:1', status: 'started', created: 'x' }),
      json(200, { jobId: 'j:1', status: 'completed', created: 'x' }),
    );
    const client = testClient(fake);
    expect(await client.speech.createAndWait({ text: 'hello', voice_id: 'v' })).toMatchObject({ statusLabel: 'completed' });
    expect(await client.agent.runAndWait({ prompt: 'a song', models: ['music-2.0'] })).toMatchObject({ status: 'completed' });
    expect((await fake.requests[2]!.formData()).get('async')).toBe('true');
    expect(route(fake.requests[3]!)).toBe('/agent/j:1');
  });

  it('a failed agent job throws JobFailedError', async () => {
    const fake = fakeFetch().queue(json(200, { jobId: 'j:1', status: 'started', created: 'x' }), json(200, { jobId: 'j:1', status: 'failed', error: { message: 'expired', status: 504 } }));
    await expect(testClient(fake).agent.runAndWait({ prompt: 'p', models: 'a' })).rejects.toBeInstanceOf(JobFailedError);
  });
});
