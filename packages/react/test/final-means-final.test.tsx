// Issue #12: final means final — a settled job query is never fetched again by focus changes.
import { focusManager } from '@tanstack/react-query';
import { act } from '@testing-library/react';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useMusic } from '../src/index.js';
import { renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();
const INTERVAL = jobKinds.music.intervalMs;

describe('final means final', () => {
  it('10 finished jobs, 20 focus changes: 0 GETs', async () => {
    const env = setup();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await env.client.music.create({ prompt: `Song ${i}` })).musicId!);
    env.mock.clock.advance(60_000);
    renderWith(env, () => ids.map((id) => useMusic(id)));
    await until(() => ids.every((id) => env.queryClient.getQueryData(['useapi-minimax', 'music', 'getMusic', { musicId: id }]) !== undefined));
    for (let i = 0; i < 10; i++) await tick(env, INTERVAL);
    expect(ids.every((id) => (env.queryClient.getQueryData(['useapi-minimax', 'music', 'getMusic', { musicId: id }]) as { status?: number }).status === 2)).toBe(true);
    // Only the GETs of these ten (a job of an earlier test may still be polled by its own QueryClient).
    const gets = () => env.mock.calls('getMusic').filter((c) => ids.some((id) => JSON.stringify(c).includes(id))).length;
    const before = gets();
    for (let i = 0; i < 20; i++) {
      act(() => focusManager.setFocused(i % 2 === 1));
      await tick(env, INTERVAL * 2);
          }
    act(() => focusManager.setFocused(undefined));
    expect(gets() - before).toBe(0);
  });
});

