// Type tests: resource method parameters, required input, return types, low-level calls, error narrowing.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type JobLifecycle,
  createMiniMaxClient,
  describeJob,
  ApiError,
  JobFailedError,
  RateLimitedError,
  type AgentJob,
  type EventStream,
  type Image,
  type Input,
  type JobState,
  type Music,
  type MusicCreated,
  type RequestOptions,
  type SchedulerAvailable,
  type SchedulerEntry,
  type ServerSentEvent,
  type SpeechClip,
  type SpeechClipListItem,
  type UploadedFile,
  type Video,
  type VideoCreated,
  type WebhookEvent,
  parseWebhook,
  type ErrorBody,
  type MiniMaxClient,
} from '../src/index.js';
import { jobKinds } from '../src/internal.js';

const client = createMiniMaxClient({ token: 'user:1-x' });
const blob = new Blob(['x']);

describe('resource methods', () => {
  test('path parameters are positional; options come last', () => {
    expectTypeOf(client.music.get).parameters.toEqualTypeOf<[musicId: string, options?: RequestOptions]>();
    expectTypeOf(client.llm.get).parameters.toEqualTypeOf<[chatID: string, input?: Input<'getLlmChat'>, options?: RequestOptions]>();
    expectTypeOf(client.accounts.list).parameters.toEqualTypeOf<[options?: RequestOptions]>();
  });

  test('return types come from the spec', () => {
    expectTypeOf(client.music.get('m')).resolves.toEqualTypeOf<Music>();
    expectTypeOf(client.videos.get('v')).resolves.toEqualTypeOf<Video>();
    expectTypeOf(client.agent.get('j')).resolves.toEqualTypeOf<AgentJob>();
    expectTypeOf(client.speech.get('a')).resolves.toEqualTypeOf<SpeechClip>();
    expectTypeOf(client.files.upload(blob, { contentType: 'image/png' })).resolves.toEqualTypeOf<UploadedFile>();
    expectTypeOf(client.accounts.delete('1')).resolves.toEqualTypeOf<void>();
    expectTypeOf(client.music.list()).resolves.toEqualTypeOf<Music[]>();
  });

  test('input is optional only when nothing in it is required', () => {
    expectTypeOf<{}>().toMatchTypeOf<Input<'listMusic'>>();
    expectTypeOf<{}>().not.toMatchTypeOf<Input<'createMusic'>>();
    client.music.list();
    client.videos.create();
    // @ts-expect-error prompt is required
    client.music.create();
    // @ts-expect-error prompt is required
    client.music.create({ title: 'x' });
    // @ts-expect-error models is required
    client.agent.run({ prompt: 'p' });
    // @ts-expect-error a path parameter is required
    client.music.get();
  });

  test('fields are typed (open sets, numbers) and unknown keys rejected', () => {
    client.music.create({ prompt: 'p', model: 'music-3.0', instrumental: true });
    // An open set: a model newer than the SDK is accepted, the known ones still autocomplete.
    client.music.create({ prompt: 'p', model: 'music-9' });
    expectTypeOf<NonNullable<Input<'createMusic'>['model']>>().toExtend<string>();
    expectTypeOf<'music-3.0'>().toExtend<NonNullable<Input<'createMusic'>['model']>>();
    // @ts-expect-error still a string
    client.music.create({ prompt: 'p', model: 3 });
    // @ts-expect-error limit is a number
    client.music.list({ limit: '5' });
    // @ts-expect-error unknown field
    client.music.list({ limt: 5 });
    // @ts-expect-error accounts.list takes options only
    client.accounts.list({ limit: 1 });
  });

  test('multipart aliases: files, models as an array', () => {
    client.agent.run({ prompt: 'p', models: ['hailuo-2.3', 'nano-banana-2'], files: [blob], async: true });
    client.agent.run({ prompt: 'p', models: 'hailuo-2.3', file: blob });
    client.agent.run({ prompt: 'p', models: 'a', file: [blob, blob] });
    // @ts-expect-error files are Blobs
    client.agent.run({ prompt: 'p', models: 'a', files: ['x'] });
  });

  test('uploads take data first and a documented content type', () => {
    client.files.upload(new Uint8Array([1]), { contentType: 'image/jpeg', account: '1' });
    client.files.upload(new ReadableStream<Uint8Array>(), { contentType: 'video/mp4' });
    client.files.upload(blob);
    // @ts-expect-error not a documented content type
    client.files.upload(blob, { contentType: 'text/plain' });
    // @ts-expect-error data is required
    client.files.upload();
  });

  test('streams', () => {
    expectTypeOf(client.videos.agentCreate({ templateId: 't' })).resolves.toEqualTypeOf<EventStream<Video>>();
    expectTypeOf(client.music.create({ prompt: 'p', stream: true })).resolves.toEqualTypeOf<EventStream<Music>>();
    expectTypeOf(client.music.create({ prompt: 'p' })).resolves.toEqualTypeOf<MusicCreated>();
    expectTypeOf(client.music.create({ prompt: 'p', stream: false })).resolves.toEqualTypeOf<MusicCreated>();
    expectTypeOf<EventStream<Music>>().toEqualTypeOf<AsyncIterableIterator<ServerSentEvent<Music>>>();
  });

  test('listAll yields items', () => {
    expectTypeOf(client.music.listAll()).toEqualTypeOf<AsyncIterableIterator<Music>>();
    expectTypeOf(client.images.listAll()).toEqualTypeOf<AsyncIterableIterator<Image>>();
    expectTypeOf(client.speech.listAll({ page_size: 50 })).toEqualTypeOf<AsyncIterableIterator<SpeechClipListItem>>();
    expectTypeOf(client.videos.listAllCharacters).toBeFunction();
    // @ts-expect-error no pagination on accounts
    client.accounts.listAll;
  });

  test('jobs', () => {
    expectTypeOf(client.videos.waitFor('v')).resolves.toEqualTypeOf<Video>();
    expectTypeOf(client.music.waitFor('m', { intervalMs: 5000, onProgress: (s) => expectTypeOf(s).toEqualTypeOf<Music>() })).resolves.toEqualTypeOf<Music>();
    expectTypeOf(client.agent.poll('j')).toEqualTypeOf<AsyncIterableIterator<AgentJob>>();
    expectTypeOf(client.images.createAndWait({ prompt: 'p' })).resolves.toEqualTypeOf<Image[]>();
    expectTypeOf(client.music.createLegacyAndWait({ prompt: 'p', styleId: '1' })).resolves.toEqualTypeOf<Music>();
    expectTypeOf(client.agent.runAndWait({ prompt: 'p', models: ['a'] })).resolves.toEqualTypeOf<AgentJob>();
    // @ts-expect-error runAndWait forces async
    client.agent.runAndWait({ prompt: 'p', models: 'a', async: false });
    // @ts-expect-error createAndWait never streams
    client.music.createAndWait({ prompt: 'p', stream: true });
    // @ts-expect-error accounts are not jobs
    client.accounts.waitFor;
  });
});

