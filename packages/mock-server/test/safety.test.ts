// Safe on a developer's machine: body-size caps (413), bounded echoes, and bad input that never gives an
// unrequested 5xx nor leaves corrupt state (each case once failed: 500 and a stored account, a broken clock, a
// stack overflow, a 100 MB scenario name echoed back).
import { describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { MOCK_TOKEN, createAccountJwt, createMiniMaxMock } from '@useapi-minimax/mock-server';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { AUTH, CONTROL, PNG, TRANSPORTS, withHarness } from './helpers.js';

const BASE = 'https://api.useapi.net/v1/minimax';
const json = (body: string) => ({ method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body });

/** A JWT with a raw payload (numbers `createAccountJwt` would not make). */
function jwtWith(payload: string): string {
  const b64 = (t: string) => Buffer.from(t).toString('base64url');
  return `${b64('{"alg":"HS256"}')}.${b64(payload)}.sig`;
}

/** A body `{"prompt":"p","extra":[[[…]]]}` nested `depth` deep. */
const deep = (depth: number) => `{"prompt":"p","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('body-size caps (413)', () => {
  it('refuses a JSON body over maxBodyBytes without storing anything; configurable', async () => {
    const mock = createMiniMaxMock({ maxBodyBytes: 1000 });
    const before = mock.data.count('videos');
    const res = await mock.handle(new Request(`${BASE}/videos/create`, json(JSON.stringify({ prompt: 'x'.repeat(2000) }))));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than the mock's limit of 1000 bytes/);
    expect(mock.data.count('videos')).toBe(before);
    expect(mock.requests.at(-1)).toMatchObject({ operationId: 'createVideo', status: 413 });
    const ok = await mock.handle(new Request(`${BASE}/videos/create`, json(JSON.stringify({ prompt: 'x'.repeat(500) }))));
    expect(ok.status).toBe(200);
  });

  it('has a default of 1 MiB for JSON and more for uploads', async () => {
    const mock = createMiniMaxMock();
    const big = JSON.stringify({ prompt: 'p', extra: 'x'.repeat(1024 * 1024) });
    expect((await mock.handle(new Request(`${BASE}/videos/create`, json(big)))).status).toBe(413);
    const upload = new Uint8Array(2 * 1024 * 1024);
    upload.set(PNG);
    const res = await mock.handle(new Request(`${BASE}/files`, { method: 'POST', headers: { ...AUTH, 'content-type': 'image/png' }, body: upload }));
    expect(res.status).toBe(200);
    const small = createMiniMaxMock({ maxUploadBytes: 1024 });
    expect((await small.handle(new Request(`${BASE}/files`, { method: 'POST', headers: { ...AUTH, 'content-type': 'image/png' }, body: upload }))).status).toBe(413);
    expect(() => createMiniMaxMock({ maxBodyBytes: 0 })).toThrow(RangeError);
  });

  it('the standalone server stops reading an oversized body (declared or chunked) and answers 413', async () => {
    const server = await startMockServer({ port: 0, maxBodyBytes: 4096 });
    try {
      const send = (chunked: boolean) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpRequest(`${server.baseUrl}/videos/create`, {
            method: 'POST',
            headers: { ...AUTH, 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(8 * 1024 * 1024) }) },
          });
          req.on('response', (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          // Writes 8 MiB in 64 KiB pieces (stops if the server has already answered and closed).
          const piece = Buffer.alloc(64 * 1024, 0x20);
          let left = 128;
          const pump = () => {
            while (left > 0) {
              left--;
              if (!req.write(piece)) return void req.once('drain', pump);
            }
            req.end();
          };
          pump();
        });
      for (const chunked of [false, true]) {
        const { status, body } = await send(chunked);
        expect(status).toBe(413);
        expect(JSON.parse(body).code).toBe(413);
      }
      expect(server.mock.data.count('videos')).toBe(3);
    } finally {
      await server.close();
    }
  }, 60_000);

  it.each(TRANSPORTS)('control bodies are capped and nothing sent is echoed at length (%s)', (t) =>
    withHarness(t, {}, async (h) => {
      const post = (body: string) => h.fetch(`${h.origin}/__mock/scenario`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body });
      const huge = await post(JSON.stringify({ name: 'x'.repeat(1024 * 1024) }));
      expect(huge.status).toBe(413);
      expect((await huge.text()).length).toBeLessThan(1000);
      const long = await post(JSON.stringify({ name: 'y'.repeat(60_000) }));
      expect(long.status).toBe(400);
      const text = await long.text();
      expect(text.length).toBeLessThan(1000);
      expect(JSON.parse(text).error).toMatch(/Unknown mock scenario "y{80}… \(\+59920 chars\)"/);
      // Parameters and operation ids are checked before the queue changes.
      for (const body of [{ name: 'latency', params: { ms: 'z'.repeat(10_000) } }, { name: 'latency', params: { junk: 1 } }, { name: 'latency', operationId: 'toString' }, { name: 'latency', times: 1e300 }, { clear: true, name: 'nope' }]) {
        await post(JSON.stringify({ name: 'moderated' }));
        const res = await post(JSON.stringify(body));
        expect(res.status).toBe(400);
        expect((await res.text()).length).toBeLessThan(1000);
        const list = await (await h.fetch(`${h.origin}/__mock/scenario`, { headers: CONTROL })).json();
        expect(list).toEqual([{ name: 'moderated', params: {} }]);
        await h.fetch(`${h.origin}/__mock/scenario`, { method: 'DELETE', headers: CONTROL });
      }
    }),
  );

  it('an error message never echoes more than the bounded text (a long unknown route, a long bad value)', async () => {
    const mock = createMiniMaxMock();
    const res = await mock.handle(new Request(`${BASE}/videos/create?__scenario=${'q'.repeat(20_000)}`, json('{"prompt":"p"}')));
    expect(res.status).toBe(400);
    expect((await res.text()).length).toBeLessThan(1000);
    const path = await mock.handle(new Request(`${BASE}/${'n'.repeat(20_000)}`, { headers: AUTH }));
    expect(path.status).toBe(404);
    expect((await path.text()).length).toBeLessThan(1200);
  });
});

describe('bad input: no unrequested 5xx, state unchanged', () => {
  it('POST /accounts with an expiry beyond the date range: 400, nothing stored, GET /accounts still answers', async () => {
    const mock = createMiniMaxMock();
    const before = await (await mock.handle(new Request(`${BASE}/accounts`, { headers: AUTH }))).json();
    for (const payload of ['{"user":{"id":"555"},"exp":1e300}', '{"user":{"id":"555"},"exp":9e12}', '{"user":{"id":"555"},"exp":1e12,"iat":-1e300}']) {
      const res = await mock.handle(new Request(`${BASE}/accounts`, json(JSON.stringify({ url: 'https://hailuoai.video/', maxJobs: 3, token: jwtWith(payload) }))));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/outside the range of dates/);
    }
    const after = await mock.handle(new Request(`${BASE}/accounts`, { headers: AUTH }));
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual(before);
    const good = await mock.handle(new Request(`${BASE}/accounts`, json(JSON.stringify({ url: 'https://hailuoai.video/', maxJobs: 3, token: createAccountJwt('555') }))));
    expect(good.status).toBe(201);
  });

  it.each(TRANSPORTS)('the control clock refuses to advance past the last date (1e300 ms) and keeps working (%s)', (t) =>
    withHarness(t, {}, async (h) => {
      const advance = (ms: number) => h.fetch(`${h.origin}/__mock/clock/advance`, { method: 'POST', headers: { ...CONTROL, 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
      const before = h.mock.clock.now();
      const res = await advance(1e300);
      expect(res.status).toBe(400);
      expect(h.mock.clock.now()).toBe(before);
      expect(() => h.mock.clock.advance(1e300)).toThrow(RangeError);
      await h.call({ path: '/videos/create', json: { prompt: 'p' } });
      const log = await h.fetch(`${h.origin}/__mock/requests`, { headers: CONTROL });
      expect(log.status).toBe(200);
      expect((await log.json()).at(-1).at).toBe('2026-09-01T12:00:00.000Z');
      expect((await advance(1000)).status).toBe(200);
    }),
  );

  it('JSON nested 100,000 deep: 400, and the journal still reads', async () => {
    const mock = createMiniMaxMock();
    const res = await mock.handle(new Request(`${BASE}/videos/create`, json(deep(100_000))));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/nested deeper than 64 levels/);
    expect(mock.data.count('videos')).toBe(3);
    expect(JSON.stringify(mock.requests).length).toBeLessThan(2000);
    // Nesting within the limit is journaled cut short.
    expect((await mock.handle(new Request(`${BASE}/videos/create`, json(deep(40))))).status).toBe(200);
    expect(JSON.stringify(mock.requests.at(-1)?.body)).toContain('nested deeper, left out');
    const control = await mock.control(new Request(`${BASE}/__mock/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"name":"latency","params":${deep(20_000).slice(13)}` }));
    expect(control.status).toBe(400);
  });

  it('a body that is not UTF-8 is a 400', async () => {
    const mock = createMiniMaxMock();
    const bytes = new Uint8Array([0x7b, 0x22, 0x70, 0x72, 0x6f, 0x6d, 0x70, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await mock.handle(new Request(`${BASE}/videos/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: bytes }));
    expect(res.status).toBe(400);
    expect(mock.data.count('videos')).toBe(3);
  });
});

void MOCK_TOKEN;

describe('pipeline order (ARCHITECTURE.md): request validation before status-stage faults', () => {
  it('an invalid body with Prefer: scenario=rate-limited answers 400; a valid one 429', async () => {
    const mock = createMiniMaxMock();
    const send = (body: string) => mock.handle(new Request(`${BASE}/videos/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json', prefer: 'scenario=rate-limited' }, body }));
    expect((await send('{"prompt":42}')).status).toBe(400);
    expect((await send('{"prompt":"p"}')).status).toBe(429);
    // Transport and auth faults need no valid request.
    const lost = await mock.handle(new Request(`${BASE}/videos/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json', prefer: 'scenario=unauthorized' }, body: '{"prompt":42}' }));
    expect(lost.status).toBe(401);
  });
});
