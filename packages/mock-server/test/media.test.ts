// The media stand-in: the result URLs the mock hands out answer placeholder bytes of the right type, in process
// (MSW, `mock.handle`: the real CDN hosts) and from the standalone server (`<origin>/__media/<cdn host>/<path>`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOCK_TOKEN, createMiniMaxMock } from '@useapi-minimax/mock-server';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { withHarness } from './helpers.js';
import { MEDIA_HOSTS, rewriteMedia } from '../src/engine/media.js';

const AUTH = { authorization: `Bearer ${MOCK_TOKEN}` };
const MP4 = [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70];

describe('media stand-in', () => {
  it('mock.handle answers the CDN URLs of a finished video, deterministically', async () => {
    const mock = createMiniMaxMock();
    const { videoId } = await (await mock.handle(new Request(`${mock.baseUrl}/videos/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"prompt":"p"}' }))).json();
    mock.clock.advance(mock.jobMs);
    const video = await (await mock.handle(new Request(`${mock.baseUrl}/videos/${encodeURIComponent(videoId)}`, { headers: AUTH }))).json();
    expect(video.downloadURL).toMatch(/^https:\/\/cdn\.hailuoai\.video\/moss\/prod\/.+-nowm\.mp4$/);
    const res = await mock.handle(new Request(video.downloadURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual(MP4);
    expect(bytes.length).toBe(1024);
    expect(new Uint8Array(await (await mock.handle(new Request(video.downloadURL))).arrayBuffer())).toEqual(bytes);
    const cover = await mock.handle(new Request(video.coverURL));
    expect([cover.status, cover.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(mock.requests.filter((r) => r.url.includes('cdn.'))).toEqual([]);
  });

  it('MSW answers the CDN hosts too (fetch of a music audio_url)', () =>
    withHarness('msw', {}, async (h) => {
      const list = (await h.call({ path: '/music' })).json;
      const url = JSON.stringify(list).match(/https:\/\/cdn\.hailuoai\.com\/[^"]+\.mp3/)?.[0];
      expect(url).toBeDefined();
      const res = await fetch(url!);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'audio/mpeg']);
    }));

  it('the standalone server hands out URLs under its own /__media/ and serves them (answers, webhooks)', async () => {
    const server = await startMockServer({ port: 0, clock: 'manual' });
    try {
      const headers = { ...AUTH, 'content-type': 'application/json' };
      const { videoId } = await (await fetch(`${server.baseUrl}/videos/create`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'p', replyUrl: 'http://127.0.0.1:9/hook' }) })).json();
      server.mock.clock.advance(server.mock.jobMs);
      const video = await (await fetch(`${server.baseUrl}/videos/${encodeURIComponent(videoId)}`, { headers: AUTH })).json();
      const prefix = `${server.url}/__media/cdn.hailuoai.video/moss/prod/`;
      expect(video.downloadURL.startsWith(prefix) && video.downloadURL.endsWith('-nowm.mp4')).toBe(true);
      expect(video.videoURL.startsWith(prefix)).toBe(true);
      const res = await fetch(video.downloadURL);
      expect([res.status, res.headers.get('content-type'), res.headers.get('content-length')]).toEqual([200, 'video/mp4', '1024']);
      expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 8)]).toEqual(MP4);
      const head = await fetch(video.downloadURL, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect((await fetch(`${server.url}/__media/evil.example/x.mp4`)).status).toBe(404);
      expect((await fetch(video.downloadURL, { method: 'POST' })).status).toBe(405);
      const final = server.mock.webhooks.deliveries.find((d) => d.final)!;
      expect(String(final.payload.downloadURL).startsWith(prefix)).toBe(true);
      // The journal holds API calls only.
      expect(server.mock.requests.some((r) => r.path.startsWith('/__media'))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('extra MSW handlers', () => {
  it('come before the mock\'s, so an app can serve its own media for the CDN URLs', async () => {
    const { setupMiniMaxServer } = await import('@useapi-minimax/mock-server/msw/node');
    const { http, HttpResponse } = await import('msw');
    const own = http.get('https://cdn.hailuoai.com/*', () => HttpResponse.text('my own tune', { headers: { 'content-type': 'audio/wav' } }));
    const server = setupMiniMaxServer({ seed: 1 }, own);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const res = await fetch('https://cdn.hailuoai.com/prod/2026-01-01-00/music/1.mp3');
      expect([res.headers.get('content-type'), await res.text()]).toEqual(['audio/wav', 'my own tune']);
    } finally {
      server.close();
    }
  });

  it('rewriteMedia moves exactly the URLs a global replace of https://<cdn host>/ would (scan, fixed cases and generated text)', () => {
    const origin = 'http://127.0.0.1:4010';
    // The reference: the RegExp replace the scan stands in for.
    const pattern = new RegExp(`https://(${MEDIA_HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|')})/`, 'g');
    const reference = (text: string) => text.replace(pattern, (_, host: string) => `${origin}/__media/${host}/`);
    const fixed = ['', 'plain', 'https://', 'https://cdn.hailuoai.video', 'https://cdn.hailuoai.video/', 'xhttps://cdn.hailuoai.com/a"https://minimax-public-cdn.com/b', 'https://https://cdn.hailuoai.com/x', 'https://cdn.hailuoai.comx/', 'https://evil.example/https://cdn.hailuoai.video/v.mp4'];
    for (const text of fixed) expect(rewriteMedia(text, origin)).toBe(reference(text));
    const piece = fc.constantFrom('https://', '/', 'x', '"', ...MEDIA_HOSTS, 'cdn.hailuoai.', 'https:/', 'http://');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      expect(rewriteMedia(text, origin)).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});
