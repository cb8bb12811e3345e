// Fidelity as the vendor's own batch scripts (the public repository useapi/minimax-api) drive the API: the video
// script takes `available[0]` of GET /scheduler/available and waits only when the list is empty; the speech script
// sends opaque numeric voice ids; both skip accounts in an error state. The drivers below follow those documented
// rules with this file's own prompts and lines.
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, withHarness, type Harness } from './helpers.js';

const RADIANT_GIRL = '308172940561415';

describe.each(TRANSPORTS)('GET /scheduler/available via %s', (t) => {
  it('lists only accounts with a free slot, most free first (ties in configuration order), never one in an error state', () =>
    withHarness(t, {
      accounts: [
        { account: '1001', maxJobs: 2 },
        { account: '1002', maxJobs: 5 },
        { account: '1003', maxJobs: 3, error: 'Session expired' },
        { account: '1004', maxJobs: 1 },
        { account: '1005', maxJobs: 4 },
      ],
    }, async (h) => {
      for (let i = 0; i < 3; i++) expect((await h.call({ path: '/videos/create', json: { prompt: `b${i}`, account: '1002' } })).status).toBe(200);
      expect((await h.call({ path: '/videos/create', json: { prompt: 'd', account: '1004' } })).status).toBe(200);
      const { available } = (await h.call({ path: '/scheduler/available' })).json;
      expect(available.map((a: any) => [a.account, a.available])).toEqual([['1005', 4], ['1001', 2], ['1002', 2]]);
      expect(available[2]).toEqual({ account: '1002', maxJobs: 5, executing: 3, available: 2, executingAudio: 0 });
    }));

  it('an account in an error state refuses every create with 596 naming the error, and load balancing skips it', () =>
    withHarness(t, { accounts: [{ account: '2001', error: 'Session expired' }, { account: '2002' }] }, async (h) => {
      const creates = [
        { path: '/videos/create', json: { prompt: 'v', account: '2001' } },
        { path: '/images/create', json: { prompt: 'i', account: '2001' } },
        { path: '/speech/create', json: { text: 's', voice_id: RADIANT_GIRL, account: '2001' } },
        { path: '/music/create', json: { prompt: 'm', account: '2001' } },
        { path: '/agent', form: { prompt: 'a', models: 'hailuo-2.3', async: 'true', account: '2001' } },
        { path: '/files?account=2001', raw: { type: 'image/png', bytes: new Uint8Array([1, 2, 3]) } },
      ];
      for (const c of creates) {
        const a = await h.call(c);
        expect([c.path, a.status]).toEqual([c.path, 596]);
        expect(a.json).toEqual({ error: 'Account 2001 is in an error state (Session expired); update it with POST /accounts/2001', code: 596 });
      }
      expect(h.mock.data.count('videos', { account: '2001' })).toBe(3); // the sample history only
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'balanced' } })).json;
      expect(videoId).toContain('-minimax:2002-');
      // Clearing the error state (as a fresh POST /accounts would) makes it usable again.
      h.mock.data.updateAccount('2001', { error: null });
      expect((await h.call({ path: '/images/create', json: { prompt: 'i', account: '2001' } })).status).toBe(200);
    }));
});

/** The video script's loop: pick `available[0]`, wait (here: advance the clock) when none is free, retry on 429. */
async function videoBatch(h: Harness, prompts: number): Promise<{ tooMany: number; waits: number; perAccount: Record<string, number[]> }> {
  let tooMany = 0;
  let waits = 0;
  const perAccount: Record<string, number[]> = {};
  for (let i = 0; i < prompts;) {
    const { available } = (await h.call({ path: '/scheduler/available' })).json;
    if (available.length === 0) {
      waits++;
      h.mock.clock.advance(h.mock.jobMs);
      continue;
    }
    const account = available[0].account as string;
    const created = await h.call({ path: '/videos/create', json: { prompt: `prompt ${i}`, account } });
    if (created.status === 429) {
      tooMany++;
      h.mock.clock.advance(h.mock.jobMs);
      continue;
    }
    expect(created.status).toBe(200);
    (perAccount[account] ??= []).push(h.mock.data.ids('videos', { account }).filter((id) => h.mock.data.get('videos', id)?.statusFinal === false).length);
    i++;
  }
  return { tooMany, waits, perAccount };
}

describe('the vendor video script\'s account choice against the mock', () => {
  it('fills every account in parallel and never meets a 429 (2 accounts × 3 slots, 12 prompts)', () =>
    withHarness('handle', { accounts: [{ account: '3001', maxJobs: 3 }, { account: '3002', maxJobs: 3 }], sampleData: false }, async (h) => {
      const { tooMany, waits, perAccount } = await videoBatch(h, 12);
      expect(tooMany).toBe(0);
      expect(waits).toBe(1); // 6 at once, then the second 6: two rounds of jobMs
      expect(Object.keys(perAccount).sort()).toEqual(['3001', '3002']);
      expect(Math.max(...perAccount['3001']!)).toBe(3);
      expect(Math.max(...perAccount['3002']!)).toBe(3);
    }));
});

