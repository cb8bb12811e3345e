// What goes on the wire: path encoding of ids, the default account, query/body routing, multipart and uploads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializePath } from '../src/path-serializer.js';
import { fakeFetch, json, route, testClient } from './helpers.js';

const VIDEO = 'user:12345-minimax:987654321-video:998877665544332211';
const AGENT = 'p123456789-u12345-a67890-bot:minimax';

describe('path parameters', () => {
  it('keep ":" in ids (no %3A)', async () => {
    const fake = fakeFetch();
    const client = testClient(fake);
    await client.videos.get(VIDEO);
    await client.agent.get(AGENT);
    await client.GET('/music/{musicId}', { params: { path: { musicId: 'user:1-minimax:2-music:3' } } });
    expect(fake.requests.map(route)).toEqual([`/videos/${VIDEO}`, `/agent/${AGENT}`, '/music/user:1-minimax:2-music:3']);
  });

  it('keep "@" but encode what could change the route', () => {
    expect(serializePath('/files/{fileID}', { fileID: 'a@b:c/d?e#f g%' })).toBe('/files/a@b:c%2Fd%3Fe%23f%20g%25');
  });

  it('round-trip any id and never leave a raw "/", "?" or "#"', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (id) => {
        const out = serializePath('/videos/{videoId}', { videoId: id });
        const segment = out.slice('/videos/'.length);
        expect(segment).not.toMatch(/[/?#]/);
        expect(decodeURIComponent(segment)).toBe(id);
      }),
    );
  });
});

describe('account', () => {
  it('the client default goes wherever the operation takes account', async () => {
    const fake = fakeFetch();
    const client = testClient(fake, { account: '987654321' });
    await client.music.list();
    await client.images.create({ prompt: 'a fox' });
    await client.files.upload(new Blob(['x'], { type: 'image/png' }));
    await client.music.get('user:1-minimax:2-music:3');
    expect(route(fake.requests[0]!)).toBe('/music?account=987654321');
    expect(await fake.requests[1]!.json()).toEqual({ prompt: 'a fox', account: '987654321', replyRef: expect.stringMatching(/^useapi-minimax:/) });
    expect(route(fake.requests[2]!)).toBe('/files?account=987654321');
    expect(route(fake.requests[3]!)).toBe('/music/user:1-minimax:2-music:3');
  });

  it('an explicit account wins over the default', async () => {
    const fake = fakeFetch();
    await testClient(fake, { account: '1' }).music.list({ account: '2' });
    expect(route(fake.requests[0]!)).toBe('/music?account=2');
  });

  it('path accounts are positional and never defaulted', async () => {
    const fake = fakeFetch();
    await testClient(fake, { account: '1' }).accounts.get('42');
    expect(route(fake.requests[0]!)).toBe('/accounts/42');
  });
});

describe('bodies', () => {
  it('query operations put input in the query string', async () => {
    const fake = fakeFetch();
    await testClient(fake).music.createLegacy({ prompt: 'la la\nla', styleId: '101', title: 'Song' });
    expect(fake.requests[0]!.method).toBe('GET');
    expect(route(fake.requests[0]!)).toBe('/music/create?prompt=la%20la%0Ala&styleId=101&title=Song');
  });

  it('JSON operations send JSON', async () => {
    const fake = fakeFetch();
    await testClient(fake).music.create({ prompt: 'synth-pop', instrumental: true });
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(await request!.json()).toEqual({ prompt: 'synth-pop', instrumental: true, replyRef: expect.stringMatching(/^useapi-minimax:/) });
  });

  it('multipart: files → repeated file parts, models array → comma list, booleans as text', async () => {
    const fake = fakeFetch();
    const a = new File(['aaa'], 'a.png', { type: 'image/png' });
    const b = new Blob(['bbb'], { type: 'audio/mpeg' });
    await testClient(fake).agent.run({ prompt: 'make a video', models: ['hailuo-2.3', 'nano-banana-2'], files: [a, b], async: true, replyRef: 'r1' });
    const [request] = fake.requests;
    expect(request!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request!.formData();
    expect(form.get('prompt')).toBe('make a video');
    expect(form.get('models')).toBe('hailuo-2.3,nano-banana-2');
    expect(form.get('async')).toBe('true');
    expect(form.get('replyRef')).toBe('r1');
    const files = form.getAll('file') as File[];
    expect(files).toHaveLength(2);
    expect(files[0]!.name).toBe('a.png');
    expect(await files[0]!.text()).toBe('aaa');
    expect(await files[1]!.text()).toBe('bbb');
    expect(form.has('files')).toBe(false);
  });

  it('multipart: a single file and a comma string work too', async () => {
    const fake = fakeFetch();
    await testClient(fake).agent.run({ prompt: 'p', models: 'a,b', file: new Blob(['x']) });
    const form = await fake.requests[0]!.formData();
    expect(form.get('models')).toBe('a,b');
    expect(form.getAll('file')).toHaveLength(1);
  });

  it('comma-list aliases apply to JSON bodies too (clone-voice files)', async () => {
    const fake = fakeFetch();
    await testClient(fake).audio.cloneVoice({ voice_name: 'v', language_tag: 'English', files: ['f1', 'f2'] });
    expect(await fake.requests[0]!.json()).toMatchObject({ files: 'f1,f2' });
  });
});

describe('raw uploads', () => {
  const bytes = new Uint8Array([137, 80, 78, 71]);
  it.each<[string, () => unknown, string | undefined]>([
    ['a Blob (its type)', () => new Blob([bytes], { type: 'image/png' }), undefined],
    ['a File', () => new File([bytes], 'x.png', { type: 'image/png' }), undefined],
    ['an ArrayBuffer', () => bytes.slice().buffer, 'image/png'],
    ['a Uint8Array', () => bytes, 'image/png'],
    ['a Node Buffer', () => Buffer.from(bytes), 'image/png'],
    [
      'a ReadableStream',
      () =>
        new ReadableStream({
          start(c) {
            c.enqueue(bytes);
            c.close();
          },
        }),
      'image/png',
    ],
  ])('from %s', async (_, data, contentType) => {
    const fake = fakeFetch().queue(json(200, { fileID: 'user:1-minimax:2-file:3', ossPath: 'moss/x.png' }));
    const result = await testClient(fake).files.upload(data() as never, { contentType: contentType as 'image/png', account: '2' });
    expect(result).toEqual({ fileID: 'user:1-minimax:2-file:3', ossPath: 'moss/x.png' });
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(route(request!)).toBe('/files?account=2');
    expect(request!.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await request!.arrayBuffer())).toEqual(bytes);
  });

  it('webp is sent as jpeg, as the API asks', async () => {
    const fake = fakeFetch();
    await testClient(fake).files.upload(new Blob(['x'], { type: 'image/webp' }));
    expect(fake.requests[0]!.headers.get('content-type')).toBe('image/jpeg');
  });

  it('the legacy voice sample upload takes audio', async () => {
    const fake = fakeFetch();
    await testClient(fake).audio.uploadSample(new Blob(['x'], { type: 'audio/wav' }));
    expect(route(fake.requests[0]!)).toBe('/audio/upload-sample');
    expect(fake.requests[0]!.headers.get('content-type')).toBe('audio/wav');
  });
});
