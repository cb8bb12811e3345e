// The `/__mock/` control API: what a browser test in another process uses to drive the standalone server
// (also served by the MSW handlers on the API's origin).
import { describe, expect, it } from 'vitest';
import { TRANSPORTS, withHarness } from './helpers.js';

describe.each(TRANSPORTS)('control API via %s', (t) => {
  const control = async (origin: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${origin}/__mock${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    return { status: res.status, json: await res.json() };
  };

  it('reports, advances the clock, sets scenarios, lists requests and resets', () =>
    withHarness(t, {}, async (h) => {
      const info = await control(h.origin, 'GET', '');
      expect(info.json).toMatchObject({ accounts: ['987654321'], clock: { mode: 'manual', iso: '2026-09-01T12:00:00.000Z' }, jobMs: 10_000 });
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'p' } })).json;
      const advanced = await control(h.origin, 'POST', '/clock/advance', { ms: 10_000 });
      expect(advanced.json.iso).toBe('2026-09-01T12:00:10.000Z');
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(2);

      const set = await control(h.origin, 'POST', '/scenario', { name: 'rate-limited:5', once: true, operationId: 'createImages' });
      expect(set.json).toEqual([{ name: 'rate-limited', params: { retryAfter: 5 }, operationIds: ['createImages'], remaining: 1 }]);
      const limited = await h.call({ path: '/images/create', json: { prompt: 'p' } });
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '5']);
      expect((await control(h.origin, 'GET', '/scenario')).json).toEqual([]);
      await control(h.origin, 'POST', '/scenario', { name: 'moderated' });
      expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).status).toBe(422);
      await control(h.origin, 'DELETE', '/scenario');
      expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).status).toBe(200);

      const log = await control(h.origin, 'GET', '/requests?operationId=createVideo');
      expect(log.json.map((r: any) => r.status)).toEqual([200, 422, 200]);
      expect((await control(h.origin, 'GET', '/state')).json).toMatchObject({ accounts: 1, videos: 5 });
      expect((await control(h.origin, 'GET', '/webhooks')).json).toEqual([]);
      expect((await control(h.origin, 'POST', '/reset')).json.ok).toBe(true);
      expect((await control(h.origin, 'GET', '/requests')).json).toEqual([]);
      expect((await control(h.origin, 'GET', '/state')).json.videos).toBe(3);
    }));

  it('answers 400 for bad control input and 404 for unknown calls', () =>
    withHarness(t, {}, async (h) => {
      expect((await control(h.origin, 'POST', '/clock/advance', { ms: -5 })).status).toBe(400);
      expect((await control(h.origin, 'POST', '/scenario', { name: 'nope' })).json.error).toMatch(/Unknown mock scenario/);
      expect((await control(h.origin, 'GET', '/nope')).status).toBe(404);
    }));
});

describe('CORS on the standalone server', () => {
  it('answers preflights and exposes Retry-After', () =>
    withHarness('http', {}, async (h) => {
      const pre = await fetch(`${h.baseUrl}/videos/create`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, prefer' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-headers')).toContain('prefer');
      const a = await h.call({ path: '/accounts' });
      expect(a.headers.get('access-control-allow-origin')).toBe('*');
      expect(a.headers.get('access-control-expose-headers')).toContain('retry-after');
    }));
});

describe('base URLs', () => {
  it('serves a configured base URL in addition to the real one', () =>
    withHarness('msw', { baseUrl: 'http://localhost:8787/proxy/minimax/' }, async (h) => {
      expect(h.mock.baseUrls).toEqual(['http://localhost:8787/proxy/minimax', 'https://api.useapi.net/v1/minimax']);
      expect((await h.call({ path: '/accounts' })).status).toBe(200);
      const real = await fetch('https://api.useapi.net/v1/minimax/accounts', { headers: { authorization: 'Bearer user:1-a' } });
      expect(real.status).toBe(200);
      expect(h.mock.serves('http://localhost:8787/proxy/minimax/videos')).toBe(true);
      expect(h.mock.serves('http://localhost:8787/other')).toBe(false);
    }));
});