describe.each(TRANSPORTS)('speech as the vendor speech script drives it, via %s', (t) => {
  it('voice ids are numeric strings; the name is uniq_id (and voice_name the display name)', () =>
    withHarness(t, {}, async (h) => {
      const { voice_list } = (await h.call({ path: '/speech/voices' })).json;
      expect(voice_list.length).toBeGreaterThan(5);
      for (const v of voice_list) {
        expect(v.voice_id).toMatch(/^\d{15}$/);
        expect(v.uniq_id).toMatch(/^[A-Z][a-z]+_[a-z_]+$/);
        expect(v.voice_name).not.toBe(v.uniq_id);
      }
      const legacy = (await h.call({ path: '/audio/voices?tag_list=Italian' })).json.voice_list;
      expect(legacy[0]).toMatchObject({ voice_id: '209544421245048', uniq_id: 'Italian_DiligentLeader', voice_name: 'Diligent Leader' });
    }));

  it('lines in the script\'s format (numeric voice_id, model, emotion, speed, pitch, language_boost) are all accepted', () =>
    withHarness(t, {}, async (h) => {
      const lines = [
        { name: 'a', text: 'The kettle sang before dawn.', voice_id: RADIANT_GIRL },
        { name: 'b', text: 'The kettle sang before dawn.', voice_id: RADIANT_GIRL, model: 'speech-2.8-hd', emotion: 'sad' },
        { name: 'c', text: '{happy}Good news.{/happy} {sad}Bad news.{/sad}', voice_id: RADIANT_GIRL, model: 'speech-2.8-hd' },
        { name: 'd', text: 'A pause (sighs) here <#1.5#> and on.', voice_id: RADIANT_GIRL, model: 'speech-2.8-hd' },
        { name: 'e', text: 'Slowly now.', voice_id: RADIANT_GIRL, model: 'speech-2.8-hd', speed: 0.8, pitch: -3 },
        { name: 'f', text: 'Turbo line.', voice_id: RADIANT_GIRL, model: 'speech-2.8-turbo', language_boost: 'English' },
      ];
      for (const { name, ...fields } of lines) {
        const a = await h.call({ path: '/speech/create', json: fields });
        expect([name, a.status]).toEqual([name, 201]);
      }
      h.mock.clock.advance(h.mock.jobMs);
      const clip = (await h.call({ path: '/speech' })).json.audio_list[0];
      const full = (await h.call({ path: `/speech/${clip.audio_id}` })).json;
      expect(full.voice_info).toMatchObject({ voice_id: RADIANT_GIRL, uniq_id: 'English_radiant_girl', voice_name: 'Radiant Girl' });
    }));

  it('a name sent as voice_id is a 400 that points at the numeric id', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: 'English_radiant_girl' } });
      expect(a.status).toBe(400);
      expect(a.json.error).toBe(`Parameter voice_id: English_radiant_girl is the name (uniq_id) of voice ${RADIANT_GIRL}; voice_id takes the numeric id (see GET /speech/voices)`);
    }));

  it('insufficient-credits on speech and music says what their documented 412 says (no audio subscription)', () =>
    withHarness(t, { accounts: [{ account: '4001' }, { account: '4002', audioSubscription: false }] }, async (h) => {
      const natural = await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: RADIANT_GIRL, account: '4002' } });
      expect(natural.json).toEqual({ error: 'Account 4002 has no audio subscription', code: 412 });
      const prefer = { prefer: 'scenario=insufficient-credits' };
      expect((await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: RADIANT_GIRL, account: '4001' }, headers: prefer })).json).toEqual({ error: 'Account 4001 has no audio subscription', code: 412 });
      expect((await h.call({ path: '/music/create', json: { prompt: 'p', account: '4001' }, headers: prefer })).json.error).toBe('Account 4001 has no audio subscription');
      expect((await h.call({ path: '/videos/create', json: { prompt: 'p', account: '4001' }, headers: prefer })).json.error).toBe('Insufficient credits on account 4001');
    }));
});

describe.each(TRANSPORTS)('ids via %s', (t) => {
  it('carry the user id of the request\'s token, as the real ids do', () =>
    withHarness(t, {}, async (h) => {
      const headers = { authorization: 'Bearer user:7788-otherUserToken' };
      const call = (c: Parameters<Harness['call']>[0]) => h.call({ ...c, noAuth: true, headers });
      expect((await call({ path: '/videos/create', json: { prompt: 'v' } })).json.videoId).toMatch(/^user:7788-minimax:987654321-video:\d{18}$/);
      expect((await call({ path: '/images/create', json: { prompt: 'i' } })).json.imageIds[0]).toMatch(/^user:7788-minimax:987654321-image:/);
      expect((await call({ path: '/music/create', json: { prompt: 'm' } })).json.musicId).toMatch(/^user:7788-minimax:987654321-music:/);
      expect((await call({ path: '/speech/create', json: { text: 's', voice_id: RADIANT_GIRL } })).json.audioId).toMatch(/^user:7788-minimax:987654321-audio:/);
      expect((await call({ path: '/files', raw: { type: 'image/png', bytes: new Uint8Array([1]) } })).json.fileID).toMatch(/^user:7788-minimax:987654321-file:/);
      expect((await call({ path: '/agent', form: { prompt: 'a', models: 'x', async: 'true' } })).json.jobId).toMatch(/^p\d{9}-u7788-a987654321-bot:minimax$/);
      // The default token (MOCK_TOKEN) is user 12345.
      expect((await h.call({ path: '/videos/create', json: { prompt: 'v' } })).json.videoId).toMatch(/^user:12345-/);
    }));
});
