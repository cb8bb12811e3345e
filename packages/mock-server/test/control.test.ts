// The `/__mock/` control API: what a browser test in another process uses to drive the standalone server
// (also served by the MSW handlers on the API's origin).
import { describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { CONTROL, TRANSPORTS, withHarness, type Harness } from './helpers.js';

describe.each(TRANSPORTS)('control API via %s', (t) => {
  const control = async (h: Harness, method: string, path: string, body?: unknown) => {
    const res = await h.fetch(`${h.origin}/__mock${path}`, { method, headers: { ...CONTROL, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: await res.json() };
  };

  it('reports, advances the clock, sets scenarios, lists requests and resets', () =>
    withHarness(t, {}, async (h) => {
      const info = await control(h, 'GET', '');
      expect(info.json).toMatchObject({ baseUrl: h.baseUrl, baseUrls: [h.baseUrl], accounts: ['987654321'], clock: { mode: 'manual', iso: '2026-09-01T12:00:00.000Z' }, jobMs: 10_000 });
      const { videoId } = (await h.call({ path: '/videos/create', json: { prompt: 'p' } })).json;
      const advanced = await control(h, 'POST', '/clock/advance', { ms: 10_000 });
      expect(advanced.json.iso).toBe('2026-09-01T12:00:10.000Z');
      expect((await h.call({ path: `/videos/${videoId}` })).json.status).toBe(2);

      const set = await control(h, 'POST', '/scenario', { name: 'rate-limited:5', once: true, operationId: 'createImages' });
      expect(set.json).toEqual([{ name: 'rate-limited', params: { retryAfter: 5 }, operationIds: ['createImages'], remaining: 1 }]);
      const limited = await h.call({ path: '/images/create', json: { prompt: 'p' } });
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '5']);
      expect((await control(h, 'GET', '/scenario')).json).toEqual([]);
      await control(h, 'POST', '/scenario', { name: 'moderated' });
      expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).status).toBe(422);
      await control(h, 'DELETE', '/scenario');
      expect((await h.call({ path: '/videos/create', json: { prompt: 'p' } })).status).toBe(200);

      const log = await control(h, 'GET', '/requests?operationId=createVideo');
      expect(log.json.map((r: any) => r.status)).toEqual([200, 422, 200]);
      expect((await control(h, 'GET', '/state')).json).toMatchObject({ accounts: 1, videos: 5 });
      expect((await control(h, 'GET', '/webhooks')).json).toEqual([]);
      expect((await control(h, 'POST', '/reset')).json.ok).toBe(true);
      expect((await control(h, 'GET', '/requests')).json).toEqual([]);
      expect((await control(h, 'GET', '/state')).json.videos).toBe(3);
    }));

  it('answers 400 for bad control input and 404 for unknown calls', () =>
    withHarness(t, {}, async (h) => {
      expect((await control(h, 'POST', '/clock/advance', { ms: -5 })).status).toBe(400);
      expect((await control(h, 'POST', '/scenario', { name: 'nope' })).json.error).toMatch(/Unknown mock scenario/);
      expect((await control(h, 'GET', '/nope')).status).toBe(404);
      const plain = await h.fetch(`${h.origin}/__mock/scenario`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'moderated' }) });
      expect(plain.status).toBe(415);
      expect(h.mock.scenarios.active()).toEqual([]);
    }));
});

