// Webhooks: the mock notices state changes when it observes them (after each request, on `clock.advance`,
// and on a real-time tick while jobs with `replyUrl` are pending) and emits the spec's payloads.

/** The spec's webhook names. */
export type WebhookEvent = 'videoProgress' | 'imageProgress' | 'musicProgress' | 'agentJobFinished' | 'speechFinished';

/** One webhook the mock emitted. */
export interface WebhookDelivery {
  /** 1-based order of emission. */
  seq: number;
  event: WebhookEvent;
  url: string;
  /** The job's id (`videoId`, `imageId`, `musicId`, `jobId` or `audioId`). */
  jobId: string;
  /** The body POSTed (the job's GET object plus `replyRef`). */
  payload: Record<string, unknown>;
  /** Whether this is the job's final state. */
  final: boolean;
  /** Virtual time of emission. */
  time: number;
  /** With delivery on: the receiver's HTTP status, once known. */
  status?: number;
  /** With delivery on: why the POST failed. */
  error?: string;
}

/** A job with a `replyUrl` the mock still watches. */
export interface PendingWebhook {
  event: WebhookEvent;
  store: 'videos' | 'images' | 'songs' | 'agentJobs' | 'speech';
  id: string;
  url: string;
  last?: string;
}

/** The webhook name and whether progress (not only the final state) is sent, per store. */
export const WEBHOOK_OF = {
  videos: { event: 'videoProgress', progress: true },
  images: { event: 'imageProgress', progress: true },
  songs: { event: 'musicProgress', progress: true },
  agentJobs: { event: 'agentJobFinished', progress: false },
  speech: { event: 'speechFinished', progress: false },
} as const;

/** The spec pointer of each webhook's payload schema. */
export const WEBHOOK_SCHEMA: Record<WebhookEvent, string> = {
  videoProgress: '#/webhooks/videoProgress/post/requestBody/content/application~1json/schema',
  imageProgress: '#/webhooks/imageProgress/post/requestBody/content/application~1json/schema',
  musicProgress: '#/webhooks/musicProgress/post/requestBody/content/application~1json/schema',
  agentJobFinished: '#/webhooks/agentJobFinished/post/requestBody/content/application~1json/schema',
  speechFinished: '#/webhooks/speechFinished/post/requestBody/content/application~1json/schema',
};
