// Webhooks: payloads per the spec's `webhooks`, fired on observed state changes (clock advance, requests,
// the real-time tick) and POSTed to `replyUrl` by the standalone server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_TOKEN, type WebhookDelivery } from '@useapi-minimax/mock-server';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { CONTROL, openHarness, specErrors } from './helpers.js';

const SCHEMA = (event: string) => `#/webhooks/${event}/post/requestBody/content/application~1json/schema`;

interface Receiver {
  url: string;
  received: Record<string, any>[];
  waitFor(predicate: (body: Record<string, any>) => boolean): Promise<Record<string, any>>;
  close(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  const received: Record<string, any>[] = [];
  const waiters: { predicate: (b: Record<string, any>) => boolean; resolve: (b: Record<string, any>) => void }[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, any>;
      received.push(body);
      for (const w of [...waiters]) if (w.predicate(body)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(body); }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    waitFor: (predicate) => {
      const hit = received.find(predicate);
      return hit ? Promise.resolve(hit) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}

describe('webhook payloads (in process)', () => {
  it('emits progress and final states on clock advances, valid against the spec', async () => {
    const seen: WebhookDelivery[] = [];
    const h = await openHarness('handle', { onWebhook: (d) => seen.push(d) });
    const replyUrl = 'https://example.com/minimax/callback';
    const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'p', replyUrl, replyRef: 'v-1' } })).json;
    const [imageId] = (await h.call({ path: '/images/create', json: { prompt: 'p', replyUrl, replyRef: 'i-1' } })).json.imageIds;
    const { musicId } = (await h.call({ path: '/music/create', json: { prompt: 'p', replyUrl, replyRef: 'm-1' } })).json;
    const { audioId } = (await h.call({ path: '/speech/create', json: { text: 'hi', voice_id: '308172940561415', replyUrl, replyRef: 's-1' } })).json;
    const { jobId } = (await h.call({ path: '/agent', form: { prompt: 'p', models: 'a', async: 'true', replyUrl, replyRef: 'a-1' } })).json;
    h.mock.clock.advance(5_000);
    h.mock.clock.advance(5_000);
    h.mock.clock.advance(5_000);
    const byJob = (id: string) => seen.filter((d) => d.jobId === id);
    expect(byJob(videoId).map((d) => [d.payload.status, d.final])).toEqual([[0, false], [1, false], [2, true]]);
    expect(byJob(imageId).map((d) => d.payload.status)).toEqual([0, 12, 2]);
    expect(byJob(musicId).map((d) => d.payload.status)).toEqual([0, 1, 2]);
    expect(byJob(audioId).map((d) => d.payload.statusLabel)).toEqual(['completed']);
    expect(byJob(jobId).map((d) => d.payload.status)).toEqual(['completed']);
    expect(byJob(videoId)[0]!.payload.replyRef).toBe('v-1');
    expect(byJob(audioId)[0]!.payload).toMatchObject({ audioId, replyRef: 's-1' });
    expect((byJob(jobId)[0]!.payload.request as { replyRef: string }).replyRef).toBe('a-1');
    for (const d of seen) {
      expect(d.url).toBe(replyUrl);
      expect(specErrors(SCHEMA(d.event), d.payload)).toEqual([]);
    }
    expect(h.mock.webhooks.deliveries).toEqual(seen);
    h.mock.clock.advance(60_000);
    expect(h.mock.webhooks.deliveries).toHaveLength(seen.length);
    await h.close();
  });
});

