// The options the client hands openapi-fetch. openapi-fetch copies them as `{ ...init, method }`; when `method` is
// not in them already, that copy adds a key and V8 then reads the copy ~3.5 µs slower per call (the per-request
// overhead of issue #10). Same request either way: this pins the shape, the benchmark the cost.
import { describe, expect, it, vi } from 'vitest';
import { envOf } from '../src/core.js';
import { createMiniMaxClient } from '../src/index.js';

const answer = () => new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });

function setup() {
  const fetch = vi.fn(async () => answer());
  const client = createMiniMaxClient({ token: 'user:1-abc', baseUrl: 'http://api.test/v1/minimax', fetch, logLevel: 'silent' });
  const api = envOf(client).api as unknown as Record<string, (...args: unknown[]) => unknown>;
  return { client, api, fetch };
}

describe('options handed to openapi-fetch', () => {
  it('resource calls pass the method in the options already, as openapi-fetch sends it', async () => {
    const { client, api, fetch } = setup();
    const request = vi.spyOn(api, 'request');
    await client.accounts.list();
    await client.music.get('user:1-minimax:2-music:3');
    expect(request.mock.calls.map((c) => [c[0], (c[2] as { method?: string }).method])).toEqual([
      ['GET', 'GET'],
      ['GET', 'GET'],
    ]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('low-level calls too', async () => {
    const { client, api } = setup();
    const get = vi.spyOn(api, 'GET');
    const post = vi.spyOn(api, 'POST');
    await client.GET('/accounts');
    await client.POST('/accounts', { body: { url: 'https://x', token: 't', maxJobs: 1 } as never });
    expect((get.mock.calls[0]![1] as { method?: string }).method).toBe('GET');
    expect((post.mock.calls[0]![1] as { method?: string }).method).toBe('POST');
  });
});
