// Scenarios and faults: each one, and every way to select one (option, control call, header, query,
// prompt marker, control API, seeded chaos).
import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, SCENARIOS } from '@useapi-minimax/mock-server';
import { TRANSPORTS, openHarness, withHarness, type Harness } from './helpers.js';

const video = (h: Harness, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  h.call({ path: '/videos/create', json: { prompt: 'A corgi', ...extra }, ...(headers ? { headers } : {}) });
const prefer = (scenario: string) => ({ prefer: `scenario=${scenario}` });

describe('the scenario table', () => {
  it('describes every scenario', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...SCENARIO_NAMES].sort());
    for (const name of SCENARIO_NAMES) expect(SCENARIOS[name].summary.length).toBeGreaterThan(20);
  });
});

describe.each(TRANSPORTS)('scenarios via %s', (t) => {
  it('moderated: 422 at create, nothing created', () =>
    withHarness(t, {}, async (h) => {
      const a = await video(h, {}, prefer('moderated'));
      expect(a.status).toBe(422);
      expect(a.json).toEqual({ error: 'Moderated prompt', code: 422 });
      expect(h.mock.data.count('videos')).toBe(3);
      expect(h.mock.requests.at(-1)).toMatchObject({ operationId: 'createVideo', status: 422, scenario: 'moderated', error: 'Moderated prompt' });
    }));

  it.each([
    ['moderated-final', 5],
    ['moderated-final:7', 7],
    ['moderated-final:14', 14],
    ['failed', 3],
  ])('%s: the video ends with status %i', (scenario, status) =>
    withHarness(t, {}, async (h) => {
      const { videoId } = (await video(h, {}, prefer(scenario))).json;
      h.mock.clock.advance(h.mock.jobMs);
      const v = (await h.call({ path: `/videos/${videoId}` })).json;
      expect(v).toMatchObject({ status, statusFinal: true, statusLabel: status === 3 ? 'failed' : 'moderated' });
      expect(v.videoURL).toBeUndefined();
    }));

  it('moderated-final and failed for images, music, agent and speech', () =>
    withHarness(t, {}, async (h) => {
      const [image] = (await h.call({ path: '/images/create', json: { prompt: 'p' }, headers: prefer('moderated-final:14') })).json.imageIds;
      const { musicId } = (await h.call({ path: '/music/create', json: { prompt: 'p' }, headers: prefer('moderated-final') })).json;
      const { jobId } = (await h.call({ path: '/agent', form: { prompt: 'p', models: 'a', async: 'true' }, headers: prefer('moderated-final') })).json;
      const failedJob = (await h.call({ path: '/agent', form: { prompt: 'p', models: 'a', async: 'true' }, headers: prefer('failed') })).json.jobId;
      const { audioId } = (await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: '308172940561415' }, headers: prefer('failed') })).json;
      const failedImage = (await h.call({ path: '/images/create', json: { prompt: 'p' }, headers: prefer('failed') })).json.imageIds[0];
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/images/${image}` })).json).toMatchObject({ status: 14, statusLabel: 'moderated', statusFinal: true });
      expect((await h.call({ path: `/images/${failedImage}` })).json).toMatchObject({ status: 3, statusFinal: true });
      expect((await h.call({ path: `/music/${musicId}` })).json).toMatchObject({ status: 4, statusLabel: 'moderated', statusFinal: true });
      expect((await h.call({ path: '/music' })).json.map((s: any) => s.musicId)).not.toContain(musicId);
      expect((await h.call({ path: `/agent/${jobId}` })).json).toMatchObject({ status: 'failed', error: { status: 422 } });
      expect((await h.call({ path: `/agent/${failedJob}` })).json).toMatchObject({ status: 'failed', code: 500, error: { message: expect.any(String), status: 500 } });
      expect((await h.call({ path: `/speech/${audioId}` })).json).toMatchObject({ statusLabel: 'failed', statusFinal: true, code: 500 });
    }));

  it('moderated-after: music flips to 4 (and leaves the list), images to 5, videos are removed (404)', () =>
    withHarness(t, {}, async (h) => {
      const { musicId } = (await h.call({ path: '/music/create', json: { prompt: 'p' }, headers: prefer('moderated-after') })).json;
      const [imageId] = (await h.call({ path: '/images/create', json: { prompt: 'p' }, headers: prefer('moderated-after') })).json.imageIds;
      const { videoId } = (await video(h, {}, prefer('moderated-after'))).json;
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/music/${musicId}` })).json.status).toBe(2);
      expect((await h.call({ path: `/images/${imageId}` })).json.status).toBe(2);
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(2);
      expect((await h.call({ path: '/music' })).json.map((s: any) => s.musicId)).toContain(musicId);
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/music/${musicId}` })).json).toMatchObject({ status: 4, statusLabel: 'moderated', statusFinal: true });
      expect((await h.call({ path: '/music' })).json.map((s: any) => s.musicId)).not.toContain(musicId);
      expect((await h.call({ path: `/images/${imageId}` })).json.status).toBe(5);
      const gone = await h.call({ path: `/videos/${videoId}` });
      expect(gone.status).toBe(404);
      expect((await h.call({ path: '/videos' })).json.map((v: any) => v.videoId)).not.toContain(videoId);
    }));

  it('agent-expired: started for 15 minutes, then failed 504', () =>
    withHarness(t, {}, async (h) => {
      const { jobId } = (await h.call({ path: '/agent', form: { prompt: 'p', models: 'a', async: 'true' }, headers: prefer('agent-expired') })).json;
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/agent/${jobId}` })).json.status).toBe('started');
      h.mock.clock.advance(15 * 60_000);
      expect((await h.call({ path: `/agent/${jobId}` })).json).toMatchObject({ status: 'failed', error: { status: 504 } });
      const sync = (await h.call({ path: '/agent', form: { prompt: 'p [mock:agent-expired]', models: 'a' } })).json;
      expect(sync).toMatchObject({ status: 'failed', error: { message: 'Timeout waiting for assistant response' } });
    }));

  it.each([
    ['insufficient-credits', 412, 'Insufficient credits on account 987654321'],
    ['account-on-hold', 596, 'Account 987654321 has been placed on hold'],
    ['server-error', 500, 'Internal server error'],
    ['service-unavailable', 503, 'Service unavailable'],
  ])('%s answers %i and creates nothing', (scenario, status, error) =>
    withHarness(t, {}, async (h) => {
      const a = await video(h, {}, prefer(scenario));
      expect(a.status).toBe(status);
      expect(a.json).toEqual({ error, code: status });
      expect(h.mock.data.count('videos')).toBe(3);
    }));

  it('rate-limited: 429 with Retry-After (default, `:N`, or a `retry-after` preference)', () =>
    withHarness(t, { retryAfterSeconds: 4 }, async (h) => {
      expect((await video(h, {}, prefer('rate-limited'))).headers.get('retry-after')).toBe('4');
      expect((await video(h, {}, prefer('rate-limited:9'))).headers.get('retry-after')).toBe('9');
      const a = await video(h, {}, { prefer: 'scenario=rate-limited, retry-after=2' });
      expect(a.status).toBe(429);
      expect(a.headers.get('retry-after')).toBe('2');
      expect(h.mock.data.count('videos')).toBe(3);
    }));

  it.each([
    ['bad-gateway', 502],
    ['gateway-timeout', 504],
  ])('%s answers %i but the job WAS created (a blind resubmit duplicates it)', (scenario, status) =>
    withHarness(t, {}, async (h) => {
      const a = await video(h, { replyRef: 'order-7' }, prefer(scenario));
      expect(a.status).toBe(status);
      expect(a.json.code).toBe(status);
      const executing = (await h.call({ path: '/scheduler/available' })).json.executing;
      expect(executing).toEqual([expect.objectContaining({ replyRef: 'order-7', videoId: expect.stringContaining('-video:') })]);
      await video(h, { replyRef: 'order-7' });
      const creates = h.mock.calls('createVideo');
      expect(creates.map((c) => [c.status, c.scenario])).toEqual([[status, scenario], [200, undefined]]);
      expect((await h.call({ path: '/scheduler' })).json.filter((e: any) => e.replyRef === 'order-7')).toHaveLength(2);
    }));

  it('unauthorized answers 401 with a valid token; not-found answers the documented 404 bodies', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/accounts', headers: prefer('unauthorized') })).json).toEqual({ error: 'Unauthorized', code: 401 });
      const { videoId } = (await video(h)).json;
      expect((await h.call({ path: `/videos/${videoId}`, headers: prefer('not-found') })).json).toEqual({ error: 'Not found.', code: 404 });
      expect((await h.call({ path: '/agent/p1-u1-a1-bot:minimax', headers: prefer('not-found') })).json.error).toBe('Job not found or expired after 31 days');
      expect((await h.call({ path: '/accounts/987654321', headers: prefer('not-found') })).json.error).toBe('Configuration not found');
    }));

  it('latency delays the answer and is journaled', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/accounts', headers: prefer('latency:20') });
      expect(a.status).toBe(200);
      expect(h.mock.requests.at(-1)).toMatchObject({ status: 200, scenario: 'latency' });
    }));

  it('network-error: the request fails without an HTTP answer; nothing is created', () =>
    withHarness(t, {}, async (h) => {
      await expect(h.send({ path: '/videos/create', json: { prompt: 'x' }, headers: prefer('network-error') })).rejects.toThrow(TypeError);
      expect(h.mock.data.count('videos')).toBe(3);
      expect(h.mock.requests.at(-1)).toMatchObject({ operationId: 'createVideo', status: 0, scenario: 'network-error' });
      expect((await h.call({ path: '/accounts' })).status).toBe(200);
    }));

  it('malformed-json: the success status with a truncated body (the job was created)', () =>
    withHarness(t, {}, async (h) => {
      const res = await h.send({ path: '/videos/create', json: { prompt: 'x' }, headers: prefer('malformed-json') });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      await expect(res.json()).rejects.toThrow(SyntaxError);
      expect(h.mock.data.count('videos')).toBe(4);
    }));

  it('empty-body: the success status with an empty body', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/accounts', headers: prefer('empty-body') });
      expect(a.status).toBe(200);
      expect(a.text).toBe('');
    }));

  it('stalled-body: headers and the first bytes arrive, the body never completes', () =>
    withHarness(t, {}, async (h) => {
      const controller = new AbortController();
      const res = await h.send({ path: '/accounts', headers: prefer('stalled-body'), signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect(new TextDecoder().decode(first.value)).toMatch(/^\{/);
      // The body must never complete. A transport may hand the first bytes over in more than one piece, so a
      // further piece is allowed; what fails is the end of the body (done) before the abort. The wait can only
      // miss an end that comes late (a false pass), never fail a body that stalls, however busy the machine.
      let received = new TextDecoder().decode(first.value);
      let next = reader.read();
      for (let pieces = 0; pieces < 5; pieces++) {
        const winner = await Promise.race([next, new Promise<'still waiting'>((r) => setTimeout(r, 100, 'still waiting'))]);
        if (winner === 'still waiting') break;
        expect(winner.done).toBe(false);
        received += new TextDecoder().decode(winner.value);
        next = reader.read();
      }
      expect(() => JSON.parse(received)).toThrow();
      controller.abort();
      await expect(next).rejects.toThrow();
    }));

  it('selects by option: only where the scenario applies, and again after reset()', () =>
    withHarness(t, { scenarios: ['moderated'] }, async (h) => {
      expect((await video(h)).status).toBe(422);
      expect((await h.call({ path: '/videos' })).status).toBe(200);
      h.mock.reset();
      expect((await video(h)).status).toBe(422);
    }));

  it('selects by control call: once, set with operationId and times, clear', () =>
    withHarness(t, {}, async (h) => {
      h.mock.scenarios.once('rate-limited');
      expect((await h.call({ path: '/videos' })).status).toBe(200);
      expect((await video(h)).status).toBe(429);
      expect((await video(h)).status).toBe(200);
      h.mock.scenarios.set('service-unavailable', { operationId: 'getVideo', times: 2 });
      const { videoId } = (await video(h)).json;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await h.call({ path: `/videos/${videoId}` })).status);
      expect(statuses).toEqual([503, 503, 200]);
      h.mock.scenarios.set('moderated');
      expect(h.mock.scenarios.active()).toEqual([{ name: 'moderated', params: {} }]);
      h.mock.scenarios.clear();
      expect((await video(h)).status).toBe(200);
      expect(() => h.mock.scenarios.set('nope' as never)).toThrow(/Unknown mock scenario/);
    }));

  it('a queued outcome scenario waits for a request that creates a job, and is used once', () =>
    withHarness(t, {}, async (h) => {
      h.mock.scenarios.once('moderated-final:7');
      const bad = await video(h, { model: 'T2V-99' });
      expect(bad.status).toBe(400);
      const { videoId } = (await video(h)).json;
      const second = (await video(h)).json.videoId;
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(7);
      expect((await h.call({ path: `/videos/${second}` })).json.status).toBe(2);
    }));

  it('selects by query (`__scenario`) and by a `[mock:<name>]` marker, which beats a queued scenario', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/videos/create?__scenario=moderated', json: { prompt: 'x' } })).status).toBe(422);
      expect((await video(h, { prompt: 'A corgi [mock:insufficient-credits]' })).status).toBe(412);
      h.mock.scenarios.once('rate-limited');
      expect((await h.call({ path: '/speech/create', json: { text: 'hi [mock:account-on-hold]', voice_id: '308172940561415' } })).status).toBe(596);
      expect((await video(h)).status).toBe(429);
      const legacy = await h.call({ path: `/music/create?prompt=${encodeURIComponent('la la [mock:moderated]')}&styleId=101` });
      expect(legacy.status).toBe(422);
    }));

  it('answers 400 for an unknown scenario name', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/accounts', headers: prefer('explode') });
      expect(a.status).toBe(400);
      expect(a.json.error).toMatch(/^Unknown mock scenario "explode"/);
    }));
});

describe('seeded chaos', () => {
  it('draws the same faults for the same seed and request sequence', async () => {
    const run = async (seed: number) => {
      const h = await openHarness('handle', { seed, chaos: { rate: 0.5 }, accounts: [{ maxJobs: 10 }] });
      const out: [number, string | undefined][] = [];
      for (let i = 0; i < 20; i++) {
        const a = await h.call({ path: '/images/create', json: { prompt: `p${i}` } });
        out.push([a.status, h.mock.requests.at(-1)!.scenario]);
      }
      await h.close();
      return out;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(a.some(([s]) => s !== 200)).toBe(true);
    expect(a.some(([s]) => s === 200)).toBe(true);
    expect(await run(8)).not.toEqual(a);
  });
});
