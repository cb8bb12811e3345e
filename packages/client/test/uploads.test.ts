// Raw uploads from Node readables (fs.createReadStream) and the content type inferred from a file name (#10 part 5).
import { mkdtempSync, rmSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../src/index.js';
import { fakeFetch, testClient } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'minimax-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('uploads', () => {
  it('accepts fs.createReadStream and takes the type from its path', async () => {
    const path = join(dir, 'voice.MP3');
    writeFileSync(path, Buffer.from([1, 2, 3, 4, 5]));
    const fake = fakeFetch();
    await testClient(fake).files.upload(createReadStream(path));
    const [request] = fake.requests;
    expect(request!.headers.get('content-type')).toBe('audio/mpeg');
    expect([...new Uint8Array(await request!.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
  });

  it('a File without a type gets one from its name; an explicit contentType still wins', async () => {
    const fake = fakeFetch();
    const client = testClient(fake);
    await client.files.upload(new File([new Uint8Array([1])], 'photo.png'));
    await client.files.upload(new File([new Uint8Array([1])], 'photo.png'), { contentType: 'image/jpeg' });
    expect(fake.requests.map((r) => r.headers.get('content-type'))).toEqual(['image/png', 'image/jpeg']);
  });

  it('unsupported data says what to use instead, before any request', async () => {
    const fake = fakeFetch();
    const error = await testClient(fake).files.upload({ not: 'data' } as never, { contentType: 'image/png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('fs.openAsBlob(path), or Readable.toWeb(stream)');
    expect(fake.requests).toHaveLength(0);
  });
});
