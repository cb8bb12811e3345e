// openapi-fetch's calls on the client: { data, error, response }, middleware once per call, same transport.
import type { Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, type RequestEvent } from '../src/index.js';
import { connectionError, fakeFetch, json, route, testClient } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('low-level calls', () => {
  it('keep { data, error, response } and do not throw on HTTP errors', async () => {
    const fake = fakeFetch().queue(json(200, { musicId: 'm:1', status: 2 }), json(404, { error: 'Not found.', code: 404 }));
    const client = testClient(fake);
    const ok = await client.GET('/music/{musicId}', { params: { path: { musicId: 'm:1' } } });
    expect(ok.data).toEqual({ musicId: 'm:1', status: 2 });
    expect(ok.error).toBeUndefined();
    const missing = await client.GET('/music/{musicId}', { params: { path: { musicId: 'm:2' } } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toEqual({ error: 'Not found.', code: 404 });
    expect(missing.response.status).toBe(404);
  });

  it('POST sends typed bodies; DELETE works', async () => {
    const fake = fakeFetch().queue(json(201, { musicId: 'm:1' }), new Response(null, { status: 204 }));
    const client = testClient(fake);
    const created = await client.POST('/music/create', { body: { prompt: 'synth-pop' } });
    expect(created.data).toEqual({ musicId: 'm:1' });
    expect(await fake.requests[0]!.json()).toEqual({ prompt: 'synth-pop' });
    const deleted = await client.DELETE('/accounts/{account}', { params: { path: { account: '42' } } });
    expect(deleted.response.status).toBe(204);
  });

  it('retry with the operation policy: GET retried, create POST not', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const fake = fakeFetch().queue(json(503, {}), json(200, [1]), json(502, {}), json(200, {}));
    const client = testClient(fake);
    const list = client.GET('/music');
    await vi.advanceTimersByTimeAsync(10);
    expect((await list).data).toEqual([1]);
    const create = await client.POST('/videos/create', { body: { prompt: 'x' } });
    expect(create.response.status).toBe(502);
    expect(fake.requests).toHaveLength(3);
  });

  it('a stream body is never re-sent by a low-level call either', async () => {
    vi.useFakeTimers();
    const fake = fakeFetch().queue(json(429, {}), json(200, {}));
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1]));
        c.close();
      },
    });
    const call = testClient(fake).POST('/files', { body: body as never, bodySerializer: (b: unknown) => b as never, headers: { 'Content-Type': 'image/png' }, duplex: 'half' } as never);
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await call).response.status).toBe(429);
    expect(fake.requests).toHaveLength(1);
  });

  it('connection errors become ConnectionError', async () => {
    const fake = fakeFetch().queue(connectionError('ECONNRESET'));
    await expect(testClient(fake, { maxRetries: 0 }).GET('/accounts')).rejects.toBeInstanceOf(ConnectionError);
  });

  it('middleware runs once per call around all attempts; use/eject', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request, schemaPath }) {
        seen.push(`req ${schemaPath}`);
        request.headers.set('x-trace', 't1');
      },
      onResponse({ response }) {
        seen.push(`res ${response.status}`);
      },
    };
    const fake = fakeFetch().queue(json(500, {}), json(200, { ok: 1 }), json(200, {}), json(200, {}));
    const client = testClient(fake, { middleware: [middleware] });
    const call = client.music.get('m:1');
    await vi.advanceTimersByTimeAsync(10);
    expect(await call).toEqual({ ok: 1 });
    expect(seen).toEqual(['req /music/{musicId}', 'res 200']);
    expect(fake.requests.map((r) => r.headers.get('x-trace'))).toEqual(['t1', 't1']);
    client.eject(middleware);
    await client.GET('/accounts');
    expect(seen).toHaveLength(2);
    client.use(middleware);
    await client.GET('/accounts');
    expect(seen).toHaveLength(4);
  });

  it('middleware can short-circuit with a Response', async () => {
    const fake = fakeFetch();
    const client = testClient(fake, { middleware: [{ onRequest: () => json(200, { cached: true }) }] });
    expect(await client.accounts.list()).toEqual({ cached: true });
    expect(fake.requests).toHaveLength(0);
  });

  it('hooks see each attempt in order', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const events: string[] = [];
    const fake = fakeFetch().queue(json(429, {}), json(200, {}));
    const log = (kind: string) => (e: RequestEvent & { status?: number }) => events.push(`${kind} ${e.attempt} ${e.status ?? ''}`.trim());
    const client = testClient(fake, { hooks: { onRequest: log('request'), onResponse: log('response'), onRetry: log('retry') } });
    const call = client.GET('/scheduler');
    await vi.advanceTimersByTimeAsync(10);
    await call;
    expect(events).toEqual(['request 1', 'response 1 429', 'retry 1 429', 'request 2', 'response 2 200']);
    expect(route(fake.requests[1]!)).toBe('/scheduler');
  });
});
