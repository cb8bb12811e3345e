// The mock's in-memory state: one store per resource, plain records that the family handlers turn into
// API objects (job states are computed from the clock when read, see lifecycle.ts).

/** How a generation ends. `moderated-after` completes first and is moderated `afterMs` later. */
export type JobOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; message?: string; code?: number }
  | { kind: 'moderated'; status: number }
  | { kind: 'moderated-after'; status: number; afterMs: number; removed?: boolean }
  | { kind: 'expired' };

/** Fields every asynchronous job shares. */
export interface JobBase {
  account: string;
  createdAt: number;
  /** Virtual milliseconds from creation to the final state. */
  durationMs: number;
  outcome: JobOutcome;
  /** Created through the API (tracked by the scheduler until final). */
  viaApi: boolean;
  /** `DELETE /scheduler/{id}` was called: no more webhooks, no longer listed. */
  untracked?: boolean;
  replyUrl?: string | undefined;
  replyRef?: string | undefined;
}

/** A configured MiniMax account and its simulated upstream state. */
export interface AccountRecord {
  account: string;
  maxJobs: number;
  supportVideo: boolean;
  supportChat: boolean;
  supportAudio: boolean;
  /** Present when the account is in an error state. */
  error?: string | undefined;
  /** Upstream credits; a create that costs more answers 412. */
  credits: number;
  /** Needed by music and speech (412 without). */
  audioSubscription: boolean;
  /** Creates answer 596 while true. */
  onHold: boolean;
  /** Epoch ms of the JWT's issue and expiry. */
  iat: number;
  exp: number;
  deviceId: string;
  name: string;
  host: string;
  searchParams: string;
  maskedToken: string;
}

/** A video (`POST /videos/create`, agent templates, or sample data). */
export interface VideoRecord extends JobBase {
  videoId: string;
  id: string;
  prompt: string;
  model: string;
  width: number;
  height: number;
  fileIds: string[];
  cancelledAt?: number;
  deleted?: boolean;
  templateId?: string;
}

/** One image of a `POST /images/create` batch. */
export interface ImageRecord extends JobBase {
  imageId: string;
  id: string;
  prompt: string;
  model: string;
  aspectRatio: string;
  width: number;
  height: number;
  batchId: string;
  fileId: string;
  /** Soft-deleted: hidden from the list, still readable by id. */
  deleted?: boolean;
}

/** A song of either era. */
export interface SongRecord extends JobBase {
  musicId: string;
  id: string;
  title: string;
  lyrics: string;
  style: string;
  model?: string;
  legacy: boolean;
  instrumental: boolean;
  /** Seconds. */
  seconds: number;
}

/** A recorded agent file part. */
export interface AgentFileMeta {
  name: string;
  size: number;
  type: string;
}

/** A MiniMax Agent job. */
export interface AgentJobRecord extends JobBase {
  jobId: string;
  prompt: string;
  models: string[];
  files: AgentFileMeta[];
  async: boolean;
}

/** A speech generation (and its clip once completed). */
export interface SpeechRecord extends JobBase {
  audioId: string;
  id: string;
  text: string;
  voiceId: string;
  model: string;
  emotion?: string | undefined;
  speed: number;
  pitch: number;
  languageBoost: string;
  cancelledAt?: number;
  deleted?: boolean;
}

/** A legacy text-to-speech clip. */
export interface AudioClipRecord {
  audioId: string;
  id: string;
  account: string;
  text: string;
  title: string;
  voiceId: string;
  createdAt: number;
  speed: number;
  pitch: number;
  emotion: string;
  languageBoost: string;
  effects: Record<string, number | boolean>;
}

/** A system or cloned voice. */
export interface VoiceRecord {
  /** What `voice_id` takes: a numeric string for system voices, `user:…-audio:<digits>` for cloned ones. */
  voiceId: string;
  /** The system voice's name (`uniq_id`, e.g. `English_radiant_girl`); cloned voices have none. */
  uniqId?: string;
  name: string;
  tags: string[];
  /** Cloned voices belong to an account. */
  account?: string;
  family: 'audio' | 'speech';
  createdAt: number;
  fileId?: string;
}

/** An uploaded file or voice sample. */
export interface FileRecord {
  fileID: string;
  id: string;
  account: string;
  ossPath: string;
  contentType: string;
  size: number;
  createdAt: number;
  kind: 'file' | 'sample';
}

/** A legacy LLM chat message. */
export interface ChatMessageRecord {
  msgID: string;
  content: string;
  msgType: 'user' | 'system';
  createdAt: number;
  parentMsgID?: string;
}

/** A legacy LLM chat. */
export interface ChatRecord {
  chatID: string;
  account: string;
  title: string;
  model: string;
  createdAt: number;
  updatedAt: number;
  messages: ChatMessageRecord[];
}

/** A video agent template (shared by every account). */
export interface TemplateRecord {
  id: string;
  name: string;
  desc: string;
  createdAt: number;
  input: 'text' | 'image' | 'text+image';
  duration: number;
}

/** A subject-reference character. */
export interface CharacterRecord {
  characterID: string;
  account: string;
  fileID: string;
}

/** Every store of the mock. Maps keep insertion order. */
export interface MockState {
  accounts: Map<string, AccountRecord>;
  videos: Map<string, VideoRecord>;
  images: Map<string, ImageRecord>;
  songs: Map<string, SongRecord>;
  agentJobs: Map<string, AgentJobRecord>;
  speech: Map<string, SpeechRecord>;
  audioClips: Map<string, AudioClipRecord>;
  voices: Map<string, VoiceRecord>;
  files: Map<string, FileRecord>;
  chats: Map<string, ChatRecord>;
  templates: Map<string, TemplateRecord>;
  characters: Map<string, CharacterRecord>;
}

/** Empty stores. */
export function emptyState(): MockState {
  return {
    accounts: new Map(), videos: new Map(), images: new Map(), songs: new Map(), agentJobs: new Map(),
    speech: new Map(), audioClips: new Map(), voices: new Map(), files: new Map(), chats: new Map(),
    templates: new Map(), characters: new Map(),
  };
}

/** Records of a store, newest first (by `createdAt`, later insertions first on ties). */
export function newestFirst<T extends { createdAt: number }>(items: Iterable<T>): T[] {
  const list = [...items];
  return list.map((item, i) => ({ item, i })).sort((a, b) => b.item.createdAt - a.item.createdAt || b.i - a.i).map((x) => x.item);
}

/** A page after `cursor` (the item whose key equals it); an unknown cursor yields an empty page. */
export function pageAfter<T>(items: T[], key: (item: T) => string, cursor: string | undefined, limit: number): T[] {
  let start = 0;
  if (cursor !== undefined) {
    const index = items.findIndex((item) => key(item) === cursor);
    if (index < 0) return [];
    start = index + 1;
  }
  return items.slice(start, start + limit);
}
