// images: create (per-model rules), get (soft-deleted still readable), delete (soft), list.
import { errorReply, jsonReply } from '../engine/reply.js';
import { makeId } from '../engine/ids.js';
import { imageView } from '../engine/lifecycle.js';
import { newestFirst, pageAfter, type ImageRecord } from '../engine/state.js';
import { isReply, type HandlerTable } from './types.js';

const bad = (message: string) => errorReply(400, message);

const PROMPT_LIMIT: Record<string, number> = {
  'image-01': 2000, 'gpt-image-1.5': 2000, 'seedream-4.5': 2000, 'seedream-5.0': 2000,
  'midjourney-v7': 5000, 'midjourney-niji7': 5000,
  'gpt-image-2': 7500, 'nano-banana-2': 7500, 'nano-banana-pro': 7500,
};
const MENTIONS = ['gpt-image-2', 'nano-banana-2', 'nano-banana-pro', 'seedream-4.5', 'seedream-5.0'];
const MAX_REFS: Record<string, number> = {
  'gpt-image-2': 16, 'nano-banana-2': 14, 'nano-banana-pro': 14, 'seedream-4.5': 14, 'seedream-5.0': 14,
  'midjourney-v7': 14, 'midjourney-niji7': 14, 'gpt-image-1.5': 3, 'image-01': 0,
};
const OTHER_RATIOS = ['auto', '16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3', '5:4', '4:5', '21:9'];
const RATIOS: Record<string, string[]> = {
  'image-01': ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'],
  'gpt-image-1.5': ['auto', '1:1', '3:2', '2:3'],
  'gpt-image-2': ['16:9', '21:9', '5:4', '4:3', '3:2', '1:1', '2:3', '3:4', '4:5', '9:16'],
};
const DEFAULT_RATIO: Record<string, string> = { 'image-01': '16:9', 'gpt-image-2': '16:9' };
const RESOLUTIONS: Record<string, string[]> = {
  'image-01': ['HD'], 'nano-banana-2': ['512P', '1K', '2K', '4K'], 'nano-banana-pro': ['1K', '2K', '4K'], 'gpt-image-2': ['1K', '2K', '4K'],
  'gpt-image-1.5': ['Low', 'Medium', 'High'], 'seedream-4.5': ['2K', '4K'], 'seedream-5.0': ['2K', '3K'], 'midjourney-v7': [], 'midjourney-niji7': [],
};
const SIZES: Record<string, [number, number]> = {
  '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [1024, 1024], '4:3': [1024, 768], '3:4': [768, 1024], '21:9': [1344, 576],
  '3:2': [1216, 832], '2:3': [832, 1216], '5:4': [1120, 896], '4:5': [896, 1120], auto: [1024, 1024],
};

/** The per-model rules the schema cannot express; returns an error message or nothing. */
function checkImageRules(p: Record<string, any>, model: string): string | undefined {
  const limit = PROMPT_LIMIT[model] ?? 2000;
  if (p.prompt.length > limit) return `Parameter prompt is too long for ${model} (at most ${limit} characters)`;
  if (/@Image\d+/.test(p.prompt) && !MENTIONS.includes(model)) return `Parameter prompt: @Image mentions are not supported by ${model}`;
  let refs = 0;
  for (let i = 1; i <= 16; i++) {
    const present = typeof p[`referenceFileId${i}`] === 'string';
    if (present && refs !== i - 1) return `Parameter referenceFileId${i} needs referenceFileId${i - 1}: references must be filled consecutively`;
    if (present) refs = i;
  }
  const max = MAX_REFS[model] ?? 0;
  if (refs > max) return max === 0 ? `Parameter referenceFileId1 is not supported by ${model}` : `Parameter referenceFileId${max + 1} is not supported by ${model} (at most ${max} references)`;
  if (p.quality !== undefined && model !== 'gpt-image-2') return `Parameter quality is for gpt-image-2 only`;
  if (p.characterFileId !== undefined && model !== 'image-01') return `Parameter characterFileId is for image-01 only`;
  if (p.aspectRatio !== undefined) {
    const allowed = RATIOS[model] ?? OTHER_RATIOS;
    if (!allowed.includes(p.aspectRatio)) return `Parameter aspectRatio must be one of: ${allowed.join(', ')} for ${model}`;
  }
  if (p.resolution !== undefined) {
    const allowed = RESOLUTIONS[model] ?? [];
    if (!allowed.includes(p.resolution)) return allowed.length ? `Parameter resolution must be one of: ${allowed.join(', ')} for ${model}` : `Parameter resolution is not used by ${model}`;
  }
  return undefined;
}

export const imagesHandlers: Pick<HandlerTable, 'createImages' | 'getImage' | 'deleteImage' | 'listImages'> = {
  createImages: (ctx) => {
    const { mock, params: p, now } = ctx;
    const model = p.model ?? 'image-01';
    const problem = checkImageRules(p, model);
    if (problem) return bad(problem);
    const account = mock.accountRule(p.account);
    if (isReply(account)) return account;
    const quantity = model.startsWith('midjourney') ? 4 : p.quantity ?? 1;
    const refusal = ctx.upstream(account, { credits: quantity });
    if (refusal) return refusal;
    const aspectRatio = p.aspectRatio ?? DEFAULT_RATIO[model] ?? 'auto';
    const [width, height] = SIZES[aspectRatio] ?? [1024, 1024];
    const batchId = mock.digits();
    const outcome = ctx.outcome('image');
    const imageIds: string[] = [];
    for (let i = 0; i < quantity; i++) {
      const id = mock.digits();
      const imageId = makeId(ctx.userId, account.account, 'image', id);
      const record: ImageRecord = {
        imageId, id, account: account.account, prompt: p.prompt, model, aspectRatio, width, height, batchId,
        fileId: makeId(ctx.userId, account.account, 'file', mock.digits()),
        createdAt: now, durationMs: mock.options.jobMs, outcome, viaApi: true, replyUrl: p.replyUrl, replyRef: p.replyRef,
      };
      mock.state.images.set(imageId, record);
      mock.watch('images', imageId, p.replyUrl);
      imageIds.push(imageId);
    }
    return jsonReply(200, { imageIds });
  },

  getImage: ({ mock, params, now }) => {
    const i = mock.state.images.get(params.imageId);
    const view = i ? imageView(i, now) : undefined;
    return view ? jsonReply(200, view) : errorReply(404, 'Not found.');
  },

  deleteImage: ({ mock, params }) => {
    const i = mock.state.images.get(params.imageId);
    if (i) i.deleted = true;
    return jsonReply(200, {});
  },

  listImages: ({ mock, params, now }) => {
    const a = mock.accountRule(params.account);
    if (isReply(a)) return a;
    const mine = newestFirst([...mock.state.images.values()].filter((i) => i.account === a.account && !i.deleted));
    const views = mine.map((i) => imageView(i, now)).filter((v): v is NonNullable<typeof v> => v !== undefined);
    return jsonReply(200, { images: pageAfter(views, (v) => v.imageId ?? '', params.lastImageId, params.limit ?? 30) });
  },
};
