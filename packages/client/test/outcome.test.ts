// Creates whose answer does not prove whether the job exists: every create that takes a replyRef sends one, and
// a 502/504, a timeout, a lost connection or an unusable 2xx after sending is an OutcomeUnknownError that says so
// and carries what a lookup needs. Anything that proves nothing was created stays its own error.
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  InsufficientCreditsError,
  isTransientError,
  ModeratedError,
  OutcomeUnknownError,
  RateLimitedError,
  TimeoutError,
  UnexpectedResponseError,
  UpstreamBusyError,
  createMusic,
  createMiniMaxCore,
} from '../src/index.js';
import { createdKinds, operations } from '../src/internal.js';
import { TOKEN, connectionError, fakeFetch, json, never, testClient, track, useFakeClock } from './helpers.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
const creates = Object.entries(createdKinds) as [keyof typeof operations, string][];
const callOf = (client: ReturnType<typeof testClient>, id: keyof typeof operations, input: Record<string, unknown>) => {
  const op = operations[id];
  return (client as unknown as Record<string, Record<string, Fn>>)[op.tag]![op.name]!(input);
};
const inputFor = (id: keyof typeof operations): Record<string, unknown> => {
  const fields = operations[id].fields as Record<string, { in: string; required?: boolean; type?: string }>;
  return Object.fromEntries(Object.entries(fields).filter(([, f]) => f.required && f.in !== 'path').map(([k, f]) => [k, f.type === 'files' ? [new Blob(['x'])] : 'x']));
};
const sentBody = async (request: Request) =>
  request.headers.get('content-type')?.startsWith('multipart/') ? Object.fromEntries([...(await request.formData()).entries()]) : request.method === 'GET' ? Object.fromEntries(new URL(request.url).searchParams) : await request.json();

