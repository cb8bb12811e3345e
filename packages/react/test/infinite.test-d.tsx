// Every infinite list hook, table-style: InfiniteData of the operation's pages, page param typed from the spec.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { MiniMaxError, Output } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  miniMaxKeys,
  musicListInfiniteQueryOptions,
  speechListInfiniteQueryOptions,
  type PageParam,
  useAgentTemplatesInfinite,
  useAudioListInfinite,
  useAudioVoicesInfinite,
  useCharactersInfinite,
  useImagesInfinite,
  useLlmChatsInfinite,
  useMusicListInfinite,
  useSpeechListInfinite,
  useVideosInfinite,
  useVoicesInfinite,
} from '../src/index.js';

describe('infinite hooks', () => {
  it('data: InfiniteData<Output<operation>, PageParam<operation>>', () => {
    expectTypeOf(useVideosInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listVideos'>, PageParam<'listVideos'>>, MiniMaxError>>();
    expectTypeOf(useAgentTemplatesInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listAgentTemplates'>, PageParam<'listAgentTemplates'>>, MiniMaxError>>();
    expectTypeOf(useCharactersInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listCharacters'>, PageParam<'listCharacters'>>, MiniMaxError>>();
    expectTypeOf(useImagesInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listImages'>, PageParam<'listImages'>>, MiniMaxError>>();
    expectTypeOf(useMusicListInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listMusic'>, PageParam<'listMusic'>>, MiniMaxError>>();
    expectTypeOf(useAudioListInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listAudio'>, PageParam<'listAudio'>>, MiniMaxError>>();
    expectTypeOf(useAudioVoicesInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listAudioVoices'>, PageParam<'listAudioVoices'>>, MiniMaxError>>();
    expectTypeOf(useSpeechListInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listSpeech'>, PageParam<'listSpeech'>>, MiniMaxError>>();
    expectTypeOf(useVoicesInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listSpeechVoices'>, PageParam<'listSpeechVoices'>>, MiniMaxError>>();
    expectTypeOf(useLlmChatsInfinite()).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<Output<'listLlmChats'>, PageParam<'listLlmChats'>>, MiniMaxError>>();
  });

  it('page params are the real query parameters: a cursor string or a page number', () => {
    expectTypeOf<PageParam<'listMusic'>>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PageParam<'listSpeech'>>().toEqualTypeOf<number | undefined>();
    expectTypeOf(musicListInfiniteQueryOptions({} as never).initialPageParam).toEqualTypeOf<string | undefined>();
    expectTypeOf(speechListInfiniteQueryOptions({} as never).initialPageParam).toEqualTypeOf<number | undefined>();
  });

  it('the input leaves the page param out; the key is typed for getQueryData', () => {
    useMusicListInfinite({ limit: 5 });
    // @ts-expect-error the cursor belongs to the hook
    useMusicListInfinite({ lastMusicId: 'x' });
    // @ts-expect-error the page belongs to the hook
    useSpeechListInfinite({ page: 2 });
    expectTypeOf(miniMaxKeys.music.listMusicInfinite()).not.toEqualTypeOf(miniMaxKeys.music.listMusic());
  });
});
