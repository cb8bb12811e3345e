// audio (legacy text-to-speech, decommissioned 2025-08-21): clips, config, voices, synthesis, samples and
// cloned voices.
import { errorReply, jsonReply } from '../engine/reply.js';
import { makeId } from '../engine/ids.js';
import { newestFirst, type AudioClipRecord } from '../engine/state.js';
import { EXTENSION, ossDay } from './files.js';
import { filterByTags, page, unknownVoice, voiceInfo, voiceView } from './voices.js';
import { isReply, type HandlerContext, type HandlerTable, type MockServices } from './types.js';

const EFFECT_KEYS = ['deepen_lighten', 'stronger_softer', 'nasal_crisp', 'spacious_echo', 'lofi_telephone', 'robotic', 'auditorium_echo'] as const;
const MAX_CLONED = 4;

/** The `GET /audio/{audio_id}` object of a legacy clip. */
export function clipView(mock: MockServices, c: AudioClipRecord): Record<string, unknown> {
  const voice = mock.state.voices.get(c.voiceId);
  return {
    audio_id: c.audioId,
    audio_review: 0,
    ...(voice ? { voice_info: voiceInfo(voice) } : {}),
    text: c.text,
    audio_url: `https://cdn.hailuoai.video/moss/prod/${ossDay(c.createdAt).slice(0, 10)}/audio/${c.id}.mp3`,
    audio_title: c.title,
    create_time: c.createdAt,
    emotion: c.emotion,
    language_boost: c.languageBoost,
    speed: c.speed,
    pitch: c.pitch,
    update_time: c.createdAt,
    effects: c.effects,
  };
}

/** A legacy voice usable by `account`: a system voice or one of its cloned voices. */
function legacyVoice(mock: MockServices, voiceId: string, account: string) {
  const v = mock.state.voices.get(voiceId);
  if (!v || v.family !== 'audio') return undefined;
  return v.account && v.account !== account ? undefined : v;
}

const CONFIG = {
  t2a_emotion: [
    { label: 'Auto', value: 'Auto' }, { label: 'Happy', value: 'happy' }, { label: 'Sad', value: 'sad' }, { label: 'Angry', value: 'angry' },
    { label: 'Fearful', value: 'fearful' }, { label: 'Disgusted', value: 'disgusted' }, { label: 'Surprised', value: 'surprised' }, { label: 'Neutral', value: 'neutral' },
  ],
  voice_tag_accent: [{ language: 'English', tag_name: 'US (General)' }, { language: 'English', tag_name: 'British' }, { language: 'Chinese', tag_name: 'Mandarin' }],
  voice_tag_age: [{ tag_name: 'Child' }, { tag_name: 'Young Adult' }, { tag_name: 'Adult' }, { tag_name: 'Elderly' }],
  voice_tag_gender: [{ tag_name: 'Male' }, { tag_name: 'Female' }],
  voice_tag_language: [{ tag_name: 'English' }, { tag_name: 'Chinese' }, { tag_name: 'Italian' }, { tag_name: 'Spanish' }],
};

type SynthesisParams = { account?: string; text: string; voice_id: string; model?: string; language_boost?: string; emotion?: string; speed?: number; pitch?: number } & Record<string, unknown>;

/** The account a legacy synthesis runs on: the `account` rule, a voice that account can use, and its upstream state. */
function synthesisAccount(ctx: HandlerContext, p: SynthesisParams) {
  const account = ctx.mock.accountRule(p.account);
  if (isReply(account)) return account;
  if (!legacyVoice(ctx.mock, p.voice_id, account.account)) {
    return errorReply(400, unknownVoice([...ctx.mock.state.voices.values()].filter((v) => v.family === 'audio'), p.voice_id, 'GET /audio/voices'));
  }
  return ctx.upstream(account, {}) ?? account;
}

