// What `replyUrl` receives. Callbacks are UNSIGNED: anyone who knows the URL can post one, and they repeat.
// Treat a callback as a hint: re-fetch the job by id (`client.videos.get(payload.videoId)`) before acting.
import { ValidationError } from './errors.js';
import { jobKinds, type JobKind } from './generated/jobs.js';
import type { JobKindInfo } from './job-kinds.js';
import type { AgentJob, ImageWebhookPayload, MusicWebhookPayload, SpeechWebhookPayload, VideoWebhookPayload } from './generated/schemas.js';

/** A parsed `replyUrl` callback, narrowed by `kind`. */
export type WebhookEvent =
  | { kind: 'video'; id: string; payload: VideoWebhookPayload }
  | { kind: 'image'; id: string; payload: ImageWebhookPayload }
  | { kind: 'music'; id: string; payload: MusicWebhookPayload }
  | { kind: 'speech'; id: string; payload: SpeechWebhookPayload }
  | { kind: 'agent'; id: string; payload: AgentJob };

/** The id fields that tell a payload's kind (the spec's `x-sdk.jobs`): each kind's id field and its alias. */
const keys = () =>
  Object.entries(jobKinds as Record<JobKind, JobKindInfo>).flatMap(([kind, facts]) =>
    [facts.idField, facts.aliasIdField].filter(Boolean).map((key) => [kind, key!] as const),
  );

/**
 * Parses a `replyUrl` callback body (the JSON text, its bytes, or the parsed object) and tells which job it is
 * about, by its id field (`jobId`, `videoId`, `imageId`, `musicId`, `audioId`). Throws `ValidationError` for
 * anything else. The payload is NOT authenticated (useapi does not sign callbacks): use it to decide what to
 * re-fetch, e.g. `await client.videos.get(event.id)`, and dedupe by id and status.
 */
export function parseWebhook(body: string | ArrayBuffer | Uint8Array | object): WebhookEvent {
  let value: unknown = body;
  if (typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const text = typeof body === 'string' ? body : new TextDecoder().decode(body as ArrayBuffer);
    try {
      value = JSON.parse(text);
    } catch {
      throw new ValidationError([{ field: 'body', message: 'is not JSON' }]);
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [kind, key] of keys()) {
      const id = (value as Record<string, unknown>)[key];
      if (typeof id === 'string' && id) return { kind, id, payload: value } as WebhookEvent;
    }
  }
  throw new ValidationError([{ field: 'body', message: 'is not a video, image, music, speech or agent job callback' }]);
}
