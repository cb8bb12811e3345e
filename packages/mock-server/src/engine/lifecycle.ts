// Job states computed from the clock when read: nothing advances a job but time passing.
import type { components } from '../generated/schema.js';
import type { AgentJobRecord, ImageRecord, JobBase, SongRecord, SpeechRecord, VideoRecord } from './state.js';

type Schemas = components['schemas'];
/** The API objects the mock answers. */
export type Video = Schemas['Video'];
export type Image = Schemas['Image'];
export type Music = Schemas['Music'];
export type AgentJob = Schemas['AgentJob'];
export type SpeechClip = Schemas['SpeechClip'];

/** Agent jobs end `failed` after this long (the docs' 15 minutes). */
export const AGENT_EXPIRY_MS = 15 * 60_000;
/** Agent job records are kept this long, then 404. */
export const AGENT_RETENTION_MS = 31 * 24 * 3_600_000;
/** A speech `audioId` resolves this long (the bare `audio_id` works for ever). */
export const SPEECH_ID_TTL_MS = 7 * 24 * 3_600_000;

/** `mm:ss` (minutes may exceed 99). */
export function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const dayCache = new Map<number, string>();

/** `YYYY-MM-DD-HH` path segment used by the CDN URLs (memoized: it is on every read of a job). */
function day(ms: number): string {
  let value = dayCache.get(ms);
  if (value === undefined) {
    value = new Date(ms).toISOString().slice(0, 13).replace('T', '-');
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(ms, value);
  }
  return value;
}

/** Where a job stands: the numeric status, its label, whether it is final, and progress. */
export interface Phase {
  status: number;
  label: string;
  final: boolean;
  percent: number;
  /** The resource was removed after moderation (404). */
  removed?: boolean;
}

function progress(t: number, d: number, from: number): number {
  if (d <= 0) return 99;
  return Math.max(1, Math.min(99, Math.floor(((t / d - from) / (1 - from)) * 100)));
}

/** The phase of a video or image: `0` pending → `11` queued (videos) → `1`/`12` processing → final. */
export function generationPhase(job: JobBase & { cancelledAt?: number }, now: number, kind: 'video' | 'image'): Phase {
  const t = now - job.createdAt;
  const d = job.durationMs;
  if (job.cancelledAt !== undefined && now >= job.cancelledAt && job.cancelledAt < job.createdAt + d) {
    return { status: 3, label: 'failed', final: true, percent: 0 };
  }
  if (t < d) {
    const f = d > 0 ? t / d : 1;
    if (kind === 'video') {
      if (f < 0.1) return { status: 0, label: 'pending', final: false, percent: 0 };
      if (f < 0.25) return { status: 11, label: 'queued', final: false, percent: 0 };
      return { status: 1, label: 'processing', final: false, percent: progress(t, d, 0.25) };
    }
    if (f < 0.2) return { status: 0, label: 'pending', final: false, percent: 0 };
    return { status: 12, label: 'processing', final: false, percent: progress(t, d, 0.2) };
  }
  const o = job.outcome;
  switch (o.kind) {
    case 'completed':
    case 'expired':
      return { status: 2, label: 'completed', final: true, percent: 100 };
    case 'failed':
      return { status: 3, label: 'failed', final: true, percent: 0 };
    case 'moderated':
      return { status: o.status, label: 'moderated', final: true, percent: 0 };
    case 'moderated-after':
      if (t < d + o.afterMs) return { status: 2, label: 'completed', final: true, percent: 100 };
      return { status: o.status, label: 'moderated', final: true, percent: 0, ...(o.removed ? { removed: true } : {}) };
  }
}

