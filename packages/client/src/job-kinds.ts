// Per-kind polling defaults. The GET of each kind is the operation whose `x-sdk.job` names it (tested).
import type { JobKind } from './operation-descriptor.js';

/** How a job kind is followed: its GET (operation and resource method), id field and polling defaults. */
export interface JobKindInfo {
  /** operationId of the GET that reads the job. */
  readonly operation: string;
  /** Resource (tag) of that GET: `client[tag].get(id)`. */
  readonly tag: string;
  /** Resource method of that GET. */
  readonly method: string;
  /** Field of the snapshot that holds the job id. */
  readonly idField: string;
  /** Default pause between polls, in ms. */
  readonly intervalMs: number;
  /** Default deadline of a wait, in ms. */
  readonly timeoutMs: number;
}

const MIN = 60_000;

/**
 * Every job kind: speech polls every 3 s, music 5 s, videos, images and agent jobs 10 s. Deadlines: videos 30 min
 * (long Seedance videos take ~15), images 15 min, music 15 min, speech 10 min, agent jobs 17 min (they expire
 * upstream after 15 minutes; the margin lets the final `failed` snapshot arrive).
 */
export const jobKinds = {
  music: { operation: 'getMusic', tag: 'music', method: 'get', idField: 'musicId', intervalMs: 5_000, timeoutMs: 15 * MIN },
  video: { operation: 'getVideo', tag: 'videos', method: 'get', idField: 'videoId', intervalMs: 10_000, timeoutMs: 30 * MIN },
  image: { operation: 'getImage', tag: 'images', method: 'get', idField: 'imageId', intervalMs: 10_000, timeoutMs: 15 * MIN },
  agent: { operation: 'getAgentJob', tag: 'agent', method: 'get', idField: 'jobId', intervalMs: 10_000, timeoutMs: 17 * MIN },
  speech: { operation: 'getSpeech', tag: 'speech', method: 'get', idField: 'audio_id', intervalMs: 3_000, timeoutMs: 10 * MIN },
} as const satisfies Record<JobKind, JobKindInfo>;
