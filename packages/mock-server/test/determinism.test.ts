// Determinism: the same seed and requests give the same journal and answers; another seed other ids.
import { describe, expect, it } from 'vitest';
import { openHarness } from './helpers.js';
import { Random } from '../src/engine/random.js';
import { makeAgentJobId, makeId } from '../src/engine/ids.js';

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

describe('ids', () => {
  it('a seed gives the same digits, hex, uuids and ids as it always has (they are built in one piece now)', () => {
    const r = new Random(42);
    const digits = [18, 1, 0, 5, 18, 13, 19].map((n) => r.digits(n));
    expect(digits).toEqual(['648615268428731566', '1', '5', '80502', '117501848340055262', '3785222066690', '9491103468079271581']);
    expect([r.hex(6), r.uuid()]).toEqual(['f9e695', '95b47dbf-e684-4b5c-a17d-2f2bb362a53a']);
    expect(makeId('12345', '987654321', 'audio', digits[0]!)).toBe('user:12345-minimax:987654321-audio:648615268428731566');
    expect(makeAgentJobId('12345', '987654321', digits[4]!)).toBe('p117501848340055262-u12345-a987654321-bot:minimax');
  });
});
