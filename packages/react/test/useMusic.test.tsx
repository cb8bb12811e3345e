// useMusic: the polling rules of every job hook, on the mock's manual clock (songs take 10 s of mock time;
// music polls every 5 s by default). Request counts come from the mock's journal.
import { skipToken } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import {
  AccountOnHoldError,
  JobModeratedError,
  JobTimeoutError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  describeJob,
  type MiniMaxError,
  type Snapshot,
} from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it, vi } from 'vitest';
import { miniMaxKeys, useMusic, type JobCallbacks } from '../src/index.js';
import { flush, renderIn, renderWith, setup, tick, until, useMswServer, type TestEnv } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.music.intervalMs;

async function newSong(env: TestEnv, prompt = 'Upbeat synth-pop about a road trip'): Promise<string> {
  const { musicId } = await env.client.music.create({ prompt });
  env.mock.clearRequests();
  return musicId;
}

function Song({ id, callbacks }: { id: string; callbacks?: JobCallbacks<'music'> }) {
  const { data, error } = useMusic(id, callbacks);
  return <p>{error ? error.name : (data?.statusLabel ?? 'loading')}</p>;
}

describe('useMusic: following a job', () => {
  it('polls a song every interval until it is completed, then stops', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const { result } = renderWith(env, () => useMusic(musicId));
    await until(() => result.current.data !== undefined);
    expect(result.current.data?.musicId).toBe(musicId);
    expect(describeJob('music', result.current.data).final).toBe(false);
    expect(env.calls('getMusic')).toBe(1);
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(2);
    expect(result.current.data?.statusLabel).toBe('processing');
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(3);
    expect(result.current.data).toMatchObject({ status: 2, statusFinal: true });
    expect(result.current.data?.audioURL).toBeTruthy();
    expect(result.current.isSuccess).toBe(true);
    await tick(env, INTERVAL * 20);
    expect(env.calls('getMusic')).toBe(3); // zero requests after the final state
    expect(env.mock.driftErrors).toEqual([]);
  });

  it('a moderated song ends in JobModeratedError (with the final snapshot), not endless loading', async () => {
    const env = setup();
    const musicId = await newSong(env, 'A song about nothing [mock:moderated-final]');
    const { result } = renderWith(env, () => useMusic(musicId));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    await tick(env, INTERVAL);
    expect(result.current.isError).toBe(true);
    expect(result.current.error).toBeInstanceOf(JobModeratedError);
    const error = result.current.error as JobModeratedError<Snapshot<'music'>>;
    expect(error.snapshot?.status).toBe(4);
    expect(error.jobId).toBe(musicId);
    expect(env.calls('getMusic')).toBe(3);
    await tick(env, INTERVAL * 10);
    expect(env.calls('getMusic')).toBe(3);
  });

  it('N components on one id share one query: one request per interval, none after the final state', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const view = renderIn(
      env,
      <>
        {Array.from({ length: 5 }, (_, i) => (
          <Song key={i} id={musicId} />
        ))}
      </>,
    );
    await until(() => !view.container.textContent!.includes('loading'));
    expect(env.calls('getMusic')).toBe(1);
    expect(env.queryClient.getQueryCache().findAll({ queryKey: miniMaxKeys.music.all })).toHaveLength(1);
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(2);
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(3);
    expect(view.container.textContent).toBe('completed'.repeat(5));
    await tick(env, INTERVAL * 10);
    expect(env.calls('getMusic')).toBe(3);
  });

  it('components mounting later join the stream without extra requests (a snapshot is fresh for one interval)', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const first = renderWith(env, () => useMusic(musicId));
    await until(() => first.result.current.data !== undefined);
    await tick(env, INTERVAL / 2, { mockClock: false });
    const second = renderWith(env, () => useMusic(musicId));
    await flush();
    expect(second.result.current.data?.musicId).toBe(musicId);
    expect(env.calls('getMusic')).toBe(1);
    await tick(env, INTERVAL / 2);
    expect(env.calls('getMusic')).toBe(2);
  });

  it('stops polling on unmount', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const view = renderIn(env, <Song id={musicId} />);
    await until(() => env.calls('getMusic') === 1 && !view.container.textContent!.includes('loading'));
    view.unmount();
    await tick(env, INTERVAL * 10);
    expect(env.calls('getMusic')).toBe(1); // zero requests after unmount
  });

  it('stops polling when disabled, and resumes when enabled again', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const { result, rerender } = renderWith(env, ({ enabled }: { enabled: boolean }) => useMusic(musicId, { enabled }), {
      initialProps: { enabled: true },
    });
    await until(() => result.current.data !== undefined);
    rerender({ enabled: false });
    await tick(env, INTERVAL * 3, { mockClock: false });
    expect(env.calls('getMusic')).toBe(1);
    rerender({ enabled: true });
    await flush();
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBeGreaterThanOrEqual(2);
  });

  it('refetch() after the final state reads once and does not resume polling', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const { result } = renderWith(env, () => useMusic(musicId));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL * 2);
    await tick(env, INTERVAL);
    expect(result.current.data?.statusFinal).toBe(true);
    const before = env.calls('getMusic');
    await act(async () => {
      await result.current.refetch();
    });
    expect(env.calls('getMusic')).toBe(before + 1);
    await tick(env, INTERVAL * 10);
    expect(env.calls('getMusic')).toBe(before + 1);
  });

  it('does not fetch for undefined or skipToken, and starts when the id arrives', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const { result, rerender } = renderWith(env, ({ id }: { id: string | typeof skipToken | undefined }) => useMusic(id), {
      initialProps: { id: undefined as string | typeof skipToken | undefined },
    });
    await tick(env, INTERVAL * 2, { mockClock: false });
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.isPending).toBe(true);
    rerender({ id: skipToken });
    await tick(env, INTERVAL, { mockClock: false });
    expect(env.calls('getMusic')).toBe(0);
    rerender({ id: musicId });
    await until(() => result.current.data !== undefined);
    expect(env.calls('getMusic')).toBe(1);
  });
});