describe('replyRef', () => {
  it('the spec has creates that take one', () => {
    expect(creates.filter(([id]) => 'replyRef' in operations[id].fields).map(([id]) => id).sort()).toEqual(
      ['createAgentVideo', 'createImages', 'createMusic', 'createSpeech', 'createVideo', 'runAgent'].sort(),
    );
  });

  it.each(creates.filter(([id]) => 'replyRef' in operations[id].fields))('%s sends a generated replyRef when the caller gives none, the caller\'s otherwise', async (id) => {
    const fake = fakeFetch();
    const client = testClient(fake, { validate: false });
    await callOf(client, id, inputFor(id)).catch(() => {});
    await callOf(client, id, { ...inputFor(id), replyRef: 'mine-1' }).catch(() => {});
    const [generated, mine] = await Promise.all(fake.requests.map(sentBody));
    expect(generated!.replyRef).toMatch(/^useapi-minimax:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(mine!.replyRef).toBe('mine-1');
  });

  it('two creates get two different replyRefs', async () => {
    const fake = fakeFetch();
    const client = testClient(fake);
    await client.videos.create({ prompt: 'a' });
    await client.videos.create({ prompt: 'a' });
    const [a, b] = await Promise.all(fake.requests.map((r) => r.json()));
    expect(a.replyRef).not.toBe(b.replyRef);
  });
});

describe('OutcomeUnknownError', () => {
  useFakeClock(Date.parse('2026-09-01T12:00:00Z'));

  it.each([
    ['a 502', () => json(502, { error: 'MiniMax site is busy, please try again later' }), UpstreamBusyError],
    ['a 504', () => json(504, { error: 'Gateway timeout' }), UpstreamBusyError],
    ['a reset after sending', () => connectionError('ECONNRESET'), ConnectionError],
    ['an empty 200', () => new Response('', { status: 200, headers: { 'content-type': 'application/json' } }), UnexpectedResponseError],
    ['a `null` 200', () => json(200, null as never), UnexpectedResponseError],
    ['a truncated 200', () => new Response('{"videoId":"user:1-min', { status: 200, headers: { 'content-type': 'application/json' } }), UnexpectedResponseError],
    ['a 200 without the new id', () => json(200, {}), UnexpectedResponseError],
  ])('%s on a create: the job may exist, the error says so and carries the lookup facts', async (_what, answer, Cause) => {
    const fake = fakeFetch().queue(answer() as never);
    const client = testClient(fake, { maxRetries: 0, account: '987654321' });
    const error = (await client.videos.create({ prompt: 'a corgi surfing', fileID: 'f-1' }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(Cause);
    expect(error).toMatchObject({ operation: 'createVideo', kind: 'video', account: '987654321', sentAt: Date.parse('2026-09-01T12:00:00Z') });
    expect(error.replyRef).toMatch(/^useapi-minimax:/);
    expect(error.input).toEqual({ prompt: 'a corgi surfing', fileID: 'f-1', account: '987654321', replyRef: error.replyRef });
    // Plain words first, never the upstream "please try again later" that invites the duplicate.
    expect(error.message).toMatch(/^The video job may have been created \(and charged\): do not resubmit blindly; look it up with findCreated\(error\) \(replyRef useapi-minimax:[^)]+\) and create again only if it finds nothing\. createVideo POST \/videos\/create was sent, but /);
    expect(error.message).not.toMatch(/try again later/);
    expect(isTransientError(error)).toBe(false);
    const text = `${JSON.stringify(error)} ${error.stack}`;
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'OutcomeUnknownError', operation: 'createVideo', replyRef: error.replyRef });
  });

  it('a timeout after sending', async () => {
    const fake = fakeFetch().queue(never);
    const call = track(testClient(fake, { timeoutMs: 1000 }).music.create({ prompt: 'x' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(call.error).toBeInstanceOf(OutcomeUnknownError);
    expect((call.error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
    expect((call.error as OutcomeUnknownError).message).toContain('no complete answer came within 1000 ms');
  });

  it.each([
    ['a 400', () => json(400, { error: 'bad prompt' }), BadRequestError],
    ['a 412', () => json(412, { error: 'no credits' }), InsufficientCreditsError],
    ['a 422', () => json(422, { error: 'moderated' }), ModeratedError],
    ['a 429 (no slot: nothing queued)', () => json(429, { error: 'busy' }), RateLimitedError],
    ['a refused connection (nothing sent)', () => connectionError('ECONNREFUSED'), ConnectionError],
  ])('%s proves nothing was created: its own error', async (_what, answer, Ctor) => {
    const fake = fakeFetch().queue(answer() as never);
    const error = await testClient(fake, { maxRetries: 0 }).videos.create({ prompt: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Ctor);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
  });

  it('the caller\'s own abort stays an AbortError', async () => {
    const fake = fakeFetch().queue(never);
    const controller = new AbortController();
    const call = track(testClient(fake).videos.create({ prompt: 'x' }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBeInstanceOf(AbortError);
  });

  it('binary input is summarised, never copied', async () => {
    const fake = fakeFetch().queue(json(502, {}));
    const file = new File(['x'.repeat(2048)], 'ref.png', { type: 'image/png' });
    const error = (await testClient(fake).agent.run({ prompt: 'p', models: ['hailuo-2.3'], files: [file], async: true }).catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error.input.file).toEqual([{ blob: true, type: 'image/png', size: 2048, name: 'ref.png' }]);
  });

  it('the per-operation function of a create throws it too', async () => {
    const fake = fakeFetch().queue(json(504, {}));
    const core = createMiniMaxCore({ token: TOKEN, fetch: fake.fetch, logLevel: 'silent' });
    await expect(createMusic(core, { prompt: 'x' })).rejects.toBeInstanceOf(OutcomeUnknownError);
  });

  it('a create\'s event stream cut mid-event: the job exists, the outcome error says so', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulls++ === 0) c.enqueue(new TextEncoder().encode('data: {"videoId":"user:1-minimax:2-video:3","status":1}\n\ndata: {"perc'));
        // What undici throws when the connection drops mid-body.
        else c.error(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
      },
    });
    const fake = fakeFetch().queue(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    const events = await testClient(fake).videos.agentCreate({ templateId: 't' });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const e of events) seen.push(e.data);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).cause).toBeInstanceOf(ConnectionError);
    expect(((error as OutcomeUnknownError).cause as ConnectionError).code).toBe('UND_ERR_SOCKET');
  });
});
