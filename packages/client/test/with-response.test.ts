// withResponse(): a success value with the raw Response and the request id, on demand, for the per-operation
// functions and the client's resource methods alike; errors and plain calls unchanged.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMiniMaxCore, getMusic, listMusic, NotFoundError, withResponse, type Output, type WithResponse } from '../src/index.js';
import { TOKEN, fakeFetch, json, testClient } from './helpers.js';

const MUSIC = 'user:1-minimax:2-music:3';
const song = { musicId: MUSIC, status: 2 };

describe('withResponse', () => {
  it('resolves the value, the Response and the request id (per-operation function)', async () => {
    const fake = fakeFetch().queue(json(200, song, { 'x-request-id': 'req-7' }));
    const core = createMiniMaxCore({ token: TOKEN, fetch: fake.fetch, logLevel: 'silent' });
    const got = await withResponse(getMusic)(core, MUSIC);
    expect(got.data).toEqual(song);
    expect(got.response.status).toBe(200);
    expect(got.requestId).toBe('req-7');
    expectTypeOf(got).toEqualTypeOf<WithResponse<Output<'getMusic'>>>();
  });

  it('works on a resource method, falls back to cf-ray, and leaves plain calls as they were', async () => {
    const fake = fakeFetch().queue(json(200, { items: [] }, { 'cf-ray': 'ray-1' }), json(200, song));
    const client = testClient(fake);
    const got = await withResponse(client.music.list)({ limit: 5 });
    expect(got).toMatchObject({ data: { items: [] }, requestId: 'ray-1' });
    expect(got.response.headers.get('cf-ray')).toBe('ray-1');
    expect(await client.music.get(MUSIC)).toEqual(song);
    const none = await withResponse(listMusic)(client);
    expect(none.requestId).toBeUndefined();
  });

  it('rejects with the same typed error as the plain call', async () => {
    const fake = fakeFetch().queue(json(404, { error: 'Not found.' }, { 'x-request-id': 'req-9' }));
    const error = await withResponse(testClient(fake).music.get)(MUSIC).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req-9');
  });

  it('says so when the wrapped function makes no operation call', async () => {
    await expect(withResponse(async () => 1)()).rejects.toThrow(/made no operation call/);
  });
});
