// Test harness: the mock engine as the client's fetch (real clock, short jobs), a runner over it, a stand-in
// CDN for the mock's media URLs, and a journal reader.
import { createMiniMaxClient, type MiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock, type MiniMaxMockOptions } from '@useapi-minimax/mock-server';
import { createJobRunner, type JobRunner, type JobRunnerOptions } from '../src/index.js';

export interface Harness {
  mock: MiniMaxMock;
  client: MiniMaxClient;
  /** A runner with fast polling (overrides merged). */
  runner(options?: Partial<JobRunnerOptions>): JobRunner;
  /** Journal entries of an operation whose answer was 2xx. */
  ok(operationId: string): ReturnType<MiniMaxMock['calls']>;
  /** Stops the mock and every runner made. */
  close(): Promise<void>;
}

/** The body a create sent (from the journal's summary). */
export function sent(entry: { body?: unknown }): Record<string, unknown> {
  const body = entry.body as { kind?: string; value?: Record<string, unknown>; fields?: Record<string, unknown> } | undefined;
  return body?.value ?? body?.fields ?? {};
}

export function harness(options: MiniMaxMockOptions = {}): Harness {
  const mock = createMiniMaxMock({ clock: 'real', jobMs: 150, seed: 7, ...options });
  const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', fetch: mock.fetch });
  const runners: JobRunner[] = [];
  return {
    mock,
    client,
    runner(overrides = {}) {
      const runner = createJobRunner({ client, intervalMs: 25, schedulerRefreshMs: 50, fetch: cdnFetch(), ...overrides });
      runners.push(runner);
      return runner;
    },
    ok: (operationId) => mock.calls(operationId as never).filter((e) => e.status >= 200 && e.status < 300),
    async close() {
      await Promise.all(runners.map((r) => r.close()));
      mock.dispose();
    },
  };
}

/** Bytes for a mock media URL: deterministic, typed by extension. */
export function mediaFor(url: string): { body: Uint8Array; type: string } {
  const ext = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase() ?? 'bin';
  const type = { mp4: 'video/mp4', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', mp3: 'audio/mpeg', wav: 'audio/wav' }[ext] ?? 'application/octet-stream';
  const body = new TextEncoder().encode(`${type} ${url}\n`.repeat(64));
  return { body, type };
}

/** A `fetch` for downloads that answers the mock's CDN URLs; `faults` are answered first, in order. */
export function cdnFetch(log: string[] = [], faults: (number | 'reset')[] = []) {
  return async (url: string): Promise<Response> => {
    log.push(url);
    const fault = faults.shift();
    if (fault === 'reset') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    if (typeof fault === 'number') return new Response('nope', { status: fault });
    const { body, type } = mediaFor(url);
    return new Response(body as unknown as BodyInit, { headers: { 'content-type': type, 'content-length': String(body.byteLength) } });
  };
}