/** The `GET /videos/{videoId}` object at `now`, or `undefined` once removed (404). */
export function videoView(v: VideoRecord, now: number): Video | undefined {
  const p = generationPhase(v, now, 'video');
  if (p.removed) return undefined;
  const base = `https://cdn.hailuoai.video/moss/prod/${day(v.createdAt)}`;
  const stamp = Math.floor(v.createdAt / 1000);
  const view: Video = {
    id: v.id,
    desc: v.prompt,
    status: p.status,
    statusLabel: p.label,
    statusFinal: p.final,
    percent: p.percent,
    width: v.width,
    height: v.height,
    videoId: v.videoId,
  };
  if (p.status === 2) {
    view.coverURL = `${base}/video_cover/${stamp}-${v.id}.jpg`;
    view.videoURL = `${base}/video/${stamp}-${v.id}.mp4`;
    view.downloadURL = `${base}/video/${stamp}-${v.id}-nowm.mp4`;
    view.originFiles = v.fileIds.map((id) => ({ id, url: `${base}/files/${id.split(':').pop()}.png`, type: 'image' }));
    view.canAppeal = false;
    view.canRetry = true;
  } else if (!p.final) {
    view.message = p.status === 1 ? 'Generating…' : p.status === 11 ? 'Queued' : 'Waiting';
  } else if (p.status === 3) {
    view.message = v.cancelledAt !== undefined ? 'Cancelled' : failureMessage(v);
    view.canRetry = true;
  } else {
    view.message = 'Content moderated';
    view.canAppeal = true;
  }
  return view;
}

function failureMessage(job: JobBase): string {
  return job.outcome.kind === 'failed' ? job.outcome.message ?? 'Generation failed' : 'Generation failed';
}

/** The `GET /images/{imageId}` object at `now`. */
export function imageView(i: ImageRecord, now: number): Image | undefined {
  const p = generationPhase(i, now, 'image');
  if (p.removed) return undefined;
  const base = `https://cdn.hailuoai.video/moss/prod/${day(i.createdAt)}/image`;
  const view: Image = {
    id: i.id,
    desc: i.prompt,
    status: p.status,
    statusLabel: p.label,
    statusFinal: p.final,
    percent: p.percent,
    width: i.width,
    height: i.height,
    modelID: i.model,
    createTime: i.createdAt,
    batchID: i.batchId,
    aspectRatio: i.aspectRatio,
    imageId: i.imageId,
  };
  if (p.status === 2) {
    view.coverURL = `${base}/${i.id}-cover.jpeg`;
    view.videoURL = `${base}/${i.id}.jpeg`;
    view.downloadURL = `${base}/${i.id}-nowm.jpeg`;
    view.fileID = i.fileId;
    view.canRetry = true;
  } else if (!p.final) {
    view.message = p.status === 0 ? 'Waiting' : 'Generating…';
  } else if (p.status === 3) {
    view.message = failureMessage(i);
    view.canRetry = true;
  } else {
    view.message = 'Content moderated';
    view.canAppeal = true;
  }
  return view;
}

/** The phase of a song: `0` pending → `1` processing → `2` completed or `4` moderated (also later). */
export function songPhase(s: SongRecord, now: number): Phase {
  const t = now - s.createdAt;
  const d = s.durationMs;
  if (t < d) {
    if (d > 0 && t / d < 0.25) return { status: 0, label: 'pending', final: false, percent: 0 };
    return { status: 1, label: 'processing', final: false, percent: progress(t, d, 0.25) };
  }
  const o = s.outcome;
  if (o.kind === 'moderated') return { status: 4, label: 'moderated', final: true, percent: 0 };
  if (o.kind === 'moderated-after' && t >= d + o.afterMs) return { status: 4, label: 'moderated', final: true, percent: 0 };
  return { status: 2, label: 'completed', final: true, percent: 100 };
}

/** The audio URL of a song (legacy creates answer it at once). */
export function songAudioUrl(s: SongRecord): string {
  return s.legacy
    ? `https://cdn.hailuoai.com/prod/${day(s.createdAt)}/music/${Math.floor(s.createdAt / 1000)}-music_${s.id}.mp3`
    : `https://cdn.hailuoai.com/prod/${day(s.createdAt)}/music/${s.id}.mp3`;
}

/** The `GET /music/{musicId}` object at `now`. */
export function musicView(s: SongRecord, now: number): Music {
  const p = songPhase(s, now);
  const view: Music = {
    title: s.title,
    lyrics: s.lyrics,
    style: s.style,
    status: p.status,
    statusLabel: p.label,
    statusFinal: p.final,
    createTime: s.createdAt,
    musicId: s.musicId,
  };
  if (p.status === 2 || p.status === 4) {
    view.coverURL = `https://minimax-public-cdn.com/music/final_v3/${s.id}.png`;
    view.audioURL = songAudioUrl(s);
    view.duration = s.seconds;
  }
  return view;
}

