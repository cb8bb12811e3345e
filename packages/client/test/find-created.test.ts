// findCreated: the lookup of a create whose answer was lost. Running jobs by replyRef (GET /scheduler, agent jobs
// through GET /agent/jobs), then the resource's list by prompt within a time window; `certain` only when every
// place the job would show was read. Nothing is ever created by a lookup.
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMiniMaxClient, findCreated, OutcomeUnknownError, ValidationError, type CreatedTarget } from '../src/index.js';
import { fakeFetch, json, route, testClient } from './helpers.js';

const SENT = Date.parse('2026-09-01T12:00:00Z');
const MIN = 60_000;
const video = (n: number, desc: string) => ({ videoId: `user:1-minimax:2-video:${n}`, desc, status: 2 });
const image = (n: number, desc: string, createTime: number) => ({ imageId: `user:1-minimax:2-image:${n}`, desc, createTime, status: 2 });

/** A fake API answering by `METHOD path` (query ignored), recording every request. */
function api(routes: Record<string, unknown | ((request: Request) => unknown)>) {
  const fake = fakeFetch();
  fake.fetch = async (input, init) => {
    const request = typeof input === 'string' ? new Request(input, init) : input;
    fake.requests.push(request);
    const key = `${request.method} ${route(request).split('?')[0]}`;
    const answer = routes[key];
    if (answer === undefined) return json(404, { error: `no route ${key}` });
    return json(200, typeof answer === 'function' ? (answer as (r: Request) => unknown)(request) : answer);
  };
  return fake;
}
const sent = (fake: ReturnType<typeof fakeFetch>) => fake.requests.map((r) => `${r.method} ${route(r)}`);
const target = (over: Partial<CreatedTarget> = {}): CreatedTarget => ({ operation: 'createVideo', replyRef: 'ref-1', input: { prompt: 'a corgi surfing' }, sentAt: SENT, account: '987654321', ...over });
const later = { settleMs: 0 };

