// Contract: every operation of the spec, with valid input, answers a documented success status and a body
// the spec accepts, through `mock.handle`, MSW and the standalone server. Checked twice: by the mock itself
// (test mode throws on drift) and here with an independent Ajv over the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deref, loadSpec, operations } from '@useapi-minimax/spec';
import { createAccountJwt } from '@useapi-minimax/mock-server';
import { MP3, PNG, esc, openHarness, specErrors, sseEvents, type Answer, type Call, type Harness, type TransportName } from './helpers.js';

const spec = loadSpec();
/** The schema of each stream's `data:` objects, from the spec's `x-sdk.event`. */
const SSE_SCHEMA: Record<string, string> = Object.fromEntries(
  operations.filter((o) => o.sdk.event).map((o) => [o.operationId, `#/components/schemas/${o.sdk.event}`]),
);

type Ids = Record<string, string>;
interface Step {
  op: string;
  call: (ids: Ids) => Call;
  keep?: (body: any, ids: Ids) => void;
  /** Advance the mock's clock before this step. */
  advance?: number;
}

const enc = encodeURIComponent;
const STEPS: Step[] = [
  { op: 'listAccounts', call: () => ({ path: '/accounts' }), keep: (b, ids) => { ids.account = Object.keys(b)[0]!; } },
  { op: 'getAccount', call: (ids) => ({ path: `/accounts/${ids.account}` }) },
  { op: 'getFeatures', call: () => ({ path: '/features' }) },
  { op: 'uploadFile', call: () => ({ path: '/files', raw: { type: 'image/png', bytes: PNG } }), keep: (b, ids) => { ids.fileID = b.fileID; ids.ossPath = b.ossPath; } },
  { op: 'listFiles', call: () => ({ path: '/files?limit=5' }) },
  { op: 'createVideo', call: () => ({ path: '/videos/create', json: { prompt: 'A corgi surfing', model: 'T2V-2.3', options: '768p-6sec', replyRef: 'order-1' } }), keep: (b, ids) => { ids.videoId = b.videoId; } },
  { op: 'getVideo', call: (ids) => ({ path: `/videos/${ids.videoId}` }) },
  { op: 'listScheduledJobs', call: () => ({ path: '/scheduler' }) },
  { op: 'getSchedulerAvailable', call: () => ({ path: '/scheduler/available' }) },
  { op: 'cancelVideo', call: (ids) => ({ path: '/videos/cancel', json: { videoId: ids.videoId } }) },
  { op: 'getVideo', call: (ids) => ({ path: `/videos/${enc(ids.videoId!)}` }) },
  { op: 'listVideos', call: () => ({ path: '/videos?limit=10' }) },
  { op: 'listAgentTemplates', call: () => ({ path: '/videos/agent-templates?limit=10' }), keep: (b, ids) => { ids.templateId = b.videoList.find((t: any) => t.videoAsset.title === 'Tiny planet').id; } },
  { op: 'listAgentTemplates', call: (ids) => ({ path: `/videos/agent-templates?templateId=${ids.templateId}` }) },
  { op: 'createAgentVideo', call: (ids) => ({ path: '/videos/agent-create', json: { templateId: ids.templateId, prompt: 'My cat as a superhero' } }) },
  { op: 'listCharacters', call: () => ({ path: '/videos/characters?page=1&pageSize=10' }) },
  { op: 'createImages', call: () => ({ path: '/images/create', json: { prompt: 'A watercolor lighthouse', model: 'nano-banana-2', aspectRatio: '16:9', resolution: '2K', quantity: 2 } }), keep: (b, ids) => { ids.imageId = b.imageIds[0]; } },
  { op: 'getImage', call: (ids) => ({ path: `/images/${ids.imageId}` }) },
  { op: 'listImages', call: () => ({ path: '/images?limit=10' }) },
  { op: 'getImage', call: (ids) => ({ path: `/images/${ids.imageId}` }), advance: 10_000 },
  { op: 'deleteImage', call: (ids) => ({ method: 'DELETE', path: `/images/${ids.imageId}` }) },
  { op: 'createSpeech', call: () => ({ path: '/speech/create', json: { text: '{happy}Hello!{/happy} (laughs) Welcome.', voice_id: '308172940561327', model: 'speech-2.8-hd' } }), keep: (b, ids) => { ids.cancelAudioId = b.audioId; } },
  { op: 'deleteScheduledJob', call: (ids) => ({ method: 'DELETE', path: `/scheduler/${ids.cancelAudioId}` }) },
  { op: 'getSpeech', call: (ids) => ({ path: `/speech/${ids.cancelAudioId}` }) },
  { op: 'createSpeech', call: () => ({ path: '/speech/create', form: { text: 'Plain text to read.', voice_id: '308172940561415', speed: '1.2', replyRef: 'sp-1' } }), keep: (b, ids) => { ids.audioId = b.audioId; } },
  { op: 'getSpeech', call: (ids) => ({ path: `/speech/${ids.audioId}` }) },
  { op: 'getSpeech', call: (ids) => ({ path: `/speech/${ids.audioId}` }), advance: 10_000 },
  { op: 'listSpeech', call: () => ({ path: '/speech?page=1&page_size=10' }) },
  { op: 'listSpeechVoices', call: () => ({ path: '/speech/voices?tag_list=English,Female' }) },
  { op: 'listSpeechVoices', call: () => ({ path: '/speech/voices?is_system=false' }) },
  { op: 'deleteSpeech', call: (ids) => ({ method: 'DELETE', path: `/speech/${ids.audioId}` }) },
  { op: 'runAgent', call: () => ({ path: '/agent', form: { prompt: 'Generate a video of a cat playing piano and an image', models: 'hailuo-2.3,nano-banana-2', async: 'true', file: new File([PNG], 'ref.png', { type: 'image/png' }) } }), keep: (b, ids) => { ids.jobId = b.jobId; } },
  { op: 'listAgentJobs', call: () => ({ path: '/agent/jobs' }) },
  { op: 'getAgentJob', call: (ids) => ({ path: `/agent/${ids.jobId}` }) },
  { op: 'getAgentJob', call: (ids) => ({ path: `/agent/${ids.jobId}` }), advance: 10_000 },
  { op: 'runAgent', call: () => ({ path: '/agent', form: { prompt: 'A song about the sea', models: 'music-2.0' } }) },
  { op: 'createMusic', call: () => ({ path: '/music/create', json: { prompt: 'Upbeat synth-pop about a road trip', title: 'Open Road', model: 'music-3.0', replyRef: 'm-1' } }), keep: (b, ids) => { ids.musicId = b.musicId; } },
  { op: 'createMusic', call: () => ({ path: '/music/create', json: { prompt: 'Lo-fi beat for studying', instrumental: true, stream: true } }) },
  { op: 'getMusic', call: (ids) => ({ path: `/music/${ids.musicId}` }) },
  { op: 'getMusic', call: (ids) => ({ path: `/music/${ids.musicId}` }), advance: 10_000 },
  { op: 'listMusic', call: () => ({ path: '/music?limit=5' }) },
  { op: 'listMusicStyles', call: () => ({ path: '/music/styles' }) },
  { op: 'createMusicLegacy', call: () => ({ path: `/music/create?prompt=${enc('Driving down the road\nsinging loud')}&styleId=301&title=Road` }) },
  { op: 'listAudio', call: () => ({ path: '/audio?page=1&page_size=10' }), keep: (b, ids) => { ids.legacyAudioId = b.audio_list[0].audio_id; } },
  { op: 'getAudio', call: (ids) => ({ path: `/audio/${ids.legacyAudioId}` }) },
  { op: 'getAudioConfig', call: () => ({ path: '/audio/config' }) },
  { op: 'listAudioVoices', call: () => ({ path: '/audio/voices?tag_list=Italian,Female&page=1&page_size=10' }) },
  { op: 'listAudioVoices', call: () => ({ path: '/audio/voices?is_system=false' }) },
  { op: 'createAudioMp3', call: () => ({ path: '/audio/create-mp3', json: { text: 'Welcome to the show. <#0.5#> Let us begin.', voice_id: '209544421245048', model: 'speech-02-hd', speed: 1.1 } }) },
  { op: 'createAudioStream', call: () => ({ path: '/audio/create-stream', json: { text: 'Once upon a time', voice_id: '209544421245048' } }) },
  { op: 'uploadAudioSample', call: () => ({ path: '/audio/upload-sample', raw: { type: 'audio/mpeg', bytes: MP3 } }), keep: (b, ids) => { ids.sampleId = b.fileID; } },
  { op: 'cloneAudioVoice', call: (ids) => ({ path: '/audio/clone-voice', json: { voice_name: 'Narrator', language_tag: 'English', files: ids.sampleId } }), keep: (b, ids) => { ids.clonedVoiceId = b.voice_id; } },
  { op: 'deleteAudioVoice', call: (ids) => ({ path: '/audio/delete-voice', json: { voice_id: ids.clonedVoiceId } }) },
  { op: 'deleteAudio', call: (ids) => ({ method: 'DELETE', path: `/audio/${ids.legacyAudioId}` }) },
  { op: 'sendLlmMessage', call: () => ({ path: '/llm', form: { prompt: 'What is the capital of France?', model: 'mm-01' } }), keep: (b, ids) => { ids.chatID = b.chatID; ids.msgID = b.msgID; } },
  { op: 'sendLlmMessage', call: (ids) => ({ path: '/llm', form: { prompt: 'And of Italy?', chatID: ids.chatID!, stream: 'true' } }) },
  { op: 'listLlmChats', call: () => ({ path: '/llm?limit=5' }) },
  { op: 'getLlmChat', call: (ids) => ({ path: `/llm/${ids.chatID}` }) },
  { op: 'deleteLlmChats', call: (ids) => ({ method: 'DELETE', path: `/llm?msgIDs=${ids.msgID}` }) },
  { op: 'deleteLlmChats', call: (ids) => ({ method: 'DELETE', path: `/llm?chatIDs=${ids.chatID}` }) },
  { op: 'deleteVideo', call: (ids) => ({ method: 'DELETE', path: `/videos/${ids.videoId}` }) },
  { op: 'deleteFile', call: (ids) => ({ method: 'DELETE', path: `/files/${ids.fileID}` }) },
  { op: 'createAccount', call: () => ({ path: '/accounts', json: { url: 'https://hailuoai.video/v3/api/multimodal/video/my/cursor?device_platform=web&app_id=3001', token: createAccountJwt('5550001'), maxJobs: 2 } }) },
  { op: 'deleteAccount', call: () => ({ method: 'DELETE', path: '/accounts/5550001' }) },
];