/** Agent job state: `started` until its end, then `completed` or `failed` (expiry after 15 minutes). */
export function agentEnd(j: AgentJobRecord): number {
  return j.createdAt + (j.outcome.kind === 'expired' ? AGENT_EXPIRY_MS : Math.min(j.durationMs, AGENT_EXPIRY_MS));
}

/** The status of an agent job at `now`. */
export function agentStatus(j: AgentJobRecord, now: number): 'started' | 'completed' | 'failed' {
  if (now < agentEnd(j)) return 'started';
  if (j.outcome.kind === 'completed' && j.durationMs <= AGENT_EXPIRY_MS) return 'completed';
  if (j.outcome.kind === 'moderated-after') return 'completed';
  return 'failed';
}

/** The `GET /agent/{jobId}` object at `now`, or `undefined` after the 31-day retention. */
export function agentView(j: AgentJobRecord, now: number): AgentJob | undefined {
  if (now - j.createdAt >= AGENT_RETENTION_MS) return undefined;
  const status = agentStatus(j, now);
  const request: AgentJob['request'] = { prompt: j.prompt, models: j.models, async: j.async };
  if (j.files.length) request.file = j.files;
  if (j.replyUrl) request.replyUrl = j.replyUrl;
  if (j.replyRef) request.replyRef = j.replyRef;
  const view: AgentJob = { jobId: j.jobId, status, created: new Date(j.createdAt).toISOString(), request };
  if (status === 'completed') {
    const end = agentEnd(j);
    view.code = 200;
    view.response = {
      projectID: j.jobId.slice(1, 10),
      sectionID: j.jobId.slice(1, 10).split('').reverse().join(''),
      chatID: String(end).slice(-9),
      msg_content: agentMessage(j.prompt),
      timestamp: end,
      elapsedTime: elapsed(end - j.createdAt),
      attachments: agentAttachments(j),
    };
  } else if (status === 'failed') {
    const o = j.outcome;
    if (o.kind === 'expired' || j.durationMs > AGENT_EXPIRY_MS) {
      view.code = 504;
      view.error = { message: 'Timeout waiting for assistant response', status: 504 };
    } else if (o.kind === 'moderated') {
      view.code = 422;
      view.error = { message: 'Moderated prompt', status: 422 };
    } else {
      const code = o.kind === 'failed' ? o.code ?? 500 : 500;
      view.code = code;
      view.error = { message: o.kind === 'failed' ? o.message ?? 'The assistant could not complete the task' : 'The assistant could not complete the task', status: code };
    }
  }
  return view;
}

function agentMessage(prompt: string): string {
  return `Done. Here is what I made for: ${prompt.length > 80 ? `${prompt.slice(0, 77)}…` : prompt}`;
}

type Attachment = Schemas['AgentAttachment'];

