// The documented read/seed API of a mock (`mock.data`): what the mock holds, read as the API shows it, and set-ups
// that no request can make (an account in an error state, a job started on the website an hour ago). The records
// behind it stay internal: a test that reads `data` keeps working when the mock's stores change.
import type { Engine } from './engine/engine.js';
import { makeAgentJobId, makeId } from './engine/ids.js';
import type { AccountSeed } from './engine/options.js';
import { seedAccountData } from './engine/seed-data.js';
import type { JobOutcome, MockState } from './engine/state.js';
import { accountView } from './families/accounts.js';
import { clipView } from './families/audio.js';
import { chatView } from './families/llm.js';
import { characterView, templateView } from './families/videos.js';
import { voiceView } from './families/voices.js';

/** The collections of a mock, named as the API names them. */
export type MockCollection =
  | 'accounts' | 'videos' | 'images' | 'music' | 'agent' | 'speech' | 'audio' | 'voices' | 'files' | 'chats' | 'templates' | 'characters';

/** Every collection, in the order `GET /__mock/state` reports them. */
export const MOCK_COLLECTIONS: readonly MockCollection[] = ['accounts', 'videos', 'images', 'music', 'agent', 'speech', 'audio', 'voices', 'files', 'chats', 'templates', 'characters'];

/** A configured account and its simulated upstream state. */
export interface MockAccount {
  readonly account: string;
  /** Concurrent video generations (1–10). */
  readonly maxJobs: number;
  /** Upstream credits left (a video costs 25, an image 1). */
  readonly credits: number;
  /** The MiniMax audio plan music and speech need. */
  readonly audioSubscription: boolean;
  /** Creates answer 596 while true. */
  readonly onHold: boolean;
  /** The error state (`error` in `GET /accounts`): not offered by the scheduler, creates answer 596. */
  readonly error: string | undefined;
  readonly supportVideo: boolean;
  readonly supportChat: boolean;
  readonly supportAudio: boolean;
}

/** A change to an account: any of its settings; `error: null` clears the error state. */
export type AccountChange = Partial<Omit<MockAccount, 'account' | 'error'>> & { error?: string | null };

/** The job kinds `addJob` seeds. */
export type JobKindName = 'video' | 'image' | 'music' | 'agent' | 'speech';

/** A job to seed with `mock.data.addJob`. Every field is optional. */
export interface JobSeed {
  /** The account it runs on. Default: the first configured account. */
  account?: string;
  /** The prompt (the text, for speech). */
  prompt?: string;
  /** When it was created: epoch ms, ISO-8601 string or `Date`. Default: now (the mock's clock). */
  createdAt?: number | string | Date;
  /** How long it runs from `createdAt` (virtual ms). Default `jobMs`. */
  durationMs?: number;
  /** How it ends. Default `completed` (music has no `failed`). */
  outcome?: 'completed' | 'failed' | 'moderated';
  /** Started through the API (tracked by `GET /scheduler` while it runs) or on the website. Default true. */
  viaApi?: boolean;
  /** Stored with the job as a create stores it (`GET /scheduler`, webhooks, the agent job's `request`). */
  replyRef?: string;
  /** Webhooks are emitted to it as the job changes. */
  replyUrl?: string;
  /** The model. Default: the create's default for the kind. */
  model?: string;
  /** Speech only: the voice (a numeric `voice_id`). Default: the first system voice. */
  voiceId?: string;
}

/** A voice to seed with `mock.data.addVoice`. */
export interface VoiceSeed {
  /** The display name (`voice_name`). */
  name: string;
  /** `speech` (`GET /speech/voices`, default) or the legacy `audio` family. */
  family?: 'speech' | 'audio';
  /** The name id (`uniq_id`) of a system voice, e.g. `English_calm_narrator`. */
  uniqId?: string;
  tags?: readonly string[];
  /** A cloned voice of this account (its id is then `user:…-audio:<digits>`); system voice when absent. */
  account?: string;
}

