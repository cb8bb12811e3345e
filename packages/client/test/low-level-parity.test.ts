// The low-level calls are built without openapi-fetch (low-level.ts): the same URL, headers and body as openapi-fetch
// builds for the same options, and the same `{ data, error }` for each `parseAs`.
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { TOKEN, fakeFetch, json, testClient } from './helpers.js';
import { serializePath } from '../src/path-serializer.js';

const BASE = 'https://api.useapi.net/v1/minimax';
const query = { a: 'x y/z', list: ['1', '2,3'], obj: { k: 'v', w: 'a&b' }, none: undefined, n: 3 };
const serializers = [
  undefined,
  { allowReserved: true },
  { array: { style: 'form', explode: false } },
  { array: { style: 'pipeDelimited', explode: false }, object: { style: 'form', explode: false } },
  { array: { style: 'spaceDelimited', explode: false }, object: { style: 'form', explode: true } },
  (q: Record<string, unknown>) => `custom=${Object.keys(q).length}`,
];

async function wire(request: Request) {
  return { method: request.method, url: request.url, headers: [...request.headers.entries()], body: await request.text() };
}

describe('low-level calls match openapi-fetch', () => {
  it.each(serializers.map((s, i) => [i, s] as const))('querySerializer #%i, headers and a JSON body', async (_, querySerializer) => {
    const init = { params: { path: { musicId: 'user:1-minimax:2-music:3' }, query, header: { 'x-a': '1' } }, headers: { 'x-b': ['1', '2'], 'x-gone': null }, body: { prompt: 'p' }, querySerializer } as never;
    const ours = fakeFetch();
    await testClient(ours, { validate: false }).POST('/music/{musicId}' as never, init);
    const theirs = fakeFetch();
    await createClient<any>({ baseUrl: BASE, headers: { Authorization: `Bearer ${TOKEN}` }, pathSerializer: serializePath, fetch: theirs.fetch as never }).POST('/music/{musicId}', init);
    expect(await wire(ours.requests[0]!)).toEqual(await wire(theirs.requests[0]!));
  });

  it.each(['json', 'text', 'blob', 'arrayBuffer', 'stream'] as const)('parseAs %s', async (parseAs) => {
    const answer = () => json(200, { ok: 1 });
    const ours = await testClient(fakeFetch().queue(answer())).GET('/accounts', { parseAs } as never);
    const theirs = await createClient<any>({ baseUrl: BASE, fetch: fakeFetch().queue(answer()).fetch as never }).GET('/accounts', { parseAs } as never);
    const read = async (d: unknown) => (d instanceof Blob ? d.text() : d instanceof ArrayBuffer ? d.byteLength : d instanceof ReadableStream ? new Response(d).text() : d);
    expect(await read(ours.data)).toEqual(await read((theirs as { data: unknown }).data));
  });

  it('an error body: parsed JSON, else the text', async () => {
    const client = testClient(fakeFetch().queue(json(404, { error: 'Not found.' }), new Response('plain', { status: 400 })));
    expect((await client.GET('/accounts')).error).toEqual({ error: 'Not found.' });
    expect((await client.GET('/accounts')).error).toBe('plain');
  });
});