/** Checks an answer against the spec: a declared success status and a conforming body. */
function checkAgainstSpec(opId: string, a: Answer): void {
  const op = operations.find((o) => o.operationId === opId)!;
  expect(op.successStatuses, `${opId} answered ${a.status}: ${a.text.slice(0, 200)}`).toContain(String(a.status));
  const response = deref(spec, spec.paths[op.path][op.method.toLowerCase()].responses[String(a.status)]);
  const type = (a.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!response.content) {
    expect(a.text).toBe('');
    return;
  }
  expect(Object.keys(response.content)).toContain(type);
  const pointer = `#/paths/${esc(op.path)}/${op.method.toLowerCase()}/responses/${a.status}/content/${esc(type)}/schema`;
  if (type === 'text/event-stream') {
    const events = sseEvents(a.text);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(specErrors(SSE_SCHEMA[opId]!, e)).toEqual([]);
    return;
  }
  expect(specErrors(pointer, a.json), JSON.stringify(a.json).slice(0, 300)).toEqual([]);
}

describe.each<TransportName>(['handle', 'msw', 'http', 'fetch'])('every operation via %s', (transport) => {
  let h: Harness;
  const ids: Ids = {};
  beforeAll(async () => {
    h = await openHarness(transport, { seed: 42 });
  });
  afterAll(() => h.close());

  it('covers the whole spec', () => {
    expect(new Set(STEPS.map((s) => s.op))).toEqual(new Set(operations.map((o) => o.operationId)));
  });

  it.each(STEPS.map((s, i) => [`${String(i + 1).padStart(2, '0')} ${s.op}`, s] as const))('%s', async (_name, step) => {
    if (step.advance) h.mock.clock.advance(step.advance);
    const a = await h.call(step.call(ids));
    checkAgainstSpec(step.op, a);
    step.keep?.(a.json, ids);
    expect(h.mock.driftErrors).toEqual([]);
  });
});
