// Every read factory with every TanStack consumer (useQuery, useSuspenseQuery, useQueries, prefetchQuery,
// ensureQueryData, fetchQuery), every infinite factory with useInfiniteQuery, useSuspenseInfiniteQuery and
// prefetchInfiniteQuery: data and error typed from the spec. A skipped factory still goes to useQuery (and the
// QueryClient methods), never to a suspense hook.
import {
  QueryClient,
  skipToken,
  useInfiniteQuery,
  useQueries,
  useQuery,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
  type InfiniteData,
} from '@tanstack/react-query';
import type { MiniMaxClient, MiniMaxError, Output } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  accountsQueryOptions,
  accountQueryOptions,
  featuresQueryOptions,
  videoQueryOptions,
  videosQueryOptions,
  agentTemplatesQueryOptions,
  charactersQueryOptions,
  imageQueryOptions,
  imagesQueryOptions,
  filesQueryOptions,
  schedulerQueryOptions,
  schedulerAvailableQueryOptions,
  agentJobsQueryOptions,
  agentJobQueryOptions,
  musicStylesQueryOptions,
  musicQueryOptions,
  musicListQueryOptions,
  audioListQueryOptions,
  audioConfigQueryOptions,
  audioVoicesQueryOptions,
  audioQueryOptions,
  speechListQueryOptions,
  voicesQueryOptions,
  speechQueryOptions,
  llmChatsQueryOptions,
  llmChatQueryOptions,
  videosInfiniteQueryOptions,
  agentTemplatesInfiniteQueryOptions,
  charactersInfiniteQueryOptions,
  imagesInfiniteQueryOptions,
  musicListInfiniteQueryOptions,
  audioListInfiniteQueryOptions,
  audioVoicesInfiniteQueryOptions,
  speechListInfiniteQueryOptions,
  voicesInfiniteQueryOptions,
  llmChatsInfiniteQueryOptions,
  type PageParam,
} from '../src/index.js';

declare const c: MiniMaxClient;
const qc = new QueryClient();

