// Issue #12: single-flight creates, honest flow states, final means final, no retry amplification.
import { QueryClient, QueryClientProvider, focusManager } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { OutcomeUnknownError, RateLimitedError } from '@useapi-minimax/client';
import { StrictMode, useEffect, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MiniMaxProvider, useCreateMusic, useGenerateMusic, useMusic, useVideos } from '../src/index.js';
import { flush, renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

describe('single-flight creates', () => {
  it('a double submit sends one create and both calls get the same promise', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    let a!: Promise<unknown>, b!: Promise<unknown>;
    act(() => {
      a = result.current.submitAsync({ prompt: 'Once' });
      b = result.current.submitAsync({ prompt: 'Once' });
      result.current.submit({ prompt: 'Twice?' });
    });
    expect(a).toBe(b);
    await until(() => result.current.status === 'running');
    expect(env.calls('createMusic')).toBe(1);
  });

  it('a create mutation hook is single-flight too', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useCreateMusic());
    act(() => {
      result.current.mutate({ prompt: 'One' });
      result.current.mutate({ prompt: 'One' });
    });
    await until(() => result.current.isSuccess);
    expect(env.calls('createMusic')).toBe(1);
  });

  it('StrictMode double effects produce one create', async () => {
    const env = setup();
    renderWith(env, () => {
      const flow = useGenerateMusic();
      useEffect(() => flow.submit({ prompt: 'From an effect' }), []); // eslint-disable-line react-hooks/exhaustive-deps
      return flow;
    }, { wrapper: ({ children }: { children: ReactNode }) => <StrictMode>{env.wrapper({ children })}</StrictMode> } as never);
    await flush(20);
    expect(env.calls('createMusic')).toBe(1);
  });
});

describe('honest states', () => {
  it('a 429 create is failed (never running), and submit works again', async () => {
    const env = setup();
    env.mock.scenarios.once('rate-limited', { operationId: 'createMusic' });
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ prompt: 'Busy' }));
    await until(() => result.current.status === 'failed');
    expect(result.current.error).toBeInstanceOf(RateLimitedError);
    expect(result.current.isPolling).toBe(false);
    act(() => result.current.submit({ prompt: 'Again' }));
    await until(() => result.current.status === 'running');
    expect(env.calls('createMusic')).toBe(2);
  });

  it('a 502 after the job was created is unknown; recover() finds the job and follows it', async () => {
    const env = setup();
    env.mock.scenarios.once('bad-gateway', { operationId: 'createMusic' });
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ title: 'Lost answer', prompt: 'Lost answer' }));
    await until(() => result.current.status === 'unknown');
    expect(result.current.error).toBeInstanceOf(OutcomeUnknownError);
    let lookup: { found: boolean } | undefined;
    await act(async () => {
      lookup = await result.current.recover();
    });
    // The lookup creates nothing and finds the song in GET /music (by title, within the time window: the harness
    // starts `Date` at the mock's clock, see test/recover.test.tsx).
    expect(lookup).toMatchObject({ found: true });
    expect(result.current.lookup).toBe(lookup);
    await until(() => result.current.status === 'running');
    expect(env.calls('createMusic')).toBe(1);
  });
});

describe('no retry amplification', () => {
  it("one persistently 503 list costs the client's attempts only, even with TanStack's default retry", async () => {
    const env = setup({}, { maxRetries: 2 });
    env.mock.scenarios.set('service-unavailable', { operationId: 'listVideos' });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <MiniMaxProvider client={env.client}>{children}</MiniMaxProvider>
      </QueryClientProvider>
    );
    const { result } = renderWith({ ...env, wrapper }, () => useVideos());
    for (let i = 0; i < 30 && !result.current.isError; i++) await tick(env, 5_000);
    expect(result.current.isError).toBe(true);
    await tick(env, 60_000);
    expect(env.calls('listVideos')).toBe(3);
  });
});
