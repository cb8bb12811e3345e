// Infinite lists: the page param is the operation's own cursor or page parameter, absent from the first page.
import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { miniMaxKeys, useMusicList, useMusicListInfinite, useSpeechListInfinite, useVideosInfinite } from '../src/index.js';
import { flush, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

async function nextPage(result: { current: { fetchNextPage: () => Promise<unknown> } }): Promise<void> {
  await act(async () => {
    await result.current.fetchNextPage();
  });
  await flush();
}

describe('infinite lists', () => {
  it('cursor lists: no cursor on the first page, then the last item id as lastMusicId, until an empty page', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useMusicListInfinite({ limit: 1 }));
    await until(() => result.current.isSuccess);
    const [first] = env.mock.calls('listMusic');
    expect(query(first!.url)).toEqual({ limit: '1' });
    const firstId = result.current.data!.pages[0]![0]!.musicId;
    expect(result.current.hasNextPage).toBe(true);
    await nextPage(result);
    const second = env.mock.calls('listMusic')[1]!;
    expect(query(second.url)).toEqual({ limit: '1', lastMusicId: firstId });
    expect(result.current.data!.pageParams).toEqual([undefined, firstId]);
    for (let i = 0; i < 10 && result.current.hasNextPage; i++) {
      await nextPage(result);
    }
    const songs = result.current.data!.pages.flat().map((s) => s.musicId);
    expect(songs).toHaveLength(3); // the three seeded songs
    expect(new Set(songs).size).toBe(3);
    expect(result.current.data!.pages.at(-1)).toEqual([]);
  });

  it('stops without an extra request when a page is shorter than the limit', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useVideosInfinite({ limit: 2 }));
    // Read what the test asserts before it changes: TanStack re-renders only for the result props that were read.
    await until(() => result.current.data !== undefined && result.current.hasNextPage);
    await nextPage(result);
    expect(result.current.data!.pages.map((p) => p.length)).toEqual([2, 1]);
    expect(result.current.hasNextPage).toBe(false);
    expect(env.calls('listVideos')).toBe(2);
  });

  it('page lists: no page on the first request, then page=2, until has_more is false', async () => {
    const env = setup();
    const voices = await env.client.speech.voices();
    const voice = voices.voice_list![0]!.voice_id!;
    for (let i = 0; i < 3; i++) await env.client.speech.create({ text: `Clip ${i}`, voice_id: voice });
    env.mock.clock.advance(60_000);
    env.mock.clearRequests();
    const { result } = renderWith(env, () => useSpeechListInfinite({ page_size: 2 }));
    await until(() => result.current.isSuccess);
    expect(query(env.mock.calls('listSpeech')[0]!.url)).toEqual({ page_size: '2' });
    for (let i = 0; i < 10 && result.current.hasNextPage; i++) {
      await nextPage(result);
    }
    const calls = env.mock.calls('listSpeech');
    expect(query(calls[1]!.url)).toEqual({ page_size: '2', page: '2' });
    expect(result.current.data!.pages.at(-1)!.has_more).toBe(false);
    expect(result.current.data!.pageParams).toEqual([undefined, ...calls.slice(1).map((_, i) => i + 2)]);
  });

  it('an infinite list and the regular list never share a cache entry', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ list: useMusicList({ limit: 2 }), pages: useMusicListInfinite({ limit: 2 }) }));
    await until(() => result.current.list.isSuccess && result.current.pages.isSuccess);
    expect(Array.isArray(result.current.list.data)).toBe(true);
    expect(result.current.pages.data!.pages).toHaveLength(1);
    expect(env.queryClient.getQueryCache().findAll({ queryKey: [...miniMaxKeys.music.all, 'listMusic'] })).toHaveLength(2);
    expect(miniMaxKeys.music.listMusicInfinite({ limit: 2 })).not.toEqual(miniMaxKeys.music.listMusic({ limit: 2 }));
  });
});