describe('webhook delivery by the standalone server', () => {
  let hook: Receiver;
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(() => hook.close());

  it('POSTs progress and the final object (with replyRef) as the control API advances the clock', async () => {
    const server = await startMockServer({ port: 0, clock: 'manual' });
    const headers = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
    const { videoId } = await (await fetch(`${server.baseUrl}/videos/create`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', replyUrl: hook.url, replyRef: 'order-9' }) })).json();
    for (let i = 0; i < 2; i++) await fetch(`${server.url}/__mock/clock/advance`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body: JSON.stringify({ ms: 5_000 }) });
    const final = await hook.waitFor((b) => b.videoId === videoId && b.statusFinal === true);
    expect(final).toMatchObject({ status: 2, replyRef: 'order-9', videoURL: expect.any(String) });
    await server.mock.webhooks.settled();
    const mine = hook.received.filter((b) => b.videoId === videoId);
    expect(mine.map((b) => b.status)).toEqual([0, 1, 2]);
    expect(server.mock.webhooks.deliveries.every((d) => d.status === 200)).toBe(true);
    await server.close();
  });

  it('on the real clock, the tick delivers without further requests; DELETE /scheduler stops callbacks', async () => {
    const server = await startMockServer({ port: 0, jobMs: 300 });
    const headers = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
    const create = async (ref: string) => (await (await fetch(`${server.baseUrl}/images/create`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', replyUrl: hook.url, replyRef: ref }) })).json()).imageIds[0] as string;
    const kept = await create('keep');
    const stopped = await create('stop');
    expect((await fetch(`${server.baseUrl}/scheduler/${stopped}`, { method: 'DELETE', headers })).status).toBe(204);
    const final = await hook.waitFor((b) => b.imageId === kept && b.statusFinal === true);
    expect(final.replyRef).toBe('keep');
    await server.mock.webhooks.settled();
    expect(hook.received.filter((b) => b.imageId === stopped && b.statusFinal)).toEqual([]);
    await server.close();
  });

  it('records a failed delivery without breaking the mock', async () => {
    const server = await startMockServer({ port: 0, clock: 'manual' });
    const headers = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
    await fetch(`${server.baseUrl}/videos/create`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', replyUrl: 'http://127.0.0.1:9/unreachable' }) });
    await server.mock.webhooks.settled();
    expect(server.mock.webhooks.deliveries[0]!.error).toBeTruthy();
    await server.close();
  });
});

describe('where webhooks go: never the mock itself, loopback by default, other hosts when allowed', () => {
  const headers = { authorization: `Bearer ${MOCK_TOKEN}`, 'content-type': 'application/json' };
  const createWith = (server: { baseUrl: string }, replyUrl: string) =>
    fetch(`${server.baseUrl}/videos/create`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', replyUrl }) }).then((r) => r.json());
  const advance = (server: { url: string }) => fetch(`${server.url}/__mock/clock/advance`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body: JSON.stringify({ ms: 10_000 }) });

  it('a replyUrl at the mock\'s own control API or API is not POSTed to (the state survives)', async () => {
    const server = await startMockServer({ port: 0, clock: 'manual', accounts: [{ maxJobs: 10 }] });
    try {
      const targets = [
        `${server.url}/__mock/reset`,
        `http://localhost:${server.port}/__mock/reset`,
        `http://[::1]:${server.port}/anything`,
        `${server.baseUrl}/videos/create`,
        `http://127.0.0.1:1/%5F%5Fmock/reset`,
        'https://api.useapi.net/v1/minimax/accounts',
      ];
      for (const url of targets) await createWith(server, url);
      const videos = server.mock.data.count('videos');
      await advance(server);
      await server.mock.webhooks.settled();
      expect(server.mock.data.count('videos')).toBe(videos);
      const deliveries = server.mock.webhooks.deliveries;
      expect(new Set(deliveries.map((d) => d.url))).toEqual(new Set(targets));
      for (const d of deliveries) {
        expect(d.status).toBeUndefined();
        expect(d.error).toMatch(/^not delivered: .*never a webhook receiver/);
      }
      // The journal shows no request the mock sent itself.
      expect(server.mock.requests.filter((r) => r.method === 'POST' && r.path.includes('reset'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('other hosts only when allowed (webhookHosts); a redirect is not followed', async () => {
    let hits = 0;
    const bouncer = createServer((req, res) => {
      hits++;
      req.resume();
      res.writeHead(307, { location: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/__mock/reset` });
      res.end();
    });
    await new Promise<void>((r) => bouncer.listen(0, '127.0.0.1', r));
    const server = await startMockServer({ port: 0, clock: 'manual' });
    const allowing = await startMockServer({ port: 0, clock: 'manual', webhookHosts: ['receiver.invalid'] });
    try {
      await createWith(server, 'http://receiver.invalid/hook');
      await createWith(server, `http://127.0.0.1:${(bouncer.address() as AddressInfo).port}/hook`);
      await createWith(allowing, 'http://receiver.invalid/hook');
      const videos = server.mock.data.count('videos');
      await advance(server);
      await advance(allowing);
      await server.mock.webhooks.settled();
      await allowing.mock.webhooks.settled();
      const refused = server.mock.webhooks.deliveries.filter((d) => d.url.includes('receiver.invalid'));
      expect(refused.length).toBeGreaterThan(0);
      for (const d of refused) expect(d.error).toMatch(/not loopback; allow it with the webhookHosts option/);
      const bounced = server.mock.webhooks.deliveries.filter((d) => !d.url.includes('receiver.invalid'));
      expect(bounced.map((d) => d.status)).toEqual(bounced.map(() => 307));
      expect(hits).toBe(bounced.length);
      expect(server.mock.data.count('videos')).toBe(videos);
      // Allowed: the POST is attempted (the name does not resolve, so it fails in fetch, not by policy).
      for (const d of allowing.mock.webhooks.deliveries) expect(d.error ?? '').not.toMatch(/not delivered/);
    } finally {
      await Promise.all([server.close(), allowing.close(), new Promise((r) => bouncer.close(r))]);
    }
  });
});
