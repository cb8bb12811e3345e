// parseWebhook narrows a replyUrl callback by its id field; anything else is a ValidationError.
import { describe, expect, it } from 'vitest';
import { describeJob, parseWebhook, ValidationError } from '../src/index.js';

describe('parseWebhook', () => {
  it.each([
    ['video', { videoId: 'user:1-minimax:2-video:3', status: 2, statusFinal: true, replyRef: 'order-42' }, 'user:1-minimax:2-video:3'],
    ['image', { imageId: 'user:1-minimax:2-image:3', status: 1 }, 'user:1-minimax:2-image:3'],
    ['music', { musicId: 'user:1-minimax:2-music:3', status: 4 }, 'user:1-minimax:2-music:3'],
    ['speech', { audioId: 'user:1-minimax:2-audio:3', statusLabel: 'completed', statusFinal: true }, 'user:1-minimax:2-audio:3'],
    ['speech', { audio_id: 'user:1-minimax:2-audio:4', statusLabel: 'failed' }, 'user:1-minimax:2-audio:4'],
    ['agent', { jobId: 'p1-u1-a1-bot:minimax', status: 'completed', created: '2025-11-23T12:34:56.789Z' }, 'p1-u1-a1-bot:minimax'],
  ])('%s', (kind, payload, id) => {
    for (const body of [payload, JSON.stringify(payload), new TextEncoder().encode(JSON.stringify(payload))]) {
      const event = parseWebhook(body);
      expect(event).toEqual({ kind, id, payload });
    }
  });

  it('narrows the payload type by kind', () => {
    const event = parseWebhook('{"videoId":"v:1","status":5,"statusFinal":true}');
    if (event.kind === 'video') {
      expect(event.payload.status).toBe(5);
      expect(describeJob(event.kind, event.payload).state).toBe('moderated');
    } else throw new Error('not a video');
  });

  it.each([['not json'], ['[]'], ['{}'], [{ hello: 'world' }], ['{"videoId":""}']])('rejects %j', (body) => {
    expect(() => parseWebhook(body)).toThrow(ValidationError);
  });
});