/** What a mock holds, read as the API shows it, and seeded without requests. */
export interface MockData {
  /** The ids a collection holds that the API still shows (oldest first), optionally of one account. */
  ids(collection: MockCollection, filter?: { account?: string }): string[];
  /** How many records `ids` lists. */
  count(collection: MockCollection, filter?: { account?: string }): number;
  /**
   * What the API shows for a record right now: its `GET` object (jobs, accounts, legacy clips), its list item
   * where the API has no `GET` by id (voices, chats, templates, characters), or, for files, what the upload stored
   * (`{ fileID, account, ossPath, contentType, size, createdAt, kind }`). `undefined` when the API would not show it.
   */
  get(collection: MockCollection, id: string): Record<string, unknown> | undefined;
  /** An account's settings and upstream state. */
  account(id: string): MockAccount | undefined;
  /** Adds an account (with its sample history unless `sampleData: false`); returns its id. Throws if it exists. */
  addAccount(seed?: AccountSeed & { sampleData?: boolean }): string;
  /** Changes an account's settings or upstream state (e.g. `{ error: 'Session expired' }`, `{ credits: 0 }`). */
  updateAccount(id: string, change: AccountChange): MockAccount;
  /** Removes an account (its records stay). Returns whether it existed. */
  removeAccount(id: string): boolean;
  /** Adds a job as if it had been created at `createdAt`; returns its id. */
  addJob(kind: JobKindName, seed?: JobSeed): string;
  /** Adds a system or cloned voice; returns its `voice_id`. */
  addVoice(seed: VoiceSeed): string;
}

type StoreName = keyof MockState;
const STORE: Record<MockCollection, StoreName> = {
  accounts: 'accounts', videos: 'videos', images: 'images', music: 'songs', agent: 'agentJobs', speech: 'speech',
  audio: 'audioClips', voices: 'voices', files: 'files', chats: 'chats', templates: 'templates', characters: 'characters',
};
const JOB_COLLECTION: Record<JobKindName, MockCollection> = { video: 'videos', image: 'images', music: 'music', agent: 'agent', speech: 'speech' };

/** The collection of a job kind. */
export function collectionOf(kind: JobKindName): MockCollection {
  return JOB_COLLECTION[kind];
}

function checkCollection(collection: string): asserts collection is MockCollection {
  if (!(collection in STORE)) throw new TypeError(`Unknown collection "${collection}". Known: ${MOCK_COLLECTIONS.join(', ')}`);
}

function epoch(value: number | string | Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new RangeError(`${field} must be a date (epoch ms, ISO-8601 string or Date), got ${String(value)}`);
  return ms;
}

function checkSettings(change: AccountChange | AccountSeed): void {
  const c = change as Record<string, unknown>;
  if (c.maxJobs !== undefined && (!Number.isInteger(c.maxJobs) || (c.maxJobs as number) < 1 || (c.maxJobs as number) > 10)) throw new RangeError(`maxJobs must be an integer from 1 to 10, got ${String(c.maxJobs)}`);
  if (c.credits !== undefined && (typeof c.credits !== 'number' || !(c.credits >= 0) || c.credits > Number.MAX_SAFE_INTEGER)) throw new RangeError(`credits must be a number >= 0, got ${String(c.credits)}`);
  for (const flag of ['audioSubscription', 'onHold', 'supportVideo', 'supportChat', 'supportAudio']) {
    if (c[flag] !== undefined && typeof c[flag] !== 'boolean') throw new TypeError(`${flag} must be a boolean, got ${String(c[flag])}`);
  }
  if (c.error !== undefined && c.error !== null && (typeof c.error !== 'string' || c.error === '')) throw new TypeError('error must be a non-empty string (or null to clear it)');
}

