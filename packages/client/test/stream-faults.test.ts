// Every path out of the client is a MiniMaxError: a stream cut mid-event, and a property test that throws every
// kind of transport fault at every kind of operation (JSON read, JSON create, event stream, raw upload, multipart,
// empty answer).
import { describe, expect, it, vi } from 'vitest';
import { ConnectionError, MiniMaxError, OutcomeUnknownError, isTransientError } from '../src/index.js';
import { fakeFetch, testClient, track, useFakeClock, type FakeFetch } from './helpers.js';

const encoder = new TextEncoder();

/** An answer whose body sends `chunks`, then fails like undici does when the connection is cut (`TypeError: terminated`). */
function cutBody(chunks: string[], contentType: string, status = 200): Response {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < chunks.length) controller.enqueue(encoder.encode(chunks[sent++]!));
      else controller.error(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
    },
  });
  return new Response(stream, { status, headers: { 'content-type': contentType } });
}

async function drain(value: unknown): Promise<void> {
  if (value && typeof value === 'object' && Symbol.asyncIterator in value) for await (const _ of value as AsyncIterable<unknown>) void _;
}

const STREAMS: [string, (c: ReturnType<typeof testClient>) => Promise<unknown>][] = [
  ['music.create({ stream: true })', (c) => c.music.create({ prompt: 'a song', stream: true })],
  ['videos.agentCreate', (c) => c.videos.agentCreate({ templateId: 't1' } as never)],
  ['llm.send({ stream: true })', (c) => c.llm.send({ prompt: 'hi', stream: true })],
];

describe('a stream cut mid-event', () => {
  for (const [name, call] of STREAMS) {
    it(`${name} throws a transient MiniMaxError, never a raw TypeError`, async () => {
      const fake: FakeFetch = fakeFetch().queue(cutBody(['data: {"status":1}\n\n', 'data: {"sta'], 'text/event-stream'));
      const client = testClient(fake);
      const error = await drain(await call(client)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MiniMaxError);
      expect(error).not.toBeInstanceOf(TypeError);
      // A create's stream: the job may exist (outcome unknown); its cause is the connection error.
      const inner = error instanceof OutcomeUnknownError ? error.cause : error;
      expect(inner).toBeInstanceOf(ConnectionError);
      expect(isTransientError(inner)).toBe(true);
    });
  }
});

describe('a body that fails while read', () => {
  it('with an error other than a TypeError (another fetch, a proxy stream) is a ConnectionError with it as cause', async () => {
    const boom = new Error('boom');
    const fake = fakeFetch().queue(new Response(new ReadableStream({ pull: (k) => k.error(boom) }), { status: 200, headers: { 'content-type': 'application/json' } }));
    const error = await testClient(fake).music.get('user:1-minimax:2-music:3').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBe(boom);
    expect(isTransientError(error)).toBe(true);
  });
});

type Client = ReturnType<typeof testClient>;
/** One operation of each kind the transport distinguishes. */
const OPERATIONS: Record<string, (c: Client, signal?: AbortSignal) => Promise<unknown>> = {
  'JSON GET': (c) => c.music.get('user:1-minimax:2-music:3'),
  'JSON create': (c) => c.music.create({ prompt: 'a song' }),
  'SSE music': (c) => c.music.create({ prompt: 'a song', stream: true }),
  'SSE agent video': (c) => c.videos.agentCreate({ templateId: 't1' } as never),
  'SSE llm': (c) => c.llm.send({ prompt: 'hi', stream: true }),
  'raw upload': (c) => c.files.upload(new Blob(['png'], { type: 'image/png' })),
  'raw upload (stream)': (c) => c.files.upload(new ReadableStream({ start: (k) => (k.enqueue(encoder.encode('png')), k.close()) }), { contentType: 'image/png' } as never),
  multipart: (c) => c.llm.send({ prompt: 'hi' }),
  'empty answer': (c) => c.accounts.delete('123456789'),
  'low-level GET': (c) => c.GET('/music/{musicId}', { params: { path: { musicId: 'user:1-minimax:2-music:3' } } }),
  'low-level POST': (c) => c.POST('/music/create', { body: { prompt: 'a song' } as never }),
  'paginated listAll': async (c) => {
    for await (const _ of c.videos.listAll()) void _;
  },
  waitFor: (c) => c.videos.waitFor('user:1-minimax:2-video:3', { intervalMs: 1000, deadlineMs: 20_000 }),
  createAndWait: (c) => c.music.createAndWait({ prompt: 'a song' }, { intervalMs: 1000, deadlineMs: 20_000 }),
};

