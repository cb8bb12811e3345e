// The options factories outside hooks: prefetching, ensureQueryData, fetchInfiniteQuery and SSR hydration.
import { QueryClient, dehydrate, hydrate } from '@tanstack/react-query';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { describe, expect, it } from 'vitest';
import {
  miniMaxKeys,
  musicListInfiniteQueryOptions,
  musicListQueryOptions,
  musicQueryOptions,
  useMusicList,
} from '../src/index.js';
import { renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('options factories', () => {
  it('prefetch on the server, dehydrate to JSON, hydrate on the client: no request on render', async () => {
    const env = setup();
    const server = new QueryClient();
    await server.prefetchQuery(musicListQueryOptions(env.client));
    const state = JSON.parse(JSON.stringify(dehydrate(server)));
    expect(JSON.stringify(state)).not.toContain(MOCK_TOKEN);
    hydrate(env.queryClient, state);
    env.mock.clearRequests();
    const { result } = renderWith(env, () => useMusicList(undefined, { staleTime: 60_000 }));
    await until(() => result.current.data !== undefined);
    expect(result.current.data).toHaveLength(3);
    expect(env.mock.requests).toHaveLength(0);
  });

  it('ensureQueryData and getQueryData with a job factory (no polling outside hooks)', async () => {
    const env = setup();
    const { musicId } = await env.client.music.create({ prompt: 'Prefetched song' });
    const snapshot = await env.queryClient.ensureQueryData(musicQueryOptions(env.client, musicId));
    expect(snapshot.musicId).toBe(musicId);
    expect(env.queryClient.getQueryData(miniMaxKeys.music.getMusic(musicId))).toBe(snapshot);
    expect(env.queryClient.getQueryData(musicQueryOptions(env.client, musicId).queryKey)).toBe(snapshot);
  });

  it('fetchInfiniteQuery with an infinite factory: first page without a cursor', async () => {
    const env = setup();
    const data = await env.queryClient.fetchInfiniteQuery(musicListInfiniteQueryOptions(env.client, { limit: 2 }));
    expect(data.pages).toHaveLength(1);
    expect(data.pageParams).toEqual([undefined]);
    expect(new URL(env.mock.calls('listMusic')[0]!.url).searchParams.has('lastMusicId')).toBe(false);
  });
});
