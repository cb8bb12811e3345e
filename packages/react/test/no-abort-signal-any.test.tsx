// The hooks run where `AbortSignal.any` and `AbortSignal.timeout` do not exist (Safari < 17.4, React Native, older
// webviews): a flow to its final state, a list and an infinite list, with both deleted (restored afterwards).
import { act } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGenerateMusic, useMusicList, useMusicListInfinite } from '../src/index.js';
import { finishSong, renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

const saved = {
  any: Object.getOwnPropertyDescriptor(AbortSignal, 'any'),
  timeout: Object.getOwnPropertyDescriptor(AbortSignal, 'timeout'),
};
beforeAll(() => {
  delete (AbortSignal as { any?: unknown }).any;
  delete (AbortSignal as { timeout?: unknown }).timeout;
});
afterAll(() => {
  if (saved.any) Object.defineProperty(AbortSignal, 'any', saved.any);
  if (saved.timeout) Object.defineProperty(AbortSignal, 'timeout', saved.timeout);
});

describe('without AbortSignal.any and AbortSignal.timeout', () => {
  it('they are really gone', () => {
    expect('any' in AbortSignal).toBe(false);
    expect('timeout' in AbortSignal).toBe(false);
  });

  it('a flow runs to succeeded', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ prompt: 'Old Safari' }));
    await until(() => result.current.status === 'running');
    await finishSong(env, () => result.current.status === 'succeeded');
    expect(result.current.error).toBeNull();
    expect(result.current.job?.audioURL).toBeTruthy();
    expect(env.calls('createMusic')).toBe(1);
  });

  it('a list and an infinite list load (no raw TypeError)', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ list: useMusicList(), pages: useMusicListInfinite({ limit: 2 }) }));
    await until(() => result.current.list.isFetched && result.current.pages.isFetched);
    expect(result.current.list.error).toBeNull();
    expect(result.current.list.data).toHaveLength(3);
    expect(result.current.pages.error).toBeNull();
    act(() => void result.current.pages.fetchNextPage());
    await until(() => result.current.pages.data?.pages.length === 2);
    expect(result.current.pages.data?.pages.flat()).toHaveLength(3);
  });
});
