// Final means final: finished jobs are not fetched again by focus, remount or reconnect; after JobTimeoutError
// nothing restarts without an explicit call (issue #12).
import { act } from '@testing-library/react';
import { focusManager, onlineManager } from '@tanstack/react-query';
import { JobTimeoutError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { useMusic } from '../src/index.js';
import { flush, renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();
afterEach(() => {
  focusManager.setFocused(undefined);
  onlineManager.setOnline(true);
});

const INTERVAL = jobKinds.music.intervalMs;

async function toggleFocus(times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));
    await flush(2);
  }
}

describe('final means final', () => {
  it('10 finished songs on screen, 20 focus changes, remounts and reconnects: 0 GETs; refetch() still reads', async () => {
    const env = setup();
    const creating = Promise.all(Array.from({ length: 10 }, (_, i) => env.client.music.create({ prompt: `Song ${i}`, stream: false })));
    await flush();
    const ids = (await creating).map((song) => song.musicId);
    env.mock.clock.advance(60_000);
    const view = renderWith(env, () => ids.map((id) => useMusic(id)));
    await until(() => view.result.current.every((q) => q.data?.status === 2));
    // Long past every snapshot's freshness.
    await tick(env, INTERVAL * 4);
    const before = env.calls('getMusic');
    expect(before).toBe(10);
    await toggleFocus(20);
    await tick(env, INTERVAL * 2);
    view.unmount();
    const again = renderWith(env, () => ids.map((id) => useMusic(id)));
    await flush();
    act(() => onlineManager.setOnline(false));
    act(() => onlineManager.setOnline(true));
    await flush();
    await toggleFocus(5);
    expect(env.calls('getMusic') - before).toBe(0);
    await act(async () => {
      await again.result.current[0]?.refetch();
    });
    expect(env.calls('getMusic') - before).toBe(1);
  });

  it('after JobTimeoutError, focus and remount do not restart polling; refetch() does', async () => {
    const env = setup({ jobMs: 10_000_000 });
    const creating = env.client.music.create({ prompt: 'Forever', stream: false });
    await flush();
    const { musicId } = await creating;
    const view = renderWith(env, () => useMusic(musicId, { maxPollMs: INTERVAL * 3 }));
    for (let i = 0; i < 5 && !(view.result.current.error instanceof JobTimeoutError); i++) await tick(env, INTERVAL);
    expect(view.result.current.error).toBeInstanceOf(JobTimeoutError);
    const before = env.calls('getMusic');
    await tick(env, INTERVAL * 2);
    await toggleFocus(5);
    view.unmount();
    const again = renderWith(env, () => useMusic(musicId, { maxPollMs: INTERVAL * 3 }));
    await tick(env, INTERVAL * 3);
    expect(env.calls('getMusic') - before).toBe(0);
    await act(async () => {
      await again.result.current.refetch();
    });
    expect(env.calls('getMusic') - before).toBe(1);
  });
});
