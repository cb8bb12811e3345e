// Mutation hooks: what they do to the cache (declared per operation), composed with the caller's callbacks.
import { QueryObserver, useMutation } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { InsufficientCreditsError, ValidationError } from '@useapi-minimax/client';
import { describe, expect, it } from 'vitest';
import {
  createMusicMutationOptions,
  filesQueryOptions,
  miniMaxKeys,
  musicListQueryOptions,
  useCreateMusic,
  useDeleteVideo,
  useMusicList,
  useRunAgent,
  useUploadFile,
  useVideos,
  useVideosInfinite,
  videoQueryOptions,
  videosInfiniteQueryOptions,
  videosQueryOptions,
} from '../src/index.js';
import { flush, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('create mutations', () => {
  it("create → the tag's lists are refetched before the caller's onSuccess, which runs too", async () => {
    const env = setup();
    const order: string[] = [];
    const { result } = renderWith(env, () => ({
      list: useMusicList(),
      create: useCreateMusic({
        onSuccess: (data) => order.push(`hook onSuccess: ${env.calls('listMusic')} list reads, ${data.musicId ? 'id' : 'no id'}`),
        onSettled: () => order.push('hook onSettled'),
      }),
    }));
    await until(() => result.current.list.isSuccess);
    expect(env.calls('listMusic')).toBe(1);
    const before = result.current.list.data!.length;
    let musicId = '';
    await act(async () => {
      const created = await result.current.create.mutateAsync(
        { prompt: 'A sea shanty about TypeScript' },
        { onSuccess: () => order.push('mutate onSuccess') },
      );
      musicId = created.musicId!;
    });
    await flush();
    expect(order).toEqual(['hook onSuccess: 2 list reads, id', 'hook onSettled', 'mutate onSuccess']);
    expect(result.current.list.data).toHaveLength(before + 1);
    expect(result.current.list.data!.some((s) => s.musicId === musicId)).toBe(true);
    // The create was sent without `stream` (the hooks cache JSON).
    expect(env.mock.calls('createMusic')[0]?.body).not.toHaveProperty('stream', true);
  });

  it('spreading the factory into useMutation with an own onSuccess keeps the cache update (it runs in mutationFn)', async () => {
    const env = setup();
    let userCalled = false;
    const { result } = renderWith(env, () => ({
      list: useMusicList(),
      create: useMutation({ ...createMusicMutationOptions(env.client), onSuccess: () => void (userCalled = true) }),
    }));
    await until(() => result.current.list.isSuccess);
    await act(async () => {
      await result.current.create.mutateAsync({ prompt: 'Another song' });
    });
    expect(userCalled).toBe(true);
    expect(env.calls('listMusic')).toBe(2);
  });

  it('skipCacheUpdate: true leaves the cache alone', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ list: useMusicList(), create: useCreateMusic({ skipCacheUpdate: true }) }));
    await until(() => result.current.list.isSuccess);
    await act(async () => {
      await result.current.create.mutateAsync({ prompt: 'Quiet song' });
    });
    await flush();
    expect(env.calls('listMusic')).toBe(1);
    expect(env.queryClient.getQueryState(miniMaxKeys.music.listMusic())?.isInvalidated).toBe(false);
  });

  it('invalidation reaches inactive lists too (marked stale, refetched when next used)', async () => {
    const env = setup();
    await env.queryClient.prefetchQuery(musicListQueryOptions(env.client, { limit: 5 }));
    const { result } = renderWith(env, () => useCreateMusic());
    await act(async () => {
      await result.current.mutateAsync({ prompt: 'Yet another song' });
    });
    expect(env.queryClient.getQueryState(miniMaxKeys.music.listMusic({ limit: 5 }))?.isInvalidated).toBe(true);
    expect(env.calls('listMusic')).toBe(1);
  });

  it('runAgent seeds the job query with its answer, so useAgentJob starts from it', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useRunAgent());
    let jobId = '';
    await act(async () => {
      const job = await result.current.mutateAsync({ prompt: 'Make a jingle', models: ['hailuo-2.3'], async: true });
      jobId = job.jobId!;
    });
    const cached = env.queryClient.getQueryData(miniMaxKeys.agent.getAgentJob(jobId));
    expect(cached).toMatchObject({ jobId, status: 'started' });
    expect(env.calls('getAgentJob')).toBe(0);
  });

  it('uploads a file (raw body with its content type) and invalidates the file list', async () => {
    const env = setup();
    await env.queryClient.prefetchQuery(filesQueryOptions(env.client));
    const { result } = renderWith(env, () => useUploadFile());
    await act(async () => {
      const uploaded = await result.current.mutateAsync({ data: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });
      expect(uploaded.fileID).toMatch(/file:/);
    });
    expect(env.queryClient.getQueryState(miniMaxKeys.files.listFiles())?.isInvalidated).toBe(true);
  });

  it('errors are the client typed errors: a create refused for credits, a create with invalid input', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useCreateMusic());
    await act(async () => {
      await result.current.mutateAsync({ prompt: 'Expensive song [mock:insufficient-credits]' }).catch(() => {});
    });
    await flush();
    expect(result.current.error).toBeInstanceOf(InsufficientCreditsError);
    await act(async () => {
      await result.current.mutateAsync({ prompt: '' }).catch(() => {});
    });
    await flush();
    expect(result.current.error).toBeInstanceOf(ValidationError);
    expect(env.calls('listMusic')).toBe(0);
  });
});

