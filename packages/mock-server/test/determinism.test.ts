// Determinism: the same seed and requests give the same journal and answers; another seed other ids.
import { describe, expect, it } from 'vitest';
import { openHarness } from './helpers.js';

async function session(seed: number | string) {
  const h = await openHarness('handle', { seed });
  const bodies: unknown[] = [];
  const push = async (c: Parameters<typeof h.call>[0]) => bodies.push((await h.call(c)).json);
  await push({ path: '/accounts' });
  await push({ path: '/videos' });
  await push({ path: '/videos/create', json: { prompt: 'same', replyUrl: 'https://example.com/cb', replyRef: 'x' } });
  await push({ path: '/images/create', json: { prompt: 'same', quantity: 2 } });
  await push({ path: '/agent', form: { prompt: 'video please', models: 'a', async: 'true' } });
  h.mock.clock.advance(5_000);
  await push({ path: '/scheduler/available' });
  await push({ path: '/speech/create', json: { text: 'hi', voice_id: '308172940561415' } });
  h.mock.clock.advance(5_000);
  await push({ path: '/images' });
  await push({ path: '/llm', form: { prompt: 'hi' } });
  const result = { bodies, journal: h.mock.requests, webhooks: h.mock.webhooks.deliveries };
  await h.close();
  return result;
}

describe('determinism', () => {
  it('same seed → same journal, answers and webhooks', async () => {
    const a = await session(42);
    const b = await session(42);
    expect(b.journal).toEqual(a.journal);
    expect(b.bodies).toEqual(a.bodies);
    expect(b.webhooks).toEqual(a.webhooks);
    expect(a.journal.map((e) => e.operationId)).toEqual([
      'listAccounts', 'listVideos', 'createVideo', 'createImages', 'runAgent', 'getSchedulerAvailable', 'createSpeech', 'listImages', 'sendLlmMessage',
    ]);
  });

  it('another seed → other ids and sample data', async () => {
    const a = await session(42);
    const c = await session('another seed');
    expect(JSON.stringify(c.bodies[1])).not.toEqual(JSON.stringify(a.bodies[1]));
    expect((c.bodies[2] as { videoId: string }).videoId).not.toEqual((a.bodies[2] as { videoId: string }).videoId);
  });

  it('reset() replays the seed', async () => {
    const h = await openHarness('handle', { seed: 9 });
    const first = (await h.call({ path: '/videos/create', json: { prompt: 'p' } })).json.videoId;
    h.mock.reset();
    expect(h.mock.requests).toEqual([]);
    expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).json.videoId).toBe(first);
    h.mock.reset({ seed: 10 });
    expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).json.videoId).not.toBe(first);
    await h.close();
  });
});
