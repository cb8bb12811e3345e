// Flow hooks accept a `queryClient` argument like TanStack's own hooks (issue #12).
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { MiniMaxProvider, miniMaxKeys, useGenerateMusic } from '../src/index.js';
import { setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('flow hooks with an explicit queryClient', () => {
  it('useGenerateMusic(options, queryClient) works without a QueryClientProvider and caches in that client', async () => {
    const env = setup();
    const own = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <MiniMaxProvider client={env.client}>{children}</MiniMaxProvider>;
    const { result } = renderHook(() => useGenerateMusic(undefined, own), { wrapper });
    act(() => result.current.submit({ prompt: 'Own client' }));
    await until(() => result.current.job !== undefined);
    expect(own.getQueryData(miniMaxKeys.music.getMusic(result.current.jobId!))).toBeDefined();
    expect(own.getMutationCache().getAll()).toHaveLength(1);
  });
});
