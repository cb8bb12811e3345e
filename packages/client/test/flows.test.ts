// Flows against the mock server (@useapi-minimax/mock-server): its engine is the client's `fetch`, on a manual
// clock that the client's own request hook moves forward, so no test waits on real time.
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';
import { setupMiniMaxServer } from '@useapi-minimax/mock-server/msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMiniMaxClient,
  describeJob,
  InsufficientCreditsError,
  JobFailedError,
  JobModeratedError,
  OutcomeUnknownError,
  UpstreamBusyError,
  findCreated,
  type ClientOptions,
  type JobState,
} from '../src/index.js';

let mock: MiniMaxMock;
afterEach(() => mock?.dispose());

/** A client on the mock; every GET of a job moves the mock's clock by `stepMs` (virtual time). */
function setup(options: Parameters<typeof createMiniMaxMock>[0] = {}, stepMs = 2_500, client: ClientOptions = {}) {
  mock = createMiniMaxMock({ jobMs: 10_000, ...options });
  return createMiniMaxClient({
    token: MOCK_TOKEN,
    fetch: mock.fetch,
    logLevel: 'silent',
    hooks: {
      onRequest: (e) => {
        if (e.method === 'GET' && /\{(musicId|videoId|imageId|jobId|audio_id)\}/.test(e.path)) mock.clock.advance(stepMs);
      },
    },
    ...client,
  });
}

describe('flows against the mock', () => {
  it('create a song, then waitFor it', async () => {
    const client = setup();
    const { musicId } = await client.music.create({ prompt: 'Upbeat synth-pop about a road trip', title: 'Open Road' });
    expect(musicId).toMatch(/^user:12345-minimax:\d+-music:\d+$/);
    const states: JobState[] = [];
    const song = await client.music.waitFor(musicId, { intervalMs: 1, onProgress: (_, st) => states.push(st) });
    expect(describeJob('music', song)).toMatchObject({ state: 'succeeded', final: true, id: musicId });
    expect(song.audioURL).toBeTruthy();
    expect(states.at(-1)!.final).toBe(true);
    expect(states.slice(0, -1).every((s) => !s.final)).toBe(true);
    expect(new Set(states.map((s) => JSON.stringify(s))).size).toBe(states.length); // distinct snapshots only
    expect(mock.calls('createMusic')).toHaveLength(1);
    expect(mock.driftErrors).toEqual([]);
  });

  it('music.createAndWait and the legacy create both end on GET /music/{musicId}', async () => {
    const client = setup();
    const song = await client.music.createAndWait({ prompt: 'a lullaby' }, { intervalMs: 1 });
    expect(song.status).toBe(2);
    expect(mock.calls('getMusic').length).toBeGreaterThan(0);
  });

  it('run the agent asynchronously and poll the job', async () => {
    const client = setup();
    const job = await client.agent.run({
      prompt: 'Generate a video of a cat playing piano',
      models: ['hailuo-2.3'],
      files: [new File([new Uint8Array([137, 80, 78, 71])], 'cat.png', { type: 'image/png' })],
      async: true,
    });
    expect(job.status).toBe('started');
    const seen: string[] = [];
    for await (const snapshot of client.agent.poll(job.jobId, { intervalMs: 1 })) seen.push(snapshot.status);
    expect(seen[0]).toBe('started');
    expect(seen.at(-1)).toBe('completed');
    expect(new Set(seen).size).toBe(seen.length);
    const [run] = mock.calls('runAgent');
    expect(run).toBeDefined();
    expect(mock.driftErrors).toEqual([]);
  });

  it('listAll over music walks every page with the cursor', async () => {
    const client = setup({ sampleData: false });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await client.music.create({ prompt: `song ${i}` })).musicId);
    mock.clock.advance(60_000);
    const listed: string[] = [];
    for await (const song of client.music.listAll({ limit: 2 })) listed.push(song.musicId!);
    expect(listed.sort()).toEqual([...ids].sort());
    const pages = mock.calls('listMusic');
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('a video create answered 504 (but created) is not retried: one job, one create', async () => {
    const client = setup();
    mock.scenarios.once('gateway-timeout', { operationId: 'createVideo' });
    const error = (await client.videos.create({ prompt: 'a corgi surfing', replyRef: 'order-42' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(UpstreamBusyError);
    expect(error.message).toMatch(/^The video job may have been created \(and charged\): do not resubmit blindly/);
    expect(mock.calls('createVideo')).toHaveLength(1);
    // The job exists: findCreated finds it by replyRef in GET /scheduler, and creates nothing.
    const found = await client.findCreated(error);
    expect(found).toEqual({ found: true, kind: 'video', ids: [expect.stringMatching(/-video:/)], via: 'scheduler', match: 'replyRef' });
    expect(mock.calls('createVideo')).toHaveLength(1);
    const video = await client.videos.get((found as { ids: string[] }).ids[0]!);
    expect(video.desc).toBe('a corgi surfing');
  });

  it('a create answered 502 without a replyRef of the caller gets a generated one, and is found by it', async () => {
    const client = setup();
    mock.scenarios.once('bad-gateway', { operationId: 'createImages' });
    const error = (await client.images.create({ prompt: 'a lighthouse' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.replyRef).toMatch(/^useapi-minimax:[0-9a-f-]{36}$/);
    expect(error).toMatchObject({ operation: 'createImages', kind: 'image', input: { prompt: 'a lighthouse', replyRef: error.replyRef } });
    const found = await findCreated(client, error);
    expect(found).toMatchObject({ found: true, kind: 'image', via: 'scheduler', match: 'replyRef' });
  });

  it('moderation and failure end waits with the typed job errors', async () => {
    const client = setup();
    mock.scenarios.set('moderated-final', { operationId: 'createVideo' });
    const { videoId } = await client.videos.create({ prompt: 'x' });
    await expect(client.videos.waitFor(videoId, { intervalMs: 1 })).rejects.toBeInstanceOf(JobModeratedError);
    mock.scenarios.set('failed', { operationId: 'createImages' });
    await expect(client.images.createAndWait({ prompt: 'a fox' }, { intervalMs: 1 })).rejects.toBeInstanceOf(JobFailedError);
  });

  it('412 is never retried', async () => {
    const client = setup();
    mock.scenarios.set('insufficient-credits');
    await expect(client.music.create({ prompt: 'x' })).rejects.toBeInstanceOf(InsufficientCreditsError);
    expect(mock.calls('createMusic')).toHaveLength(1);
  });

  it('works through the MSW adapter (global fetch patched after the client was made)', async () => {
    const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent' });
    const server = setupMiniMaxServer();
    mock = server.mock;
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const accounts = await client.accounts.list();
      expect(Object.keys(accounts)).toEqual(mock.accounts);
      const video = await client.videos.create({ prompt: 'a corgi' });
      expect(video.videoId).toContain('-video:');
      const got = await client.videos.get(video.videoId);
      expect(got.videoId).toBe(video.videoId);
    } finally {
      server.close();
    }
  });
});