describe('delete mutations', () => {
  it('delete → the item leaves every cached list (regular, infinite, inactive) and its own query, then lists refetch', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({
      list: useVideos(),
      infinite: useVideosInfinite({ limit: 2 }),
      del: useDeleteVideo(),
    }));
    await until(() => result.current.list.isSuccess && result.current.infinite.isSuccess);
    const videoId = result.current.list.data![0]!.videoId!;
    // An inactive list and the video's own query, in the cache but not observed.
    await env.queryClient.prefetchQuery(videosQueryOptions(env.client, { limit: 10 }));
    await env.queryClient.prefetchInfiniteQuery(videosInfiniteQueryOptions(env.client, { limit: 10 }));
    await env.queryClient.prefetchQuery(videoQueryOptions(env.client, videoId));
    const listReads = env.calls('listVideos');
    const seen: string[][] = [];
    const observer = new QueryObserver(env.queryClient, { queryKey: miniMaxKeys.videos.listVideos({ limit: 10 }), enabled: false });
    const stop = observer.subscribe((r) => seen.push(((r.data as { videoId?: string }[] | undefined) ?? []).map((v) => v.videoId!)));

    await act(async () => {
      await result.current.del.mutateAsync({ videoId });
    });
    await flush();
    stop();

    const ids = (data: { videoId?: string }[] | undefined) => (data ?? []).map((v) => v.videoId);
    expect(ids(result.current.list.data)).not.toContain(videoId);
    expect(result.current.infinite.data!.pages.flatMap(ids)).not.toContain(videoId);
    // Inactive lists are not refetched: the item left them through the cache update itself.
    expect(ids(env.queryClient.getQueryData(miniMaxKeys.videos.listVideos({ limit: 10 })))).not.toContain(videoId);
    expect(env.queryClient.getQueryData(miniMaxKeys.videos.listVideosInfinite({ limit: 10 }))!.pages.flatMap(ids)).not.toContain(videoId);
    expect(seen.at(-1)).not.toContain(videoId);
    expect(env.queryClient.getQueryState(miniMaxKeys.videos.getVideo(videoId))).toBeUndefined();
    // The active lists (regular and infinite) were refetched after the removal.
    expect(env.calls('listVideos')).toBe(listReads + 2);
  });

  it('with skipCacheUpdate the cached lists keep the item', async () => {
    const env = setup();
    const list = await env.queryClient.fetchQuery(videosQueryOptions(env.client));
    const videoId = list[0]!.videoId!;
    const { result } = renderWith(env, () => useDeleteVideo({ skipCacheUpdate: true }));
    await act(async () => {
      await result.current.mutateAsync({ videoId });
    });
    expect(env.queryClient.getQueryData(miniMaxKeys.videos.listVideos())!.map((v) => v.videoId)).toContain(videoId);
  });
});
