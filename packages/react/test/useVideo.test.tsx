// useVideo: a video followed to completed, failed, and removed after moderation (404 → JobModeratedError).
import { act } from '@testing-library/react';
import { JobFailedError, JobModeratedError, type Snapshot } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useVideo } from '../src/index.js';
import { flush, renderWith, setup, tick, until, useMswServer, type TestEnv } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.video.intervalMs;

async function newVideo(env: TestEnv, prompt = 'A corgi surfing a wave at sunset'): Promise<string> {
  const { videoId } = await env.client.videos.create({ prompt, model: 'T2V-2.3', options: '768p-6sec' });
  env.mock.clearRequests();
  return videoId;
}

describe('useVideo', () => {
  it('follows a video to completed (10 s polls by default) and stops', async () => {
    const env = setup();
    const videoId = await newVideo(env);
    const { result } = renderWith(env, () => useVideo(videoId));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    expect(result.current.data?.statusFinal).toBe(true);
    expect(result.current.data?.videoURL).toBeTruthy();
    expect(env.calls('getVideo')).toBe(2);
    await tick(env, INTERVAL * 10);
    expect(env.calls('getVideo')).toBe(2);
  });

  it('a failed video surfaces JobFailedError', async () => {
    const env = setup();
    const videoId = await newVideo(env, 'A doomed render [mock:failed]');
    const { result } = renderWith(env, () => useVideo(videoId));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    expect(result.current.error).toBeInstanceOf(JobFailedError);
    expect((result.current.error as JobFailedError<Snapshot<'video'>>).snapshot?.status).toBe(3);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getVideo')).toBe(2);
  });

  it('a completed video that starts answering 404 was moderated and removed: JobModeratedError on refetch', async () => {
    const env = setup();
    const videoId = await newVideo(env, 'Borderline content [mock:moderated-after]');
    const { result } = renderWith(env, () => useVideo(videoId));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    expect(result.current.data?.status).toBe(2);
    await tick(env, INTERVAL * 2);
    expect(env.calls('getVideo')).toBe(2);
    await act(async () => {
      await result.current.refetch();
    });
    await flush();
    expect(env.calls('getVideo')).toBe(3);
    expect(result.current.error).toBeInstanceOf(JobModeratedError);
    expect((result.current.error as JobModeratedError).message).toMatch(/404/);
  });
});
