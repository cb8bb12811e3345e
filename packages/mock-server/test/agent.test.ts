// agent family: async and held runs, attachments, capacity, 15-minute expiry, 31-day retention.
import { describe, expect, it } from 'vitest';
import { PNG, TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('agent via %s', (t) => {
  it('runs asynchronously: started, listed as running, then completed with attachments', () =>
    withHarness(t, { jobMs: 60_000 }, async (h) => {
      const started = await h.call({ path: '/agent', form: { prompt: 'Generate a video of a cat playing piano and a poster image', models: 'hailuo-2.3,nano-banana-2', async: 'true', file: [new File([PNG], 'cat.png', { type: 'image/png' }), new File([PNG, PNG], 'dog.png', { type: 'image/png' })], replyRef: 'r1' } });
      expect(started.status).toBe(200);
      const job = started.json;
      expect(job).toMatchObject({ status: 'started', created: '2026-09-01T12:00:00.000Z' });
      expect(job.jobId).toMatch(/^p\d{9}-u12345-a987654321-bot:minimax$/);
      expect(job.request).toEqual({ prompt: expect.any(String), models: ['hailuo-2.3', 'nano-banana-2'], async: true, replyRef: 'r1', file: [{ name: 'cat.png', size: PNG.length, type: 'image/png' }, { name: 'dog.png', size: 2 * PNG.length, type: 'image/png' }] });
      h.mock.clock.advance(30_000);
      const running = (await h.call({ path: '/agent/jobs' })).json;
      expect(running).toEqual({ accounts: ['987654321'], summary: { '987654321': { executing: 1 } }, executing: { '987654321': [{ jobId: job.jobId, elapsed: '00:30' }] } });
      h.mock.clock.advance(30_000);
      const done = (await h.call({ path: `/agent/${job.jobId}` })).json;
      expect(done.status).toBe('completed');
      expect(done.response.elapsedTime).toBe('01:00');
      expect(done.response.attachments.map((a: any) => a.type)).toEqual([1, 2]);
      expect(done.response.attachments[0].file.extra.no_watermark_url).toMatch(/nowm\.mp4$/);
      expect((await h.call({ path: '/agent/jobs' })).json.summary['987654321'].executing).toBe(0);
    }));

  it('holds a synchronous run until final (instantly on the manual clock)', () =>
    withHarness(t, {}, async (h) => {
      const a = await h.call({ path: '/agent', form: { prompt: 'A song about the sea', models: 'music-2.0' } });
      expect(a.json.status).toBe('completed');
      expect(a.json.response.attachments.map((x: any) => x.type)).toEqual([3]);
      expect(a.json.request.async).toBe(false);
    }));

  it('accepts multipart only and validates models', () =>
    withHarness(t, {}, async (h) => {
      const json = await h.call({ path: '/agent', json: { prompt: 'x', models: 'a' } });
      expect(json.status).toBe(400);
      expect(json.json.error).toMatch(/^Content-Type must be multipart\/form-data/);
      // A free comma list (the docs give no format beyond "comma-separated"): a space after a comma is fine.
      expect((await h.call({ path: '/agent', form: { prompt: 'x', models: 'hailuo-2.3, nano-banana-2', async: 'true' } })).status).toBe(200);
      expect((await h.call({ path: '/agent', form: { prompt: 'x', models: '' } })).json.error).toMatch(/^Parameter models/);
      expect((await h.call({ path: '/agent', form: { prompt: 'x' } })).json.error).toBe('Parameter models is required');
      expect((await h.call({ path: '/agent', form: { prompt: 'x', models: 'a', async: 'maybe' } })).json.error).toBe('Parameter async must be a boolean');
    }));

  it('answers 429 when no agent capacity is free', () =>
    withHarness(t, { agentCapacity: 2 }, async (h) => {
      for (let i = 0; i < 2; i++) expect((await h.call({ path: '/agent', form: { prompt: 'x', models: 'a', async: 'true' } })).status).toBe(200);
      const busy = await h.call({ path: '/agent', form: { prompt: 'x', models: 'a', async: 'true' } });
      expect(busy.status).toBe(429);
      expect(busy.headers.get('retry-after')).toBe('1');
      h.mock.clock.advance(h.mock.jobMs);
      expect((await h.call({ path: '/agent', form: { prompt: 'x', models: 'a', async: 'true' } })).status).toBe(200);
    }));

  it('expires a job after 15 minutes and forgets it after 31 days', () =>
    withHarness(t, { jobMs: 20 * 60_000 }, async (h) => {
      const { jobId } = (await h.call({ path: '/agent', form: { prompt: 'A long multi-step film', models: 'veo-3.1', async: 'true' } })).json;
      h.mock.clock.advance(15 * 60_000 - 1);
      expect((await h.call({ path: `/agent/${jobId}` })).json.status).toBe('started');
      h.mock.clock.advance(1);
      const failed = (await h.call({ path: `/agent/${jobId}` })).json;
      expect(failed).toMatchObject({ status: 'failed', code: 504, error: { message: 'Timeout waiting for assistant response', status: 504 } });
      h.mock.clock.advance(31 * 24 * 3_600_000);
      const gone = await h.call({ path: `/agent/${jobId}` });
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({ error: 'Job not found or expired after 31 days', code: 404 });
    }));
});
