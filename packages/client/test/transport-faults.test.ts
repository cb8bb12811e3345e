// Every path out of the client is a MiniMaxError (#10 part 1): a property test that throws every kind of transport
// fault at every kind of operation (JSON, event stream, raw upload, multipart, empty answer), plus the streams cut
// mid-event that used to surface undici's raw `TypeError: terminated`.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, MiniMaxError, OutcomeUnknownError, UnexpectedResponseError, createMiniMaxClient, isTransientError, type MiniMaxClient } from '../src/index.js';
import { ACCEPTED, TOKEN, fakeFetch } from './helpers.js';

const enc = new TextEncoder();
const MUSIC = 'user:1-minimax:2-music:3';

/** What undici throws when a connection is cut: a TypeError whose cause has the socket's code. */
const terminated = () => Object.assign(new TypeError('terminated'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
const resetError = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

/** A body that sends `chunks`, then ends as `end` says: closes, errors like a cut connection, or never ends. */
function body(chunks: string[], end: 'close' | 'cut' | 'stall'): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) return controller.enqueue(enc.encode(chunks[i++]!));
      if (end === 'close') controller.close();
      else if (end === 'cut') controller.error(terminated());
      else return new Promise(() => {});
    },
  });
}

const SSE = 'text/event-stream';
const JSON_TYPE = 'application/json';

/** The transport faults: each makes one answer (or throws) for a request. */
const FAULTS = {
  'reset before the headers': () => resetError(),
  'reset after the headers': (type: string) => new Response(body([], 'cut'), { status: 200, headers: { 'content-type': type } }),
  'cut mid-body': (type: string) =>
    new Response(body(type === SSE ? ['data: {"status":"run', 'ning"}\n\ndata: {"sta'] : ['{"musicId":"user:1-min'], 'cut'), { status: 200, headers: { 'content-type': type } }),
  stall: (type: string) => new Response(body(type === SSE ? ['data: {"a":1}\n\n'] : ['{"musicId":'], 'stall'), { status: 200, headers: { 'content-type': type } }),
  'invalid JSON': () => new Response('{"musicId": "x", "status": 2,', { status: 200, headers: { 'content-type': JSON_TYPE } }),
  'empty body': () => new Response('', { status: 200, headers: { 'content-type': JSON_TYPE } }),
  'null body': () => new Response('null', { status: 200, headers: { 'content-type': JSON_TYPE } }),
  'truncated body': (type: string) => new Response(body(type === SSE ? ['data: {"status":'] : ['{"musicId":"us'], 'close'), { status: 200, headers: { 'content-type': type } }),
  'event stream to a JSON call': () => new Response(body(['data: not json\n\n'], 'close'), { status: 200, headers: { 'content-type': SSE } }),
  'HTML 502 page': () => new Response(`<html>${'busy '.repeat(2000)}</html>`, { status: 502, headers: { 'content-type': 'text/html' } }),
  '500 without a body': () => new Response(null, { status: 500 }),
  'a fetch that throws a non-Error': () => 'boom' as unknown as Error,
} satisfies Record<string, (type: string) => Response | Error>;
type FaultName = keyof typeof FAULTS;

/** One operation of each kind, called as a user would (streams read to the end). */
const KINDS: Record<string, { type: string; call: (c: MiniMaxClient) => Promise<unknown> }> = {
  'JSON read (music.get)': { type: JSON_TYPE, call: (c) => c.music.get(MUSIC) },
  'JSON create (videos.create)': { type: JSON_TYPE, call: (c) => c.videos.create({ prompt: 'a corgi surfing' }) },
  'event stream create (music.create stream)': { type: SSE, call: async (c) => drain(await c.music.create({ prompt: 'a song', lyrics: 'la la', stream: true } as never)) },
  'event stream (videos.agentCreate)': { type: SSE, call: async (c) => drain(await c.videos.agentCreate({ templateId: 't1', prompt: 'x' } as never)) },
  'event stream (llm.send stream)': { type: SSE, call: async (c) => drain(await c.llm.send({ prompt: 'hi', stream: true } as never)) },
  'raw upload (files.upload)': { type: JSON_TYPE, call: (c) => c.files.upload(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), {}, { timeoutMs: 40 }) },
  // Uploads get a 20-minute budget by default: a stall would wait it out.
  'multipart (agent.run)': { type: JSON_TYPE, call: (c) => c.agent.run({ prompt: 'x', async: true } as never, { timeoutMs: 40 }) },
  'empty answer (accounts.delete)': { type: JSON_TYPE, call: (c) => c.accounts.delete('123456') },
};

