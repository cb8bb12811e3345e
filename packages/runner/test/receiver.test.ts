// The webhook receiver: real callbacks POSTed by the standalone mock server to a node:http receiver on loopback,
// and the handler's answers to what else can arrive (repeats, strangers, garbage, floods).
import { createMiniMaxClient } from '@useapi-minimax/client';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer, type MockServer } from '@useapi-minimax/mock-server/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, createMemoryLedger, createWebhookReceiver, listenWebhooks, type JobRunner, type WebhookServer } from '../src/index.js';

let server: MockServer;
let receiver: WebhookServer;
let runner: JobRunner;
const callbacks: { id: string; matched: string | undefined }[] = [];

beforeAll(async () => {
  server = await startMockServer({ port: 0, jobMs: 600, seed: 3 });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await runner?.close();
  await receiver?.close();
  callbacks.length = 0;
});

async function setup() {
  const client = createMiniMaxClient({ token: MOCK_TOKEN, baseUrl: server.baseUrl, logLevel: 'silent' });
  const ledger = createMemoryLedger();
  // The receiver needs the runner's correlation and the runner the receiver's URL: the correlation comes first.
  const { createLocalCorrelation } = await import('../src/index.js');
  const correlation = createLocalCorrelation(ledger);
  const handler = createWebhookReceiver({ correlation, onCallback: (c) => callbacks.push({ id: c.id, matched: c.matched }) });
  receiver = await listenWebhooks(handler);
  // Polling every 10 minutes: only the callbacks can finish these jobs within the test.
  runner = createJobRunner({ client, ledger, correlation, webhookUrl: `${receiver.url}/minimax`, intervalMs: 600_000 });
  return { client, handler };
}

describe('webhook-first following', () => {
  it('jobs finish on the callbacks the mock delivers; each callback leads to one re-fetch by id, never to trusting the body', async () => {
    await setup();
    const report = await runner.batch([
      { kind: 'video', input: { prompt: 'A corgi surfing' }, key: 'v1' },
      { kind: 'image', input: { prompt: 'A lighthouse', quantity: 1 }, key: 'i1' },
      { kind: 'speech', input: { text: 'Hello there.', voice_id: '308172940561327' }, key: 's1' },
    ]);
    expect(report.counts.succeeded).toBe(3);
    // Every create carried the receiver's URL and the job's replyRef.
    const creates = server.mock.requests.filter((r) => ['createVideo', 'createImages', 'createSpeech'].includes(r.operationId ?? ''));
    for (const c of creates) expect((c.body as { value: Record<string, unknown> }).value.replyUrl).toBe(`${receiver.url}/minimax`);
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((c) => c.matched !== undefined)).toBe(true);
    // One GET when each follower starts, then one per callback at most (coalesced).
    expect(report.requests.polls).toBeLessThanOrEqual(3 + callbacks.length);
  });

  it('answers 202 to repeats (idempotent), 404 to a stranger, 400 to garbage, 405 to GET, 413 to a flood', async () => {
    const { handler } = await setup();
    const post = (body: string) => handler(new Request('http://x/minimax', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    const result = runner.submit('video', { prompt: 'A corgi' }, { key: 'repeat' });
    // A callback about this job, three times (the receiver matches it by replyRef).
    const record = await (async () => {
      for (;;) {
        const r = await runner.ledger.get('repeat');
        if (r?.ids.length) return r;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const payload = JSON.stringify({ videoId: record.ids[0], status: 2, statusFinal: true, replyRef: record.replyRef, videoURL: 'https://evil.example/forged.mp4' });
    expect((await Promise.all([post(payload), post(payload), post(payload)])).map((r) => r.status)).toEqual([202, 202, 202]);
    const done = await result;
    expect(done.outcome).toBe('succeeded');
    // The forged URL never made it: the snapshot is the API's.
    expect(JSON.stringify(done.snapshots)).not.toContain('evil.example');
    expect((await post(JSON.stringify({ videoId: 'user:1-minimax:2-video:3', replyRef: 'someone-else' }))).status).toBe(404);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await handler(new Request('http://x/minimax'))).status).toBe(405);
    expect((await post('x'.repeat(2 ** 20 + 1))).status).toBe(413);
  });
});