/** The read/seed API over one engine. */
export function createMockData(engine: Engine): MockData {
  const state = () => engine.state;
  const view = (collection: MockCollection, id: string): Record<string, unknown> | undefined => {
    const s = state();
    const now = engine.clock.now();
    switch (collection) {
      case 'videos': return engine.viewOf('videos', id, now);
      case 'images': return engine.viewOf('images', id, now);
      case 'music': return engine.viewOf('songs', id, now);
      case 'agent': return engine.viewOf('agentJobs', id, now);
      case 'speech': return engine.viewOf('speech', id, now);
      case 'accounts': { const r = s.accounts.get(id); return r ? accountView(r) : undefined; }
      case 'audio': { const r = s.audioClips.get(id); return r ? clipView(engine, r) : undefined; }
      case 'voices': { const r = s.voices.get(id); return r ? voiceView(r) : undefined; }
      case 'files': { const r = s.files.get(id); return r ? { fileID: r.fileID, account: r.account, ossPath: r.ossPath, contentType: r.contentType, size: r.size, createdAt: r.createdAt, kind: r.kind } : undefined; }
      case 'chats': { const r = s.chats.get(id); return r ? chatView(r) : undefined; }
      case 'templates': { const r = s.templates.get(id); return r ? templateView(r) : undefined; }
      case 'characters': { const r = s.characters.get(id); return r ? characterView(r) : undefined; }
    }
  };
  const ids = (collection: MockCollection, filter: { account?: string } = {}): string[] => {
    checkCollection(collection);
    const out: string[] = [];
    for (const [id, record] of state()[STORE[collection]] as Map<string, { account?: string }>) {
      if (filter.account !== undefined && record.account !== filter.account) continue;
      if (view(collection, id) !== undefined) out.push(id);
    }
    return out;
  };
  const accountOf = (id: string): MockAccount | undefined => {
    const a = state().accounts.get(id);
    if (!a) return undefined;
    return {
      account: a.account, maxJobs: a.maxJobs, credits: a.credits, audioSubscription: a.audioSubscription, onHold: a.onHold, error: a.error,
      supportVideo: a.supportVideo, supportChat: a.supportChat, supportAudio: a.supportAudio,
    };
  };
  const requireAccount = (id: string | undefined) => {
    const s = state();
    const account = id ?? s.accounts.keys().next().value;
    if (account === undefined) throw new Error('No account is configured: add one with mock.data.addAccount()');
    if (!s.accounts.has(account)) throw new Error(`No account ${account} is configured (configured: ${[...s.accounts.keys()].join(', ') || 'none'})`);
    return account;
  };

  return {
    ids,
    count: (collection, filter) => ids(collection, filter).length,
    get: (collection, id) => {
      checkCollection(collection);
      const v = view(collection, id);
      return v === undefined ? undefined : structuredClone(v);
    },
    account: accountOf,
    addAccount: (seed = {}) => {
      checkSettings(seed);
      const s = state();
      if (seed.account !== undefined && !/^\d{1,64}$/.test(seed.account)) throw new TypeError(`account must be digits (a MiniMax user id), got "${seed.account}"`);
      if (seed.account !== undefined && s.accounts.has(seed.account)) throw new Error(`Account ${seed.account} exists: change it with mock.data.updateAccount()`);
      const now = engine.clock.now();
      const index = s.accounts.size;
      const record = engine.makeAccount(seed, index, now);
      if (s.accounts.has(record.account)) throw new Error(`Account ${record.account} exists: give the new account an id`);
      s.accounts.set(record.account, record);
      if (seed.sampleData ?? engine.options.sampleData) seedAccountData(s, engine.rng, engine.options.userId, record, now, index);
      return record.account;
    },
    updateAccount: (id, change) => {
      const a = state().accounts.get(id);
      if (!a) throw new Error(`No account ${id} is configured`);
      checkSettings(change);
      const { error, ...settings } = change;
      for (const [key, value] of Object.entries(settings)) if (value !== undefined) (a as unknown as Record<string, unknown>)[key] = value;
      if (error === null) delete a.error;
      else if (error !== undefined) a.error = error;
      return accountOf(id)!;
    },
    removeAccount: (id) => state().accounts.delete(id),
    addJob: (kind, seed = {}) => {
      if (!(kind in JOB_COLLECTION)) throw new TypeError(`Unknown job kind "${String(kind)}". Known: ${Object.keys(JOB_COLLECTION).join(', ')}`);
      const s = state();
      const account = requireAccount(seed.account);
      const createdAt = seed.createdAt === undefined ? engine.clock.now() : epoch(seed.createdAt, 'createdAt');
      const durationMs = seed.durationMs ?? engine.options.jobMs;
      if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be a number >= 0, got ${durationMs}`);
      const ending = seed.outcome ?? 'completed';
      if (!['completed', 'failed', 'moderated'].includes(ending)) throw new TypeError(`outcome must be completed, failed or moderated, got "${String(ending)}"`);
      if (kind === 'music' && ending === 'failed') throw new RangeError('music has no failed state (use completed or moderated)');
      const outcome: JobOutcome = ending === 'completed' ? { kind: 'completed' } : ending === 'failed' ? { kind: 'failed' } : { kind: 'moderated', status: kind === 'music' ? 4 : kind === 'video' || kind === 'image' ? 5 : 422 };
      const uid = engine.options.userId;
      const prompt = seed.prompt ?? `A seeded ${kind}`;
      const base = { account, createdAt, durationMs, outcome, viaApi: seed.viaApi ?? true, replyUrl: seed.replyUrl, replyRef: seed.replyRef };
      const digits = engine.digits();
      let id: string;
      switch (kind) {
        case 'video':
          id = makeId(uid, account, 'video', digits);
          s.videos.set(id, { ...base, videoId: id, id: digits, prompt, model: seed.model ?? 'T2V-01', width: 1280, height: 720, fileIds: [] });
          engine.watch('videos', id, seed.replyUrl);
          break;
        case 'image':
          id = makeId(uid, account, 'image', digits);
          s.images.set(id, {
            ...base, imageId: id, id: digits, prompt, model: seed.model ?? 'image-01', aspectRatio: '16:9', width: 1280, height: 720,
            batchId: engine.digits(), fileId: makeId(uid, account, 'file', engine.digits()),
          });
          engine.watch('images', id, seed.replyUrl);
          break;
        case 'music':
          id = makeId(uid, account, 'music', digits);
          s.songs.set(id, { ...base, musicId: id, id: digits, title: prompt.slice(0, 40), lyrics: prompt, style: prompt.slice(0, 60), model: seed.model ?? 'music-3.0', legacy: false, instrumental: false, seconds: 120 });
          engine.watch('songs', id, seed.replyUrl);
          break;
        case 'agent':
          id = makeAgentJobId(uid, account, engine.digits(9));
          s.agentJobs.set(id, { ...base, jobId: id, prompt, models: [seed.model ?? 'hailuo-2.3'], files: [], async: true });
          engine.watch('agentJobs', id, seed.replyUrl);
          break;
        case 'speech': {
          const voiceId = seed.voiceId ?? [...s.voices.values()].find((v) => v.family === 'speech' && !v.account)?.voiceId;
          if (voiceId === undefined || !s.voices.has(voiceId)) throw new Error(`No voice ${String(voiceId)} (see mock.data.ids('voices'))`);
          id = makeId(uid, account, 'audio', digits);
          s.speech.set(id, { ...base, audioId: id, id: digits, text: prompt, voiceId, model: seed.model ?? 'speech-2.8-hd', speed: 1, pitch: 0, languageBoost: 'Auto' });
          engine.watch('speech', id, seed.replyUrl);
          break;
        }
      }
      return id;
    },
    addVoice: (seed) => {
      if (typeof seed?.name !== 'string' || seed.name === '') throw new TypeError('name must be a non-empty string');
      const s = state();
      const family = seed.family ?? 'speech';
      if (family !== 'speech' && family !== 'audio') throw new TypeError(`family must be speech or audio, got "${String(family)}"`);
      const voiceId = seed.account === undefined ? engine.digits(15) : makeId(engine.options.userId, requireAccount(seed.account), 'audio', engine.digits());
      s.voices.set(voiceId, {
        voiceId, name: seed.name, tags: [...(seed.tags ?? [])], family, createdAt: engine.clock.now(),
        ...(seed.uniqId !== undefined ? { uniqId: seed.uniqId } : {}), ...(seed.account !== undefined ? { account: seed.account } : {}),
      });
      return voiceId;
    },
  };
}
