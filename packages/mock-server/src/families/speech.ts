// speech (since 2026-08-24): asynchronous synthesis, clips, voices, delete rules.
import { errorReply, jsonReply } from '../engine/reply.js';
import { makeId } from '../engine/ids.js';
import { SPEECH_ID_TTL_MS, speechAudioUrl, speechStatus, speechTitle, speechView } from '../engine/lifecycle.js';
import { newestFirst, type SpeechRecord } from '../engine/state.js';
import { filterByTags, page, unknownVoice, voiceView } from './voices.js';
import { isReply, type HandlerTable, type MockServices } from './types.js';

const MAX_EMOTION_SPANS = 15;

/** Finds a clip by `audioId` (for 7 days) or by bare `audio_id` (for ever). */
function findSpeech(mock: MockServices, id: string, now: number): SpeechRecord | undefined {
  const byFull = mock.state.speech.get(id);
  if (byFull && now - byFull.createdAt < SPEECH_ID_TTL_MS) return byFull;
  for (const s of mock.state.speech.values()) if (s.id === id) return s;
  return undefined;
}

function speechVocabulary(mock: MockServices): Set<string> {
  const tags = new Set<string>();
  for (const v of mock.state.voices.values()) if (v.family === 'speech') for (const t of v.tags) tags.add(t);
  return tags;
}

export const speechHandlers: Pick<HandlerTable, 'createSpeech' | 'listSpeech' | 'listSpeechVoices' | 'getSpeech' | 'deleteSpeech'> = {
  createSpeech: (ctx) => {
    const { mock, params: p, now } = ctx;
    const model = p.model ?? 'speech-2.8-hd';
    const limit = model.includes('turbo') ? 10_000 : 5_000;
    if (p.text.length > limit) return errorReply(400, `Parameter text is too long for ${model} (at most ${limit} characters)`);
    // The text is scanned only when it can hold a span or a pause (`matchAll` clones its RegExp on every call).
    const spans = p.text.includes('{') ? (p.text.match(/\{[a-z]+\}/g) ?? []).length : 0;
    if (spans > MAX_EMOTION_SPANS) return errorReply(400, `Parameter text has ${spans} emotion spans (at most ${MAX_EMOTION_SPANS})`);
    if (p.text.includes('<#')) for (const m of p.text.matchAll(/<#([\d.]+)#>/g)) {
      const seconds = Number(m[1]);
      if (!(seconds >= 0.01 && seconds <= 99.99)) return errorReply(400, `Parameter text: pause <#${m[1]}#> must be 0.01–99.99 seconds`);
    }
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const voice = mock.state.voices.get(p.voice_id);
    if (!voice || (voice.account && voice.account !== account.account)) {
      return errorReply(400, unknownVoice([...mock.state.voices.values()].filter((v) => v.family === 'speech'), p.voice_id, 'GET /speech/voices'));
    }
    const refusal = ctx.upstream(account, {});
    if (refusal) return refusal;
    const id = mock.digits();
    const audioId = makeId(ctx.userId, account.account, 'audio', id);
    const record: SpeechRecord = {
      audioId, id, account: account.account, text: p.text, voiceId: p.voice_id, model, emotion: p.emotion, speed: p.speed ?? 1, pitch: p.pitch ?? 0,
      languageBoost: p.language_boost ?? 'Auto', createdAt: now, durationMs: mock.options.jobMs, outcome: ctx.outcome('speech'), viaApi: true,
      replyUrl: p.replyUrl, replyRef: p.replyRef,
    };
    mock.state.speech.set(audioId, record);
    mock.watch('speech', audioId, p.replyUrl);
    return jsonReply(201, { audioId });
  },

  listSpeech: ({ mock, params, now }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const clips = newestFirst([...mock.state.speech.values()].filter((s) => s.account === a.account && !s.deleted && speechStatus(s, now) === 'completed'));
    const { items, hasMore } = page(clips, params.page ?? 1, params.page_size ?? 100);
    return jsonReply(200, {
      audio_list: items.map((s) => ({
        audio_id: s.id, audio_review: 0, user_id: a.account, audio_title: speechTitle(s.text), audio_url: speechAudioUrl(s), update_time: s.createdAt + s.durationMs,
      })),
      total: clips.length,
      has_more: hasMore,
    });
  },

  listSpeechVoices: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    if (params.is_system === false) {
      const cloned = [...mock.state.voices.values()].filter((v) => v.account === a.account);
      return jsonReply(200, { voice_list: cloned.map(voiceView), total: cloned.length, has_more: false });
    }
    const system = [...mock.state.voices.values()].filter((v) => v.family === 'speech' && !v.account);
    // Exact, case-sensitive tags; unknown tags are ignored (which widens the result).
    const matching = filterByTags(system, params.tag_list, speechVocabulary(mock));
    const { items, hasMore } = page(matching, params.page ?? 1, params.page_size ?? 500);
    return jsonReply(200, { voice_list: items.map(voiceView), total: matching.length, has_more: hasMore });
  },

  getSpeech: ({ mock, params, now }) => {
    const s = findSpeech(mock, params.audio_id, now);
    if (!s || s.deleted) return errorReply(404, 'Not found.');
    return jsonReply(200, speechView(s, now, mock.voiceInfo(s.voiceId)));
  },

  deleteSpeech: ({ mock, params, now }) => {
    const s = findSpeech(mock, params.audio_id, now);
    if (!s || s.deleted) return jsonReply(200, {});
    const status = speechStatus(s, now);
    if (status === 'pending') return errorReply(400, `Generation is still running. Cancel it with DELETE /v1/minimax/scheduler/${s.audioId}`, { code: false });
    if (status === 'failed') return errorReply(400, 'Nothing was generated for this audioId, so there is nothing to delete', { code: false });
    s.deleted = true;
    return jsonReply(200, {});
  },
};