export const audioHandlers: Pick<HandlerTable, 'listAudio' | 'getAudioConfig' | 'listAudioVoices' | 'getAudio' | 'deleteAudio' | 'createAudioMp3' | 'createAudioStream' | 'uploadAudioSample' | 'cloneAudioVoice' | 'deleteAudioVoice'> = {
  listAudio: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const clips = newestFirst([...mock.state.audioClips.values()].filter((c) => c.account === a.account));
    const { items, hasMore } = page(clips, params.page ?? 1, params.page_size ?? 100);
    return jsonReply(200, {
      audio_list: items.map((c) => ({
        audio_id: c.audioId, audio_review: 0, user_id: Number(a.account), audio_title: c.title,
        audio_url: `https://cdn.hailuoai.video/moss/prod/${ossDay(c.createdAt).slice(0, 10)}/audio/${c.id}.mp3`, update_time: c.createdAt,
      })),
      total: clips.length,
      has_more: hasMore,
    });
  },

  getAudioConfig: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    return jsonReply(200, CONFIG);
  },

  listAudioVoices: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const all = [...mock.state.voices.values()].filter((v) => v.family === 'audio');
    if (params.is_system === false) {
      const cloned = all.filter((v) => v.account === a.account);
      return jsonReply(200, { voice_list: cloned.map(voiceView), total: cloned.length, has_more: false });
    }
    const matching = filterByTags(all.filter((v) => !v.account), params.tag_list);
    const { items, hasMore } = page(matching, params.page ?? 1, params.page_size ?? 500);
    return jsonReply(200, { voice_list: items.map(voiceView), total: matching.length, has_more: hasMore });
  },

  getAudio: ({ mock, params }) => {
    const c = mock.state.audioClips.get(params.audio_id);
    return c ? jsonReply(200, clipView(mock, c)) : errorReply(404, 'Not found.');
  },

  deleteAudio: ({ mock, params }) => {
    mock.state.audioClips.delete(params.audio_id);
    return jsonReply(200, {});
  },

  createAudioMp3: (ctx) => {
    const { mock, now } = ctx;
    const p = ctx.params as SynthesisParams;
    const account = synthesisAccount(ctx, p);
    if (isReply(account)) return account;
    const id = mock.digits();
    const audioId = makeId(ctx.userId, account.account, 'audio', id);
    const effects = Object.fromEntries(EFFECT_KEYS.map((k, i) => [k, (p[k] as number | boolean | undefined) ?? (i < 3 ? 0 : false)]));
    const clip: AudioClipRecord = {
      audioId, id, account: account.account, text: p.text, title: p.text.replace(/<#[\d.]+#>/g, '').trim().slice(0, 40), voiceId: p.voice_id,
      createdAt: now, speed: p.speed ?? 1, pitch: p.pitch ?? 0, emotion: p.emotion ?? 'Auto', languageBoost: p.language_boost ?? 'Auto', effects,
    };
    mock.state.audioClips.set(audioId, clip);
    return jsonReply(200, clipView(mock, clip));
  },

  createAudioStream: (ctx) => {
    const { mock } = ctx;
    const p = ctx.params as SynthesisParams;
    const account = synthesisAccount(ctx, p);
    if (isReply(account)) return account;
    const { account: _account, ...payload } = p;
    return jsonReply(200, { token: mock.rng.uuid(), payload: { ...payload, model: p.model ?? 'speech-02-hd' } });
  },

  uploadAudioSample: ({ mock, params, raw, now, userId }) => {
    const account = mock.accountRule(params.account);
    if (isReply(account)) return account;
    const id = mock.digits();
    const fileID = makeId(userId, account.account, 'file', id);
    const contentType = raw?.contentType ?? 'audio/mpeg';
    const ossPath = `moss/prod/${ossDay(now).slice(0, 10)}/audio/sample/${now}-${id.slice(-5)}.${EXTENSION[contentType] ?? 'mp3'}`;
    mock.state.files.set(fileID, { fileID, id, account: account.account, ossPath, contentType, size: raw?.bytes.length ?? 0, createdAt: now, kind: 'sample' });
    return jsonReply(200, { ossPath, fileID });
  },

  cloneAudioVoice: ({ mock, params, now, userId }) => {
    const account = mock.accountRule(params.account);
    if (isReply(account)) return account;
    const ids = params.files.split(',').map((f) => f.trim());
    for (const f of ids) {
      const file = mock.state.files.get(f);
      if (!file || file.kind !== 'sample' || file.account !== account.account) return errorReply(400, `Parameter files: ${f} is not a sample uploaded to account ${account.account} (POST /audio/upload-sample)`);
    }
    const cloned = [...mock.state.voices.values()].filter((v) => v.account === account.account && v.family === 'audio');
    if (cloned.length >= MAX_CLONED) return errorReply(400, `Account ${account.account} already holds ${MAX_CLONED} cloned voices; delete one first`);
    const voiceId = makeId(userId, account.account, 'audio', mock.digits());
    const firstFile = mock.state.files.get(ids[0]!)!;
    mock.state.voices.set(voiceId, { voiceId, name: params.voice_name, tags: [params.language_tag], account: account.account, family: 'audio', createdAt: now, fileId: firstFile.id });
    return jsonReply(200, {
      ...voiceView(mock.state.voices.get(voiceId)!),
      managed_by_api: true,
      clone: {
        voice_name: params.voice_name,
        language_tag: params.language_tag,
        need_noise_reduction: params.need_noise_reduction ?? true,
        files: ids.map((f) => ({ file_id: mock.state.files.get(f)!.id, file_name: mock.state.files.get(f)!.ossPath.split('/').pop() ?? f })),
      },
    });
  },

  deleteAudioVoice: ({ mock, params }) => {
    const account = mock.accountRule(params.account);
    if (isReply(account)) return account;
    const v = mock.state.voices.get(params.voice_id);
    if (v?.account) mock.state.voices.delete(params.voice_id);
    return jsonReply(200, {});
  },
};
