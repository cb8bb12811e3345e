// Keys scoped by client: two clients with another base URL or another account share one QueryClient without
// sharing a cache entry (the key carries `$client`: base URL + account, never the token), and one client's
// mutations touch only its own entries.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createMiniMaxClient, type MiniMaxClient } from '@useapi-minimax/client';
import { createMiniMaxMock, MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { createMiniMaxHandlers } from '@useapi-minimax/mock-server/msw';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MiniMaxProvider, miniMaxKeys, musicListQueryOptions, scopeOf, useCreateMusic, useMusicList } from '../src/index.js';
import { flush, server, until, useMswServer } from './helpers.js';

useMswServer();

const OTHER = 'http://studio.test/api/minimax';

/** Mock A on the production URL, mock B on OTHER (B has one song more); one QueryClient. */
async function twoBackends() {
  const a = createMiniMaxMock({ seed: 1, clock: 'manual' });
  const b = createMiniMaxMock({ seed: 1, clock: 'manual', baseUrl: OTHER });
  // A first: it answers the production URL; B answers OTHER (A does not serve it).
  server.resetHandlers(...createMiniMaxHandlers({ mock: a }), ...createMiniMaxHandlers({ mock: b }));
  vi.useFakeTimers();
  const clientA = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', maxRetries: 0 });
  const clientB = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', maxRetries: 0, baseUrl: OTHER });
  const creating = clientB.music.create({ prompt: 'Only on B' });
  await flush();
  await creating;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { a, b, clientA, clientB, queryClient };
}

const wrap = (queryClient: QueryClient, client: MiniMaxClient) => ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>
    <MiniMaxProvider client={client}>{children}</MiniMaxProvider>
  </QueryClientProvider>
);

describe('keys scoped by client', () => {
  it('scopeOf: base URL and account, never the token; nothing for the production URL without an account', () => {
    const production = createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent' });
    expect(scopeOf(production)).toBeUndefined();
    expect(scopeOf(production.withOptions({ account: '987654321' }))).toBe('https://api.useapi.net/v1/minimax 987654321');
    expect(scopeOf(createMiniMaxClient({ token: MOCK_TOKEN, logLevel: 'silent', baseUrl: `${OTHER}/` }))).toBe(OTHER);
    expect(musicListQueryOptions(production).queryKey).toEqual(miniMaxKeys.music.listMusic());
    expect(JSON.stringify(musicListQueryOptions(production.withOptions({ account: '1' })).queryKey)).not.toContain(MOCK_TOKEN);
  });

  it('two clients with different base URLs on one QueryClient: each list from its own backend, two entries', async () => {
    const { a, b, clientA, clientB, queryClient } = await twoBackends();
    const listA = renderHook(() => useMusicList(), { wrapper: wrap(queryClient, clientA) });
    await until(() => listA.result.current.data !== undefined);
    const listB = renderHook(() => useMusicList(), { wrapper: wrap(queryClient, clientB) });
    await until(() => listB.result.current.data !== undefined && !listB.result.current.isFetching);
    expect(listA.result.current.data).toHaveLength(3);
    expect(listB.result.current.data).toHaveLength(4);
    expect(a.calls('listMusic')).toHaveLength(1);
    expect(b.calls('listMusic')).toHaveLength(1);
    expect(queryClient.getQueryCache().findAll({ queryKey: miniMaxKeys.music.all })).toHaveLength(2);
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.queryKey))).not.toContain(MOCK_TOKEN);
  });

  it('two accounts of one client (withOptions) never share an entry', async () => {
    const { a, clientA, queryClient } = await twoBackends();
    const other = clientA.withOptions({ account: '987654321' });
    expect(musicListQueryOptions(other).queryKey).not.toEqual(musicListQueryOptions(clientA).queryKey);
    const first = renderHook(() => useMusicList(), { wrapper: wrap(queryClient, clientA) });
    await until(() => first.result.current.data !== undefined);
    const second = renderHook(() => useMusicList(), { wrapper: wrap(queryClient, other) });
    await until(() => second.result.current.isError || (second.result.current.data !== undefined && !second.result.current.isFetching));
    // The second account's answer is its own (here the mock refuses an unknown account), never the first's list.
    expect(a.calls('listMusic')).toHaveLength(2);
    expect(second.result.current.data).not.toBe(first.result.current.data);
  });

  it("a create through one client refetches that client's lists only", async () => {
    const { a, b, clientA, clientB, queryClient } = await twoBackends();
    const listA = renderHook(() => useMusicList(), { wrapper: wrap(queryClient, clientA) });
    const create = renderHook(() => ({ list: useMusicList(), create: useCreateMusic() }), { wrapper: wrap(queryClient, clientB) });
    await until(() => listA.result.current.data !== undefined && create.result.current.list.data !== undefined);
    await act(async () => {
      const done = create.result.current.create.mutateAsync({ prompt: 'Second on B' });
      await flush();
      await done;
    });
    await until(() => create.result.current.list.data?.length === 5);
    expect(b.calls('listMusic')).toHaveLength(2);
    expect(a.calls('listMusic')).toHaveLength(1);
    expect(listA.result.current.data).toHaveLength(3);
  });
});
