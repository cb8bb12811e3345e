// Every suspense read hook, table-style: data is never undefined.
import { skipToken, type InfiniteData, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { MiniMaxError, Output } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useSuspenseAccount,
  useSuspenseAccounts,
  useSuspenseAgentJob,
  useSuspenseAgentJobs,
  useSuspenseAgentTemplates,
  useSuspenseAudio,
  useSuspenseAudioConfig,
  useSuspenseAudioList,
  useSuspenseAudioVoices,
  useSuspenseCharacters,
  useSuspenseFeatures,
  useSuspenseFiles,
  useSuspenseImage,
  useSuspenseImages,
  useSuspenseLlmChat,
  useSuspenseLlmChats,
  useSuspenseMusic,
  useSuspenseMusicList,
  useSuspenseMusicStyles,
  useSuspenseScheduler,
  useSuspenseSchedulerAvailable,
  useSuspenseSpeech,
  useSuspenseSpeechList,
  useSuspenseVideo,
  useSuspenseVideos,
  useSuspenseVoices,
  useSuspenseLlmChatsInfinite,
  useSuspenseMusicListInfinite,
  useSuspenseSpeechListInfinite,
  useSuspenseVideosInfinite,
  type PageParam,
} from '../src/index.js';

type Pages<K extends 'listVideos' | 'listMusic' | 'listSpeech'> = InfiniteData<Output<K>, PageParam<K>>;

describe('suspense hooks', () => {
  it('data: Output<operation>, error: MiniMaxError | null', () => {
    expectTypeOf(useSuspenseAccounts()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listAccounts'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAccount('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getAccount'>, MiniMaxError>>();
    expectTypeOf(useSuspenseFeatures()).toEqualTypeOf<UseSuspenseQueryResult<Output<'getFeatures'>, MiniMaxError>>();
    expectTypeOf(useSuspenseVideo('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getVideo'>, MiniMaxError>>();
    expectTypeOf(useSuspenseVideos()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listVideos'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAgentTemplates()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listAgentTemplates'>, MiniMaxError>>();
    expectTypeOf(useSuspenseCharacters()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listCharacters'>, MiniMaxError>>();
    expectTypeOf(useSuspenseImage('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getImage'>, MiniMaxError>>();
    expectTypeOf(useSuspenseImages()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listImages'>, MiniMaxError>>();
    expectTypeOf(useSuspenseFiles()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listFiles'>, MiniMaxError>>();
    expectTypeOf(useSuspenseScheduler()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listScheduledJobs'>, MiniMaxError>>();
    expectTypeOf(useSuspenseSchedulerAvailable()).toEqualTypeOf<UseSuspenseQueryResult<Output<'getSchedulerAvailable'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAgentJobs()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listAgentJobs'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAgentJob('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getAgentJob'>, MiniMaxError>>();
    expectTypeOf(useSuspenseMusicStyles()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listMusicStyles'>, MiniMaxError>>();
    expectTypeOf(useSuspenseMusic('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getMusic'>, MiniMaxError>>();
    expectTypeOf(useSuspenseMusicList()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listMusic'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAudioList()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listAudio'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAudioConfig()).toEqualTypeOf<UseSuspenseQueryResult<Output<'getAudioConfig'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAudioVoices()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listAudioVoices'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAudio('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getAudio'>, MiniMaxError>>();
    expectTypeOf(useSuspenseSpeechList()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listSpeech'>, MiniMaxError>>();
    expectTypeOf(useSuspenseVoices()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listSpeechVoices'>, MiniMaxError>>();
    expectTypeOf(useSuspenseSpeech('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getSpeech'>, MiniMaxError>>();
    expectTypeOf(useSuspenseLlmChats()).toEqualTypeOf<UseSuspenseQueryResult<Output<'listLlmChats'>, MiniMaxError>>();
    expectTypeOf(useSuspenseLlmChat('id')).toEqualTypeOf<UseSuspenseQueryResult<Output<'getLlmChat'>, MiniMaxError>>();
  });

  it('data is defined, select applies, ids are required strings', () => {
    expectTypeOf(useSuspenseMusic('id').data).toEqualTypeOf<Output<'getMusic'>>();
    expectTypeOf(useSuspenseMusicList(undefined, { select: (s) => s.length }).data).toEqualTypeOf<number>();
    // @ts-expect-error suspense hooks cannot be skipped
    useSuspenseMusic(undefined);
    // @ts-expect-error the hook owns refetchInterval (polling)
    useSuspenseMusic('id', { refetchInterval: 1000 });
  });
});

describe('suspense infinite hooks', () => {
  it('data: InfiniteData of the pages, never undefined; cannot be skipped', () => {
    expectTypeOf(useSuspenseVideosInfinite().data).toEqualTypeOf<Pages<'listVideos'>>();
    expectTypeOf(useSuspenseMusicListInfinite().data).toEqualTypeOf<Pages<'listMusic'>>();
    expectTypeOf(useSuspenseSpeechListInfinite().data).toEqualTypeOf<Pages<'listSpeech'>>();
    expectTypeOf(useSuspenseLlmChatsInfinite().error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseMusicListInfinite(undefined, { select: (d) => d.pages.length }).data).toEqualTypeOf<number>();
    // @ts-expect-error suspense hooks cannot be skipped
    useSuspenseVideosInfinite(skipToken);
  });
});
