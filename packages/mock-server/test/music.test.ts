// music family: Music 3.0 create (JSON and SSE), legacy create (one at a time), styles, get, list.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, sseEvents, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('music via %s', (t) => {
  it('creates a song (201) that goes 0 → 1 → 2 and is listed newest first', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/music/create', json: { prompt: 'Upbeat synth-pop about a road trip', title: 'Open Road' } });
      expect(a.status).toBe(201);
      const { musicId } = a.json;
      const states = [];
      for (const step of [0, 5_000, 5_000]) {
        h.mock.clock.advance(step);
        const s = (await h.call({ path: `/music/${musicId}` })).json;
        states.push([s.status, s.statusLabel, s.statusFinal, Boolean(s.audioURL)]);
      }
      expect(states).toEqual([[0, 'pending', false, false], [1, 'processing', false, false], [2, 'completed', true, true]]);
      const list = (await h.call({ path: '/music?limit=2' })).json;
      expect(list[0].musicId).toBe(musicId);
      expect(list[0].title).toBe('Open Road');
      const next = (await h.call({ path: `/music?limit=10&lastMusicId=${list[1].musicId}` })).json;
      expect(next).toHaveLength(2);
    }));

  it('streams progress events with stream=true', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/music/create', form: { prompt: 'Lo-fi beat', instrumental: 'true', stream: 'true' } });
      expect(a.status).toBe(200);
      expect(a.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = sseEvents(a.text);
      expect(events.map((e) => e.status)).toEqual([0, 1, 1, 2]);
      expect(events.at(-1).audioURL).toMatch(/\.mp3$/);
      expect(events.at(-1).lyrics).toBe('');
    }));

  it('answers 412 without an audio subscription', () =>
    withHarness(t, { accounts: [{ audioSubscription: false }] }, async (h) => {
      const a = await h.call({ path: '/music/create', json: { prompt: 'x' } });
      expect(a.status).toBe(412);
      expect(a.json).toEqual({ error: 'Account 987654321 has no audio subscription', code: 412 });
    }));

  it('legacy create: one generation per account, 600-character lyrics, known styles', () =>
    withHarness(t, { accounts: [{ account: '1' }, { account: '2' }] }, async (h) => {
      const first = await h.call({ path: '/music/create?account=1&prompt=Hello%0Aworld&styleId=101' });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ musicId: expect.stringContaining('-minimax:1-music:'), audioURL: expect.stringMatching(/\.mp3$/), duration: expect.any(Number) });
      const second = await h.call({ path: '/music/create?account=1&prompt=Again&styleId=101' });
      expect(second.status).toBe(429);
      expect(second.json).toEqual({ error: 'The previous request has not been completed yet. Please try again later.' });
      expect(second.headers.get('retry-after')).toBe('1');
      expect((await h.call({ path: '/music/create?account=2&prompt=Other&styleId=201' })).status).toBe(200);
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: '/music/create?account=1&prompt=Again&styleId=101' })).status).toBe(200);
      const long = await h.call({ path: `/music/create?account=1&prompt=${'a'.repeat(601)}&styleId=101` });
      expect(long.json).toEqual({ error: 'Parameter prompt is too long (at most 600 characters)', code: 400 });
      expect((await h.call({ path: '/music/create?account=2&prompt=x&styleId=999' })).json.error).toMatch(/^Parameter styleId/);
      expect((await h.call({ path: '/music/create?account=2&prompt=x' })).json.error).toBe('Parameter styleId is required');
      expect((await h.call({ path: '/music/create?account=2&styleId=101' })).json.error).toBe('Parameter prompt is required');
    }));

  it('lists the legacy styles and answers 404 for unknown songs', () =>
    withHarness(t, {}, async (h) => {
      const styles = (await h.call({ path: '/music/styles' })).json;
      expect(styles.map((g: any) => g.name)).toEqual(['Classical', 'Urban', 'Popular']);
      expect(styles[0].styles[0]).toEqual({ url: expect.stringMatching(/\.mp3$/), styleId: '101', name: 'Orchestral' });
      const missing = await h.call({ path: '/music/user:1-minimax:2-music:3' });
      expect(missing.status).toBe(404);
    }));

  it('validates the create body', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/music/create', json: { prompt: 'x', model: 'music-9' } })).json.error).toBe('Parameter model must be one of: music-3.0, music-2.6');
      expect((await h.call({ path: '/music/create', json: { prompt: 'x', title: 'x'.repeat(41) } })).json.error).toBe('Parameter title is too long (at most 40 characters)');
      expect((await h.call({ path: '/music/create', json: { prompt: 'x', lyrics: 'x'.repeat(3501) } })).status).toBe(400);
      expect((await h.call({ path: '/music/create', json: '{"prompt":' })).json.error).toBe('Request body is not valid JSON');
    }));
});