describe('findCreated (fake API)', () => {
  it('finds a running job in GET /scheduler by replyRef', async () => {
    const fake = api({ 'GET /scheduler': [{ videoId: 'v:other', replyRef: 'ref-0' }, { videoId: 'user:1-minimax:2-video:9', replyRef: 'ref-1', started: 'x' }] });
    expect(await testClient(fake).findCreated(target())).toEqual({ found: true, kind: 'video', ids: ['user:1-minimax:2-video:9'], via: 'scheduler', match: 'replyRef' });
    expect(sent(fake)).toEqual(['GET /scheduler']);
  });

  it('then finds a finished job in the list by prompt, within the window only', async () => {
    const fake = api({
      'GET /scheduler': [],
      'GET /images': { images: [image(3, 'a corgi surfing', SENT + 4000), image(2, 'a cat', SENT - MIN), image(1, 'a corgi surfing', SENT - 60 * MIN)] },
    });
    expect(await testClient(fake).findCreated(target({ operation: 'createImages' }))).toEqual({ found: true, kind: 'image', ids: ['user:1-minimax:2-image:3'], via: 'list', match: 'prompt' });
    expect(sent(fake)).toEqual(['GET /scheduler', 'GET /images?account=987654321']);
  });

  it('a certain "not found": scheduler and the list back past the window, after the settle time', async () => {
    const fake = api({ 'GET /scheduler': [], 'GET /images': { images: [image(2, 'a cat', SENT - MIN), image(1, 'a corgi surfing', SENT - 60 * MIN)] } });
    const lookup = await testClient(fake).findCreated(target({ operation: 'createImages' }), later);
    expect(lookup).toEqual({ found: false, certain: true, reason: expect.stringMatching(/creating again is safe/) });
  });

  it('videos carry no creation time: the first page is matched, and "not found" is certain only at the end of the list', async () => {
    const fake = api({ 'GET /scheduler': [], 'GET /videos': (r: Request) => (new URL(r.url).searchParams.get('lastVideoId') ? [] : [video(2, 'a corgi surfing'), video(1, 'a cat')]) });
    expect(await testClient(fake).findCreated(target())).toMatchObject({ found: true, ids: ['user:1-minimax:2-video:2'], match: 'prompt' });
    const none = api({ 'GET /scheduler': [], 'GET /videos': (r: Request) => (new URL(r.url).searchParams.get('lastVideoId') ? [] : [video(1, 'a cat')]) });
    expect(await testClient(none).findCreated(target(), later)).toMatchObject({ found: false, certain: true });
    expect(sent(none)).toEqual(['GET /scheduler', 'GET /videos?account=987654321', 'GET /videos?account=987654321&lastVideoId=user%3A1-minimax%3A2-video%3A1']);
  });

  it('is never certain right after sending: a job answered 502/504 may still be queueing', async () => {
    const fake = api({ 'GET /scheduler': [], 'GET /images': { images: [image(1, 'old', SENT - 60 * MIN)] } });
    const lookup = await testClient(fake).findCreated(target({ operation: 'createImages', sentAt: Date.now() - 1000 }));
    expect(lookup).toMatchObject({ found: false, certain: false, reason: expect.stringMatching(/may still be queueing: look again after/) });
  });

  it.each([
    ['no replyRef was sent', { replyRef: undefined }, /no replyRef was sent/],
    ['no prompt to match', { input: {} }, /has no prompt to look for in listImages/],
    ['no sentAt', { sentAt: undefined }, /sentAt is unknown/],
  ])('not certain when %s', async (_what, over, reason) => {
    const fake = api({ 'GET /scheduler': [], 'GET /images': { images: [image(1, 'old', SENT - 60 * MIN)] } });
    expect(await testClient(fake).findCreated(target({ operation: 'createImages', ...over }), later)).toMatchObject({ found: false, certain: false, reason: expect.stringMatching(reason) });
  });

  it('pages through the list until the window is covered; an endless list is not certain', async () => {
    const pages = (request: Request) => {
      const last = new URL(request.url).searchParams.get('lastImageId');
      const n = last ? Number(last.split(':').pop()) : 100;
      return { images: [image(n - 1, 'x', SENT - (100 - n + 1) * 1000), image(n - 2, 'x', SENT - (100 - n + 2) * 1000)] };
    };
    const fake = api({ 'GET /scheduler': [], 'GET /images': pages });
    const lookup = await testClient(fake).findCreated(target({ operation: 'createImages' }), { ...later, windowMs: 5000 });
    expect(lookup).toMatchObject({ found: false, certain: true });
    expect(sent(fake).filter((r) => r.startsWith('GET /images'))).toHaveLength(3);
    const endless = api({ 'GET /scheduler': [], 'GET /images': pages });
    expect(await testClient(endless).findCreated(target({ operation: 'createImages' }), { ...later, windowMs: 60 * MIN })).toMatchObject({ found: false, certain: false, reason: expect.stringMatching(/not read back to the start of the window \(10 pages\)/) });
  });

  it('without an account, reads the list of every configured account', async () => {
    const fake = api({
      'GET /scheduler': [],
      'GET /accounts': { '111': { account: '111' }, '222': { account: '222' } },
      'GET /images': (r: Request) => ({ images: new URL(r.url).searchParams.get('account') === '222' ? [image(5, 'a corgi surfing', SENT + 1000)] : [] }),
    });
    expect(await testClient(fake).findCreated(target({ operation: 'createImages', account: undefined }))).toMatchObject({ found: true, ids: ['user:1-minimax:2-image:5'], via: 'list' });
    expect(sent(fake)).toEqual(['GET /scheduler', 'GET /accounts', 'GET /images?account=111', 'GET /images?account=222']);
  });

  it('matches a speech clip by its text, which the list truncates with …', async () => {
    const fake = api({
      'GET /scheduler': [],
      'GET /speech': { audio_list: [{ audio_id: 'a:7', audio_title: '{happy}Welcome back!{/happy} Today we…', update_time: SENT + 3000 }], has_more: false },
    });
    const lookup = await testClient(fake).findCreated(target({ operation: 'createSpeech', input: { text: '{happy}Welcome back!{/happy} Today we look at the SDK.' } }));
    expect(lookup).toEqual({ found: true, kind: 'speech', ids: ['a:7'], via: 'list', match: 'prompt' });
  });

  it('songs are never certain (not in the scheduler; the list hides moderated songs)', async () => {
    const fake = api({ 'GET /music': [] });
    const lookup = await testClient(fake).findCreated(target({ operation: 'createMusic', input: { prompt: 'p', title: 'Open Road' } }), later);
    expect(lookup).toMatchObject({ found: false, certain: false, reason: expect.stringMatching(/not in GET \/scheduler.*moderated songs/) });
    expect(sent(fake)).toEqual(['GET /music?account=987654321']);
  });

  it('agent jobs: each running job\'s GET is matched by request.replyRef; a finished one cannot be, so never certain', async () => {
    const fake = api({
      'GET /agent/jobs': { accounts: ['2'], summary: {}, executing: { '2': [{ jobId: 'p1-u1-a2-bot:minimax' }, { jobId: 'p2-u1-a2-bot:minimax' }] } },
      'GET /agent/p1-u1-a2-bot:minimax': { jobId: 'p1-u1-a2-bot:minimax', status: 'started', request: { prompt: 'x', models: [], replyRef: 'ref-0' } },
      'GET /agent/p2-u1-a2-bot:minimax': { jobId: 'p2-u1-a2-bot:minimax', status: 'started', request: { prompt: 'x', models: [], replyRef: 'ref-1' } },
    });
    expect(await testClient(fake).findCreated(target({ operation: 'runAgent' }))).toEqual({ found: true, kind: 'agent', ids: ['p2-u1-a2-bot:minimax'], via: 'list', match: 'replyRef' });
    const none = api({ 'GET /agent/jobs': { accounts: [], summary: {}, executing: {} } });
    expect(await testClient(none).findCreated(target({ operation: 'runAgent' }), later)).toMatchObject({ found: false, certain: false, reason: expect.stringMatching(/leave \/agent\/jobs when they end/) });
  });

  it('refuses an operation that starts no job', async () => {
    await expect(testClient(fakeFetch()).findCreated({ operation: 'listMusic' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('never sends anything but reads', async () => {
    const fake = api({ 'GET /scheduler': [], 'GET /accounts': { '1': {} }, 'GET /images': { images: [] } });
    await testClient(fake).findCreated(target({ operation: 'createImages', account: undefined }), later);
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

describe('findCreated against the mock (502/504 after the job was created)', () => {
  let mock: MiniMaxMock;
  afterEach(() => mock?.dispose());
  // Cold start (the mock compiles its validators on first use) outside the tests' budgets.
  beforeAll(async () => {
    const warm = createMiniMaxMock();
    await warm.handle(new Request('https://api.useapi.net/v1/minimax/videos', { headers: { Authorization: `Bearer ${MOCK_TOKEN}` } }));
    warm.dispose();
  }, 60_000);
  const setup = () => {
    mock = createMiniMaxMock({ jobMs: 10_000 });
    return createMiniMaxClient({ token: MOCK_TOKEN, fetch: mock.fetch, logLevel: 'silent' });
  };

  it('a video answered 502 and already finished is found in the list by its prompt', async () => {
    const client = setup();
    mock.scenarios.once('bad-gateway', { operationId: 'createVideo' });
    const error = (await client.videos.create({ prompt: 'a corgi surfing at dawn' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    mock.clock.advance(60_000); // finished: no longer in GET /scheduler
    const lookup = await findCreated(client, error);
    expect(lookup).toMatchObject({ found: true, kind: 'video', via: 'list', match: 'prompt' });
    const [id] = (lookup as { ids: string[] }).ids;
    expect((await client.videos.get(id!)).desc).toBe('a corgi surfing at dawn');
    expect(mock.calls('createVideo')).toHaveLength(1);
  });

  it('a create that never reached the API (a ledger entry): a certain "not found", so creating again is safe', async () => {
    const client = setup();
    await client.videos.create({ prompt: 'an older video', replyRef: 'older' });
    mock.clock.advance(20 * 60_000);
    const sentAt = mock.clock.now();
    const lookup = await findCreated(client, { operation: 'createVideo', replyRef: 'never-sent', input: { prompt: 'never created' }, sentAt }, { settleMs: 0 });
    expect(lookup).toMatchObject({ found: false, certain: true });
    expect(mock.calls('createVideo')).toHaveLength(1);
  });
});
