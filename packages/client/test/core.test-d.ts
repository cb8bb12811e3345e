// Type tests of the tree-shakable form: the per-operation functions, the core, views and the lookup.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createMiniMaxClient,
  createMiniMaxCore,
  createMusic,
  findCreated,
  getMusic,
  pollJob,
  uploadFile,
  waitForJob,
  type CreatedLookup,
  type EventStream,
  type MiniMaxClient,
  type MiniMaxCore,
  type Music,
  type MusicCreated,
  type OutcomeUnknownError,
  type RequestOptions,
  type UploadedFile,
  type Video,
  type WaitOptions,
} from '../src/index.js';

const core = createMiniMaxCore({ token: 'user:1-x' });
const client = createMiniMaxClient({ token: 'user:1-x' });

describe('per-operation functions', () => {
  test('take the core first, then what the resource method takes', () => {
    expectTypeOf(getMusic).parameters.toEqualTypeOf<[core: MiniMaxCore, musicId: string, options?: RequestOptions]>();
    expectTypeOf(getMusic(core, 'm')).resolves.toEqualTypeOf<Music>();
    expectTypeOf(uploadFile(core, new Blob([]), { contentType: 'image/png' })).resolves.toEqualTypeOf<UploadedFile>();
    // @ts-expect-error the id is required
    getMusic(core);
    // @ts-expect-error prompt is required
    createMusic(core, {});
  });

  test('json-or-stream operations narrow on `stream`', () => {
    expectTypeOf(createMusic(core, { prompt: 'p' })).resolves.toEqualTypeOf<MusicCreated>();
    expectTypeOf(createMusic(core, { prompt: 'p', stream: true })).resolves.toEqualTypeOf<EventStream<Music>>();
  });

  test('a client is accepted wherever a core is; views keep their kind', () => {
    expectTypeOf(client).toMatchTypeOf<MiniMaxCore>();
    expectTypeOf(getMusic(client, 'm')).resolves.toEqualTypeOf<Music>();
    expectTypeOf(client.withOptions({ account: '1' })).toEqualTypeOf<MiniMaxClient>();
    expectTypeOf(core.withOptions({ account: '1' })).toEqualTypeOf<MiniMaxCore>();
    expectTypeOf(client.withOptions({ account: '1' }).music.get('m')).resolves.toEqualTypeOf<Music>();
  });
});

describe('jobs over a core', () => {
  test('waitForJob / pollJob are typed by kind; deadlineMs is the whole wait, timeoutMs one request', () => {
    expectTypeOf(waitForJob(core, 'video', 'v')).resolves.toEqualTypeOf<Video>();
    expectTypeOf(pollJob(core, 'music', 'm')).toEqualTypeOf<AsyncIterableIterator<Music>>();
    expectTypeOf<WaitOptions>().toHaveProperty('deadlineMs').toEqualTypeOf<number | undefined>();
    expectTypeOf<WaitOptions>().toHaveProperty('timeoutMs').toEqualTypeOf<number | undefined>();
    client.videos.createAndWait({ prompt: 'p' }, { deadlineMs: 60_000, timeoutMs: 10_000, maxRetries: 1, headers: { 'X-Trace': 't' } });
  });

  test('findCreated takes the error or the facts; the lookup narrows on found', async () => {
    const error = {} as OutcomeUnknownError;
    expectTypeOf(findCreated(core, error)).resolves.toEqualTypeOf<CreatedLookup>();
    expectTypeOf(client.findCreated({ operation: 'createVideo', replyRef: 'r' })).resolves.toEqualTypeOf<CreatedLookup>();
    const lookup = await findCreated(core, error);
    if (lookup.found) expectTypeOf(lookup.ids).toEqualTypeOf<string[]>();
    else expectTypeOf(lookup.certain).toEqualTypeOf<boolean>();
    expectTypeOf(error.cause).toMatchTypeOf<Error>();
  });
});
