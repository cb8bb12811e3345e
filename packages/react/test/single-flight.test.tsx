// Single-flight creates: a double-click or a StrictMode double effect sends one create (issue #12).
import { act, renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useAgent, useCreateMusic, useCreateVideo, useGenerateMusic } from '../src/index.js';
import { flush, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('single-flight creates', () => {
  it('two submits of a flow in one task send one create; both submitAsync calls get the same promise', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    let first: Promise<unknown> | undefined;
    let second: Promise<unknown> | undefined;
    act(() => {
      result.current.submit({ prompt: 'Double click' });
      result.current.submit({ prompt: 'Double click' });
    });
    act(() => {
      first = result.current.submitAsync({ prompt: 'Again' });
      second = result.current.submitAsync({ prompt: 'Again' });
    });
    expect(first).toBe(second);
    await until(() => result.current.jobId !== undefined);
    await flush();
    expect(env.calls('createMusic')).toBe(1);
  });

  it('a new submit after the outcome is known starts a new job', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useAgent());
    act(() => result.current.submit({ prompt: 'One', models: ['hailuo-2.3'] }));
    await until(() => result.current.jobId !== undefined);
    const firstId = result.current.jobId;
    act(() => result.current.submit({ prompt: 'Two', models: ['hailuo-2.3'] }));
    await until(() => env.calls('runAgent') === 2 && result.current.jobId !== undefined);
    expect(result.current.jobId).not.toBe(firstId);
    expect(env.calls('runAgent')).toBe(2);
  });

  it('a create fired from an effect under StrictMode is sent once', async () => {
    const env = setup();
    let fired = 0;
    const { result } = renderHook(
      () => {
        const flow = useGenerateMusic();
        const { submit } = flow;
        useEffect(() => {
          fired += 1;
          submit({ prompt: 'From an effect' });
        }, [submit]);
        return flow;
      },
      { wrapper: env.wrapper, reactStrictMode: true },
    );
    await until(() => result.current.jobId !== undefined);
    await flush();
    expect(fired).toBe(2);
    expect(env.calls('createMusic')).toBe(1);
  });

  it('every create mutation hook is single-flight; deletes are not', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ video: useCreateVideo(), music: useCreateMusic() }));
    let a: Promise<unknown> | undefined;
    let b: Promise<unknown> | undefined;
    act(() => {
      result.current.video.mutate({ prompt: 'A cat' } as never);
      result.current.video.mutate({ prompt: 'A cat' } as never);
      a = result.current.music.mutateAsync({ prompt: 'A song' });
      b = result.current.music.mutateAsync({ prompt: 'A song' });
    });
    expect(a).toBe(b);
    await a;
    await until(() => result.current.video.isSuccess || result.current.video.isError);
    expect(env.calls('createVideo')).toBe(1);
    expect(env.calls('createMusic')).toBe(1);
  });
});
