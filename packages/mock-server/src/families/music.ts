// music: POST /music/create (JSON or SSE), the legacy GET /music/create (one at a time per account),
// the legacy styles, GET /music/{musicId} and the list (moderated songs hidden).
import { operations } from '../generated/operations.js';
import { errorReply, jsonReply } from '../engine/reply.js';
import { makeId } from '../engine/ids.js';
import { musicView, songAudioUrl, songPhase } from '../engine/lifecycle.js';
import { MUSIC_STYLES } from '../engine/seed-data.js';
import { newestFirst, pageAfter, type SongRecord } from '../engine/state.js';
import { isReply, type HandlerTable } from './types.js';

/** The schema of the song stream's events (`x-sdk.event`). */
const MUSIC_SCHEMA = operations.createMusic.event;

function styleName(styleId: string): string | undefined {
  for (const group of MUSIC_STYLES) for (const s of group.styles) if (s.styleId === styleId) return `${group.name} / ${s.name}`;
  return undefined;
}

function titleOf(prompt: string): string {
  return prompt.split(/[,.;:!?\n]/)[0]!.trim().split(/\s+/).slice(0, 4).join(' ').slice(0, 40) || 'Untitled';
}

export const musicHandlers: Pick<HandlerTable, 'createMusicLegacy' | 'createMusic' | 'listMusicStyles' | 'getMusic' | 'listMusic'> = {
  createMusicLegacy: (ctx) => {
    const { mock, params: p, now } = ctx;
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const style = styleName(p.styleId);
    if (!style) return errorReply(400, `Parameter styleId: unknown style ${p.styleId} (see GET /music/styles)`);
    const busy = [...mock.state.songs.values()].some((s) => s.legacy && s.account === account.account && !songPhase(s, now).final);
    if (busy) {
      return errorReply(429, 'The previous request has not been completed yet. Please try again later.', { code: false, headers: { 'retry-after': String(mock.options.retryAfterSeconds) } });
    }
    const refusal = ctx.upstream(account, {});
    if (refusal) return refusal;
    const id = mock.digits();
    const musicId = makeId(ctx.userId, account.account, 'music', id);
    const song: SongRecord = {
      musicId, id, account: account.account, title: p.title ?? titleOf(p.prompt), lyrics: p.prompt, style, legacy: true, instrumental: false,
      seconds: mock.rng.int(30, 60), createdAt: now, durationMs: mock.options.jobMs, outcome: ctx.outcome('music'), viaApi: true,
    };
    mock.state.songs.set(musicId, song);
    return jsonReply(200, { musicId, audioURL: songAudioUrl(song), duration: song.seconds });
  },

  createMusic: (ctx) => {
    const { mock, params: p, now } = ctx;
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const refusal = ctx.upstream(account, {});
    if (refusal) return refusal;
    const id = mock.digits();
    const musicId = makeId(ctx.userId, account.account, 'music', id);
    const streaming = p.stream === true;
    const manual = mock.clock.mode === 'manual';
    const instrumental = p.instrumental === true;
    const song: SongRecord = {
      musicId, id, account: account.account, title: p.title ?? titleOf(p.prompt),
      lyrics: instrumental ? '' : p.lyrics ?? `[verse]\n${p.prompt}\n[chorus]\n${titleOf(p.prompt)}`,
      style: p.prompt.slice(0, 60), model: p.model ?? 'music-3.0', legacy: false, instrumental, seconds: mock.rng.int(110, 140),
      createdAt: now, durationMs: streaming && manual && ctx.answered ? 0 : mock.options.jobMs, outcome: ctx.outcome('music'), viaApi: true,
      replyUrl: p.replyUrl, replyRef: p.replyRef,
    };
    mock.state.songs.set(musicId, song);
    mock.watch('songs', musicId, p.replyUrl);
    if (!streaming) return jsonReply(201, { musicId });
    const shadow = { ...song, durationMs: Math.max(1, mock.options.jobMs) };
    return mock.streamJob({
      view: () => {
        const s = mock.state.songs.get(musicId);
        return s ? musicView(s, mock.clock.now()) : undefined;
      },
      isFinal: (v) => v.statusFinal === true,
      synthetic: manual ? [0.1, 0.5, 0.8].map((f) => musicView(shadow, now + f * shadow.durationMs)) : [],
      schema: MUSIC_SCHEMA,
      where: 'createMusic event',
      signal: ctx.signal,
    });
  },

  listMusicStyles: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    return jsonReply(200, MUSIC_STYLES.map((g) => ({
      name: g.name,
      styles: g.styles.map((s) => ({ url: `https://cdn.hailuoai.com/prod/music/styles/${s.styleId}.mp3`, styleId: s.styleId, name: s.name })),
    })));
  },

  getMusic: ({ mock, params, now }) => {
    const s = mock.state.songs.get(params.musicId);
    return s ? jsonReply(200, musicView(s, now)) : errorReply(404, 'Not found.');
  },

  listMusic: ({ mock, params, now }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const mine = newestFirst([...mock.state.songs.values()].filter((s) => s.account === a.account)).map((s) => musicView(s, now)).filter((v) => v.status !== 4);
    return jsonReply(200, pageAfter(mine, (v) => v.musicId ?? '', params.lastMusicId, params.limit ?? 20));
  },
};
