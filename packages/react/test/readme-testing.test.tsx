// The README's "Testing with the mock server" example, as written there (real MSW set-up, shouldAdvanceTime).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createMiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import { MiniMaxProvider, useMusic } from '@useapi-minimax/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';

const mock = createMiniMaxMock({ seed: 1, clock: 'manual', jobMs: 10_000 });
const server = setupServer(...createMiniMaxHandlers({ mock }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mock.reset();
  vi.useRealTimers();
});
afterAll(() => server.close());

it('follows a song to the end', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true }); // TanStack's intervals; the mock has its own clock
  const client = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent' });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { musicId } = await client.music.create({ prompt: 'A test song' });
  const { result } = renderHook(() => useMusic(musicId), {
    wrapper: ({ children }) => (
      <QueryClientProvider client={queryClient}>
        <MiniMaxProvider client={client}>{children}</MiniMaxProvider>
      </QueryClientProvider>
    ),
  });
  await vi.waitFor(() => expect(result.current.data).toBeDefined());
  for (let i = 0; i < 2; i++) {
    mock.clock.advance(5_000); // the job moves on
    await act(() => vi.advanceTimersByTimeAsync(5_000)); // the next poll happens
  }
  await vi.waitFor(() => expect(result.current.data?.status).toBe(2));
  expect(mock.calls('getMusic')).toHaveLength(3);
});
