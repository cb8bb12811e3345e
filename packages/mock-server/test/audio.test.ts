// audio family (legacy TTS): clips, config, voices, synthesis, samples and cloned voices.
import { describe, expect, it } from 'vitest';
import { MP3, PNG, TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('audio (legacy) via %s', (t) => {
  it('lists and reads clips with page/page_size and has_more', () =>
    withHarness(t, {}, async (h) => {
      const page1 = (await h.call({ path: '/audio?page_size=1' })).json;
      expect(page1).toMatchObject({ total: 2, has_more: true });
      expect(typeof page1.audio_list[0].user_id).toBe('number');
      const page2 = (await h.call({ path: '/audio?page=2&page_size=1' })).json;
      expect(page2.has_more).toBe(false);
      const clip = (await h.call({ path: `/audio/${page2.audio_list[0].audio_id}` })).json;
      expect(clip.voice_info.voice_id).toBeTruthy();
      expect(clip.effects).toHaveProperty('robotic', false);
      expect((await h.call({ method: 'DELETE', path: `/audio/${clip.audio_id}` })).status).toBe(200);
      expect((await h.call({ path: `/audio/${clip.audio_id}` })).status).toBe(404);
    }));

  it('lists system voices by tags and cloned voices all at once', () =>
    withHarness(t, {}, async (h) => {
      const italian = (await h.call({ path: '/audio/voices?tag_list=Italian,Female' })).json;
      expect(italian.voice_list.map((v: any) => v.voice_id)).toEqual(['209544421245048']);
      expect((await h.call({ path: '/audio/voices?page_size=2' })).json).toMatchObject({ total: 6, has_more: true });
      const cloned = (await h.call({ path: '/audio/voices?is_system=false&page_size=1&page=5' })).json;
      expect(cloned.voice_list).toHaveLength(1);
      expect(cloned.voice_list[0].voice_id).toMatch(/-audio:/);
      expect((await h.call({ path: '/audio/voices?is_system=maybe' })).json.error).toBe('Parameter is_system must be a boolean');
      expect((await h.call({ path: '/audio/config' })).json.t2a_emotion[0]).toEqual({ label: 'Auto', value: 'Auto' });
    }));

  it('synthesizes an MP3 (≤ 500 characters) with a known voice, and a stream ticket', () =>
    withHarness(t, {}, async (h) => {
      const mp3 = await h.call({ path: '/audio/create-mp3', form: { text: 'Hello <#0.5#> there', voice_id: '209544421245048', speed: '1.5', robotic: 'true' } });
      expect(mp3.status).toBe(200);
      expect(mp3.json).toMatchObject({ text: 'Hello <#0.5#> there', speed: 1.5, effects: { robotic: true, deepen_lighten: 0 } });
      expect((await h.call({ path: '/audio?page_size=10' })).json.total).toBe(3);
      expect((await h.call({ path: '/audio/create-mp3', json: { text: 'x'.repeat(501), voice_id: '209544421245048' } })).json.error).toBe('Parameter text is too long (at most 500 characters)');
      expect((await h.call({ path: '/audio/create-mp3', json: { text: 'x', voice_id: 'nope' } })).json.error).toMatch(/^Parameter voice_id/);
      // The docs give `vol` only a default, and `pitch`/effects as numbers in a range.
      expect((await h.call({ path: '/audio/create-mp3', json: { text: 'x', voice_id: '209544421245048', vol: 11, pitch: 1.5 } })).status).toBe(200);
      expect((await h.call({ path: '/audio/create-mp3', json: { text: 'x', voice_id: '209544421245048', pitch: 13 } })).json.error).toMatch(/^Parameter pitch/);
      const ticket = await h.call({ path: '/audio/create-stream', json: { text: 'x'.repeat(5000), voice_id: '209544421245048' } });
      expect(ticket.json.token).toMatch(/^[0-9a-f-]{36}$/);
      expect(ticket.json.payload).toMatchObject({ voice_id: '209544421245048', model: 'speech-02-hd' });
    }));

  it('clones a voice from uploaded samples, at most 4 per account, and deletes it', () =>
    withHarness(t, {}, async (h) => {
      const wav = (await h.call({ path: '/audio/upload-sample', raw: { type: 'audio/wave', bytes: MP3 } })).json;
      expect(wav.ossPath).toMatch(/\.wav$/);
      expect((await h.call({ path: '/audio/upload-sample', raw: { type: 'image/png', bytes: PNG } })).status).toBe(400);
      const file = (await h.call({ path: '/files', raw: { type: 'audio/mpeg', bytes: MP3 } })).json.fileID;
      expect((await h.call({ path: '/audio/clone-voice', json: { voice_name: 'N', language_tag: 'English', files: file } })).json.error).toMatch(/^Parameter files: .* is not a sample/);
      expect((await h.call({ path: '/audio/clone-voice', json: { voice_name: 'N', language_tag: 'English', files: Array(11).fill(wav.fileID).join(',') } })).json.error).toBe('Parameter files has an invalid format');
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const v = await h.call({ path: '/audio/clone-voice', json: { voice_name: `Voice ${i}`, language_tag: 'English', files: wav.fileID } });
        expect(v.status).toBe(200);
        expect(v.json.clone.files[0].file_id).toBe(wav.fileID.split(':').pop());
        ids.push(v.json.voice_id);
      }
      const fifth = await h.call({ path: '/audio/clone-voice', json: { voice_name: 'Too many', language_tag: 'English', files: wav.fileID } });
      expect(fifth.status).toBe(400);
      expect(fifth.json.error).toMatch(/at most 4|holds 4/);
      expect((await h.call({ path: '/audio/delete-voice', json: { voice_id: ids[0] } })).status).toBe(200);
      expect((await h.call({ path: '/audio/delete-voice', json: { voice_id: ids[0] } })).status).toBe(200);
      expect((await h.call({ path: '/audio/voices?is_system=false' })).json.total).toBe(3);
    }));
});
