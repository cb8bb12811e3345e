// The suspense recipes: `ensureQueryData` in a route loader, then `useSuspenseQuery` with the same factory (no
// fallback, no second request); `prefetchInfiniteQuery` then `useSuspense<List>Infinite`.
import { useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { musicListInfiniteQueryOptions, musicQueryOptions, useMiniMaxClient, useSuspenseMusicListInfinite } from '../src/index.js';
import { finishSong, renderIn, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('suspense loader recipes', () => {
  it('ensureQueryData in the loader, then useSuspenseQuery(factory): rendered at once, one GET, then polls to the end', async () => {
    const env = setup();
    const { musicId } = await env.client.music.create({ prompt: 'Loader song' });
    // The route loader.
    const loaded = await env.queryClient.ensureQueryData(musicQueryOptions(env.client, musicId));
    expect(loaded.musicId).toBe(musicId);
    expect(env.calls('getMusic')).toBe(1);
    function Song() {
      const { data } = useSuspenseQuery(musicQueryOptions(useMiniMaxClient(), musicId));
      return <p>{data.statusLabel}</p>;
    }
    const view = renderIn(
      env,
      <Suspense fallback={<p>loading</p>}>
        <Song />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('pending');
    await finishSong(env, () => view.container.textContent === 'completed');
    expect(env.calls('getMusic')).toBe(3);
  });

  it('prefetchInfiniteQuery, then useSuspenseInfiniteQuery(factory) and useSuspense…Infinite: no fallback, no second request', async () => {
    const env = setup();
    await env.queryClient.prefetchInfiniteQuery(musicListInfiniteQueryOptions(env.client));
    expect(env.calls('listMusic')).toBe(1);
    function Songs() {
      const pages = useSuspenseInfiniteQuery(musicListInfiniteQueryOptions(useMiniMaxClient())).data.pages;
      const hook = useSuspenseMusicListInfinite(undefined, { select: (data) => data.pages.flat().length }).data;
      return (
        <p>
          {pages[0]!.length} {hook}
        </p>
      );
    }
    const view = renderIn(
      env,
      <Suspense fallback={<p>loading</p>}>
        <Songs />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('3 3');
    expect(env.calls('listMusic')).toBe(1);
  });

  it('useSuspense…Infinite suspends until the first page', async () => {
    const env = setup();
    function Songs() {
      return <p>{useSuspenseMusicListInfinite().data.pages[0]!.length} songs</p>;
    }
    const view = renderIn(
      env,
      <Suspense fallback={<p>loading</p>}>
        <Songs />
      </Suspense>,
    );
    expect(view.container.textContent).toBe('loading');
    await until(() => view.container.textContent !== 'loading');
    expect(view.container.textContent).toBe('3 songs');
  });
});
