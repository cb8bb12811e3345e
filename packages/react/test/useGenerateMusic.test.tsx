// useGenerateMusic: submit a song, then follow it to the end.
import { act } from '@testing-library/react';
import { InsufficientCreditsError, JobModeratedError, ModeratedError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it, vi } from 'vitest';
import { miniMaxKeys, useGenerateMusic, type FlowStatus } from '../src/index.js';
import { http } from 'msw';
import { finishSong, flush, renderWith, server, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.music.intervalMs;

describe('useGenerateMusic', () => {
  it('idle → submitting → polling → succeeded, with the snapshot, its state and one create', async () => {
    const env = setup();
    const statuses: FlowStatus[] = [];
    const onSuccess = vi.fn();
    const { result } = renderWith(env, () => {
      const flow = useGenerateMusic({ onSuccess });
      if (statuses.at(-1) !== flow.status) statuses.push(flow.status);
      return flow;
    });
    expect(result.current.status).toBe('idle');
    expect(result.current.isPolling).toBe(false);
    act(() => result.current.submit({ prompt: 'Lo-fi beats to test hooks to' }));
    await until(() => result.current.job !== undefined);
    expect(result.current.status).toBe('running');
    expect(result.current.isPolling).toBe(true);
    expect(result.current.jobId).toBe(result.current.job?.musicId);
    expect(result.current.state?.state).toMatch(/queued|running/);
    await finishSong(env, () => result.current.status === 'succeeded');
    expect(result.current.job?.audioURL).toBeTruthy();
    expect(result.current.error).toBeNull();
    expect(statuses).toEqual(['idle', 'running', 'succeeded']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(env.calls('createMusic')).toBe(1);
    expect(env.calls('getMusic')).toBe(3);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getMusic')).toBe(3);
    expect(env.queryClient.getQueryData(miniMaxKeys.music.getMusic(result.current.jobId!))?.status).toBe(2);
  });

  it('is submitting while the create is in flight', async () => {
    const env = setup();
    // The create is held until the test has seen 'submitting' (no real-time latency to race on a busy machine):
    // this handler runs first, waits for the release, then falls through to the mock's (it returns nothing).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(http.post(/\/music\/create$/, async () => { await held; }));
    const seen: string[] = [];
    const { result } = renderWith(env, () => {
      const flow = useGenerateMusic();
      const state = `${flow.status}${flow.isPolling ? ' (polling)' : ''}`;
      if (seen.at(-1) !== state) seen.push(state);
      return flow;
    });
    act(() => result.current.submit({ prompt: 'A slow start' }));
    await until(() => result.current.status === 'submitting');
    await flush();
    expect(result.current.status).toBe('submitting');
    expect(env.calls('createMusic')).toBe(0);
    release();
    await until(() => result.current.status === 'running', 5_000);
    expect(seen).toEqual(['idle', 'submitting', 'running (polling)']);
    expect(env.calls('createMusic')).toBe(1);
  });

  it('a song moderated while generating: status moderated, JobModeratedError', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ prompt: 'Questionable lyrics [mock:moderated-final]' }));
    await until(() => result.current.job !== undefined);
    await tick(env, INTERVAL * 2);
    await tick(env, INTERVAL);
    expect(result.current.status).toBe('moderated');
    expect(result.current.error).toBeInstanceOf(JobModeratedError);
    expect(result.current.isPolling).toBe(false);
  });

  it('a refused create: moderated prompt (422) or no credits (412), and onFailure once', async () => {
    const env = setup();
    const onFailure = vi.fn();
    const { result } = renderWith(env, () => useGenerateMusic({ onFailure }));
    await act(async () => {
      await result.current.submitAsync({ prompt: 'Bad words [mock:moderated]' }).catch(() => {});
    });
    await flush();
    expect(result.current.status).toBe('moderated');
    expect(result.current.error).toBeInstanceOf(ModeratedError);
    act(() => result.current.submit({ prompt: 'Broke [mock:insufficient-credits]' }));
    await until(() => result.current.status === 'failed');
    expect(result.current.error).toBeInstanceOf(InsufficientCreditsError);
    expect(onFailure).toHaveBeenCalledTimes(2);
    expect(env.calls('getMusic')).toBe(0);
  });

  it('reset() goes back to idle and stops following the job', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ prompt: 'Short song' }));
    await until(() => result.current.job !== undefined);
    act(() => result.current.reset());
    await flush();
    expect(result.current.status).toBe('idle');
    expect(result.current.jobId).toBeUndefined();
    const calls = env.calls('getMusic');
    await tick(env, INTERVAL * 5);
    expect(env.calls('getMusic')).toBe(calls);
  });
});
