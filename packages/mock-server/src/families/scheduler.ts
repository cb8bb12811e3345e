// scheduler: the jobs started through the API that are still running (tracked for webhooks), per-account
// capacity, and stop-tracking (which also cancels a running speech generation).
import { emptyReply, errorReply, jsonReply } from '../engine/reply.js';
import { elapsed, generationPhase, speechStatus } from '../engine/lifecycle.js';
import type { HandlerTable, MockServices } from './types.js';

interface Entry {
  videoId?: string;
  imageId?: string;
  audioId?: string;
  started: string;
  elapsed: string;
  replyUrl?: string;
  replyRef?: string;
}

/** The tracked jobs: API-created videos, images and speech generations that are not final. */
export function trackedEntries(mock: MockServices): Entry[] {
  const now = mock.clock.now();
  const out: { at: number; entry: Entry }[] = [];
  const push = (key: 'videoId' | 'imageId' | 'audioId', id: string, job: { createdAt: number; replyUrl?: string | undefined; replyRef?: string | undefined }) => {
    const entry: Entry = { [key]: id, started: new Date(job.createdAt).toISOString(), elapsed: elapsed(now - job.createdAt) } as Entry;
    if (job.replyUrl) entry.replyUrl = job.replyUrl;
    if (job.replyRef) entry.replyRef = job.replyRef;
    out.push({ at: job.createdAt, entry });
  };
  for (const v of mock.state.videos.values()) {
    if (v.viaApi && !v.untracked && !v.deleted && !generationPhase(v, now, 'video').final) push('videoId', v.videoId, v);
  }
  for (const i of mock.state.images.values()) {
    if (i.viaApi && !i.untracked && !generationPhase(i, now, 'image').final) push('imageId', i.imageId, i);
  }
  for (const s of mock.state.speech.values()) {
    if (s.viaApi && !s.untracked && !s.deleted && speechStatus(s, now) === 'pending') push('audioId', s.audioId, s);
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.entry);
}

export const schedulerHandlers: Pick<HandlerTable, 'listScheduledJobs' | 'getSchedulerAvailable' | 'deleteScheduledJob'> = {
  listScheduledJobs: ({ mock }) => jsonReply(200, trackedEntries(mock)),

  // Only accounts with a free video slot, most free slots first (ties in configuration order); accounts in an
  // error state are never offered (see the spec's decision on GET /scheduler/available).
  getSchedulerAvailable: ({ mock }) => {
    const available = [...mock.state.accounts.values()]
      .filter((a) => !a.error && a.supportVideo)
      .map((a) => {
        const executing = mock.executingVideos(a.account);
        return { account: a.account, maxJobs: a.maxJobs, executing, available: Math.max(0, a.maxJobs - executing), executingAudio: mock.executingAudio(a.account) };
      })
      .filter((a) => a.available > 0)
      .sort((a, b) => b.available - a.available);
    return jsonReply(200, { executing: trackedEntries(mock), available });
  },

  deleteScheduledJob: ({ mock, params, now }) => {
    const id = params.id;
    const tracked = trackedEntries(mock).some((e) => e.videoId === id || e.imageId === id || e.audioId === id);
    if (!tracked) return errorReply(404, `Unable to locate running ${id}`, { code: false });
    const job = mock.state.videos.get(id) ?? mock.state.images.get(id);
    if (job) job.untracked = true;
    const speech = mock.state.speech.get(id);
    if (speech) {
      speech.untracked = true;
      speech.cancelledAt = now;
    }
    mock.pending.delete(`videos:${id}`);
    mock.pending.delete(`images:${id}`);
    mock.pending.delete(`speech:${id}`);
    return emptyReply(204);
  },
};
