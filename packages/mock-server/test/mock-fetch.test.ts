// `mock.fetch`: the mock as a `fetch` for in-process clients. Behaviour parity with the other transports runs in
// every `TRANSPORTS` suite (the `fetch` harness); this file holds what only `fetch` promises.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMiniMaxMock } from '@useapi-minimax/mock-server';
import { AUTH } from './helpers.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...AUTH, 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('mock.fetch', () => {
  it('is bound: passed on its own, it answers a create and the GET of the job', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const { fetch } = mock;
    const created = await fetch(`${mock.baseUrl}/videos/create`, json({ prompt: 'a cat' }));
    expect(created.status).toBe(200);
    const { videoId } = (await created.json()) as { videoId: string };
    const got = await fetch(new URL(`${mock.baseUrl}/videos/${encodeURIComponent(videoId)}`), { headers: AUTH });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ videoId });
    expect(mock.calls('createVideo')).toHaveLength(1);
    mock.dispose();
  });

  it('builds no Request for a string or bytes body (the cost it exists to save)', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    let built = 0;
    const Real = globalThis.Request;
    vi.stubGlobal('Request', class extends Real {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input, init);
        built++;
      }
    });
    expect((await mock.fetch(`${mock.baseUrl}/videos/create`, json({ prompt: 'p' }))).status).toBe(200);
    const bytes = new TextEncoder().encode(JSON.stringify({ prompt: 'p' }));
    expect((await mock.fetch(`${mock.baseUrl}/images/create`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: bytes })).status).toBe(200);
    expect((await mock.fetch(`${mock.baseUrl}/accounts`, { headers: new Headers(AUTH) })).status).toBe(200);
    expect(built).toBe(0);
    // The old wiring, for contrast: one Request per call.
    await mock.handle(new Request(`${mock.baseUrl}/accounts`, { headers: AUTH }));
    expect(built).toBe(1);
    mock.dispose();
  });

  it('still takes a Request, FormData and the other bodies only a Request can read', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const viaRequest = await mock.fetch(new Request(`${mock.baseUrl}/accounts`, { headers: AUTH }));
    expect(viaRequest.status).toBe(200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], { type: 'image/png' }), 'a.png');
    const uploaded = await mock.fetch(`${mock.baseUrl}/files`, { method: 'POST', headers: AUTH, body: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }) });
    expect(uploaded.status).not.toBe(500);
    expect(mock.requests.at(-1)?.operationId).toBe('uploadFile');
    mock.dispose();
  });

  it('applies the body caps to a body it did not read through a Request (413, nothing created)', async () => {
    const mock = createMiniMaxMock({ clock: 'manual', maxBodyBytes: 1000 });
    const before = mock.data.count('videos');
    const res = await mock.fetch(`${mock.baseUrl}/videos/create`, json({ prompt: 'x'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(mock.data.count('videos')).toBe(before);
    mock.dispose();
  });

  it('fails as fetch does: network failure, relative URL, a GET with a body', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const lost = mock.fetch(`${mock.baseUrl}/videos/create`, json({ prompt: 'p' }, { prefer: 'scenario=network-error' }));
    await expect(lost).rejects.toThrow(new TypeError('fetch failed'));
    await expect(mock.fetch('/videos/create', json({ prompt: 'p' }))).rejects.toThrow(TypeError);
    await expect(mock.fetch(`${mock.baseUrl}/accounts`, { method: 'GET', headers: AUTH, body: '{}' })).rejects.toThrow(TypeError);
    expect(mock.data.count('videos')).toBe(3);
    mock.dispose();
  });

  it('rejects with the signal’s reason when aborted before, or while an answer is held back', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const early = new AbortController();
    early.abort(new Error('stop'));
    await expect(mock.fetch(`${mock.baseUrl}/accounts`, { headers: AUTH, signal: early.signal })).rejects.toThrow('stop');
    expect(mock.requests).toHaveLength(0);
    const late = new AbortController();
    const held = mock.fetch(`${mock.baseUrl}/accounts`, { headers: { ...AUTH, prefer: 'scenario=latency:600000' }, signal: late.signal });
    late.abort(new Error('gone'));
    await expect(held).rejects.toThrow('gone');
    mock.dispose();
  });

  it('serves the control API on the base URL’s origin, as the MSW handlers do', async () => {
    const mock = createMiniMaxMock({ clock: 'manual' });
    const origin = new URL(mock.baseUrl).origin;
    const info = await mock.fetch(`${origin}/__mock`, { headers: AUTH });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ baseUrl: mock.baseUrl });
    const before = mock.clock.now();
    expect((await mock.fetch(`${origin}/__mock/clock/advance`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"ms":5}' })).status).toBe(200);
    expect(mock.clock.now()).toBe(before + 5);
    // Only `/__mock` and below: a path that merely starts with the same letters is not the control API.
    expect((await mock.fetch(`${origin}/__mockery`, { headers: AUTH })).status).toBe(404);
    expect(mock.requests.at(-1)?.path).toBe('/__mockery');
    mock.dispose();
  });
});