/** One raw HTTP request (node:http: fetch cannot set `Host`). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('who may use the standalone server\'s control API', () => {
  const withServer = async (options: Parameters<typeof startMockServer>[0], fn: (server: Awaited<ReturnType<typeof startMockServer>>) => Promise<void>) => {
    const server = await startMockServer({ port: 0, clock: 'manual', deliverWebhooks: false, ...options });
    try {
      await fn(server);
    } finally {
      await server.close();
    }
  };
  const reset = { method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body: '{}' };

  it('needs the control credential (MOCK_TOKEN by default, or the one configured)', () =>
    withServer({}, async (server) => {
      server.mock.scenarios.set('moderated');
      for (const headers of [{}, { authorization: 'Bearer user:1-someApiToken' }, { authorization: MOCK_TOKEN }] as Record<string, string>[]) {
        const a = await raw(`${server.url}/__mock/reset`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
        expect(a.status).toBe(401);
        expect(JSON.parse(a.text).error).toMatch(/^The control API needs Authorization: Bearer <control token>/);
      }
      expect((await raw(`${server.url}/__mock/requests`)).status).toBe(401);
      expect(server.mock.scenarios.active()).toHaveLength(1); // nothing was reset
      expect((await raw(`${server.url}/__mock/reset`, reset)).status).toBe(200);
      expect(server.mock.scenarios.active()).toHaveLength(0);
    }));

  it('accepts a configured control token (and no longer MOCK_TOKEN)', () =>
    withServer({ controlToken: 'secret-control-token' }, async (server) => {
      expect((await raw(`${server.url}/__mock`, { headers: CONTROL })).status).toBe(401);
      expect((await raw(`${server.url}/__mock`, { headers: { authorization: 'Bearer secret-control-token' } })).status).toBe(200);
      await expect(startMockServer({ port: 0, controlToken: 'short' })).rejects.toThrow(/controlToken/);
    }));

  it('answers only on loopback Host names and the allowed ones (DNS rebinding)', () =>
    withServer({ allowedHosts: ['mock.test'] }, async (server) => {
      const port = server.port;
      for (const host of [`evil.example:${port}`, `192.168.1.20:${port}`, 'attacker.com']) {
        const a = await raw(`${server.url}/__mock`, { headers: { ...CONTROL, host } });
        expect(a.status, host).toBe(403);
        expect(JSON.parse(a.text).error).toMatch(/only on loopback/);
      }
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `app.localhost:${port}`, `mock.test:${port}`]) {
        expect((await raw(`${server.url}/__mock`, { headers: { ...CONTROL, host } })).status, host).toBe(200);
      }
      // The API routes are not the control API: they keep answering (with their CORS).
      expect((await raw(`${server.baseUrl}/accounts`, { headers: { authorization: `Bearer ${MOCK_TOKEN}`, host: `evil.example:${port}` } })).status).toBe(200);
    }));

  it('refuses pages of other origins and sends no CORS headers on control routes', () =>
    withServer({}, async (server) => {
      server.mock.scenarios.set('moderated');
      const evil = await raw(`${server.url}/__mock/reset`, { ...reset, headers: { ...reset.headers, origin: 'https://evil.example' } });
      expect(evil.status).toBe(403);
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      expect((await raw(`${server.url}/__mock/reset`, { ...reset, headers: { ...reset.headers, origin: 'null' } })).status).toBe(403);
      expect(server.mock.scenarios.active()).toHaveLength(1);
      const local = await raw(`${server.url}/__mock`, { headers: { ...CONTROL, origin: 'http://localhost:3000' } });
      expect(local.status).toBe(200);
      expect(local.headers['access-control-allow-origin']).toBeUndefined();
      // A preflight to the control API grants nothing; one to the API does.
      const preflight = { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } };
      const pre = await raw(`${server.url}/__mock/reset`, preflight);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-headers']).toBeUndefined();
      expect((await raw(`${server.baseUrl}/videos/create`, preflight)).headers['access-control-allow-origin']).toBe('*');
    }));

  it('takes JSON bodies only (a text/plain "simple request" changes nothing)', () =>
    withServer({}, async (server) => {
      const a = await raw(`${server.url}/__mock/scenario`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'text/plain' }, body: '{"name":"moderated"}' });
      expect(a.status).toBe(415);
      expect(server.mock.scenarios.active()).toEqual([]);
    }));
});

describe('CORS on the standalone server', () => {
  it('answers preflights and exposes Retry-After', () =>
    withHarness('http', {}, async (h) => {
      const pre = await h.fetch(`${h.baseUrl}/videos/create`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, prefer' } });
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
