// Deterministic sample data: what a freshly configured account already holds (made "on the website",
// so not tracked by the scheduler). Everything is a function of the seed and the start time.
import { makeAgentJobId, makeId } from './ids.js';
import type { Random } from './random.js';
import type { AccountRecord, MockState, TemplateRecord, VoiceRecord } from './state.js';

const HOUR = 3_600_000;

const VIDEO_PROMPTS = [
  'A corgi surfing a wave at sunset, cinematic',
  'Time-lapse of a city skyline from dusk to night, neon reflections',
  'A paper boat drifting down a rainy street, macro shot',
  'An astronaut planting a tree on the moon, soft light',
  'Slow dolly through a misty bamboo forest at dawn',
];
const IMAGE_PROMPTS = [
  'A watercolor lighthouse in a storm',
  'Isometric cozy coffee shop, warm lighting',
  'Portrait of a red fox in the snow, 85mm',
  'Retro travel poster of Lisbon trams',
];
const SONG_TITLES = ['Open Road', 'Midnight Tram', 'Paper Hearts', 'Glass Garden'];
const STYLES = ['Popular', 'Urban', 'Classical', 'Electronic'];
const SPEECH_TEXTS = [
  '{happy}Welcome back!{/happy} (laughs) Today we talk about speech.',
  'The quick brown fox jumps over the lazy dog. <#0.5#> Then it rests.',
];

/**
 * The legacy (minimax.io/audio) system voices: numeric id, `uniq_id` (the voice's name), display name, tags. The
 * docs' example shows this split: `voice_id: "209544421245048"`, `uniq_id: "Italian_DiligentLeader"`.
 */
export const AUDIO_SYSTEM_VOICES: readonly [string, string, string, string[]][] = [
  ['209544421245048', 'Italian_DiligentLeader', 'Diligent Leader', ['Italian', 'Female', 'Adult', 'Calm', 'Standard']],
  ['209544421245049', 'English_WarmNarrator', 'Warm Narrator', ['English', 'Male', 'Adult', 'Calm', 'Standard']],
  ['209544421245050', 'English_BrightHost', 'Bright Host', ['English', 'Female', 'Young Adult', 'Happy', 'Standard']],
  ['209544421245051', 'English_OldStoryteller', 'Old Storyteller', ['English', 'Male', 'Elderly', 'Calm', 'Standard']],
  ['209544421245052', 'Chinese_CheerfulGirl', 'Cheerful Girl', ['Chinese', 'Female', 'Child', 'Happy', 'Standard']],
  ['209544421245053', 'Spanish_NewsAnchor', 'News Anchor', ['Spanish', 'Male', 'Adult', 'Serious', 'Standard']],
];

/**
 * The speech (2026) system voices: numeric id (opaque, what `voice_id` takes), `uniq_id` (the name), display name,
 * tags (language, accent, gender, age).
 */
export const SPEECH_SYSTEM_VOICES: readonly [string, string, string, string[]][] = [
  ['308172940561327', 'English_expressive_narrator', 'Expressive Narrator', ['English', 'EN-British', 'Male', 'Middle-aged']],
  ['308172940561415', 'English_radiant_girl', 'Radiant Girl', ['English', 'EN-US (General)', 'Female', 'Young']],
  ['308172940561582', 'English_wise_elder', 'Wise Elder', ['English', 'EN-Australian', 'Male', 'Elderly']],
  ['308172940561639', 'English_calm_teacher', 'Calm Teacher', ['English', 'EN-Indian', 'Female', 'Middle-aged']],
  ['308172940561746', 'English_playful_kid', 'Playful Kid', ['English', 'EN-US (General)', 'Male', 'Child']],
  ['308172940561853', 'Chinese_gentle_host', 'Gentle Host', ['Chinese', 'CN-Northern', 'Female', 'Young']],
  ['308172940561961', 'Chinese_steady_anchor', 'Steady Anchor', ['Chinese', 'CN-Southern', 'Male', 'Middle-aged']],
  ['308172940562074', 'Italian_diligent_leader', 'Diligent Leader', ['Italian', 'Female', 'Middle-aged']],
  ['308172940562187', 'Spanish_bright_voice', 'Bright Voice', ['Spanish', 'Female', 'Young']],
  ['308172940562293', 'Japanese_soft_whisper', 'Soft Whisper', ['Japanese', 'Female', 'Young']],
  ['308172940562306', 'French_velvet_baritone', 'Velvet Baritone', ['French', 'Male', 'Middle-aged']],
  ['308172940562418', 'German_clear_speaker', 'Clear Speaker', ['German', 'Male', 'Young']],
];

