// Lists after mutations: a delete removes the item from the cached lists at once (before its answer) and puts it
// back if the delete fails; a delete resolves without waiting for the lists to refetch; a create refetches only the
// first page of an infinite list (not every loaded page one after another).
import { act } from '@testing-library/react';
import { MiniMaxError } from '@useapi-minimax/client';
import { describe, expect, it } from 'vitest';
import { miniMaxKeys, useCreateMusic, useDeleteVideo, useMusicListInfinite, useVideos, useVideosInfinite } from '../src/index.js';
import { flush, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

const ids = (data: { videoId?: string }[] | undefined) => (data ?? []).map((v) => v.videoId);

describe('list effects', () => {
  it('optimistic delete: the item leaves the lists before the answer, and comes back when the delete fails', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ list: useVideos(), pages: useVideosInfinite({ limit: 2 }), del: useDeleteVideo() }));
    await until(() => result.current.list.isSuccess && result.current.pages.isSuccess);
    const videoId = result.current.list.data![0]!.videoId!;
    const before = ids(result.current.list.data);
    env.mock.scenarios.once('service-unavailable', { operationId: 'deleteVideo' });
    // Seen by the lists while the delete is in flight, before any answer.
    let during: (string | undefined)[] | undefined;
    let answered = -1;
    let failure: unknown;
    await act(async () => {
      const pending = result.current.del.mutateAsync({ videoId }).catch((error: unknown) => (failure = error));
      await Promise.resolve();
      await Promise.resolve();
      answered = env.calls('deleteVideo');
      during = ids(env.queryClient.getQueryData(miniMaxKeys.videos.listVideos()));
      await flush();
      await pending;
    });
    expect(answered).toBe(0);
    expect(during).not.toContain(videoId);
    expect(failure).toBeInstanceOf(MiniMaxError);
    await flush();
    // Rolled back: the regular and the infinite list show the item again.
    expect(ids(result.current.list.data)).toEqual(before);
    expect(result.current.pages.data!.pages.flatMap(ids)).toContain(videoId);
  });

  it('a delete resolves without waiting for the lists to refetch', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ list: useVideos(), pages: useVideosInfinite({ limit: 1 }), del: useDeleteVideo() }));
    await until(() => result.current.list.isSuccess && result.current.pages.isSuccess);
    act(() => void result.current.pages.fetchNextPage());
    await until(() => result.current.pages.data?.pages.length === 2 && !result.current.pages.isFetching);
    const videoId = result.current.list.data![0]!.videoId!;
    const reads = env.calls('listVideos');
    // The lists' refetches are slow (3 s of real time: they answer after this test); the delete must not wait.
    env.mock.scenarios.set('latency:3000', { operationId: 'listVideos' });
    let resolved = false;
    await act(async () => {
      const pending = result.current.del.mutateAsync({ videoId }).then(() => (resolved = true));
      await flush();
      await pending;
    });
    expect(resolved).toBe(true);
    expect(env.calls('deleteVideo')).toBe(1);
    // The refetches were sent and are still running; every loaded page is kept, without the item.
    expect(env.queryClient.isFetching({ queryKey: miniMaxKeys.videos.all })).toBe(2);
    expect(env.calls('listVideos')).toBe(reads);
    expect(ids(result.current.list.data)).not.toContain(videoId);
    expect(result.current.pages.data!.pages).toHaveLength(2);
    expect(result.current.pages.data!.pages.flatMap(ids)).not.toContain(videoId);
  });

  it('a create refetches only the first page of an infinite list: one GET, not one per loaded page', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ pages: useMusicListInfinite({ limit: 1 }), create: useCreateMusic() }));
    await until(() => result.current.pages.isSuccess);
    for (let n = 2; n <= 3; n++) {
      act(() => void result.current.pages.fetchNextPage());
      await until(() => result.current.pages.data?.pages.length === n && !result.current.pages.isFetching);
    }
    const reads = env.calls('listMusic');
    await act(async () => {
      const pending = result.current.create.mutateAsync({ prompt: 'A new first page' });
      await flush();
      await pending;
    });
    await flush();
    expect(env.calls('listMusic') - reads).toBe(1);
    expect(result.current.pages.data!.pages).toHaveLength(1);
    expect(result.current.pages.data!.pages[0]![0]!.title).toBeDefined();
  });
});