describe('useMusic: errors while polling', () => {
  it('backs off ×2 per consecutive transient error, then returns to the interval', async () => {
    const env = setup();
    const musicId = await newSong(env);
    env.mock.scenarios.set('server-error', { operationId: 'getMusic', times: 2 });
    const { result } = renderWith(env, () => useMusic(musicId));
    await until(() => result.current.isError);
    expect(result.current.error).toBeInstanceOf(ServerError);
    expect(env.calls('getMusic')).toBe(1);
    await tick(env, INTERVAL, { mockClock: false });
    expect(env.calls('getMusic')).toBe(1); // not at 5 s: 10 s after one error
    await tick(env, INTERVAL, { mockClock: false });
    expect(env.calls('getMusic')).toBe(2); // fails again: 20 s
    await tick(env, INTERVAL * 3, { mockClock: false });
    expect(env.calls('getMusic')).toBe(2);
    await tick(env, INTERVAL, { mockClock: false });
    expect(env.calls('getMusic')).toBe(3);
    expect(result.current.isSuccess).toBe(true); // the error is cleared by the next snapshot
    await tick(env, INTERVAL, { mockClock: false });
    expect(env.calls('getMusic')).toBe(4); // back to the interval
  });

  it("honours a RateLimitedError's Retry-After when it is longer than the backoff", async () => {
    const env = setup();
    const musicId = await newSong(env);
    env.mock.scenarios.once('rate-limited:60', { operationId: 'getMusic' });
    const { result } = renderWith(env, () => useMusic(musicId));
    await until(() => result.current.isError);
    expect(result.current.error).toBeInstanceOf(RateLimitedError);
    expect((result.current.error as RateLimitedError).retryAfterMs).toBe(60_000);
    await tick(env, 59_000, { mockClock: false });
    expect(env.calls('getMusic')).toBe(1);
    await tick(env, 1_000, { mockClock: false });
    expect(env.calls('getMusic')).toBe(2);
  });

  it('stops on AccountOnHoldError (596) and calls onFailure once', async () => {
    const env = setup();
    const musicId = await newSong(env);
    env.mock.scenarios.once('account-on-hold', { operationId: 'getMusic' });
    const onFailure = vi.fn();
    const { result } = renderWith(env, () => useMusic(musicId, { onFailure }));
    await until(() => result.current.isError);
    expect(result.current.error).toBeInstanceOf(AccountOnHoldError);
    await tick(env, INTERVAL * 20);
    expect(env.calls('getMusic')).toBe(1);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('stops on a non-transient error (404 for an unknown id)', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useMusic('user:12345-minimax:987654321-music:1'));
    await until(() => result.current.isError);
    expect(result.current.error).toBeInstanceOf(NotFoundError);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getMusic')).toBe(1);
  });

  it('maxPollMs: JobTimeoutError at the deadline (without a request); refetch() starts a new watch', async () => {
    const env = setup({ jobMs: 60_000 });
    const musicId = await newSong(env);
    const { result } = renderWith(env, () => useMusic(musicId, { maxPollMs: 12_000 }));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(3);
    await tick(env, 2_000);
    expect(result.current.error).toBeInstanceOf(JobTimeoutError);
    const error = result.current.error as JobTimeoutError<Snapshot<'music'>>;
    expect(error.snapshot?.musicId).toBe(musicId);
    expect(env.calls('getMusic')).toBe(3);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getMusic')).toBe(3);
    // The job is not final: a refetch resumes polling.
    await act(async () => {
      await result.current.refetch();
    });
    expect(env.calls('getMusic')).toBe(4);
    await tick(env, INTERVAL);
    expect(env.calls('getMusic')).toBe(5);
  });
});

describe('useMusic: outcome callbacks', () => {
  it('onSuccess and onSettled fire once per job per hook, with the final snapshot', async () => {
    const env = setup();
    const musicId = await newSong(env);
    const calls: string[] = [];
    const make = (name: string): JobCallbacks<'music'> => ({
      onSuccess: (s) => calls.push(`${name}:success:${s.status}`),
      onFailure: (e) => calls.push(`${name}:failure:${e.name}`),
      onSettled: (s, e) => calls.push(`${name}:settled:${s?.status}:${e}`),
    });
    const view = renderIn(
      env,
      <>
        <Song id={musicId} callbacks={make('a')} />
        <Song id={musicId} callbacks={make('b')} />
      </>,
    );
    await until(() => !view.container.textContent!.includes('loading'));
    await tick(env, INTERVAL);
    await tick(env, INTERVAL);
    await tick(env, INTERVAL * 3);
    view.rerender(
      <>
        <Song id={musicId} callbacks={make('a')} />
        <Song id={musicId} callbacks={make('b')} />
      </>,
    );
    await flush();
    expect(calls.sort()).toEqual(['a:settled:2:null', 'a:success:2', 'b:settled:2:null', 'b:success:2']);
  });

  it('onFailure gets the typed error of a moderated job', async () => {
    const env = setup();
    const musicId = await newSong(env, 'Forbidden song [mock:moderated-final]');
    const errors: MiniMaxError[] = [];
    const { result } = renderWith(env, () => useMusic(musicId, { onFailure: (e) => errors.push(e) }));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL * 2);
    await tick(env, INTERVAL);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(JobModeratedError);
  });
});
