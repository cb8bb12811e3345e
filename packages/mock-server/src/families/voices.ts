// Voice objects shared by the legacy audio and the speech families.
import type { components } from '../generated/schema.js';
import type { VoiceRecord } from '../engine/state.js';

type Voice = components['schemas']['Voice'];

/** The `Voice` object of a record. */
export function voiceView(v: VoiceRecord): Voice {
  const slug = v.voiceId.replace(/[^A-Za-z0-9]/g, '').slice(-12);
  return {
    voice_id: v.voiceId,
    parent_voice_id: '0',
    voice_name: v.name,
    tag_list: v.tags,
    file_id: v.fileId ?? '',
    cover_url: v.account ? '' : `https://cdn.hailuoai.video/moss/prod/voice_cover/${slug}.png`,
    create_time: v.createdAt,
    update_time: v.createdAt,
    collected: false,
    voice_status: 2,
    sample_audio: v.account ? '' : `https://cdn.hailuoai.video/moss/prod/voice_sample/${slug}.mp3`,
    uniq_id: v.uniqId ?? v.voiceId,
    group_id: '0',
  };
}

/** The `voice_info` a clip carries: the voice's ids, name and tags. */
export function voiceInfo(v: VoiceRecord): Pick<Voice, 'voice_id' | 'parent_voice_id' | 'voice_name' | 'tag_list' | 'uniq_id'> {
  return { voice_id: v.voiceId, parent_voice_id: '0', voice_name: v.name, tag_list: v.tags, uniq_id: v.uniqId ?? v.voiceId };
}

/** The 400 of a `voice_id` no voice has; names the voice when the caller sent its `uniq_id` instead of its id. */
export function unknownVoice(voices: Iterable<VoiceRecord>, voiceId: string, list: string): string {
  for (const v of voices) {
    if (v.uniqId === voiceId) return `Parameter voice_id: ${voiceId} is the name (uniq_id) of voice ${v.voiceId}; voice_id takes the numeric id (see ${list})`;
  }
  return `Parameter voice_id: voice ${voiceId} not found (see ${list})`;
}

/** Voices whose tags include every requested tag; tags outside `vocabulary` are ignored when given. */
export function filterByTags(voices: VoiceRecord[], tagList: string | undefined, vocabulary?: Set<string>): VoiceRecord[] {
  if (!tagList) return voices;
  let tags = tagList.split(',').map((t) => t.trim()).filter(Boolean);
  if (vocabulary) tags = tags.filter((t) => vocabulary.has(t));
  return voices.filter((v) => tags.every((t) => v.tags.includes(t)));
}

/** One page (1-based) and whether more follow. */
export function page<T>(items: T[], pageNumber: number, pageSize: number): { items: T[]; hasMore: boolean } {
  const start = (pageNumber - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), hasMore: start + pageSize < items.length };
}