async function drain(events: AsyncIterable<unknown> | unknown): Promise<unknown[]> {
  const seen: unknown[] = [];
  if (events && typeof events === 'object' && Symbol.asyncIterator in events) for await (const e of events as AsyncIterable<unknown>) seen.push(e);
  return seen;
}

function clientWith(fetch: ReturnType<typeof fakeFetch>, maxRetries: number): MiniMaxClient {
  return createMiniMaxClient({ token: TOKEN, baseUrl: 'https://mock.test/v1/minimax', fetch: fetch.fetch, maxRetries, timeoutMs: 40, logLevel: 'silent', validate: false });
}

beforeEach(() => void vi.spyOn(Math, 'random').mockReturnValue(0));
afterEach(() => void vi.restoreAllMocks());

describe('every failure is a MiniMaxError (property)', () => {
  it('any transport fault, at any operation kind, rejects with a MiniMaxError without the token — or resolves', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(KINDS)),
        fc.array(fc.constantFrom(...(Object.keys(FAULTS) as FaultName[])), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        async (kind, faults, maxRetries) => {
          const { type, call } = KINDS[kind]!;
          const fake = fakeFetch();
          for (const fault of faults) fake.queue(() => {
            const answer = FAULTS[fault](type);
            if (answer instanceof Response) return answer;
            throw answer;
          });
          const outcome = await call(clientWith(fake, maxRetries)).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          if (outcome.ok) {
            // Only after a retry reached the fake's default answer (a good one), or for an answer that needs no body.
            return;
          }
          const { error } = outcome;
          expect(error, `${kind} × ${faults.join(' → ')}: ${String(error)}`).toBeInstanceOf(MiniMaxError);
          const text = `${(error as Error).message} ${JSON.stringify(error)} ${(error as Error).stack}`;
          expect(text).not.toContain(TOKEN);
          // Messages stay short: the upstream body is quoted, never pasted whole.
          expect((error as Error).message.length).toBeLessThan(1_500);
        },
      ),
      { numRuns: 100, seed: 10 },
    );
  });

  it.each(Object.keys(KINDS))('%s: an empty, null or truncated 200 body is a typed error with the status', async (kind) => {
    const { type, call } = KINDS[kind]!;
    for (const fault of ['empty body', 'null body', 'truncated body'] as const) {
      const fake = fakeFetch().queue(FAULTS[fault](type));
      const error = await call(clientWith(fake, 0)).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (kind.startsWith('empty answer')) {
        // No body is documented: nothing to miss.
        expect(error).toBeUndefined();
        continue;
      }
      if (type === SSE) {
        // A stream that ends early just ends: the events received are the answer.
        if (error !== undefined) expect(error).toBeInstanceOf(MiniMaxError);
        continue;
      }
      expect(error, `${kind} × ${fault}`).toBeInstanceOf(MiniMaxError);
      const detail = error instanceof OutcomeUnknownError ? error.cause : error;
      expect(detail, `${kind} × ${fault}`).toBeInstanceOf(UnexpectedResponseError);
      expect((detail as UnexpectedResponseError).status).toBe(200);
    }
  });
});

describe('a stream cut mid-event', () => {
  const cut = () => new Response(body(['data: {"status":"running"}\n\n', 'data: {"sta'], 'cut'), { status: 200, headers: { 'content-type': SSE } });

  it.each([
    ['music.create({ stream: true })', (c: MiniMaxClient) => c.music.create({ prompt: 'a song', lyrics: 'la la', stream: true } as never), true],
    ['videos.agentCreate', (c: MiniMaxClient) => c.videos.agentCreate({ templateId: 't1', prompt: 'x' } as never), true],
    ['llm.send({ stream: true })', (c: MiniMaxClient) => c.llm.send({ prompt: 'hi', stream: true } as never), false],
  ] as const)('%s throws a typed, transient error, not TypeError: terminated', async (_name, start, create) => {
    const fake = fakeFetch().queue(cut());
    const events = (await start(clientWith(fake, 2))) as AsyncIterable<unknown>;
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const e of events) seen.push(e);
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(MiniMaxError);
    expect(error).not.toBeInstanceOf(TypeError);
    const detail = error instanceof OutcomeUnknownError ? error.cause : error;
    if (create) expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(detail).toBeInstanceOf(ConnectionError);
    expect((detail as ConnectionError).code).toBe('UND_ERR_SOCKET');
    expect(isTransientError(detail)).toBe(true);
    // Once the answer started, nothing is retried.
    expect(fake.requests).toHaveLength(1);
  });

  it('a good answer after the faults still resolves (the harness is sound)', async () => {
    const fake = fakeFetch().queue(resetError());
    await expect(clientWith(fake, 1).music.get(MUSIC)).resolves.toMatchObject({ musicId: ACCEPTED.musicId });
  });
});
