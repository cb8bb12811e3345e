// "Outcome unknown → look it up", as the real API allows it: a create answered 502/504 (or whose connection
// dropped) may have created the paid job. `replyRef` is kept where the API keeps it (GET /scheduler and the
// `executing` entries of GET /scheduler/available while videos, images and speech run; the agent job's
// `request.replyRef`), so a lookup finds the job; the `-not-created` scenarios prove the other case.
import { describe, expect, it } from 'vitest';
import type { MockCollection } from '@useapi-minimax/mock-server';
import { TRANSPORTS, withHarness, type Call, type Harness } from './helpers.js';

const VOICE = '308172940561415';

/** Each create that takes `replyRef`, and how a lookup finds the job by it while it runs. */
const CREATES: { op: string; collection: MockCollection; call: (ref: string) => Call; find: (h: Harness, ref: string) => Promise<string | undefined> }[] = [
  { op: 'createVideo', collection: 'videos', call: (ref) => ({ path: '/videos/create', json: { prompt: 'p', replyRef: ref } }), find: (h, ref) => inScheduler(h, ref, 'videoId') },
  { op: 'createImages', collection: 'images', call: (ref) => ({ path: '/images/create', json: { prompt: 'p', replyRef: ref } }), find: (h, ref) => inScheduler(h, ref, 'imageId') },
  { op: 'createSpeech', collection: 'speech', call: (ref) => ({ path: '/speech/create', json: { text: 'hello', voice_id: VOICE, replyRef: ref } }), find: (h, ref) => inScheduler(h, ref, 'audioId') },
  // The agent-create stream answered 502 is not held, so its video runs its normal course (and is tracked meanwhile).
  { op: 'createAgentVideo', collection: 'videos', call: (ref) => ({ path: '/videos/agent-create', json: { templateId: '', prompt: 'p', replyRef: ref } }), find: (h, ref) => inScheduler(h, ref, 'videoId') },
  { op: 'runAgent', collection: 'agent', call: (ref) => ({ path: '/agent', form: { prompt: 'p', models: 'hailuo-2.3', async: 'true', replyRef: ref } }), find: inAgentJobs },
];

async function inScheduler(h: Harness, ref: string, key: 'videoId' | 'imageId' | 'audioId'): Promise<string | undefined> {
  const list = (await h.call({ path: '/scheduler' })).json as Record<string, string>[];
  const { executing } = (await h.call({ path: '/scheduler/available' })).json as { executing: Record<string, string>[] };
  expect(executing).toEqual(list);
  return list.find((e) => e.replyRef === ref)?.[key];
}

/** GET /agent/jobs lists the running jobs; each one's `request.replyRef` says whose it is. */
async function inAgentJobs(h: Harness, ref: string): Promise<string | undefined> {
  const { executing } = (await h.call({ path: '/agent/jobs' })).json as { executing: Record<string, { jobId: string }[]> };
  for (const jobs of Object.values(executing)) {
    for (const { jobId } of jobs) if ((await h.call({ path: `/agent/${jobId}` })).json.request?.replyRef === ref) return jobId;
  }
  return undefined;
}

async function withTemplate(h: Harness, c: Call): Promise<Call> {
  if (c.path !== '/videos/agent-create') return c;
  const { videoList } = (await h.call({ path: '/videos/agent-templates' })).json;
  const text = videoList.find((t: any) => t.videoAsset.tags.every((tag: any) => tag.tagText === 'Text'));
  return { ...c, json: { ...(c.json as object), templateId: text.id } };
}

describe.each(TRANSPORTS)('reconciliation via %s', (t) => {
  describe.each(CREATES)('$op', ({ op, collection, call, find }) => {
    it.each(['bad-gateway', 'gateway-timeout', 'connection-lost'])('%s: the job exists and the lookup by replyRef finds it', (scenario) =>
      withHarness(t, {}, async (h) => {
        h.mock.scenarios.once(scenario as never, { operationId: op as never });
        const c = await withTemplate(h, call(`ref-${scenario}`));
        if (scenario === 'connection-lost') {
          await expect(h.send(c)).rejects.toThrow(TypeError);
        } else {
          const a = await h.call(c);
          expect(a.status).toBe(scenario === 'bad-gateway' ? 502 : 504);
        }
        expect(h.mock.calls(op as never).at(-1)).toMatchObject({ scenario, status: scenario === 'connection-lost' ? 0 : scenario === 'bad-gateway' ? 502 : 504 });
        const id = await find(h, `ref-${scenario}`);
        expect(id).toBeTruthy();
        expect(await find(h, 'someone-else')).toBeUndefined();
      }));

    it.each([['bad-gateway-not-created', 502], ['gateway-timeout-not-created', 504]] as const)('%s: %i and nothing to find (a resubmit is safe)', (scenario, status) =>
      withHarness(t, {}, async (h) => {
        h.mock.scenarios.once(scenario, { operationId: op as never });
        const c = await withTemplate(h, call(`ref-${scenario}`));
        const before = h.mock.data.count(collection);
        expect((await h.call(c)).status).toBe(status);
        expect(await find(h, `ref-${scenario}`)).toBeUndefined();
        expect(h.mock.data.count(collection)).toBe(before);
        expect((await h.call(c)).status).toBeLessThan(300); // the resubmit creates it, once
        expect(h.mock.data.count(collection)).toBe(before + 1);
      }));
  });

  it('music: a 502 that created the song leaves it in GET /music (the list, newest first, is where to look)', () =>
    withHarness(t, {}, async (h) => {
      const before = (await h.call({ path: '/music' })).json.length;
      const a = await h.call({ path: '/music/create', json: { prompt: 'a lullaby', replyRef: 'song-1' }, headers: { prefer: 'scenario=bad-gateway' } });
      expect(a.status).toBe(502);
      const list = (await h.call({ path: '/music' })).json;
      expect(list).toHaveLength(before + 1);
      expect(list[0]).toMatchObject({ createTime: h.mock.clock.now(), statusFinal: false });
    }));

  it('the replyRef stays on the agent job after it ends (request.replyRef), and leaves the scheduler with the job', () =>
    withHarness(t, {}, async (h) => {
      const { jobId } = (await h.call({ path: '/agent', form: { prompt: 'p', models: 'x', async: 'true', replyRef: 'agent-1' } })).json;
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'p', replyRef: 'video-1' } })).json;
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/agent/${jobId}` })).json).toMatchObject({ status: 'completed', request: { replyRef: 'agent-1' } });
      expect((await h.call({ path: '/scheduler' })).json).toEqual([]);
      expect((await h.call({ path: `/videos/${videoId}` })).json.statusFinal).toBe(true);
    }));
});
