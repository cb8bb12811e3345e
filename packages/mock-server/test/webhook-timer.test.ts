// The real-clock webhook timer: a job's callback goes out at the instant the job becomes final (a timer to the next
// due completion, re-armed when a job is created), not up to a progress tick later; nothing is left armed after.
// Fake timers are installed before the mock is imported, so the mock's "real" clock and timers are the fake ones.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDelivery } from '@useapi-minimax/mock-server';

const AUTH = { authorization: 'Bearer user:12345-timerTest', 'content-type': 'application/json' };

describe('the real-clock webhook timer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 8, 1, 12, 0, 0) });
    vi.resetModules();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.resetModules();
  });

  async function realClockMock(jobMs: number) {
    const { createMiniMaxMock } = await import('@useapi-minimax/mock-server');
    const seen: WebhookDelivery[] = [];
    const mock = createMiniMaxMock({ clock: 'real', jobMs, onWebhook: (d) => seen.push(d) });
    const post = async (path: string, body: Record<string, unknown>) =>
      (await mock.handle(new Request(`${mock.baseUrl}${path}`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) }))).json() as Promise<Record<string, any>>;
    return { mock, seen, post };
  }

  it('delivers a speech callback at the instant the job becomes final (jobMs not a multiple of the tick)', async () => {
    // jobMs/20 = 1025 → the progress step is capped at 1000 ms: a tick-only timer looks at 1000, 2000, … 21000.
    const { mock, seen, post } = await realClockMock(20_500);
    const created = mock.clock.now();
    const { audioId } = await post('/speech/create', { text: 'hi', voice_id: '308172940561415', replyUrl: 'https://example.com/hook', replyRef: 'r1' });
    expect(audioId).toBeTypeOf('string');
    // No progress webhooks for speech: one timer, to the due completion.
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(20_499);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.map((d) => [d.jobId, d.final, d.time - created])).toEqual([[audioId, true, 20_500]]);
    expect(vi.getTimerCount()).toBe(0);
    mock.dispose();
  });

  it('re-arms for a job created later that ends sooner, and keeps the progress steps of a video', async () => {
    const { mock, seen, post } = await realClockMock(20_500);
    const created = mock.clock.now();
    const { audioId: slow } = await post('/speech/create', { text: 'a', voice_id: '308172940561415', replyUrl: 'https://example.com/hook' });
    await vi.advanceTimersByTimeAsync(300);
    // A second job (an agent job finishing after the same jobMs, from 300 ms on).
    const { jobId } = (await (await mock.handle(new Request(`${mock.baseUrl}/agent`, {
      method: 'POST', headers: { authorization: AUTH.authorization },
      body: (() => { const f = new FormData(); f.set('prompt', 'p'); f.set('models', 'a'); f.set('async', 'true'); f.set('replyUrl', 'https://example.com/hook'); return f; })(),
    }))).json()) as { jobId: string };
    await vi.advanceTimersByTimeAsync(20_200);
    expect(seen.map((d) => [d.jobId, d.time - created])).toEqual([[slow, 20_500]]);
    await vi.advanceTimersByTimeAsync(300);
    expect(seen.map((d) => [d.jobId, d.time - created])).toEqual([[slow, 20_500], [jobId, 20_800]]);
    expect(vi.getTimerCount()).toBe(0);

    // A video reports progress: the timer also steps every jobMs/20 (at most 1 s) while it runs, then ends exactly.
    seen.length = 0;
    const start = mock.clock.now();
    const { videoId } = await post('/videos/create', { prompt: 'p', replyUrl: 'https://example.com/hook' });
    await vi.advanceTimersByTimeAsync(20_500);
    const times = seen.filter((d) => d.jobId === videoId).map((d) => [d.payload.status, d.time - start]);
    expect(times.at(-1)).toEqual([2, 20_500]);
    expect(times.length).toBeGreaterThan(2);
    expect(vi.getTimerCount()).toBe(0);
    mock.dispose();
  });
});
