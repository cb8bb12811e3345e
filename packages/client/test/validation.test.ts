// Validation before sending, from the spec's rules: each rule kind, nothing sent, `validate: false`.
import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationIssue } from '../src/index.js';
import { fakeFetch, testClient } from './helpers.js';

async function issuesOf(run: (client: ReturnType<typeof testClient>) => Promise<unknown>): Promise<ValidationIssue[]> {
  const fake = fakeFetch();
  const error = await run(testClient(fake)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(fake.requests).toHaveLength(0); // nothing was sent
  return (error as ValidationError).issues;
}

const any = (v: unknown) => v as never;

describe('validation', () => {
  it.each<[string, (c: ReturnType<typeof testClient>) => Promise<unknown>, ValidationIssue[]]>([
    ['required', (c) => c.music.create(any({})), [{ field: 'prompt', message: 'is required' }]],
    ['required (path)', (c) => c.music.get(any(undefined)), [{ field: 'musicId', message: 'is required' }]],
    ['type string', (c) => c.music.create(any({ prompt: 42 })), [{ field: 'prompt', message: 'must be a string' }]],
    ['type integer', (c) => c.music.list({ limit: 2.5 }), [{ field: 'limit', message: 'must be an integer' }]],
    ['type boolean', (c) => c.music.create(any({ prompt: 'p', instrumental: 'yes' })), [{ field: 'instrumental', message: 'must be a boolean' }]],
    ['type number', (c) => c.speech.create(any({ text: 't', voice_id: 'v', speed: '1' })), [{ field: 'speed', message: 'must be a number' }]],
    ['enum', (c) => c.music.create(any({ prompt: 'p', model: 'music-9' })), [{ field: 'model', message: 'must be one of music-3.0, music-2.6' }]],
    ['minLength', (c) => c.music.create({ prompt: '' }), [{ field: 'prompt', message: 'must not be empty' }]],
    ['maxLength', (c) => c.music.create({ prompt: 'p', title: 'x'.repeat(41) }), [{ field: 'title', message: 'must be at most 40 characters' }]],
    ['maximum', (c) => c.music.list({ limit: 101 }), [{ field: 'limit', message: 'must be ≤ 100' }]],
    ['minimum', (c) => c.videos.create({ prompt: 'p', duration: 3 }), [{ field: 'duration', message: 'must be ≥ 4' }]],
    ['exclusiveMinimum', (c) => c.speech.create({ text: 't', voice_id: 'v', vol: 0 }), [{ field: 'vol', message: 'must be > 0' }]],
    ['pattern', (c) => c.agent.run({ prompt: 'p', models: 'a,,b' }), [{ field: 'models', message: 'must match ^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$' }]],
    ['dependentRequired', (c) => c.videos.agentCreate({ templateId: 't', fileID: 'f' }), [{ field: 'ossPath', message: 'is required when fileID is set' }]],
    [
      'maxItems',
      (c) => c.llm.send({ prompt: 'p', files: Array.from({ length: 11 }, () => new Blob(['x'])) }),
      [{ field: 'file', message: 'must have at most 10 items' }],
    ],
    ['file type', (c) => c.agent.run(any({ prompt: 'p', models: 'a', files: ['not a blob'] })), [{ field: 'file[0]', message: 'must be a Blob or File' }]],
  ])('%s', async (_, run, expected) => {
    expect(await issuesOf(run)).toEqual(expected);
  });

  it('lists every issue, and the message names each field', async () => {
    const fake = fakeFetch();
    const error = (await testClient(fake)
      .images.create(any({ prompt: '', quantity: 9, model: 'dall-e' }))
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['prompt', 'model', 'quantity']);
    expect(error.operation).toBe('createImages');
    expect(error.message).toMatch(/^Invalid input for createImages: prompt must not be empty; model must be one of .*; quantity must be ≤ 4$/);
    expect(fake.requests).toHaveLength(0);
  });

  it('counts characters, not UTF-16 units', async () => {
    const fake = fakeFetch();
    await testClient(fake).music.create({ prompt: 'p', title: '🎵'.repeat(40) });
    expect(fake.requests).toHaveLength(1);
  });

  it('unknown fields pass through untouched (new models keep working with validate: false)', async () => {
    const fake = fakeFetch();
    await testClient(fake, { validate: false }).videos.create(any({ prompt: 'p', model: 'Hailuo-3.0', brandNewFlag: true }));
    expect(await fake.requests[0]!.json()).toEqual({ prompt: 'p', model: 'Hailuo-3.0', brandNewFlag: true, replyRef: expect.any(String) });
  });

  it('validate: false sends invalid input as is', async () => {
    const fake = fakeFetch();
    await testClient(fake, { validate: false }).music.create(any({ title: 'x'.repeat(99) }));
    expect(fake.requests).toHaveLength(1);
  });

  it('checks the content type of raw uploads before sending', async () => {
    expect(await issuesOf((c) => c.files.upload(new Blob(['x'], { type: 'text/plain' })))).toEqual([
      { field: 'contentType', message: 'must be one of image/png, image/jpeg, audio/mpeg, audio/wav, video/mp4 (got text/plain)' },
    ]);
    expect(await issuesOf((c) => c.files.upload(new Uint8Array([1])))).toEqual([
      { field: 'contentType', message: 'is required (the data has no type); one of image/png, image/jpeg, audio/mpeg, audio/wav, video/mp4' },
    ]);
    expect(await issuesOf((c) => c.files.upload(any('a string'), { contentType: 'image/png' }))).toEqual([
      { field: 'data', message: 'must be a Blob, File, ArrayBuffer, typed array, Buffer or ReadableStream' },
    ]);
  });
});
