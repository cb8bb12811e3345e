// Every job hook, table-style: the snapshot of its kind, typed errors, suspense variants.
import type { UseQueryResult, UseSuspenseQueryResult } from '@tanstack/react-query';
import type { MiniMaxError, Snapshot } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  useAgentJob,
  useImage,
  useMusic,
  useSpeech,
  useSuspenseAgentJob,
  useSuspenseImage,
  useSuspenseMusic,
  useSuspenseSpeech,
  useSuspenseVideo,
  useVideo,
} from '../src/index.js';

describe('job hooks', () => {
  it('data is the snapshot of the kind', () => {
    expectTypeOf(useMusic('id')).toEqualTypeOf<UseQueryResult<Snapshot<'music'>, MiniMaxError>>();
    expectTypeOf(useVideo('id')).toEqualTypeOf<UseQueryResult<Snapshot<'video'>, MiniMaxError>>();
    expectTypeOf(useImage('id')).toEqualTypeOf<UseQueryResult<Snapshot<'image'>, MiniMaxError>>();
    expectTypeOf(useSpeech('id')).toEqualTypeOf<UseQueryResult<Snapshot<'speech'>, MiniMaxError>>();
    expectTypeOf(useAgentJob('id')).toEqualTypeOf<UseQueryResult<Snapshot<'agent'>, MiniMaxError>>();
  });

  it('suspense variants have defined data', () => {
    expectTypeOf(useSuspenseMusic('id')).toEqualTypeOf<UseSuspenseQueryResult<Snapshot<'music'>, MiniMaxError>>();
    expectTypeOf(useSuspenseVideo('id')).toEqualTypeOf<UseSuspenseQueryResult<Snapshot<'video'>, MiniMaxError>>();
    expectTypeOf(useSuspenseImage('id')).toEqualTypeOf<UseSuspenseQueryResult<Snapshot<'image'>, MiniMaxError>>();
    expectTypeOf(useSuspenseSpeech('id')).toEqualTypeOf<UseSuspenseQueryResult<Snapshot<'speech'>, MiniMaxError>>();
    expectTypeOf(useSuspenseAgentJob('id')).toEqualTypeOf<UseSuspenseQueryResult<Snapshot<'agent'>, MiniMaxError>>();
  });

  it('callbacks get the snapshot of their own kind', () => {
    useVideo('id', { onSuccess: (video) => expectTypeOf(video.videoURL).toEqualTypeOf<string | undefined>() });
    useAgentJob('id', { onSuccess: (job) => expectTypeOf(job).toEqualTypeOf<Snapshot<'agent'>>() });
    // @ts-expect-error a music snapshot has no videoURL
    useMusic('id', { onSuccess: (song) => song.videoURL });
  });
});