describe('read factories × TanStack consumers', () => {
  it('accountsQueryOptions', async () => {
    const o = accountsQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listAccounts'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listAccounts'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listAccounts'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listAccounts'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listAccounts'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listAccounts'> | undefined>();
  });
  it('accountQueryOptions', async () => {
    const o = accountQueryOptions(c, 'acc');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getAccount'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getAccount'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getAccount'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getAccount'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getAccount'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getAccount'> | undefined>();
  });
  it('featuresQueryOptions', async () => {
    const o = featuresQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getFeatures'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getFeatures'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getFeatures'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getFeatures'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getFeatures'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getFeatures'> | undefined>();
  });
  it('videoQueryOptions', async () => {
    const o = videoQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getVideo'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getVideo'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getVideo'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getVideo'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getVideo'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getVideo'> | undefined>();
  });
  it('videosQueryOptions', async () => {
    const o = videosQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listVideos'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listVideos'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listVideos'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listVideos'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listVideos'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listVideos'> | undefined>();
  });
  it('agentTemplatesQueryOptions', async () => {
    const o = agentTemplatesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listAgentTemplates'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listAgentTemplates'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listAgentTemplates'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listAgentTemplates'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listAgentTemplates'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listAgentTemplates'> | undefined>();
  });
  it('charactersQueryOptions', async () => {
    const o = charactersQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listCharacters'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listCharacters'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listCharacters'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listCharacters'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listCharacters'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listCharacters'> | undefined>();
  });
  it('imageQueryOptions', async () => {
    const o = imageQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getImage'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getImage'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getImage'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getImage'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getImage'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getImage'> | undefined>();
  });
  it('imagesQueryOptions', async () => {
    const o = imagesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listImages'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listImages'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listImages'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listImages'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listImages'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listImages'> | undefined>();
  });
  it('filesQueryOptions', async () => {
    const o = filesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listFiles'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listFiles'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listFiles'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listFiles'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listFiles'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listFiles'> | undefined>();
  });
  it('schedulerQueryOptions', async () => {
    const o = schedulerQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listScheduledJobs'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listScheduledJobs'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listScheduledJobs'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listScheduledJobs'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listScheduledJobs'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listScheduledJobs'> | undefined>();
  });
  it('schedulerAvailableQueryOptions', async () => {
    const o = schedulerAvailableQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getSchedulerAvailable'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getSchedulerAvailable'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getSchedulerAvailable'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getSchedulerAvailable'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getSchedulerAvailable'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getSchedulerAvailable'> | undefined>();
  });
  it('agentJobsQueryOptions', async () => {
    const o = agentJobsQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listAgentJobs'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listAgentJobs'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listAgentJobs'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listAgentJobs'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listAgentJobs'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listAgentJobs'> | undefined>();
  });
  it('agentJobQueryOptions', async () => {
    const o = agentJobQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getAgentJob'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getAgentJob'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getAgentJob'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getAgentJob'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getAgentJob'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getAgentJob'> | undefined>();
  });
  it('musicStylesQueryOptions', async () => {
    const o = musicStylesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listMusicStyles'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listMusicStyles'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listMusicStyles'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listMusicStyles'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listMusicStyles'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listMusicStyles'> | undefined>();
  });
  it('musicQueryOptions', async () => {
    const o = musicQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getMusic'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getMusic'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getMusic'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getMusic'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getMusic'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getMusic'> | undefined>();
  });
  it('musicListQueryOptions', async () => {
    const o = musicListQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listMusic'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listMusic'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listMusic'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listMusic'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listMusic'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listMusic'> | undefined>();
  });
  it('audioListQueryOptions', async () => {
    const o = audioListQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listAudio'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listAudio'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listAudio'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listAudio'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listAudio'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listAudio'> | undefined>();
  });
  it('audioConfigQueryOptions', async () => {
    const o = audioConfigQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getAudioConfig'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getAudioConfig'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getAudioConfig'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getAudioConfig'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getAudioConfig'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getAudioConfig'> | undefined>();
  });
  it('audioVoicesQueryOptions', async () => {
    const o = audioVoicesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listAudioVoices'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listAudioVoices'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listAudioVoices'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listAudioVoices'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listAudioVoices'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listAudioVoices'> | undefined>();
  });
  it('audioQueryOptions', async () => {
    const o = audioQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getAudio'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getAudio'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getAudio'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getAudio'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getAudio'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getAudio'> | undefined>();
  });
  it('speechListQueryOptions', async () => {
    const o = speechListQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listSpeech'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listSpeech'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listSpeech'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listSpeech'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listSpeech'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listSpeech'> | undefined>();
  });
  it('voicesQueryOptions', async () => {
    const o = voicesQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listSpeechVoices'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listSpeechVoices'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listSpeechVoices'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listSpeechVoices'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listSpeechVoices'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listSpeechVoices'> | undefined>();
  });
  it('speechQueryOptions', async () => {
    const o = speechQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getSpeech'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getSpeech'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getSpeech'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getSpeech'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getSpeech'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getSpeech'> | undefined>();
  });
  it('llmChatsQueryOptions', async () => {
    const o = llmChatsQueryOptions(c);
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'listLlmChats'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'listLlmChats'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'listLlmChats'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'listLlmChats'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'listLlmChats'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'listLlmChats'> | undefined>();
  });
  it('llmChatQueryOptions', async () => {
    const o = llmChatQueryOptions(c, 'id');
    expectTypeOf(useQuery(o).data).toEqualTypeOf<Output<'getLlmChat'> | undefined>();
    expectTypeOf(useQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(useSuspenseQuery(o).data).toEqualTypeOf<Output<'getLlmChat'>>();
    expectTypeOf(useQueries({ queries: [o] })[0].data).toEqualTypeOf<Output<'getLlmChat'> | undefined>();
    expectTypeOf(await qc.prefetchQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.ensureQueryData(o)).toEqualTypeOf<Output<'getLlmChat'>>();
    expectTypeOf(await qc.fetchQuery(o)).toEqualTypeOf<Output<'getLlmChat'>>();
    expectTypeOf(qc.getQueryData(o.queryKey)).toEqualTypeOf<Output<'getLlmChat'> | undefined>();
  });
});

describe('infinite factories × TanStack consumers', () => {
  it('videosInfiniteQueryOptions', async () => {
    const o = videosInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listVideos'>, PageParam<'listVideos'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listVideos'>, PageParam<'listVideos'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listVideos'>, PageParam<'listVideos'>>>();
  });
  it('agentTemplatesInfiniteQueryOptions', async () => {
    const o = agentTemplatesInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAgentTemplates'>, PageParam<'listAgentTemplates'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAgentTemplates'>, PageParam<'listAgentTemplates'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listAgentTemplates'>, PageParam<'listAgentTemplates'>>>();
  });
  it('charactersInfiniteQueryOptions', async () => {
    const o = charactersInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listCharacters'>, PageParam<'listCharacters'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listCharacters'>, PageParam<'listCharacters'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listCharacters'>, PageParam<'listCharacters'>>>();
  });
  it('imagesInfiniteQueryOptions', async () => {
    const o = imagesInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listImages'>, PageParam<'listImages'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listImages'>, PageParam<'listImages'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listImages'>, PageParam<'listImages'>>>();
  });
  it('musicListInfiniteQueryOptions', async () => {
    const o = musicListInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listMusic'>, PageParam<'listMusic'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listMusic'>, PageParam<'listMusic'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listMusic'>, PageParam<'listMusic'>>>();
  });
  it('audioListInfiniteQueryOptions', async () => {
    const o = audioListInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAudio'>, PageParam<'listAudio'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAudio'>, PageParam<'listAudio'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listAudio'>, PageParam<'listAudio'>>>();
  });
  it('audioVoicesInfiniteQueryOptions', async () => {
    const o = audioVoicesInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAudioVoices'>, PageParam<'listAudioVoices'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listAudioVoices'>, PageParam<'listAudioVoices'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listAudioVoices'>, PageParam<'listAudioVoices'>>>();
  });
  it('speechListInfiniteQueryOptions', async () => {
    const o = speechListInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listSpeech'>, PageParam<'listSpeech'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listSpeech'>, PageParam<'listSpeech'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listSpeech'>, PageParam<'listSpeech'>>>();
  });
  it('voicesInfiniteQueryOptions', async () => {
    const o = voicesInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listSpeechVoices'>, PageParam<'listSpeechVoices'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listSpeechVoices'>, PageParam<'listSpeechVoices'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listSpeechVoices'>, PageParam<'listSpeechVoices'>>>();
  });
  it('llmChatsInfiniteQueryOptions', async () => {
    const o = llmChatsInfiniteQueryOptions(c);
    expectTypeOf(useInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listLlmChats'>, PageParam<'listLlmChats'>> | undefined>();
    expectTypeOf(useSuspenseInfiniteQuery(o).data).toEqualTypeOf<InfiniteData<Output<'listLlmChats'>, PageParam<'listLlmChats'>>>();
    expectTypeOf(useSuspenseInfiniteQuery(o).error).toEqualTypeOf<MiniMaxError | null>();
    expectTypeOf(await qc.prefetchInfiniteQuery(o)).toEqualTypeOf<void>();
    expectTypeOf(await qc.fetchInfiniteQuery(o)).toEqualTypeOf<InfiniteData<Output<'listLlmChats'>, PageParam<'listLlmChats'>>>();
  });
});

describe('skipped factories', () => {
  it('go to useQuery, useQueries and the QueryClient, never to a suspense hook', async () => {
    const id: string | typeof skipToken = Math.random() > 0.5 ? 'id' : skipToken;
    const song = musicQueryOptions(c, id);
    expectTypeOf(useQuery(song).data).toEqualTypeOf<Output<'getMusic'> | undefined>();
    expectTypeOf(useQueries({ queries: [song] })[0].data).toEqualTypeOf<Output<'getMusic'> | undefined>();
    await qc.prefetchQuery(song);
    // @ts-expect-error a skippable factory (queryFn may be skipToken) cannot suspend
    useSuspenseQuery(song);
    // @ts-expect-error nor a skipped list
    useSuspenseQuery(videosQueryOptions(c, skipToken));
    // @ts-expect-error nor a skipped infinite list
    useSuspenseInfiniteQuery(videosInfiniteQueryOptions(c, skipToken));
    expectTypeOf(useInfiniteQuery(videosInfiniteQueryOptions(c, skipToken)).data).toEqualTypeOf<InfiniteData<Output<'listVideos'>, PageParam<'listVideos'>> | undefined>();
    // A real id (and no input, or a real input) gives a query function, so it can suspend.
    expectTypeOf(useSuspenseQuery(llmChatQueryOptions(c, 'chat', {})).data).toEqualTypeOf<Output<'getLlmChat'>>();
    expectTypeOf(useSuspenseQuery(videosQueryOptions(c, {})).data).toEqualTypeOf<Output<'listVideos'>>();
  });
});
