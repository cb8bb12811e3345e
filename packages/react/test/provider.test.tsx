// MiniMaxProvider gives the hooks a client; the QueryClient is the app's own.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { MiniMaxError, createMiniMaxCore } from '@useapi-minimax/client';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { MiniMaxProvider, miniMaxKeys, useAccounts, useMiniMaxClient } from '../src/index.js';
import { MOCK_TOKEN } from '@useapi-minimax/mock-server';
import { setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('MiniMaxProvider', () => {
  it('useMiniMaxClient returns the provided client', () => {
    const env = setup();
    const { result } = renderHook(() => useMiniMaxClient(), { wrapper: env.wrapper });
    expect(result.current).toBe(env.client);
  });

  it('useMiniMaxClient throws a MiniMaxError without a provider', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useMiniMaxClient())).toThrow(MiniMaxError);
    quiet.mockRestore();
  });

  it("works inside the app's own QueryClientProvider: the hooks use the app's cache", async () => {
    const env = setup();
    const appClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={appClient}>
        <MiniMaxProvider client={env.client}>{children}</MiniMaxProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useAccounts(), { wrapper });
    await until(() => result.current.isSuccess);
    expect(appClient.getQueryData(miniMaxKeys.accounts.listAccounts())).toEqual(result.current.data);
    expect(env.queryClient.getQueryData(miniMaxKeys.accounts.listAccounts())).toBeUndefined();
  });

  it('a QueryClient can also be passed per hook', async () => {
    const env = setup();
    const other = new QueryClient();
    const { result } = renderHook(() => useAccounts(undefined, other), { wrapper: env.wrapper });
    await until(() => result.current.isSuccess);
    expect(other.getQueryData(miniMaxKeys.accounts.listAccounts())).toBeDefined();
    expect(env.queryClient.getQueryData(miniMaxKeys.accounts.listAccounts())).toBeUndefined();
  });

  it('takes a bare core (createMiniMaxCore): the hooks call the per-operation functions on it', async () => {
    const env = setup();
    const core = createMiniMaxCore({ token: MOCK_TOKEN, logLevel: 'silent', maxRetries: 0 });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={env.queryClient}>
        <MiniMaxProvider client={core}>{children}</MiniMaxProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useAccounts(), { wrapper });
    await until(() => result.current.isSuccess);
    expect(env.calls('listAccounts')).toBe(1);
    expect(env.queryClient.getQueryData(miniMaxKeys.accounts.listAccounts())).toEqual(result.current.data);
  });
});
