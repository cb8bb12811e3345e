// Every read hook, table-style: data is the operation's \`Output\`, error the client's \`MiniMaxError\`.
import type { UseQueryResult } from '@tanstack/react-query';
import type { MiniMaxError, Output } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useAccount,
  useAccounts,
  useAgentJob,
  useAgentJobs,
  useAgentTemplates,
  useAudio,
  useAudioConfig,
  useAudioList,
  useAudioVoices,
  useCharacters,
  useFeatures,
  useFiles,
  useImage,
  useImages,
  useLlmChat,
  useLlmChats,
  useMusic,
  useMusicList,
  useMusicStyles,
  useScheduler,
  useSchedulerAvailable,
  useSpeech,
  useSpeechList,
  useVideo,
  useVideos,
  useVoices,
} from '../src/index.js';

describe('read hooks', () => {
  it('data: Output<operation> | undefined, error: MiniMaxError | null', () => {
    expectTypeOf(useAccounts()).toEqualTypeOf<UseQueryResult<Output<'listAccounts'>, MiniMaxError>>();
    expectTypeOf(useAccount('id')).toEqualTypeOf<UseQueryResult<Output<'getAccount'>, MiniMaxError>>();
    expectTypeOf(useFeatures()).toEqualTypeOf<UseQueryResult<Output<'getFeatures'>, MiniMaxError>>();
    expectTypeOf(useVideo('id')).toEqualTypeOf<UseQueryResult<Output<'getVideo'>, MiniMaxError>>();
    expectTypeOf(useVideos()).toEqualTypeOf<UseQueryResult<Output<'listVideos'>, MiniMaxError>>();
    expectTypeOf(useAgentTemplates()).toEqualTypeOf<UseQueryResult<Output<'listAgentTemplates'>, MiniMaxError>>();
    expectTypeOf(useCharacters()).toEqualTypeOf<UseQueryResult<Output<'listCharacters'>, MiniMaxError>>();
    expectTypeOf(useImage('id')).toEqualTypeOf<UseQueryResult<Output<'getImage'>, MiniMaxError>>();
    expectTypeOf(useImages()).toEqualTypeOf<UseQueryResult<Output<'listImages'>, MiniMaxError>>();
    expectTypeOf(useFiles()).toEqualTypeOf<UseQueryResult<Output<'listFiles'>, MiniMaxError>>();
    expectTypeOf(useScheduler()).toEqualTypeOf<UseQueryResult<Output<'listScheduledJobs'>, MiniMaxError>>();
    expectTypeOf(useSchedulerAvailable()).toEqualTypeOf<UseQueryResult<Output<'getSchedulerAvailable'>, MiniMaxError>>();
    expectTypeOf(useAgentJobs()).toEqualTypeOf<UseQueryResult<Output<'listAgentJobs'>, MiniMaxError>>();
    expectTypeOf(useAgentJob('id')).toEqualTypeOf<UseQueryResult<Output<'getAgentJob'>, MiniMaxError>>();
    expectTypeOf(useMusicStyles()).toEqualTypeOf<UseQueryResult<Output<'listMusicStyles'>, MiniMaxError>>();
    expectTypeOf(useMusic('id')).toEqualTypeOf<UseQueryResult<Output<'getMusic'>, MiniMaxError>>();
    expectTypeOf(useMusicList()).toEqualTypeOf<UseQueryResult<Output<'listMusic'>, MiniMaxError>>();
    expectTypeOf(useAudioList()).toEqualTypeOf<UseQueryResult<Output<'listAudio'>, MiniMaxError>>();
    expectTypeOf(useAudioConfig()).toEqualTypeOf<UseQueryResult<Output<'getAudioConfig'>, MiniMaxError>>();
    expectTypeOf(useAudioVoices()).toEqualTypeOf<UseQueryResult<Output<'listAudioVoices'>, MiniMaxError>>();
    expectTypeOf(useAudio('id')).toEqualTypeOf<UseQueryResult<Output<'getAudio'>, MiniMaxError>>();
    expectTypeOf(useSpeechList()).toEqualTypeOf<UseQueryResult<Output<'listSpeech'>, MiniMaxError>>();
    expectTypeOf(useVoices()).toEqualTypeOf<UseQueryResult<Output<'listSpeechVoices'>, MiniMaxError>>();
    expectTypeOf(useSpeech('id')).toEqualTypeOf<UseQueryResult<Output<'getSpeech'>, MiniMaxError>>();
    expectTypeOf(useLlmChats()).toEqualTypeOf<UseQueryResult<Output<'listLlmChats'>, MiniMaxError>>();
    expectTypeOf(useLlmChat('id')).toEqualTypeOf<UseQueryResult<Output<'getLlmChat'>, MiniMaxError>>();
  });

  it('select changes the data type; the error stays typed', () => {
    const titles = useMusicList(undefined, { select: (songs) => songs.map((s) => s.title) });
    expectTypeOf(titles.data).toEqualTypeOf<(string | undefined)[] | undefined>();
    expectTypeOf(titles.error).toEqualTypeOf<MiniMaxError | null>();
  });

  it('inputs are checked against the spec', () => {
    useMusicList({ limit: 10, lastMusicId: 'x', account: '1' });
    // @ts-expect-error not a parameter of GET /music
    useMusicList({ page: 2 });
    // @ts-expect-error limit is an integer
    useVideos({ limit: '10' });
    // @ts-expect-error the id is required (undefined, null or skipToken to skip)
    useAccount();
    // @ts-expect-error the hook owns queryKey
    useAccounts({ queryKey: ['x'] });
    // @ts-expect-error the hook owns queryFn
    useAccounts({ queryFn: () => ({}) });
  });
});
