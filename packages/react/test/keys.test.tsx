// miniMaxKeys: hierarchical, JSON-only keys; prefix invalidation does what it says.
import { skipToken } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { describe, expect, it } from 'vitest';
import { MINIMAX_KEY_ROOT, miniMaxKeys, musicListQueryOptions, musicQueryOptions, useMusicList, useVideos } from '../src/index.js';
import { flush, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('miniMaxKeys', () => {
  it('is hierarchical: root, tag, operation, params', () => {
    expect(miniMaxKeys.all).toEqual([MINIMAX_KEY_ROOT]);
    expect(miniMaxKeys.music.all).toEqual(['useapi-minimax', 'music']);
    expect(miniMaxKeys.music.getMusic('m1')).toEqual(['useapi-minimax', 'music', 'getMusic', { musicId: 'm1' }]);
    expect(miniMaxKeys.music.listMusic({ limit: 5 })).toEqual(['useapi-minimax', 'music', 'listMusic', { limit: 5 }]);
    expect(miniMaxKeys.llm.getLlmChat('c1', { account: '1' })).toEqual(['useapi-minimax', 'llm', 'getLlmChat', { chatID: 'c1', account: '1' }]);
    expect(miniMaxKeys.accounts.listAccounts()).toEqual(['useapi-minimax', 'accounts', 'listAccounts', {}]);
    expect(miniMaxKeys.music.createMusic()).toEqual(['useapi-minimax', 'music', 'createMusic']);
  });

  it('gives infinite lists their own key, never a prefix of (or prefixed by) the regular one', () => {
    const regular = miniMaxKeys.music.listMusic({ limit: 5 });
    const infinite = miniMaxKeys.music.listMusicInfinite({ limit: 5 });
    expect(infinite).toEqual(['useapi-minimax', 'music', 'listMusic', 'infinite', { limit: 5 }]);
    expect(infinite.slice(0, regular.length)).not.toEqual(regular);
  });

  it('is plain JSON: undefined is left out, skipToken is marked, no client, token or signal', () => {
    const env = setup();
    const keys = [
      miniMaxKeys.music.getMusic(skipToken),
      miniMaxKeys.music.listMusic({ limit: undefined, account: '987654321' }),
      musicQueryOptions(env.client, 'm1').queryKey,
      musicListQueryOptions(env.client, skipToken).queryKey,
    ];
    for (const key of keys) expect(JSON.parse(JSON.stringify(key))).toEqual(key);
    expect(keys[0]).toEqual(['useapi-minimax', 'music', 'getMusic', { $skipped: true }]);
    expect(keys[1]).toEqual(['useapi-minimax', 'music', 'listMusic', { account: '987654321' }]);
    expect(JSON.stringify(keys)).not.toContain(MOCK_TOKEN);
  });

  it('invalidateQueries({ queryKey: miniMaxKeys.music.all }) refetches music queries only; miniMaxKeys.all refetches all', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ music: useMusicList(), videos: useVideos() }));
    await until(() => result.current.music.isSuccess && result.current.videos.isSuccess);
    await act(() => env.queryClient.invalidateQueries({ queryKey: miniMaxKeys.music.all }));
    await flush();
    expect([env.calls('listMusic'), env.calls('listVideos')]).toEqual([2, 1]);
    await act(() => env.queryClient.invalidateQueries({ queryKey: miniMaxKeys.all }));
    await flush();
    expect([env.calls('listMusic'), env.calls('listVideos')]).toEqual([3, 2]);
    // An operation's key without params matches that operation's queries whatever their params.
    await act(() => env.queryClient.invalidateQueries({ queryKey: miniMaxKeys.videos.listVideos() }));
    await flush();
    expect([env.calls('listMusic'), env.calls('listVideos')]).toEqual([3, 3]);
  });
});
