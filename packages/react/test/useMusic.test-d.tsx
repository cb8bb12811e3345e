// useMusic (and every job hook): snapshot data, typed errors, polling options and outcome callbacks.
import { QueryClient, skipToken, type UseQueryResult } from '@tanstack/react-query';
import type { JobModeratedError, MiniMaxError, Output, Snapshot } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import { miniMaxKeys, musicQueryOptions, useMusic } from '../src/index.js';

describe('useMusic types', () => {
  it('data is the snapshot, error a MiniMaxError', () => {
    const q = useMusic('id');
    expectTypeOf(q).toEqualTypeOf<UseQueryResult<Output<'getMusic'>, MiniMaxError>>();
    expectTypeOf(q.data).toEqualTypeOf<Snapshot<'music'> | undefined>();
    expectTypeOf(q.error).toEqualTypeOf<MiniMaxError | null>();
    if (q.error instanceof Error && 'snapshot' in q.error) expectTypeOf(q.error).toMatchTypeOf<MiniMaxError>();
  });

  it('accepts an id, undefined, null or skipToken', () => {
    useMusic(undefined);
    useMusic(null);
    useMusic(skipToken);
    // @ts-expect-error ids are strings
    useMusic(42);
  });

  it('polling options, callbacks and TanStack options; refetchInterval belongs to the hook', () => {
    const q = useMusic('id', {
      pollIntervalMs: 2_000,
      maxPollMs: 60_000,
      maxBackoffMs: 30_000,
      enabled: true,
      select: (s) => s.audioURL,
      onSuccess: (snapshot) => expectTypeOf(snapshot).toEqualTypeOf<Snapshot<'music'>>(),
      onFailure: (error, snapshot) => {
        expectTypeOf(error).toEqualTypeOf<MiniMaxError>();
        expectTypeOf(snapshot).toEqualTypeOf<Snapshot<'music'> | undefined>();
      },
      onSettled: (snapshot, error) => {
        expectTypeOf(snapshot).toEqualTypeOf<Snapshot<'music'> | undefined>();
        expectTypeOf(error).toEqualTypeOf<MiniMaxError | null>();
      },
    });
    expectTypeOf(q.data).toEqualTypeOf<string | undefined>();
    // @ts-expect-error the hook polls by itself
    useMusic('id', { refetchInterval: 1000 });
    // @ts-expect-error pollIntervalMs is a number
    useMusic('id', { pollIntervalMs: '5s' });
    useMusic('id', undefined, new QueryClient());
  });

  it('the key and the factory are typed for getQueryData', () => {
    const client = new QueryClient();
    expectTypeOf(client.getQueryData(miniMaxKeys.music.getMusic('id'))).toEqualTypeOf<Snapshot<'music'> | undefined>();
    expectTypeOf(client.getQueryData(musicQueryOptions({} as never, 'id').queryKey)).toEqualTypeOf<Snapshot<'music'> | undefined>();
  });

  it('job errors carry the snapshot type', () => {
    expectTypeOf<JobModeratedError<Snapshot<'music'>>['snapshot']>().toEqualTypeOf<Snapshot<'music'> | undefined>();
  });
});
