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
    uniq_id: v.voiceId,
    group_id: '0',
  };
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
