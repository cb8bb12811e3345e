// speech family: asynchronous synthesis, per-model limits, voices, lists and delete rules.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('speech via %s', (t) => {
  it('creates (201) a pending generation that completes into a clip', () =>
    withHarness(t, {}, async (h) => {
      const created = await h.call({ path: '/speech/create', json: { text: '{happy}Welcome back!{/happy} (laughs) Hi.', voice_id: '308172940561327', emotion: 'happy' } });
      expect(created.status).toBe(201);
      const { audioId } = created.json;
      expect(audioId).toMatch(/^user:12345-minimax:987654321-audio:\d{18}$/);
      expect((await h.call({ path: `/speech/${audioId}` })).json).toEqual({ statusLabel: 'pending', statusFinal: false });
      const running = await h.call({ method: 'DELETE', path: `/speech/${audioId}` });
      expect(running.status).toBe(400);
      expect(running.json.error).toBe(`Generation is still running. Cancel it with DELETE /v1/minimax/scheduler/${audioId}`);
      h.mock.clock.advance(h.mock.jobMs);
      const clip = (await h.call({ path: `/speech/${audioId}` })).json;
      expect(clip).toMatchObject({ audio_id: audioId, status: 0, statusLabel: 'completed', statusFinal: true, emotion: 'happy', cost_credit: 26 });
      expect(clip.voice_info.voice_id).toBe('308172940561327');
      const list = (await h.call({ path: '/speech?page_size=1' })).json;
      expect(list).toMatchObject({ total: 3, has_more: true });
      expect(list.audio_list[0].user_id).toBe('987654321');
      const bare = list.audio_list[0].audio_id;
      expect(bare).toBe(audioId.split(':').pop());
      expect((await h.call({ path: `/speech/${bare}` })).json.audio_id).toBe(audioId);
      expect((await h.call({ method: 'DELETE', path: `/speech/${audioId}` })).status).toBe(200);
      expect((await h.call({ path: `/speech/${audioId}` })).status).toBe(404);
      expect((await h.call({ method: 'DELETE', path: `/speech/${audioId}` })).json).toEqual({});
    }));

  it('resolves the full audioId for 7 days, the bare id after that', () =>
    withHarness(t, {}, async (h) => {
      const { audioId } = (await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: '308172940561415' } })).json;
      h.mock.clock.advance(7 * 24 * 3_600_000);
      expect((await h.call({ path: `/speech/${audioId}` })).status).toBe(404);
      expect((await h.call({ path: `/speech/${audioId.split(':').pop()}` })).json.statusLabel).toBe('completed');
    }));

  it.each([
    [{ text: 'x'.repeat(5001), voice_id: '308172940561415' }, /^Parameter text is too long for speech-2.8-hd \(at most 5000/],
    [{ text: 'x'.repeat(10001), voice_id: '308172940561415', model: 'speech-2.8-turbo' }, /^Parameter text is too long \(at most 10000/],
    [{ text: '{happy}a{/happy}'.repeat(16), voice_id: '308172940561415' }, /emotion spans/],
    [{ text: 'wait <#120#>', voice_id: '308172940561415' }, /pause/],
    [{ text: 'hi', voice_id: 'Nobody' }, /^Parameter voice_id/],
    [{ text: 'hi', voice_id: '308172940561415', emotion: 'bored' }, /^Parameter emotion must be one of/],
    [{ text: 'hi', voice_id: '308172940561415', pitch: 12.5 }, /^Parameter pitch must be at most 12/],
    [{ voice_id: '308172940561415' }, /^Parameter text is required/],
  ])('rejects invalid requests (%#)', (body, message) =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/speech/create', json: body });
      expect(a.status).toBe(400);
      expect(a.json.error).toMatch(message);
    }));

  it('accepts turbo texts up to 10,000 characters', () =>
    withHarness(t, {}, async (h) => {
      expect((await h.call({ path: '/speech/create', json: { text: 'x'.repeat(10_000), voice_id: '308172940561415', model: 'speech-2.8-turbo' } })).status).toBe(201);
    }));

  it('answers 412 without an audio subscription', () =>
    withHarness(t, { accounts: [{ audioSubscription: false }] }, async (h) => {
      expect((await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: '308172940561415' } })).status).toBe(412);
    }));

  it('filters voices by exact, case-sensitive tags and ignores unknown tags', () =>
    withHarness(t, {}, async (h) => {
      const ids = async (q: string) => (await h.call({ path: `/speech/voices${q}` })).json.voice_list.map((v: any) => v.voice_id);
      expect(await ids('?tag_list=English,Female,Young')).toEqual(['308172940561415']);
      expect(await ids('?tag_list=english')).toHaveLength(12);
      expect(await ids('?tag_list=English,Klingon')).toEqual(await ids('?tag_list=English'));
      expect((await h.call({ path: '/speech/voices?page_size=5&page=3' })).json).toMatchObject({ total: 12, has_more: false });
      expect((await h.call({ path: '/speech/voices?page_size=0' })).status).toBe(400);
      expect((await h.call({ path: '/speech/voices?page_size=1000' })).status).toBe(200); // no maximum is documented
    }));
});
