// Jobs survive a reload (opt-in `persist`): a flow records the job it follows; a remount on a new QueryClient (a
// simulated reload) resumes following it and ends in the real final state, with nothing created twice (the mock's
// journal is the witness). A reload while submitting comes back `unknown` (the replyRef was recorded before the
// request left), and `recover()` finds the job and follows it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { OutcomeUnknownError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MiniMaxProvider, useAgent, useGenerateMusic, type StorageLike } from '../src/index.js';
import { finishSong, flush, setup, tick, until, useMswServer, type TestEnv } from './helpers.js';

useMswServer();


/** A Storage-like fake (sync like localStorage, or async like AsyncStorage) that notes every write. */
function fakeStorage(async = false) {
  const items = new Map<string, string>();
  const writes: { key: string; value: string | null }[] = [];
  const answer = <T,>(value: T) => (async ? Promise.resolve(value) : value);
  const storage = {
    getItem: (key: string) => answer(items.get(key) ?? null),
    setItem: (key: string, value: string) => {
      items.set(key, value);
      writes.push({ key, value });
      return answer(undefined);
    },
    removeItem: (key: string) => {
      items.delete(key);
      writes.push({ key, value: null });
      return answer(undefined);
    },
  } as StorageLike;
  return { storage, items, writes };
}

/** A page load: a new QueryClient and a new render of the hook, on the same mock and storage. */
function load<T>(env: TestEnv, hook: () => T) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MiniMaxProvider client={env.client}>{children}</MiniMaxProvider>
    </QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

describe('persist', () => {
  for (const async of [false, true]) {
    it(`${async ? 'async' : 'sync'} storage: records the followed id; a reload resumes it to succeeded; one create; forgotten once final`, async () => {
      const env = setup();
      const { storage, items } = fakeStorage(async);
      const first = load(env, () => useGenerateMusic({ persist: storage }));
      act(() => first.result.current.submit({ prompt: 'Survives a reload' }));
      await until(() => first.result.current.status === 'running');
      const jobId = first.result.current.jobId!;
      await until(() => items.get('useapi-minimax:music') === JSON.stringify({ jobId }));
      // Reload: the old page is gone; time passes.
      first.unmount();
      env.mock.clock.advance(2_000);
      const second = load(env, () => useGenerateMusic({ persist: storage }));
      await until(() => second.result.current.jobId === jobId);
      expect(second.result.current.status).toBe('running');
      await finishSong(env, () => second.result.current.status === 'succeeded');
      expect(second.result.current.job?.audioURL).toBeTruthy();
      expect(env.calls('createMusic')).toBe(1);
      await until(() => !items.has('useapi-minimax:music'));
      // A third load finds nothing to resume.
      second.unmount();
      const third = load(env, () => useGenerateMusic({ persist: storage }));
      await flush();
      expect(third.result.current.status).toBe('idle');
    });
  }

  it('the replyRef is on record before the create leaves', async () => {
    const env = setup();
    const { storage, writes } = fakeStorage();
    const creates: number[] = [];
    const spy: StorageLike = {
      ...storage,
      setItem: (key, value) => {
        creates.push(env.calls('createMusic'));
        return storage.setItem(key, value);
      },
    };
    const { result } = load(env, () => useGenerateMusic({ persist: spy }));
    act(() => result.current.submit({ title: 'On record', prompt: 'On record' }));
    await until(() => result.current.status === 'running');
    const record = JSON.parse(writes[0]!.value!) as { create: { replyRef: string; operation: string; input: Record<string, unknown> } };
    expect(creates[0]).toBe(0);
    expect(record.create).toMatchObject({ operation: 'createMusic', input: { title: 'On record' } });
    // The replyRef recorded is the one sent; nothing else of the input is kept.
    expect((env.mock.calls('createMusic')[0]!.body as { value: unknown }).value).toMatchObject({ replyRef: record.create.replyRef });
    expect(Object.keys(record.create.input)).toEqual(['title']);
  });

  it('a reload while submitting: unknown (not idle), recover() finds the song, follows it to succeeded; one create', async () => {
    const env = setup();
    const { storage } = fakeStorage();
    const first = load(env, () => useGenerateMusic({ persist: storage }));
    // The page is left while the create is in flight (the mock still creates the song).
    act(() => first.result.current.submit({ title: 'Reloaded mid-create', prompt: 'Reloaded mid-create' }));
    first.unmount();
    await flush();
    expect(env.calls('createMusic')).toBe(1);
    const second = load(env, () => useGenerateMusic({ persist: storage }));
    await until(() => second.result.current.status !== 'idle');
    expect(second.result.current.status).toBe('unknown');
    expect(second.result.current.error).toBeInstanceOf(OutcomeUnknownError);
    await act(async () => {
      const pending = second.result.current.recover();
      await tick(env, 0);
      await pending;
    });
    expect(second.result.current.lookup).toMatchObject({ found: true });
    await until(() => second.result.current.status === 'running');
    await finishSong(env, () => second.result.current.status === 'succeeded');
    expect(env.calls('createMusic')).toBe(1);
  });

  it('useAgent, a reload while submitting: recover() finds the running job by the recorded replyRef', async () => {
    const env = setup();
    const { storage } = fakeStorage();
    const first = load(env, () => useAgent({ persist: storage }));
    act(() => first.result.current.submit({ prompt: 'An ad, reloaded', models: ['hailuo-2.3'] }));
    first.unmount();
    await flush();
    const second = load(env, () => useAgent({ persist: storage }));
    await until(() => second.result.current.status === 'unknown');
    await act(async () => {
      const pending = second.result.current.recover();
      await tick(env, 0);
      await pending;
    });
    expect(second.result.current.lookup).toMatchObject({ found: true, match: 'replyRef' });
    for (let i = 0; i < 10 && second.result.current.status !== 'succeeded'; i++) await tick(env, jobKinds.agent.intervalMs);
    expect(second.result.current.status).toBe('succeeded');
    expect(env.calls('runAgent')).toBe(1);
  });

  it('a create refused before any job existed leaves nothing on record', async () => {
    const env = setup();
    const { storage, items } = fakeStorage();
    const { result } = load(env, () => useGenerateMusic({ persist: storage }));
    act(() => result.current.submit({ prompt: 'Broke [mock:insufficient-credits]' }));
    await until(() => result.current.status === 'failed');
    await flush();
    expect(items.size).toBe(0);
  });
});
