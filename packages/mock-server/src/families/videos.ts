// videos: create (with load balancing and maxJobs), agent-create (SSE), cancel, get, delete, list,
// agent templates and characters.
import { operations } from '../generated/operations.js';
import { errorReply, jsonReply, type MockReply } from '../engine/reply.js';
import { makeId, parseId } from '../engine/ids.js';
import { newestFirst, pageAfter, type AccountRecord, type CharacterRecord, type TemplateRecord, type VideoRecord } from '../engine/state.js';
import { videoView } from '../engine/lifecycle.js';
import { isReply, type HandlerTable, type HandlerContext } from './types.js';

const HAILUO_01 = ['T2V-01', 'I2V-01', 'I2V-01-live', 'S2V-01', 'T2V-01-Director', 'I2V-01-Director'];
const OPTIONS_BY_MODEL: Record<string, string[]> = {
  '02': ['512p-6sec', '512p-10sec', '768p-6sec', '768p-10sec', '1080p-6sec'],
  'T2V-2.3': ['768p-6sec', '768p-10sec', '1080p-6sec'],
  'I2V-2.3': ['768p-6sec', '768p-10sec', '1080p-6sec'],
  'I2V-2.3-Fast': ['768p-6sec', '768p-10sec', '1080p-6sec'],
  'Sora-2': ['720p-4sec', '720p-8sec', '720p-12sec'],
  'Veo-3.1': ['veo-720p-8sec', 'veo-1080p-8sec', 'veo-4k-8sec'],
  'Veo-3.1-Fast': ['veo-720p-8sec', 'veo-1080p-8sec', 'veo-4k-8sec'],
  'Veo-3.1-S2V': ['veo-720p-8sec', 'veo-1080p-8sec', 'veo-4k-8sec'],
  'Veo-3.1-S2V-Fast': ['veo-720p-8sec', 'veo-1080p-8sec', 'veo-4k-8sec'],
};
const SEEDANCE_RATIOS = ['Auto', '21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];
const SORA_VEO_RATIOS = ['16:9', '9:16'];
const VIDEO_COST = 25;

const bad = (message: string) => errorReply(400, message);
const isSeedance = (model: string) => model.startsWith('Seedance');
const isVeoS2V = (model: string) => model.startsWith('Veo-3.1-S2V');

/** The ids `<prefix>N…` present in a body must be consecutive from `from`; returns how many. */
function consecutive(params: Record<string, unknown>, prefix: string, from: number, to: number): number | string {
  let count = 0;
  let gap = false;
  for (let i = from; i <= to; i++) {
    const present = typeof params[`${prefix}${i}`] === 'string';
    if (present && gap) return `Parameter ${prefix}${i} needs ${prefix}${i - 1}: reference ids must be filled consecutively`;
    if (present) count++;
    else gap = true;
  }
  return count;
}

function size(model: string, options: string | undefined, resolution: string | undefined, aspectRatio: string | undefined): [number, number] {
  let w = 1280;
  let h = 720;
  const token = options ?? (isSeedance(model) ? `${resolution ?? '720'}p` : '720p');
  if (token.includes('512p')) [w, h] = [910, 512];
  else if (token.includes('768p')) [w, h] = [1366, 768];
  else if (token.includes('1080')) [w, h] = [1920, 1080];
  else if (token.includes('4k') || token.includes('4K')) [w, h] = [3840, 2160];
  else if (token.includes('480')) [w, h] = [854, 480];
  return aspectRatio === '9:16' ? [h, w] : [w, h];
}

/** Checks the per-model rules the schema cannot express; returns an error message or the model. */
function checkVideoRules(p: Record<string, any>): string | { model: string } {
  const model: string = p.model ?? (p.fileID ? 'I2V-01' : 'T2V-01');
  const seedance = isSeedance(model);
  if (!p.fileID && (p.prompt === undefined || p.prompt === '')) return 'Parameter prompt is required (or give fileID for image-to-video)';
  const limit = seedance ? 7500 : 2000;
  if (typeof p.prompt === 'string' && p.prompt.length > limit) return `Parameter prompt is too long for ${model} (at most ${limit} characters)`;
  if (/^(I2V|S2V)/.test(model) && !p.fileID) return `Parameter fileID is required for model ${model}`;
  if (isVeoS2V(model) && !p.fileID) return `Parameter fileID is required for model ${model}`;
  if (p.options !== undefined) {
    if (seedance) return 'Parameter options is not used by Seedance models (use resolution, duration and aspectRatio)';
    const allowed = OPTIONS_BY_MODEL[model];
    if (!allowed) return `Parameter options is not used by model ${model}`;
    if (!allowed.includes(p.options)) return `Parameter options must be one of: ${allowed.join(', ')} for model ${model}`;
  }
  if (!seedance && (p.resolution !== undefined || p.duration !== undefined)) return `Parameter ${p.resolution !== undefined ? 'resolution' : 'duration'} is for Seedance models only`;
  if (seedance && p.resolution !== undefined && model !== 'Seedance-2.0' && !['480', '720'].includes(p.resolution)) return `Parameter resolution must be one of: 480, 720 for model ${model}`;
  if (p.aspectRatio !== undefined) {
    const allowed = seedance ? SEEDANCE_RATIOS : model === 'Sora-2' || model.startsWith('Veo') ? SORA_VEO_RATIOS : [];
    if (!allowed.includes(p.aspectRatio)) return allowed.length ? `Parameter aspectRatio must be one of: ${allowed.join(', ')} for model ${model}` : `Parameter aspectRatio is not used by model ${model}`;
  }
  const refs = consecutive(p, 'fileID', 2, 14);
  if (typeof refs === 'string') return refs;
  const maxRefs = isVeoS2V(model) ? 13 : seedance ? 8 : 0;
  if (refs > maxRefs) return maxRefs === 0 ? `Parameter fileID2 is not supported by model ${model}` : `Parameter fileID${maxRefs + 2} is not supported by model ${model} (at most ${maxRefs + 1} reference images)`;
  if (refs > 0 && !p.fileID) return 'Parameter fileID is required before fileID2';
  const media = ['videoFileID', 'audioFileID'];
  for (const prefix of media) {
    const n = consecutive(p, prefix, 1, 3);
    if (typeof n === 'string') return n;
    if (n > 0 && !seedance) return `Parameter ${prefix}1 is for Seedance models only`;
  }
  if (p.end_frame_fileID !== undefined) {
    const ok = (model === '02' && typeof p.options === 'string' && !p.options.startsWith('512p')) || model === 'Veo-3.1' || model === 'Veo-3.1-Fast';
    if (!ok) return `Parameter end_frame_fileID is not supported by model ${model}${model === '02' ? ' at 512p' : ''}`;
    if (!p.fileID) return 'Parameter fileID is required with end_frame_fileID';
    if (p.end_frame_fileID === p.fileID) return 'Parameter end_frame_fileID must differ from fileID';
    if (media.some((prefix) => p[`${prefix}1`] !== undefined)) return 'Parameter end_frame_fileID cannot be combined with videoFileID/audioFileID';
  }
  return { model };
}

/**
 * Picks the account of a video: the named one (429 when full), else the context's `account` rule with load
 * balancing (the eligible account with the most free slots; the file's owner when a `fileID` names one).
 */
function pickVideoAccount(ctx: Pick<HandlerContext, 'mock' | 'account'>, explicit: string | undefined, maxJobs: number | undefined, fileId: string | undefined): AccountRecord | MockReply {
  const { mock } = ctx;
  const free = (a: AccountRecord) => (maxJobs ?? a.maxJobs) - mock.executingVideos(a.account);
  const owner = fileId ? parseId(fileId)?.account : undefined;
  if (explicit !== undefined) {
    const a = ctx.account(explicit);
    if (isReply(a)) return a;
    if (owner && owner !== a.account && mock.state.accounts.has(owner)) return errorReply(400, `Parameter fileID belongs to account ${owner}, not ${a.account}`);
    const retry = { headers: { 'retry-after': String(mock.options.retryAfterSeconds) } };
    if (free(a) <= 0) return errorReply(429, `All ${maxJobs ?? a.maxJobs} slots of account ${a.account} are busy, try again later`, retry);
    return a;
  }
  const ownerOnly = owner !== undefined && mock.state.accounts.has(owner);
  return ctx.account(undefined, { loadBalance: { free, eligible: (a) => !a.error && a.supportVideo && (!ownerOnly || a.account === owner) } });
}

/** The agent template object of `GET /videos/agent-templates`. */
export function templateView(t: TemplateRecord): Record<string, any> {
  const base = `https://cdn.hailuoai.video/moss/prod/agent/${t.id}`;
  return {
    id: t.id,
    createTime: t.createdAt,
    videoAsset: {
      id: t.id, desc: t.desc, coverURL: `${base}/cover.jpg`, videoURL: `${base}/video.mp4`, status: 2, width: 720, height: 1280,
      duration: t.duration, resolution: 720, title: t.name, agentTemplateID: t.id, agentTemplateName: t.name, hasVoice: false,
      aspectRatio: '9:16', tags: t.input.split('+').map((i) => ({ type: 1, tagIcon: '', tagText: i === 'text' ? 'Text' : 'Image' })),
      promptImgURL: '',
    },
    like: { likes: 1000 + (Number(t.id.slice(-3)) || 0), likeStatus: 0 },
    author: { userID: '1', name: 'Hailuo AI', avatar: '' },
    cardType: 1,
    tabID: '1',
  };
}

/** A subject-reference character of `GET /videos/characters`. */
export function characterView(c: CharacterRecord): Record<string, unknown> {
  return {
    characterID: c.characterID,
    characterType: 1,
    file: {
      fileID: c.fileID,
      cdnUrl: `https://cdn.hailuoai.video/moss/prod/character/${c.characterID}/original.jpg`,
      promptImgUrl: `https://cdn.hailuoai.video/moss/prod/character/${c.characterID}/face.jpg`,
    },
  };
}

/** The schema of the agent-create stream's events (`x-sdk.event`). */
const VIDEO_SCHEMA = operations.createAgentVideo.event;

export const videosHandlers: Pick<HandlerTable, 'createVideo' | 'createAgentVideo' | 'cancelVideo' | 'getVideo' | 'deleteVideo' | 'listVideos' | 'listAgentTemplates' | 'listCharacters'> = {
  createVideo: (ctx) => {
    const { mock, params: p, now } = ctx;
    const rules = checkVideoRules(p);
    if (typeof rules === 'string') return bad(rules);
    const account = pickVideoAccount(ctx, p.account, p.maxJobs, p.fileID);
    if (isReply(account)) return account;
    if (p.fileID && parseId(p.fileID)?.account && parseId(p.fileID)?.account !== account.account && mock.state.accounts.has(parseId(p.fileID)!.account)) {
      return bad(`Parameter fileID belongs to account ${parseId(p.fileID)!.account}, not ${account.account}`);
    }
    const refusal = ctx.upstream(account, { credits: VIDEO_COST });
    if (refusal) return refusal;
    const id = mock.digits();
    const videoId = makeId(ctx.userId, account.account, 'video', id);
    const [width, height] = size(rules.model, p.options, p.resolution === undefined ? undefined : String(p.resolution), p.aspectRatio);
    const fileIds = [p.fileID, ...Array.from({ length: 13 }, (_, i) => (p as Record<string, any>)[`fileID${i + 2}`])].filter((x): x is string => typeof x === 'string');
    const record: VideoRecord = {
      videoId, id, account: account.account, prompt: p.prompt ?? '', model: rules.model, width, height, fileIds,
      createdAt: now, durationMs: mock.options.jobMs, outcome: ctx.outcome('video'), viaApi: true, replyUrl: p.replyUrl, replyRef: p.replyRef,
    };
    mock.state.videos.set(videoId, record);
    mock.watch('videos', videoId, p.replyUrl);
    return jsonReply(200, { videoId });
  },

  createAgentVideo: (ctx) => {
    const { mock, params: p, now } = ctx;
    const template = mock.state.templates.get(p.templateId);
    if (!template) return bad(`Parameter templateId: template ${p.templateId} not found (see GET /videos/agent-templates)`);
    if (template.input.includes('image') && !p.fileID) return bad(`Parameter fileID is required by template ${template.name} (with its ossPath)`);
    if (template.input.includes('text') && !p.prompt) return bad(`Parameter prompt is required by template ${template.name}`);
    const account = pickVideoAccount(ctx, p.account, p.maxJobs, p.fileID);
    if (isReply(account)) return account;
    const refusal = ctx.upstream(account, { credits: VIDEO_COST });
    if (refusal) return refusal;
    const id = mock.digits();
    const videoId = makeId(ctx.userId, account.account, 'video', id);
    const manual = mock.clock.mode === 'manual';
    const record: VideoRecord = {
      videoId, id, account: account.account, prompt: p.prompt ?? template.desc, model: 'agent', width: 720, height: 1280,
      fileIds: p.fileID ? [p.fileID] : [], createdAt: now, durationMs: manual && ctx.answered ? 0 : mock.options.jobMs, outcome: ctx.outcome('video'),
      viaApi: true, replyUrl: p.replyUrl, replyRef: p.replyRef, templateId: template.id,
    };
    mock.state.videos.set(videoId, record);
    mock.watch('videos', videoId, p.replyUrl);
    const shadow = { ...record, durationMs: Math.max(1, mock.options.jobMs) };
    const synthetic = manual ? [0.05, 0.2, 0.5, 0.8].map((f) => videoView(shadow, now + f * shadow.durationMs)!) : [];
    return mock.streamJob({
      view: () => {
        const r = mock.state.videos.get(videoId);
        return r && !r.deleted ? videoView(r, mock.clock.now()) : undefined;
      },
      isFinal: (v) => v.statusFinal === true,
      synthetic,
      schema: VIDEO_SCHEMA,
      where: 'createAgentVideo event',
      signal: ctx.signal,
    });
  },

  cancelVideo: ({ mock, params, now }) => {
    const v = mock.state.videos.get(params.videoId);
    if (!v || v.deleted) return errorReply(400, `Unable to find video ${params.videoId}`, { code: false });
    const view = videoView(v, now);
    if (view && !view.statusFinal && v.cancelledAt === undefined) v.cancelledAt = now;
    return jsonReply(200, {});
  },

  getVideo: ({ mock, params, now }) => {
    const v = mock.state.videos.get(params.videoId);
    const view = v && !v.deleted ? videoView(v, now) : undefined;
    return view ? jsonReply(200, view) : errorReply(404, 'Not found.');
  },

  deleteVideo: ({ mock, params }) => {
    mock.state.videos.delete(params.videoId);
    return jsonReply(200, {});
  },

  listVideos: ({ mock, params, now }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const mine = newestFirst([...mock.state.videos.values()].filter((v) => v.account === a.account && !v.deleted));
    const visible = mine.map((v) => videoView(v, now)).filter((v): v is NonNullable<typeof v> => v !== undefined);
    return jsonReply(200, pageAfter(visible, (v) => v.videoId ?? '', params.lastVideoId, params.limit ?? 30));
  },

  listAgentTemplates: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    if (params.templateId !== undefined) {
      const t = mock.state.templates.get(params.templateId);
      return t ? jsonReply(200, templateView(t)) : bad(`Parameter templateId: template ${params.templateId} not found`);
    }
    const list = newestFirst(mock.state.templates.values()).map(templateView);
    return jsonReply(200, { videoList: pageAfter(list, (t) => t.id, params.lastId, params.limit ?? 30) });
  },

  listCharacters: ({ mock, params }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 50;
    const mine = [...mock.state.characters.values()].filter((c) => c.account === a.account);
    const slice = mine.slice((page - 1) * pageSize, page * pageSize);
    return jsonReply(200, slice.map(characterView));
  },
};
