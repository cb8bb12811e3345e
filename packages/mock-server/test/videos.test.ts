// videos family: lifecycle, capacity and load balancing, per-model rules, cancel, lists, agent templates.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, sseEvents, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('videos via %s', (t) => {
  it('moves through pending → queued → processing → completed on the clock', () =>
    withHarness(t, { jobMs: 10_000 }, async (h) => {
      const { json } = await h.call({ path: '/videos/create', json: { prompt: 'A corgi', model: 'T2V-2.3', options: '1080p-6sec' } });
      expect(json.videoId).toMatch(/^user:12345-minimax:987654321-video:\d{18}$/);
      const seen: [number, string, boolean, number][] = [];
      for (const step of [0, 1_000, 2_000, 3_000, 3_000, 1_000]) {
        h.mock.clock.advance(step);
        const v = (await h.call({ path: `/videos/${json.videoId}` })).json;
        seen.push([v.status, v.statusLabel, v.statusFinal, v.percent]);
      }
      expect(seen).toEqual([
        [0, 'pending', false, 0],
        [11, 'queued', false, 0],
        [1, 'processing', false, 6],
        [1, 'processing', false, 46],
        [1, 'processing', false, 86],
        [2, 'completed', true, 100],
      ]);
      const done = (await h.call({ path: `/videos/${json.videoId}` })).json;
      expect(done).toMatchObject({ width: 1920, height: 1080, canRetry: true });
      expect(done.videoURL).toMatch(/\.mp4$/);
      expect(done.downloadURL).toMatch(/-nowm\.mp4$/);
    }));

  it('accepts percent-encoded ids and trailing slashes', () =>
    withHarness(t, {}, async (h) => {
      const { json } = await h.call({ path: '/videos/create', json: { prompt: 'x' } });
      expect((await h.call({ path: `/videos/${encodeURIComponent(json.videoId)}` })).json.videoId).toBe(json.videoId);
      expect((await h.call({ path: `/videos/${json.videoId}/` })).status).toBe(200);
      expect((await h.call({ path: '/videos/?limit=1' })).json).toHaveLength(1);
    }));

  it('answers 429 with Retry-After when maxJobs slots are busy, and frees them when videos finish', () =>
    withHarness(t, { accounts: [{ maxJobs: 1 }], retryAfterSeconds: 7 }, async (h) => {
      expect((await h.call({ path: '/videos/create', json: { prompt: 'one' } })).status).toBe(200);
      const busy = await h.call({ path: '/videos/create', json: { prompt: 'two' } });
      expect(busy.status).toBe(429);
      expect(busy.headers.get('retry-after')).toBe('7');
      expect(busy.json.code).toBe(429);
      expect((await h.call({ path: '/videos/create', json: { prompt: 'two', maxJobs: 2 } })).status).toBe(200);
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: '/videos/create', json: { prompt: 'three' } })).status).toBe(200);
      expect((await h.call({ path: '/scheduler/available' })).json.available).toEqual([]); // full: not offered
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: '/scheduler/available' })).json.available).toEqual([{ account: '987654321', maxJobs: 1, executing: 0, available: 1, executingAudio: 0 }]);
    }));

  it('load-balances across accounts without `account`, skipping accounts in error, and 429 when all are busy', () =>
    withHarness(t, { accounts: [{ account: '1', maxJobs: 1 }, { account: '2', maxJobs: 1, error: 'Session expired' }, { account: '3', maxJobs: 1 }] }, async (h) => {
      const a = (await h.call({ path: '/videos/create', json: { prompt: 'a' } })).json.videoId as string;
      const b = (await h.call({ path: '/videos/create', json: { prompt: 'b' } })).json.videoId as string;
      expect([a.split('-')[1], b.split('-')[1]].sort()).toEqual(['minimax:1', 'minimax:3']);
      const c = await h.call({ path: '/videos/create', json: { prompt: 'c' } });
      expect(c.status).toBe(429);
      expect(c.json.error).toBe('All configured accounts are busy, try again later');
      const explicit = await h.call({ path: '/videos/create', json: { prompt: 'c', account: '1' } });
      expect(explicit.status).toBe(429);
    }));

  it.each([
    [{ prompt: 'x'.repeat(2001), model: 'T2V-2.3' }, /^Parameter prompt is too long for T2V-2.3/],
    [{ prompt: 'x'.repeat(7501), model: 'Seedance-2.0' }, /^Parameter prompt is too long \(at most 7500/],
    [{ model: 'T2V-2.3' }, /^Parameter prompt is required/],
    [{ prompt: 'x', model: 'Seedance-2.0', options: '768p-6sec' }, /^Parameter options is not used by Seedance/],
    [{ prompt: 'x', model: 'T2V-2.3', options: '512p-6sec' }, /^Parameter options must be one of/],
    [{ prompt: 'x', model: 'T2V-2.3', resolution: '720' }, /^Parameter resolution is for Seedance/],
    [{ prompt: 'x', model: 'Seedance-2.0-Fast', resolution: '1080' }, /^Parameter resolution must be one of: 480, 720/],
    [{ prompt: 'x', model: 'Sora-2', aspectRatio: '1:1' }, /^Parameter aspectRatio must be one of: 16:9, 9:16/],
    [{ prompt: 'x', model: 'Veo-3.1-S2V', fileID: 'f1', fileID3: 'f3' }, /^Parameter fileID3 needs fileID2/],
    [{ prompt: 'x', model: 'T2V-2.3', fileID: 'f1', fileID2: 'f2' }, /^Parameter fileID2 is not supported/],
    [{ prompt: 'x', model: 'Veo-3.1', fileID: 'f1', end_frame_fileID: 'f1' }, /^Parameter end_frame_fileID must differ from fileID/],
    [{ prompt: 'x', model: '02', options: '512p-6sec', fileID: 'f1', end_frame_fileID: 'f2' }, /^Parameter end_frame_fileID is not supported by model 02 at 512p/],
    [{ prompt: 'x', model: 'T2V-2.3', videoFileID1: 'v1' }, /^Parameter videoFileID1 is for Seedance/],
    [{ prompt: 'x', model: 'I2V-2.3' }, /^Parameter fileID is required for model I2V-2.3/],
    [{ prompt: 'x', model: 'T2V-99' }, /^Parameter model must be one of/],
    [{ prompt: 'x', duration: 20, model: 'Seedance-2.0' }, /^Parameter duration must be at most 15/],
    [{ prompt: 'x', replyUrl: 'x'.repeat(1025) }, /^Parameter replyUrl/],
  ])('rejects invalid video requests (%#)', (body, message) =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/videos/create', json: body });
      expect(a.status).toBe(400);
      expect(a.json.error).toMatch(message);
      expect(h.mock.data.count('videos')).toBe(3);
    }));

  it('accepts the two parameter shapes and reference lists', () =>
    withHarness(t, { accounts: [{ maxJobs: 10 }] }, async (h) => {
      for (const body of [
        { prompt: 'x', model: 'Seedance-2.0', resolution: '1080', duration: 10, aspectRatio: '21:9', fileID: 'a', fileID2: 'b', videoFileID1: 'v', audioFileID1: 'au' },
        { prompt: 'x', model: 'Veo-3.1-S2V', options: 'veo-4k-8sec', fileID: 'a', ...Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`fileID${i + 2}`, `f${i}`])) },
        { prompt: 'x', model: '02', options: '768p-10sec', fileID: 'a', end_frame_fileID: 'b' },
        { fileID: 'a' },
      ]) {
        const a = await h.call({ path: '/videos/create', json: body });
        expect(a.status, a.text).toBe(200);
      }
    }));

  it('rejects a fileID uploaded to another account', () =>
    withHarness(t, { accounts: [{ account: '1' }, { account: '2' }] }, async (h) => {
      const file = (await h.call({ path: '/files?account=1', raw: { type: 'image/png', bytes: new Uint8Array([1, 2]) } })).json.fileID;
      const wrong = await h.call({ path: '/videos/create', json: { fileID: file, account: '2' } });
      expect(wrong.status).toBe(400);
      expect(wrong.json.error).toMatch(/^Parameter fileID belongs to account 1/);
      const balanced = await h.call({ path: '/videos/create', json: { fileID: file } });
      expect(balanced.json.videoId).toContain('-minimax:1-');
    }));

  it('cancels a running video (final status 3) and tolerates cancelling twice', () =>
    withHarness(t, {}, async (h) => {
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'x' } })).json;
      expect((await h.call({ path: '/videos/cancel', json: { videoId } })).status).toBe(200);
      expect((await h.call({ path: '/videos/cancel', form: { videoId } })).status).toBe(200);
      expect((await h.call({ path: `/videos/${videoId}` })).json).toMatchObject({ status: 3, statusLabel: 'failed', statusFinal: true, message: 'Cancelled' });
      const unknown = await h.call({ path: '/videos/cancel', json: { videoId: 'user:1-minimax:2-video:3' } });
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ error: 'Unable to find video user:1-minimax:2-video:3' });
    }));

  it('lists newest first with the lastVideoId cursor, and deletes', () =>
    withHarness(t, {}, async (h) => {
      const created: string[] = [];
      for (let i = 0; i < 3; i++) {
        created.push((await h.call({ path: '/videos/create', json: { prompt: `v${i}` } })).json.videoId);
        h.mock.clock.advance(1);
      }
      const first = (await h.call({ path: '/videos?limit=2' })).json.map((v: any) => v.videoId);
      expect(first).toEqual([created[2], created[1]]);
      const next = (await h.call({ path: `/videos?limit=2&lastVideoId=${first[1]}` })).json.map((v: any) => v.videoId);
      expect(next[0]).toBe(created[0]);
      const all: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = (await h.call({ path: `/videos?limit=2${cursor ? `&lastVideoId=${cursor}` : ''}` })).json;
        if (page.length === 0) break;
        all.push(...page.map((v: any) => v.videoId));
        cursor = page.at(-1).videoId;
      }
      expect(all).toHaveLength(6);
      expect(new Set(all).size).toBe(6);
      expect((await h.call({ path: '/videos?lastVideoId=unknown' })).json).toEqual([]);
      expect((await h.call({ method: 'DELETE', path: `/videos/${created[0]}` })).status).toBe(200);
      expect((await h.call({ method: 'DELETE', path: `/videos/${created[0]}` })).json).toEqual({});
      const gone = await h.call({ path: `/videos/${created[0]}` });
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({ error: 'Not found.', code: 404 });
      expect((await h.call({ path: '/videos?limit=0' })).json.error).toBe('Parameter limit must be at least 1');
      expect((await h.call({ path: '/videos?limit=abc' })).json.error).toBe('Parameter limit must be an integer');
    }));

  it('streams an agent template video (SSE) and keeps it pollable', () =>
    withHarness(t, {}, async (h) => {
      const templates = (await h.call({ path: '/videos/agent-templates' })).json.videoList;
      expect(templates).toHaveLength(5);
      const text = templates.find((x: any) => x.videoAsset.tags.every((tag: any) => tag.tagText === 'Text'));
      const image = templates.find((x: any) => x.videoAsset.tags.every((tag: any) => tag.tagText === 'Image'));
      const res = await h.call({ path: '/videos/agent-create', json: { templateId: text.id, prompt: 'My cat as a superhero' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const events = sseEvents(res.text);
      expect(events.map((e) => e.status)).toEqual([0, 11, 1, 1, 2]);
      expect(events.at(-1).statusFinal).toBe(true);
      const videoId = events[0].videoId;
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(2);
      const needsFile = await h.call({ path: '/videos/agent-create', json: { templateId: image.id } });
      expect(needsFile.json.error).toMatch(/^Parameter fileID is required/);
      const needsOss = await h.call({ path: '/videos/agent-create', json: { templateId: image.id, fileID: 'f' } });
      expect(needsOss.json.error).toBe('Parameter ossPath is required when fileID is given');
      expect((await h.call({ path: '/videos/agent-create', json: { templateId: 'nope' } })).status).toBe(400);
    }));

  it('pages templates and characters', () =>
    withHarness(t, {}, async (h) => {
      const first = (await h.call({ path: '/videos/agent-templates?limit=2' })).json.videoList;
      const next = (await h.call({ path: `/videos/agent-templates?limit=2&lastId=${first[1].id}` })).json.videoList;
      expect(next).toHaveLength(2);
      expect(next[0].id).not.toBe(first[1].id);
      const detail = (await h.call({ path: `/videos/agent-templates?templateId=${first[0].id}` })).json;
      expect(detail.id).toBe(first[0].id);
      const chars = (await h.call({ path: '/videos/characters?pageSize=1' })).json;
      expect(chars).toHaveLength(1);
      expect(chars[0].file.fileID).toMatch(/-file:/);
      expect((await h.call({ path: '/videos/characters?page=3&pageSize=1' })).json).toEqual([]);
    }));
});