describe('low-level calls', () => {
  test('are typed by paths', async () => {
    const { data, error } = await client.GET('/music/{musicId}', { params: { path: { musicId: 'm' } } });
    expectTypeOf(data).toEqualTypeOf<Music | undefined>();
    expectTypeOf(error).toMatchTypeOf<ErrorBody | undefined>();
    const created = await client.POST('/videos/create', { body: { prompt: 'p', model: 'T2V-2.3' } });
    expectTypeOf(created.data).toEqualTypeOf<VideoCreated | undefined>();
    // The live music create answers JSON (201) or an event stream (200, typed as its text).
    const music = await client.POST('/music/create', { body: { prompt: 'p' } });
    expectTypeOf(music.data).toEqualTypeOf<MusicCreated | string | undefined>();
    // @ts-expect-error path params are required
    client.GET('/music/{musicId}');
    // @ts-expect-error unknown path
    client.GET('/nope');
    // @ts-expect-error body is required
    client.POST('/music/create', {});
  });
});

describe('errors and jobs', () => {
  test('instanceof narrows through the brand check', () => {
    const e = {} as unknown;
    if (e instanceof RateLimitedError) expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
    if (e instanceof ApiError) {
      expectTypeOf(e.status).toEqualTypeOf<number>();
      expectTypeOf(e.body).toEqualTypeOf<ErrorBody | undefined>();
    }
    if (e instanceof JobFailedError) expectTypeOf(e.state).toEqualTypeOf<JobState | undefined>();
  });

  test('describeJob and jobKinds', () => {
    expectTypeOf(describeJob('video', { status: 2 })).toEqualTypeOf<JobState>();
    expectTypeOf(describeJob).parameter(0).toEqualTypeOf<'music' | 'video' | 'image' | 'agent' | 'speech'>();
    expectTypeOf(jobKinds.agent.intervalMs).toEqualTypeOf<10_000>();
    expectTypeOf<JobState['state']>().toEqualTypeOf<'queued' | 'running' | 'succeeded' | 'failed' | 'moderated' | 'cancelled'>();
  });

  test('parseWebhook narrows by kind', () => {
    const event: WebhookEvent = parseWebhook('{}');
    if (event.kind === 'agent') expectTypeOf(event.payload).toEqualTypeOf<AgentJob>();
    if (event.kind === 'video') expectTypeOf(event.payload.videoId).toEqualTypeOf<string | undefined>();
  });

  test('the client type', () => {
    expectTypeOf(client).toEqualTypeOf<MiniMaxClient>();
  });
});

describe('scheduler types follow the docs\' model', () => {
  test('every field is optional and `started` is a string or a number', () => {
    expectTypeOf<SchedulerEntry['started']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<{}>().toExtend<SchedulerEntry>();
    expectTypeOf<{}>().toExtend<SchedulerAvailable>();
    expectTypeOf<NonNullable<SchedulerAvailable['available']>[number]['account']>().toEqualTypeOf<string | undefined>();
  });
});

describe('one argument convention: the id first', () => {
  test('videos.cancel takes the id like get and delete', () => {
    expectTypeOf(client.videos.cancel).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.videos.get).parameter(0).toEqualTypeOf<string>();
    // @ts-expect-error the object form is gone
    void client.videos.cancel({ videoId: 'user:1-minimax:2-video:3' });
  });

  test('the lifecycle has a cancelled state', () => {
    expectTypeOf<'cancelled'>().toExtend<JobLifecycle>();
  });
});