/** What the agent produced, from the words of the prompt (video by default). */
function agentAttachments(j: AgentJobRecord): Attachment[] {
  const text = j.prompt.toLowerCase();
  const base = `https://cdn.hailuoai.video/moss/prod/${day(j.createdAt)}/agent/${j.jobId.slice(1, 10)}`;
  const out: Attachment[] = [];
  const wantsImage = /\b(image|picture|photo|poster|illustration)\b/.test(text);
  const wantsMusic = /\b(song|music|track)\b/.test(text);
  const wantsSpeech = /\b(speech|voice|narrat\w*|read aloud)\b/.test(text);
  const wantsVideo = /\b(video|clip|animation|film)\b/.test(text) || !(wantsImage || wantsMusic || wantsSpeech);
  if (wantsVideo) {
    out.push({
      attachmentID: `att_${j.jobId.slice(1, 10)}1`, type: 1, status: 3,
      file: {
        fileName: 'agent_video.mp4', fileUrl: `${base}/video.mp4`, type: 'video/mp4',
        extra: { width: '1280', height: '720', duration: '5.0', fps: '24', no_watermark_url: `${base}/video-nowm.mp4`, watermark_url: `${base}/video.mp4`, thumbnail_url: `${base}/video-thumb.jpg` },
      },
      node: { nodeID: `node_${j.jobId.slice(1, 10)}1`, agentFile: { id: `${j.jobId.slice(1, 10)}1`, name: 'agent_video.mp4', url: `${base}/video.mp4`, noWatermarkUrl: `${base}/video-nowm.mp4`, duration: 5 } },
    });
  }
  if (wantsImage) {
    out.push({
      attachmentID: `att_${j.jobId.slice(1, 10)}2`, type: 2, status: 3,
      file: { fileName: 'agent_image.png', fileUrl: `${base}/image.png`, type: 'image/png', extra: { model_name: 'banana_2', model_aspect_ratio: '16:9', model_resolution: '1K' } },
    });
  }
  if (wantsMusic) {
    out.push({ attachmentID: `att_${j.jobId.slice(1, 10)}3`, type: 3, status: 3, file: { fileName: 'agent_song.mp3', fileUrl: `${base}/song.mp3`, type: 'audio/mpeg', extra: { duration: '120' } } });
  }
  if (wantsSpeech) {
    out.push({ attachmentID: `att_${j.jobId.slice(1, 10)}4`, type: 4, status: 3, file: { fileName: 'agent_speech.mp3', fileUrl: `${base}/speech.mp3`, type: 'audio/mpeg', extra: { duration: '12', model_speech_count: '1' } } });
  }
  return out;
}

/** Whether a speech generation is pending, completed or failed at `now`. */
export function speechStatus(s: SpeechRecord, now: number): 'pending' | 'completed' | 'failed' {
  if (s.cancelledAt !== undefined && now >= s.cancelledAt && s.cancelledAt < s.createdAt + s.durationMs) return 'failed';
  if (now < s.createdAt + s.durationMs) return 'pending';
  return s.outcome.kind === 'completed' || s.outcome.kind === 'moderated-after' ? 'completed' : 'failed';
}

/** Credits a speech clip costs: 1 per character (hd), 0.6 (turbo); emotion tags are free. */
export function speechCost(s: SpeechRecord): number {
  const billable = s.text.replace(/\{\/?[a-z]+\}/g, '').length;
  return Math.ceil(billable * (s.model.includes('turbo') ? 0.6 : 1));
}

/** The `GET /speech/{audio_id}` object at `now`. */
export function speechView(s: SpeechRecord, now: number, voiceInfo: Schemas['Voice'] | undefined): SpeechClip {
  const status = speechStatus(s, now);
  if (status === 'pending') return { statusLabel: 'pending', statusFinal: false };
  if (status === 'failed') {
    if (s.cancelledAt !== undefined && s.cancelledAt < s.createdAt + s.durationMs) {
      return { statusLabel: 'failed', statusFinal: true, code: 499, error: 'Generation was cancelled' };
    }
    const o = s.outcome;
    if (o.kind === 'moderated') return { statusLabel: 'failed', statusFinal: true, code: 422, error: 'Moderated text' };
    return { statusLabel: 'failed', statusFinal: true, code: o.kind === 'failed' ? o.code ?? 500 : 500, error: o.kind === 'failed' ? o.message ?? 'Generation failed' : 'Generation failed' };
  }
  const end = s.createdAt + s.durationMs;
  const clip: SpeechClip = {
    audio_id: s.audioId,
    audio_review: 0,
    text: s.text,
    audio_url: speechAudioUrl(s),
    audio_title: speechTitle(s.text),
    create_time: s.createdAt,
    update_time: end,
    speed: s.speed,
    pitch: s.pitch,
    language_boost: s.languageBoost,
    status: 0,
    statusLabel: 'completed',
    statusFinal: true,
    cost_credit: speechCost(s),
  };
  if (s.emotion) clip.emotion = s.emotion;
  if (voiceInfo) clip.voice_info = voiceInfo;
  return clip;
}

/** The URL of a completed speech clip. */
export function speechAudioUrl(s: SpeechRecord): string {
  return `https://cdn.hailuoai.video/moss/prod/${day(s.createdAt)}/audio/${s.id}.mp3`;
}

/** The title MiniMax derives from a text: its first 40 characters. */
export function speechTitle(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
