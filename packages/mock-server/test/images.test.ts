// images family: batches, per-model rules, lifecycle, soft delete, lists.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('images via %s', (t) => {
  it('creates `quantity` images (midjourney always 4) that go 0 → 12 → 2', () =>
    withHarness(t, {}, async (h) => {
      const two = (await h.call({ path: '/images/create', json: { prompt: 'A lighthouse', model: 'nano-banana-2', quantity: 2 } })).json.imageIds;
      expect(two).toHaveLength(2);
      const mj = (await h.call({ path: '/images/create', json: { prompt: 'A lighthouse', model: 'midjourney-v7', quantity: 1 } })).json.imageIds;
      expect(mj).toHaveLength(4);
      const states = [];
      for (const step of [0, 3_000, 7_000]) {
        h.mock.clock.advance(step);
        const i = (await h.call({ path: `/images/${two[0]}` })).json;
        states.push([i.status, i.statusLabel, i.statusFinal]);
      }
      expect(states).toEqual([[0, 'pending', false], [12, 'processing', false], [2, 'completed', true]]);
      const done = (await h.call({ path: `/images/${two[0]}` })).json;
      expect(done.videoURL).toMatch(/\.jpeg$/);
      expect(done.fileID).toMatch(/-file:/);
      expect(done.modelID).toBe('nano-banana-2');
    }));

  it('does not count images against maxJobs', () =>
    withHarness(t, { accounts: [{ maxJobs: 1 }] }, async (h) => {
      for (let i = 0; i < 5; i++) expect((await h.call({ path: '/images/create', json: { prompt: 'p' } })).status).toBe(200);
      expect((await h.call({ path: '/scheduler/available' })).json.available[0].executing).toBe(0);
    }));

  it.each([
    [{ prompt: 'x'.repeat(2001) }, /^Parameter prompt is too long for image-01/],
    [{ prompt: 'x'.repeat(5001), model: 'midjourney-v7' }, /at most 5000/],
    [{ prompt: 'x'.repeat(7501), model: 'gpt-image-2' }, /^Parameter prompt is too long \(at most 7500/],
    [{ prompt: 'Use @Image1', model: 'image-01' }, /^Parameter prompt: @Image mentions are not supported by image-01/],
    [{ prompt: 'p', model: 'gpt-image-1.5', referenceFileId1: 'a', referenceFileId2: 'b', referenceFileId3: 'c', referenceFileId4: 'd' }, /^Parameter referenceFileId4 is not supported/],
    [{ prompt: 'p', model: 'nano-banana-2', referenceFileId2: 'b' }, /^Parameter referenceFileId2 needs referenceFileId1/],
    [{ prompt: 'p', model: 'nano-banana-2', quality: 'high' }, /^Parameter quality is for gpt-image-2 only/],
    [{ prompt: 'p', model: 'gpt-image-1.5', aspectRatio: '16:9' }, /^Parameter aspectRatio must be one of: auto, 1:1, 3:2, 2:3/],
    [{ prompt: 'p', model: 'seedream-5.0', resolution: '4K' }, /^Parameter resolution must be one of: 2K, 3K/],
    [{ prompt: 'p', model: 'midjourney-v7', resolution: '1K' }, /^Parameter resolution is not used by midjourney-v7/],
    [{ prompt: 'p', model: 'nano-banana-2', characterFileId: 'c' }, /^Parameter characterFileId is for image-01 only/],
    [{ prompt: 'p', quantity: 5 }, /^Parameter quantity must be at most 4/],
    [{ prompt: '' }, /^Parameter prompt must not be empty/],
    [{ model: 'image-01' }, /^Parameter prompt is required/],
  ])('rejects invalid image requests (%#)', (body, message) =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/images/create', json: body });
      expect(a.status).toBe(400);
      expect(a.json.error).toMatch(message);
    }));

  it('accepts per-model options', () =>
    withHarness(t, {}, async (h) => {
      for (const body of [
        { prompt: 'Use @Image1 and @Image2', model: 'gpt-image-2', quality: 'high', resolution: '4K', aspectRatio: '21:9', ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`referenceFileId${i + 1}`, `r${i}`])) },
        { prompt: 'p', model: 'image-01', characterFileId: 'c', aspectRatio: '9:16', resolution: 'HD' },
        { prompt: 'p', model: 'seedream-4.5', resolution: '4K', aspectRatio: 'auto' },
      ]) {
        const a = await h.call({ path: '/images/create', json: body });
        expect(a.status, a.text).toBe(200);
      }
    }));

  it('soft-deletes: hidden from the list, still readable by id', () =>
    withHarness(t, {}, async (h) => {
      const [id] = (await h.call({ path: '/images/create', json: { prompt: 'p' } })).json.imageIds;
      expect((await h.call({ path: '/images' })).json.images.map((i: any) => i.imageId)).toContain(id);
      expect((await h.call({ method: 'DELETE', path: `/images/${id}` })).status).toBe(200);
      expect((await h.call({ path: '/images' })).json.images.map((i: any) => i.imageId)).not.toContain(id);
      expect((await h.call({ path: `/images/${id}` })).json.imageId).toBe(id);
      expect((await h.call({ method: 'DELETE', path: '/images/user:1-minimax:2-image:3' })).status).toBe(200);
      expect((await h.call({ path: '/images/user:1-minimax:2-image:3' })).status).toBe(404);
    }));

  it('pages with lastImageId', () =>
    withHarness(t, {}, async (h) => {
      const seen: string[] = [];
      let cursor = '';
      for (;;) {
        const page = (await h.call({ path: `/images?limit=3${cursor}` })).json.images;
        if (page.length === 0) break;
        seen.push(...page.map((i: any) => i.imageId));
        cursor = `&lastImageId=${page.at(-1).imageId}`;
      }
      expect(seen).toHaveLength(4);
    }));
});