/** The speech voice of the sample clips (Expressive Narrator). */
const SAMPLE_SPEECH_VOICE = SPEECH_SYSTEM_VOICES[0]![0];

/** The legacy music style groups. */
export const MUSIC_STYLES = [
  { name: 'Classical', styles: [{ styleId: '101', name: 'Orchestral' }, { styleId: '102', name: 'Piano solo' }] },
  { name: 'Urban', styles: [{ styleId: '201', name: 'Hip hop' }, { styleId: '202', name: 'R&B' }] },
  { name: 'Popular', styles: [{ styleId: '301', name: 'Synth-pop' }, { styleId: '302', name: 'Ballad' }] },
];

/** The templates of `GET /videos/agent-templates` (shared by every account). */
export function seedTemplates(state: MockState, rng: Random, start: number): void {
  const defs: [string, string, TemplateRecord['input'], number][] = [
    ['Pet superhero', 'Turn your pet into a superhero', 'image', 10],
    ['Dance challenge', 'Make anyone dance to a trending beat', 'image', 8],
    ['Product spin', 'A 360° studio spin of your product', 'image', 6],
    ['Tiny planet', 'Your text as a tiny-planet animation', 'text', 6],
    ['Comic intro', 'A comic-book intro from a photo and a line of text', 'text+image', 10],
  ];
  defs.forEach(([name, desc, input, duration], i) => {
    const id = rng.digits(18);
    state.templates.set(id, { id, name, desc, input, duration, createdAt: start - (30 + i) * 24 * HOUR });
  });
}

/** System voices (both families). */
export function seedVoices(state: MockState, start: number): void {
  for (const [id, uniqId, name, tags] of AUDIO_SYSTEM_VOICES) state.voices.set(id, { voiceId: id, uniqId, name, tags, family: 'audio', createdAt: start - 400 * 24 * HOUR });
  for (const [id, uniqId, name, tags] of SPEECH_SYSTEM_VOICES) state.voices.set(id, { voiceId: id, uniqId, name, tags, family: 'speech', createdAt: start - 30 * 24 * HOUR });
}

