// scheduler family: tracked jobs, capacity, stop-tracking (and cancelling speech).
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('scheduler via %s', (t) => {
  it('tracks API-created videos, images and speech until they are final', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/scheduler' })).json).toEqual([]);
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'v', replyUrl: 'https://example.com/cb', replyRef: 'order-42' } })).json;
      h.mock.clock.advance(135_000 / 100);
      const [imageId] = (await h.call({ path: '/images/create', json: { prompt: 'i' } })).json.imageIds;
      const { audioId } = (await h.call({ path: '/speech/create', json: { text: 'hello', voice_id: '308172940561415' } })).json;
      const list = (await h.call({ path: '/scheduler/' })).json;
      expect(list).toEqual([
        { videoId, started: '2026-09-01T12:00:00.000Z', elapsed: '00:01', replyUrl: 'https://example.com/cb', replyRef: 'order-42' },
        { imageId, started: '2026-09-01T12:00:01.350Z', elapsed: '00:00' },
        { audioId, started: '2026-09-01T12:00:01.350Z', elapsed: '00:00' },
      ]);
      const available = (await h.call({ path: '/scheduler/available' })).json;
      expect(available.executing).toEqual(list);
      expect(available.available).toEqual([{ account: '987654321', maxJobs: 3, executing: 1, available: 2, executingAudio: 1 }]);
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: '/scheduler' })).json).toEqual([]);
      expect((await h.call({ path: '/scheduler/available' })).json.available[0]).toMatchObject({ executing: 0, available: 3, executingAudio: 0 });
    }));

  it('stops tracking a video (it keeps running) and answers 404 for untracked ids', () =>
    withHarness(t, {}, async (h) => {
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'v', replyUrl: 'https://example.com/cb' } })).json;
      const del = await h.call({ method: 'DELETE', path: `/scheduler/${videoId}` });
      expect(del.status).toBe(204);
      expect(del.text).toBe('');
      expect((await h.call({ path: '/scheduler' })).json).toEqual([]);
      expect((await h.call({ path: `/videos/${videoId}` })).json.statusFinal).toBe(false);
      const again = await h.call({ method: 'DELETE', path: `/scheduler/${videoId}` });
      expect(again.status).toBe(404);
      expect(again.json).toEqual({ error: `Unable to locate running ${videoId}` });
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(2);
      expect(h.mock.webhooks.deliveries.filter((d) => d.jobId === videoId).every((d) => !d.final)).toBe(true);
    }));

  it('cancels a running speech generation', () =>
    withHarness(t, {}, async (h) => {
      const { audioId } = (await h.call({ path: '/speech/create', json: { text: 'hello', voice_id: '308172940561415' } })).json;
      expect((await h.call({ method: 'DELETE', path: `/scheduler/${encodeURIComponent(audioId)}` })).status).toBe(204);
      expect((await h.call({ path: `/speech/${audioId}` })).json).toEqual({ statusLabel: 'failed', statusFinal: true, code: 499, error: 'Generation was cancelled' });
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: `/speech/${audioId}` })).json.statusLabel).toBe('failed');
      expect((await h.call({ method: 'DELETE', path: `/speech/${audioId}` })).json.error).toBe('Nothing was generated for this audioId, so there is nothing to delete');
    }));
});
