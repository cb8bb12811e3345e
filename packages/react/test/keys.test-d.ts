import { QueryClient, type DataTag } from '@tanstack/react-query';
import type { MiniMaxError, Output } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import { miniMaxKeys, type InfiniteListData, type MiniMaxQueryKey } from '../src/index.js';

describe('miniMaxKeys types', () => {
  const client = new QueryClient();

  it('keys are tagged with their data: getQueryData and setQueryData are typed', () => {
    expectTypeOf(client.getQueryData(miniMaxKeys.music.listMusic())).toEqualTypeOf<Output<'listMusic'> | undefined>();
    expectTypeOf(client.getQueryData(miniMaxKeys.videos.getVideo('v'))).toEqualTypeOf<Output<'getVideo'> | undefined>();
    expectTypeOf(client.getQueryData(miniMaxKeys.music.listMusicInfinite())).toEqualTypeOf<InfiniteListData<'listMusic'> | undefined>();
    client.setQueryData(miniMaxKeys.music.getMusic('m'), (old) => {
      expectTypeOf(old).toEqualTypeOf<Output<'getMusic'> | undefined>();
      return old;
    });
    expectTypeOf(miniMaxKeys.music.getMusic('m')).toMatchTypeOf<DataTag<readonly unknown[], Output<'getMusic'>, MiniMaxError>>();
  });

  it('keys are literal tuples', () => {
    expectTypeOf(miniMaxKeys.all).toEqualTypeOf<readonly ['useapi-minimax']>();
    expectTypeOf(miniMaxKeys.music.all).toEqualTypeOf<readonly ['useapi-minimax', 'music']>();
    expectTypeOf(miniMaxKeys.music.getMusic('m')).toEqualTypeOf<MiniMaxQueryKey<'getMusic'>>();
    // @ts-expect-error unknown tag
    void miniMaxKeys.songs;
    // @ts-expect-error listMusic takes the input of GET /music
    miniMaxKeys.music.listMusic({ page: 1 });
  });
});
