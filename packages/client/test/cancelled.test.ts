// A cancelled job is its own final state (`cancelled`), not a plain failure; and `videos.cancel` takes the id
// first, like `get` and `delete` (issue #10, part 5).
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock } from '@useapi-minimax/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelVideo, createMiniMaxClient, createMiniMaxCore, describeJob, JobCancelledError, JobFailedError, jobErrorFor, type JobKind, type JobState } from '../src/index.js';

const VIDEO = 'user:1-minimax:2-video:3';

describe('describeJob: cancelled', () => {
  it.each<[JobKind, Record<string, unknown>, Partial<JobState>]>([
    ['video', { videoId: VIDEO, status: 3, statusLabel: 'failed', statusFinal: true, message: 'Cancelled' }, { state: 'cancelled', final: true, message: 'Cancelled' }],
    ['video', { status: 3, statusFinal: true, message: 'cancelled by user' }, { state: 'cancelled', final: true }],
    ['video', { status: 3, statusFinal: true, message: 'Generation failed' }, { state: 'failed', final: true }],
    ['video', { status: 3, statusFinal: true }, { state: 'failed', final: true }],
    // Not final: whatever the text says, the job is still running.
    ['video', { status: 1, statusFinal: false, message: 'Cancelling' }, { state: 'running', final: false }],
    ['speech', { statusLabel: 'failed', statusFinal: true, code: 499, error: 'Generation was cancelled' }, { state: 'cancelled', final: true }],
    ['speech', { statusLabel: 'failed', statusFinal: true, code: 500, error: 'Voice synthesis failed' }, { state: 'failed', final: true }],
    // Kinds that cannot be cancelled keep a plain failure.
    ['image', { status: 3, statusFinal: true, message: 'Cancelled' }, { state: 'failed', final: true }],
  ])('%s %j → %j', (kind, snapshot, expected) => {
    expect(describeJob(kind, snapshot)).toMatchObject(expected);
  });

  it('jobErrorFor gives a JobCancelledError (a JobFailedError too) that says it was cancelled', () => {
    const error = jobErrorFor('video', { videoId: VIDEO, status: 3, statusFinal: true, message: 'Cancelled' });
    expect(error).toBeInstanceOf(JobCancelledError);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error!.name).toBe('JobCancelledError');
    expect(error!.message).toMatch(/^The video job \S+ was cancelled before it finished/);
    expect(jobErrorFor('video', { status: 3, statusFinal: true })).not.toBeInstanceOf(JobCancelledError);
  });
});

describe('cancelling a video on the mock', () => {
  let mock: MiniMaxMock;
  afterEach(() => mock?.dispose());

  function setup() {
    mock = createMiniMaxMock({ jobMs: 60_000 });
    const options = { token: MOCK_TOKEN, fetch: mock.fetch, logLevel: 'silent' as const };
    return { client: createMiniMaxClient(options), core: createMiniMaxCore(options) };
  }

  it('videos.cancel(videoId) sends { videoId }; the wait then ends with JobCancelledError', async () => {
    const { client } = setup();
    const { videoId } = await client.videos.create({ prompt: 'a lighthouse at dusk' });
    await client.videos.cancel(videoId);
    const [cancel] = mock.calls('cancelVideo');
    expect(cancel!.body).toEqual({ kind: 'json', value: { videoId } });
    mock.clock.advance(1_000);
    const error = await client.videos.waitFor(videoId, { intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobCancelledError);
    expect((error as JobCancelledError).state).toMatchObject({ state: 'cancelled', final: true, id: videoId });
  });

  it('the per-operation function takes the id the same way', async () => {
    const { client, core } = setup();
    const { videoId } = await client.videos.create({ prompt: 'waves' });
    await cancelVideo(core, videoId);
    expect(mock.calls('cancelVideo').map((c) => c.body)).toEqual([{ kind: 'json', value: { videoId } }]);
    mock.clock.advance(1_000);
    expect(describeJob('video', await client.videos.get(videoId)).state).toBe('cancelled');
  });
});