/** The sample history of one account. */
export function seedAccountData(state: MockState, rng: Random, uid: string, account: AccountRecord, start: number, index: number): void {
  const a = account.account;
  const t0 = start - (index + 1) * 2 * HOUR;
  // Videos (completed, newest last in insertion order).
  for (let i = 0; i < 3; i++) {
    const id = rng.digits(18);
    const videoId = makeId(uid, a, 'video', id);
    state.videos.set(videoId, {
      videoId, id, account: a, prompt: rng.pick(VIDEO_PROMPTS), model: rng.pick(['T2V-2.3', '02', 'Seedance-2.0', 'I2V-2.3']),
      width: 1366, height: 768, fileIds: [], createdAt: t0 - (3 - i) * 5 * HOUR, durationMs: 4 * 60_000,
      outcome: { kind: 'completed' }, viaApi: false,
    });
  }
  // Images: two batches of two.
  for (let b = 0; b < 2; b++) {
    const batchId = rng.digits(18);
    const prompt = rng.pick(IMAGE_PROMPTS);
    const model = b === 0 ? 'image-01' : 'nano-banana-2';
    for (let i = 0; i < 2; i++) {
      const id = rng.digits(18);
      const imageId = makeId(uid, a, 'image', id);
      state.images.set(imageId, {
        imageId, id, account: a, prompt, model, aspectRatio: '16:9', width: 1280, height: 720, batchId,
        fileId: makeId(uid, a, 'file', rng.digits(18)), createdAt: t0 - (2 - b) * 3 * HOUR, durationMs: 30_000,
        outcome: { kind: 'completed' }, viaApi: false,
      });
    }
  }
  // Songs: two legacy, one Music 3.0.
  for (let i = 0; i < 3; i++) {
    const id = rng.digits(18);
    const musicId = makeId(uid, a, 'music', id);
    const legacy = i < 2;
    state.songs.set(musicId, {
      musicId, id, account: a, title: rng.pick(SONG_TITLES), lyrics: 'Driving down the open road\nSinging loud and free', style: rng.pick(STYLES),
      ...(legacy ? {} : { model: 'music-3.0' }), legacy, instrumental: false, seconds: legacy ? rng.int(30, 60) : rng.int(110, 140),
      createdAt: t0 - (3 - i) * 24 * HOUR, durationMs: 60_000, outcome: { kind: 'completed' }, viaApi: false,
    });
  }
  // Speech clips.
  SPEECH_TEXTS.forEach((text, i) => {
    const id = rng.digits(18);
    const audioId = makeId(uid, a, 'audio', id);
    state.speech.set(audioId, {
      audioId, id, account: a, text, voiceId: SAMPLE_SPEECH_VOICE, model: 'speech-2.8-hd', speed: 1, pitch: 0,
      languageBoost: 'Auto', ...(i === 0 ? { emotion: 'happy' } : {}), createdAt: t0 - (2 - i) * 4 * HOUR, durationMs: 4_000,
      outcome: { kind: 'completed' }, viaApi: false,
    });
  });
  // Legacy audio clips.
  for (let i = 0; i < 2; i++) {
    const id = rng.digits(18);
    const audioId = makeId(uid, a, 'audio', id);
    state.audioClips.set(audioId, {
      audioId, id, account: a, text: i === 0 ? 'Benvenuti al nostro programma.' : 'Welcome to the show. <#0.5#> Let\'s begin.',
      title: i === 0 ? 'Benvenuti' : 'Welcome to the show', voiceId: i === 0 ? '209544421245048' : '209544421245049',
      createdAt: t0 - (200 + i) * 24 * HOUR, speed: 1, pitch: 0, emotion: 'Auto', languageBoost: 'Auto',
      effects: { deepen_lighten: 0, stronger_softer: 0, nasal_crisp: 0, spacious_echo: false, lofi_telephone: false, robotic: false, auditorium_echo: false },
    });
  }
  // One cloned legacy voice.
  const clonedId = makeId(uid, a, 'audio', rng.digits(18));
  const cloned: VoiceRecord = { voiceId: clonedId, name: 'My Narrator', tags: ['English'], account: a, family: 'audio', createdAt: t0 - 210 * 24 * HOUR, fileId: rng.digits(18) };
  state.voices.set(clonedId, cloned);
  // Characters.
  for (let i = 0; i < 2; i++) {
    const characterID = rng.digits(18);
    state.characters.set(characterID, { characterID, account: a, fileID: makeId(uid, a, 'file', rng.digits(18)) });
  }
  // Legacy LLM chats.
  const questions: [string, string, string][] = [
    ['Capital of France', 'What is the capital of France?', 'Paris is the capital of France.'],
    ['Haiku', 'Write a haiku about autumn.', 'Crisp leaves drift and fall / the maple lets go of red / quiet afternoon'],
  ];
  questions.forEach(([title, q, answer], i) => {
    const chatID = rng.digits(18);
    const created = t0 - (100 + i) * 24 * HOUR;
    const userMsg = rng.digits(18);
    state.chats.set(chatID, {
      chatID, account: a, title, model: 'mm-01', createdAt: created, updatedAt: created + 60_000,
      messages: [
        { msgID: userMsg, content: q, msgType: 'user', createdAt: created },
        { msgID: rng.digits(18), content: answer, msgType: 'system', createdAt: created + 60_000, parentMsgID: userMsg },
      ],
    });
  });
  // A finished agent job.
  const jobId = makeAgentJobId(uid, a, rng.digits(9));
  state.agentJobs.set(jobId, {
    jobId, account: a, prompt: 'Generate a video of a cat playing piano', models: ['hailuo-2.3'], files: [], async: true,
    createdAt: t0 - 6 * HOUR, durationMs: 135_000, outcome: { kind: 'completed' }, viaApi: true,
  });
}
