// The hooks run on a bare core (`createMiniMaxCore`): they call the per-operation functions, so an app that passes a
// core bundles only the operations it uses. `useMiniMaxClient()` says clearly that it needs a client.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { MiniMaxError, createMiniMaxCore } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MiniMaxProvider, useGenerateMusic, useMiniMaxClient, useMiniMaxCore, useMusicList } from '../src/index.js';
import { setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

describe('a core in the provider', () => {
  it('a list and a flow to succeeded, on createMiniMaxCore', async () => {
    const env = setup();
    const core = createMiniMaxCore({ token: MOCK_TOKEN, logLevel: 'silent', maxRetries: 0 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={env.queryClient}>
        <MiniMaxProvider client={core}>{children}</MiniMaxProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => ({ list: useMusicList(), flow: useGenerateMusic(), core: useMiniMaxCore() }), { wrapper });
    expect(result.current.core).toBe(core);
    await until(() => result.current.list.isSuccess);
    expect(result.current.list.data).toHaveLength(3);
    act(() => result.current.flow.submit({ prompt: 'On a core' }));
    await until(() => result.current.flow.status === 'running');
    await tick(env, jobKinds.music.intervalMs);
    await tick(env, jobKinds.music.intervalMs);
    await until(() => result.current.flow.status === 'succeeded');
    expect(env.calls('createMusic')).toBe(1);
  });

  it('useMiniMaxClient() throws a MiniMaxError for a bare core', () => {
    const core = createMiniMaxCore({ token: MOCK_TOKEN, logLevel: 'silent' });
    const wrapper = ({ children }: { children: ReactNode }) => <MiniMaxProvider client={core}>{children}</MiniMaxProvider>;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useMiniMaxClient(), { wrapper })).toThrow(MiniMaxError);
    quiet.mockRestore();
  });
});