const resetCause = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
/** Every transport fault, as the answer of one attempt (a fresh Response each time). */
const FAULTS: Record<string, (contentType: string, status: number) => Response | Error> = {
  'reject before headers': () => new TypeError('fetch failed', { cause: resetCause() }),
  'reject with a plain Error': () => new Error('socket hang up'),
  'reject with a DOMException': () => new DOMException('The operation was aborted.', 'AbortError'),
  'body cut (TypeError: terminated)': (type, status) => cutBody(type.includes('event-stream') ? ['data: {"status":1}\n\n', 'data: {"st'] : ['{"musicId":"user:1'], type, status),
  'body stream errors with a plain Error': (type, status) =>
    new Response(new ReadableStream({ pull: (k) => k.error(new Error('boom')) }), { status, headers: { 'content-type': type } }),
  'invalid JSON': (type, status) => new Response('<html>502 Bad Gateway</html>', { status, headers: { 'content-type': type } }),
  'empty body': (type, status) => new Response('', { status, headers: { 'content-type': type } }),
  'no body at all': (type, status) => new Response(null, { status, headers: { 'content-type': type } }),
  '`null` body': (type, status) => new Response('null', { status, headers: { 'content-type': type } }),
  'truncated JSON': (type, status) => new Response('{"musicId":"user:1-mini', { status, headers: { 'content-type': type } }),
  'truncated event': (type, status) => new Response('data: {"status":1', { status, headers: { 'content-type': type } }),
};
const CONTENT_TYPES = ['application/json', 'text/event-stream', 'text/html', ''];
const STATUSES = [200, 201, 400, 401, 404, 429, 500, 502, 504, 596];

/** A tiny seeded generator (mulberry32): the same cases on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a call (and drains its stream) on the fake clock; its rejection, or undefined when it resolved. */
async function outcomeOf(promise: Promise<unknown>): Promise<unknown> {
  const state = track(promise.then(drain));
  for (let i = 0; !state.done && i < 1000; i++) await vi.advanceTimersByTimeAsync(1000);
  expect(state.done).toBe(true);
  return state.error;
}

describe('every transport fault at every operation kind', () => {
  useFakeClock();

  it('every fault × operation kind (each content type, each status): rejects with a MiniMaxError or resolves', async () => {
    let cases = 0;
    for (const [op, call] of Object.entries(OPERATIONS)) {
      for (const [fault, answer] of Object.entries(FAULTS)) {
        // A fetch that rejects has no content type or status: once is enough.
        const rejects = answer('', 200) instanceof Error;
        for (const type of rejects ? [''] : CONTENT_TYPES) {
          for (const status of rejects ? [200] : [200, 502]) {
            const fake = fakeFetch().queue(answer(type, status));
            const outcome = await outcomeOf(call(testClient(fake, { maxRetries: 0 })));
            cases++;
            if (outcome !== undefined && !(outcome instanceof MiniMaxError)) throw new Error(`${op} / ${fault} / ${type || 'no type'} / ${status}: ${String(outcome)}`);
          }
        }
      }
    }
    const rejecting = Object.values(FAULTS).filter((f) => f('', 200) instanceof Error).length;
    expect(cases).toBe(Object.keys(OPERATIONS).length * (rejecting + (Object.keys(FAULTS).length - rejecting) * CONTENT_TYPES.length * 2));
    expect(vi.getTimerCount()).toBe(0);
  }, 120_000);

  it('seeded random sequences of faults across retries (300 cases): every rejection is a MiniMaxError', async () => {
    const random = rng(20261202);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const ops = Object.entries(OPERATIONS);
    const faults = Object.entries(FAULTS);
    for (let i = 0; i < 300; i++) {
      const [op, call] = pick(ops);
      const answers = Array.from({ length: 3 }, () => pick(faults)[1](pick(CONTENT_TYPES), pick(STATUSES)));
      const fake = fakeFetch().queue(...answers);
      const outcome = await outcomeOf(call(testClient(fake, { maxRetries: 2 })));
      if (outcome !== undefined && !(outcome instanceof MiniMaxError)) throw new Error(`case ${i} (${op}): ${String(outcome)}`);
    }
    expect(vi.getTimerCount()).toBe(0);
  }, 120_000);
});
