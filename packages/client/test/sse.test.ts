// Server-sent events: the parser, and the streaming operations built on it.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, OutcomeUnknownError, RateLimitedError, TimeoutError, type ServerSentEvent } from '../src/index.js';
import { parseEventStream } from '../src/sse.js';
import { fakeFetch, json, testClient } from './helpers.js';

function streamOf(chunks: string[], keepOpen = false): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      if (!keepOpen) controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const out: ServerSentEvent[] = [];
  for await (const e of parseEventStream(stream)) out.push(e);
  return out;
}

const SAMPLE = [
  ': a comment\n',
  'event: progress\nid: 1\ndata: {"status":1,"percent":40}\n\n',
  'data: line one\ndata: line two\n\n',
  'data:{"status":2,"statusFinal":true}\r\n\r\n',
  'retry: 100\n\n',
].join('');
const EXPECTED: ServerSentEvent[] = [
  { event: 'progress', id: '1', data: { status: 1, percent: 40 } },
  { id: '1', data: 'line one\nline two' },
  { id: '1', data: { status: 2, statusFinal: true } },
];

describe('parseEventStream', () => {
  it('parses fields, comments, multi-line data, JSON and CRLF', async () => {
    expect(await collect(streamOf([SAMPLE]))).toEqual(EXPECTED);
  });

  it('gives the same events however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(SAMPLE.length), { maxLength: 12 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => SAMPLE.slice(p, points[i] ?? SAMPLE.length)).filter(Boolean);
        expect(await collect(streamOf(chunks))).toEqual(EXPECTED);
      }),
    );
  });

  it('handles a CRLF split across chunks, and CR line ends', async () => {
    expect(await collect(streamOf(['data: 1\r', '\n\r', '\ndata: 2\r\r']))).toEqual([{ data: 1 }, { data: 2 }]);
  });

  it('delivers a last event without its blank line', async () => {
    expect(await collect(streamOf(['data: {"a":1}\n\ndata: {"b":2}']))).toEqual([{ data: { a: 1 } }, { data: { b: 2 } }]);
  });

  it('break cancels the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const e of parseEventStream(stream)) {
      expect(e.data).toBe(1);
      break;
    }
    expect(cancelled).toBe(true);
  });
});

describe('streaming operations', () => {
  const sse = (body: string) => new Response(streamOf([body]), { status: 200, headers: { 'content-type': 'text/event-stream' } });

  it('videos.agentCreate yields the parsed video objects', async () => {
    const fake = fakeFetch().queue(sse('data: {"videoId":"v:1","status":1,"percent":40}\n\ndata: {"videoId":"v:1","status":2,"statusFinal":true}\n\n'));
    const events = await testClient(fake).videos.agentCreate({ templateId: '379417784444608512', prompt: 'cat' });
    const seen = [];
    for await (const e of events) seen.push(e.data.status);
    expect(seen).toEqual([1, 2]);
    expect(fake.requests[0]!.method).toBe('POST');
  });

  it('music.create with stream: true is a stream; without it JSON', async () => {
    const fake = fakeFetch().queue(
      sse('data: {"musicId":"m:1","status":1}\n\ndata: {"musicId":"m:1","status":2,"statusFinal":true}\n\n'),
      json(201, { musicId: 'm:1' }),
    );
    const client = testClient(fake);
    const stream = await client.music.create({ prompt: 'p', stream: true });
    const statuses: unknown[] = [];
    for await (const e of stream) statuses.push(e.data.status);
    expect(statuses).toEqual([1, 2]);
    expect(await client.music.create({ prompt: 'p' })).toEqual({ musicId: 'm:1' });
  });

  it('a stream request answered with JSON still returns the JSON', async () => {
    const fake = fakeFetch().queue(json(200, { reply: 'hi' }));
    expect(await testClient(fake).llm.send({ prompt: 'hi', stream: true })).toEqual({ reply: 'hi' });
  });

  it('an error status throws before any event', async () => {
    const fake = fakeFetch().queue(json(429, { error: 'busy' }));
    const error = await testClient(fake, { maxRetries: 0 })
      .videos.agentCreate({ templateId: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
  });

  describe('with a fake clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('timeoutMs is an idle timeout between chunks', async () => {
      vi.useFakeTimers();
      const encoder = new TextEncoder();
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
      });
      const fake = fakeFetch().queue(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
      const events = await testClient(fake, { timeoutMs: 1000 }).videos.agentCreate({ templateId: 't' });
      const seen: unknown[] = [];
      const done = (async () => {
        for await (const e of events) seen.push(e.data);
      })().catch((e: unknown) => e);
      for (let i = 0; i < 3; i++) {
        await vi.advanceTimersByTimeAsync(900);
        controller.enqueue(encoder.encode(`data: ${i}\n\n`));
      }
      await vi.advanceTimersByTimeAsync(999);
      expect(seen).toEqual([0, 1, 2]); // 2.7 s in total, never 1 s idle
      await vi.advanceTimersByTimeAsync(1);
      // agentCreate starts a video: a stream cut by the idle timeout leaves its outcome unknown.
      const error = await done;
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect((error as OutcomeUnknownError).cause).toBeInstanceOf(TimeoutError);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('aborting the signal ends the iteration with AbortError', async () => {
      vi.useFakeTimers();
      const fake = fakeFetch().queue(new Response(streamOf(['data: 1\n\n'], true), { headers: { 'content-type': 'text/event-stream' } }));
      const controller = new AbortController();
      const events = await testClient(fake).videos.agentCreate({ templateId: 't' }, { signal: controller.signal });
      const seen: unknown[] = [];
      const done = (async () => {
        for await (const e of events) {
          seen.push(e.data);
          controller.abort();
        }
      })().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(0);
      expect(seen).toEqual([1]);
      expect(await done).toBeInstanceOf(AbortError);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
