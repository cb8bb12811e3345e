// Validation before sending, from the spec's rules: each rule kind, nothing sent, `validate: false`.
import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationIssue } from '../src/index.js';
import type { OperationDescriptor } from '../src/operation-descriptor.js';
import { inputNotices, validate } from '../src/validate.js';
import { checkIds } from '../src/check-ids.js';
import { operations } from '../src/generated/operations.js';
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
    ['minLength', (c) => c.music.create({ prompt: '' }), [{ field: 'prompt', message: 'must not be empty' }]],
    ['maxLength', (c) => c.music.create({ prompt: 'p', title: 'x'.repeat(41) }), [{ field: 'title', message: 'must be at most 40 characters' }]],
    ['maximum', (c) => c.images.create({ prompt: 'p', quantity: 5 }), [{ field: 'quantity', message: 'must be ≤ 4' }]],
    ['minimum (page)', (c) => c.music.list({ limit: 0 }), [{ field: 'limit', message: 'must be ≥ 1' }]],
    ['minimum', (c) => c.videos.create({ prompt: 'p', duration: 3 }), [{ field: 'duration', message: 'must be ≥ 4' }]],
    [
      'pattern',
      (c) => c.audio.cloneVoice({ voice_name: 'v', language_tag: 'English', files: 'a,,b' }),
      [{ field: 'files', message: 'must match ^[^,]+(,[^,]+){0,9}$' }],
    ],
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
      .images.create(any({ prompt: '', quantity: 9, model: 42 }))
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['prompt', 'model', 'quantity']);
    expect(error.operation).toBe('createImages');
    expect(error.message).toMatch(/^Invalid input for createImages: prompt must not be empty; model must be a string; quantity must be ≤ 4$/);
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
      { field: 'data', message: 'must be a Blob, File, ArrayBuffer, typed array, Buffer, ReadableStream or Node readable (for a file: fs.openAsBlob(path), or Readable.toWeb(stream))' },
    ]);
  });

  // Issue #10 part 2: each of these is a valid request the docs allow; the old rules refused it before sending.
  it.each<[string, (c: ReturnType<typeof testClient>) => Promise<unknown>]>([
    ['a video model newer than the SDK', (c) => c.videos.create({ prompt: 'p', model: 'Seedance-2.1' })],
    ['an image model newer than the SDK', (c) => c.images.create({ prompt: 'p', model: 'gpt-image-3' })],
    ['a music model newer than the SDK', (c) => c.music.create({ prompt: 'p', model: 'music-4.0' })],
    ['a speech model newer than the SDK', (c) => c.speech.create({ text: 't', voice_id: '380426458095854', model: 'speech-3.0-hd' })],
    ['an LLM model the SDK does not list', (c) => c.llm.send({ prompt: 'p', model: 'mm-m2' })],
    ['an options token spelled another way', (c) => c.videos.create({ prompt: 'p', model: '02', options: '768p-6s' })],
    ['an aspect ratio, resolution and quality newer than the SDK', (c) => c.images.create({ prompt: 'p', aspectRatio: '7:3', resolution: '8K', quality: 'ultra' })],
    ['a numeric Seedance resolution', (c) => c.videos.create({ prompt: 'p', model: 'Seedance-2.0', resolution: 720 })],
    ['an emotion the SDK does not list', (c) => c.speech.create({ text: 't', voice_id: 'v', emotion: 'whisper' })],
    ['a list limit above 100', (c) => c.videos.list({ limit: 500 })],
    ['a page size above 500', (c) => c.speech.voices({ page_size: 1000 })],
    ['a legacy song title above 100 characters', (c) => c.music.createLegacy({ prompt: 'la la', styleId: 's', title: 'x'.repeat(101) })],
    ['an agent-template prompt above 2,000 characters', (c) => c.videos.agentCreate({ templateId: 't', prompt: 'x'.repeat(2001) })],
    ['an agent prompt above 10,000 characters', (c) => c.agent.run({ prompt: 'x'.repeat(10_001), models: 'hailuo-2.3' })],
    ['an account id above 64 characters', (c) => c.accounts.get('9'.repeat(65))],
    ['an account url above 4,096 and a token above 8,192 characters', (c) => c.accounts.create({ url: `https://hailuoai.video/?${'a'.repeat(5000)}`, token: 'j'.repeat(9000), maxJobs: 2 })],
    ['a volume above 10', (c) => c.speech.create({ text: 't', voice_id: 'v', vol: 11 })],
    ['a fractional pitch and voice effect', (c) => c.audio.createMp3({ text: 't', voice_id: 'v', pitch: 1.5, deepen_lighten: 2.5 })],
    ['a space after a comma in models', (c) => c.agent.run({ prompt: 'p', models: 'hailuo-2.3, nano-banana-2' })],
  ])('sends %s', async (_, run) => {
    const fake = fakeFetch();
    await run(testClient(fake));
    expect(fake.requests).toHaveLength(1);
  });

  it('still joins a string array for a comma list', async () => {
    const fake = fakeFetch();
    await testClient(fake).agent.run({ prompt: 'p', models: ['hailuo-2.3', 'nano-banana-2'] });
    expect((await fake.requests[0]!.formData()).get('models')).toBe('hailuo-2.3,nano-banana-2');
  });

  it('warns once per client, operation and field about an unknown field, naming the near miss', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const fake = fakeFetch();
    const client = testClient(fake, { logger, logLevel: 'warn' });
    await client.music.create(any({ promt: 'typo', prompt: 'p' }));
    await client.music.create(any({ promt: 'typo again', prompt: 'p' }));
    expect(fake.requests).toHaveLength(2); // a warning, never a refusal
    expect(warnings).toEqual(['[useapi-minimax] createMusic: unknown field "promt" (did you mean "prompt"?); it is sent as it is and the API may ignore it']);
    await testClient(fake, { logger, logLevel: 'warn' }).music.create(any({ promt: 'x', prompt: 'p' }));
    expect(warnings).toHaveLength(2); // another client warns on its own
  });

  it('warns once about a value an open set does not know, and never about a known one', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const client = testClient(fakeFetch(), { logger, logLevel: 'warn' });
    await client.videos.create({ prompt: 'p', model: 'T2V-2.3', options: '768p-6sec' });
    expect(warnings).toEqual([]);
    await client.videos.create({ prompt: 'p', model: 'Seedance-2.1' });
    await client.videos.create({ prompt: 'q', model: 'Seedance-2.1' });
    await client.videos.create({ prompt: 'p', model: 'Seedance-2.0', resolution: 720 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[useapi-minimax\] createVideo: model "Seedance-2\.1" is not among the values this SDK version knows \(T2V-01, .*\(18 in all\)\); it is sent as it is$/);
  });

  it('validate: false also silences the notices', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    await testClient(fakeFetch(), { logger, logLevel: 'warn', validate: false }).videos.create(any({ promt: 'p', model: 'X' }));
    expect(warnings).toEqual([]);
  });

  it('still refuses what a closed set (documented as the only values) does not hold', () => {
    const op = { fields: { kind: { in: 'body', type: 'string', enum: ['a', 'b'] }, level: { in: 'body', type: 'number', exclusiveMinimum: 0 } } } as unknown as OperationDescriptor;
    expect(validate(op, { kind: 'c', level: 0 })).toEqual([
      { field: 'kind', message: 'must be one of a, b' },
      { field: 'level', message: 'must be > 0' },
    ]);
    expect(inputNotices('op', op, { kind: 'a', level: 1 })).toEqual([]);
  });

  it('checkIds (the check of operations whose only inputs are path ids) says what validate says', async () => {
    for (const op of [operations.getMusic, operations.deleteVideo, operations.getAccount]) {
      for (const id of [undefined, null, '', 42, {}, 'm:1']) {
        const values = { [op.pathParams[0]!]: id };
        expect(checkIds(op, values)).toEqual(validate(op, values));
      }
    }
    const error = await testClient(fakeFetch()).music.get('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: 'musicId', message: 'must not be empty' }]);
  });
});
