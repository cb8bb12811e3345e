// No retry amplification: the package's queries leave retrying to the client (issue #12).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MiniMaxProvider, useVideos, useVideosInfinite, videosQueryOptions } from '../src/index.js';
import { setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

const MAX_RETRIES = 2;

/** A QueryClient with TanStack's defaults (`retry: 3`), unlike the harness's. */
function withDefaults(env: ReturnType<typeof setup>) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MiniMaxProvider client={env.client}>{children}</MiniMaxProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}

describe('no retry amplification', () => {
  it('a list answering 503 persistently costs at most the client attempts (maxRetries + 1)', async () => {
    const env = setup({}, { maxRetries: MAX_RETRIES });
    env.mock.scenarios.set('service-unavailable', { operationId: 'listVideos' });
    const { wrapper } = withDefaults(env);
    const { result } = renderHook(() => useVideos(), { wrapper });
    for (let i = 0; i < 20 && !result.current.isError; i++) await tick(env, 5_000);
    expect(result.current.isError).toBe(true);
    await tick(env, 60_000);
    expect(env.calls('listVideos')).toBe(MAX_RETRIES + 1);
  });

  it('the infinite list too', async () => {
    const env = setup({}, { maxRetries: MAX_RETRIES });
    env.mock.scenarios.set('service-unavailable', { operationId: 'listVideos' });
    const { wrapper } = withDefaults(env);
    const { result } = renderHook(() => useVideosInfinite(), { wrapper });
    for (let i = 0; i < 20 && !result.current.isError; i++) await tick(env, 5_000);
    expect(result.current.isError).toBe(true);
    expect(env.calls('listVideos')).toBeLessThanOrEqual(MAX_RETRIES + 1);
  });

  it('the factories say retry: false, and a caller can still ask for TanStack retries', async () => {
    const env = setup();
    expect(videosQueryOptions(env.client).retry).toBe(false);
    env.mock.scenarios.set('service-unavailable', { operationId: 'listVideos' });
    const { wrapper } = withDefaults(env);
    const { result } = renderHook(() => useVideos(undefined, { retry: 1, retryDelay: 10 }), { wrapper });
    await until(() => result.current.isError, 200);
    expect(env.calls('listVideos')).toBe(2);
  });
});
