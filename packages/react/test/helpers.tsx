// Test set-up: the mock server's MSW handlers (unhandled requests fail the test), a fresh mock on a manual clock
// and a fresh QueryClient (`retry: false`) per test, and TanStack's timers on vitest's fake timers.
// The mock's clock never depends on fake timers: `tick(ms)` moves both, so a poll sees the job `ms` later.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, type RenderHookOptions, type RenderHookResult, type RenderResult } from '@testing-library/react';
import { createMiniMaxClient, type ClientOptions, type MiniMaxClient } from '@useapi-minimax/client';
import { musicJob } from '@useapi-minimax/client/internal';
import { createMiniMaxMock, MOCK_TOKEN, type MiniMaxMock, type MiniMaxMockOptions } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { setupServer } from 'msw/node';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { MiniMaxProvider } from '../src/index.js';

export const server = setupServer();

/** Installs the MSW server for the test file (call once at the top level). */
export function useMswServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    vi.useRealTimers();
  });
  afterAll(() => server.close());
}

/** What `setup()` gives a test. */
export interface TestEnv {
  mock: MiniMaxMock;
  client: MiniMaxClient;
  queryClient: QueryClient;
  /** Providers for `render` / `renderHook`. */
  wrapper: (props: { children: ReactNode }) => ReactElement;
  /** Journal entries of one operation. */
  calls: (operationId: Parameters<MiniMaxMock['calls']>[0]) => number;
}

/**
 * A fresh mock (manual clock, `jobMs` 10 s by default), a client on it without retries (so request counts are
 * exact), a fresh QueryClient, and fake timers (TanStack's intervals; `Date` too, starting at the mock's clock).
 */
export function setup(options: MiniMaxMockOptions = {}, clientOptions: ClientOptions = {}): TestEnv {
  const mock = createMiniMaxMock({ seed: 1, clock: 'manual', jobMs: 10_000, ...options });
  server.resetHandlers(...createMiniMaxHandlers({ mock }));
  const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', maxRetries: 0, ...clientOptions });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // `Date.now()` starts at the mock's clock: times the client records (an `OutcomeUnknownError`'s `sentAt`) and
  // times the mock stamps (a song's `createTime`) are on one timeline, as in a browser against a real-time mock.
  vi.useFakeTimers({ now: mock.clock.now() });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MiniMaxProvider client={client}>{children}</MiniMaxProvider>
    </QueryClientProvider>
  );
  return { mock, client, queryClient, wrapper, calls: (id) => mock.calls(id).length };
}

/**
 * Lets pending requests, promises and zero-delay timers run. Each round moves the fake clock by 1 ms: a
 * `setTimeout(cb, 0)` scheduled while timers run (TanStack's notifications) is due 1 ms later under fake timers.
 */
export async function flush(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
      // A real macrotask: MSW and the mock answer through promise chains that may span more than one tick.
      await new Promise<void>((resolve) => realSetImmediate(resolve));
    });
  }
}

const realSetImmediate: (cb: () => void) => void = ((globalThis as { setImmediate?: (cb: () => void) => void }).setImmediate ?? ((cb) => setTimeout(cb, 0))).bind(globalThis);

/** Moves the fake timers (and, unless told otherwise, the mock's clock) forward by `ms`, then settles. */
export async function tick(env: Pick<TestEnv, 'mock'>, ms: number, options: { mockClock?: boolean } = {}): Promise<void> {
  if (options.mockClock !== false) env.mock.clock.advance(ms);
  await act(() => vi.advanceTimersByTimeAsync(ms));
  await flush();
}

/** Flushes until `check` passes (or fails after `rounds` flushes). */
export async function until(check: () => boolean, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    if (check()) return;
    await flush(1);
  }
  if (!check()) throw new Error('until: the condition never held');
}

/**
 * Lets a song the mock is making (`jobMs` 10 s) finish: two polls at music's interval, then flushes until `done`
 * holds (a flow's `status === 'succeeded'`, a view's text, …).
 */
export async function finishSong(env: Pick<TestEnv, 'mock'>, done: () => boolean): Promise<void> {
  await tick(env, musicJob.intervalMs);
  await tick(env, musicJob.intervalMs);
  await until(done);
}

/** `renderHook` inside the providers. */
export function renderWith<Result, Props>(
  env: TestEnv,
  hook: (props: Props) => Result,
  options: Omit<RenderHookOptions<Props>, 'wrapper'> = {},
): RenderHookResult<Result, Props> {
  return renderHook(hook, { wrapper: env.wrapper, ...options });
}

/** `render` inside the providers. */
export function renderIn(env: TestEnv, ui: ReactElement): RenderResult {
  return render(ui, { wrapper: env.wrapper });
}
