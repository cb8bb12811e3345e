// Plain read hooks: data, select, skipToken, TanStack options, and typed errors.
import { skipToken } from '@tanstack/react-query';
import { BadRequestError, MiniMaxError, NotFoundError, UnauthorizedError } from '@useapi-minimax/client';
import { describe, expect, it } from 'vitest';
import {
  useAccount,
  useAccounts,
  useAgentJobs,
  useFeatures,
  useLlmChat,
  useMusicList,
  useScheduler,
  useSchedulerAvailable,
  useVoices,
} from '../src/index.js';
import { flush, renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

describe('read hooks', () => {
  it('read the mock through the client: accounts, features, voices, scheduler, agent jobs', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({
      accounts: useAccounts(),
      account: useAccount('987654321'),
      features: useFeatures(),
      voices: useVoices({ page_size: 5 }),
      scheduler: useScheduler(),
      available: useSchedulerAvailable(),
      agentJobs: useAgentJobs(),
    }));
    await until(() => Object.values(result.current).every((q) => q.isSuccess));
    expect(Object.keys(result.current.accounts.data!)).toEqual(['987654321']);
    expect(result.current.account.data?.account).toBe('987654321');
    expect(result.current.features.data?.totalCredits).toBeTypeOf('number');
    expect(result.current.voices.data?.voice_list?.length).toBeLessThanOrEqual(5);
    expect(Array.isArray(result.current.scheduler.data)).toBe(true);
    expect(result.current.available.data?.available?.[0]?.account).toBe('987654321');
    expect(result.current.agentJobs.data?.accounts).toBeDefined();
    expect(env.mock.driftErrors).toEqual([]);
  });

  it('select and other TanStack options pass through', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useMusicList({ limit: 2 }, { select: (songs) => songs.map((s) => s.title), staleTime: Infinity }));
    await until(() => result.current.data !== undefined);
    expect(result.current.data).toHaveLength(2);
    expect(result.current.data!.every((t) => typeof t === 'string')).toBe(true);
    expect(result.current.isStale).toBe(false);
  });

  it('skipToken or undefined for a required id, skipToken for an input: no request', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ a: useAccount(undefined), b: useAccount(skipToken), c: useMusicList(skipToken), d: useLlmChat(null) }));
    await tick(env, 60_000, { mockClock: false });
    expect(Object.values(result.current).map((q) => q.fetchStatus)).toEqual(['idle', 'idle', 'idle', 'idle']);
    expect(env.mock.requests).toHaveLength(0);
  });

  it('errors surface as the client typed errors (MiniMaxError subclasses)', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ missing: useAccount('123'), chat: useLlmChat('nope') }));
    await until(() => result.current.missing.isError && result.current.chat.isError);
    expect(result.current.missing.error).toBeInstanceOf(MiniMaxError);
    expect(result.current.missing.error).toSatisfy((e) => e instanceof NotFoundError || e instanceof BadRequestError);
    expect(result.current.chat.error).toBeInstanceOf(MiniMaxError);
  });

  it('a 401 is an UnauthorizedError', async () => {
    const env = setup();
    env.mock.scenarios.once('unauthorized');
    const { result } = renderWith(env, () => useAccounts());
    await until(() => result.current.isError);
    expect(result.current.error).toBeInstanceOf(UnauthorizedError);
    await flush();
  });
});
