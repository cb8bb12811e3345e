// useImage: images created together are followed one query per id.
import { JobModeratedError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useImage } from '../src/index.js';
import { renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.image.intervalMs;

describe('useImage', () => {
  it('follows each image of a batch to completed', async () => {
    const env = setup();
    const { imageIds } = await env.client.images.create({ prompt: 'A lighthouse in a storm', quantity: 2 });
    env.mock.clearRequests();
    expect(imageIds).toHaveLength(2);
    const { result } = renderWith(env, () => [useImage(imageIds![0]), useImage(imageIds![1])]);
    await until(() => result.current.every((q) => q.data !== undefined));
    expect(env.calls('getImage')).toBe(2);
    await tick(env, INTERVAL);
    expect(result.current.map((q) => q.data?.status)).toEqual([2, 2]);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getImage')).toBe(4);
  });

  it('a moderated image surfaces JobModeratedError', async () => {
    const env = setup();
    const { imageIds } = await env.client.images.create({ prompt: 'Something else [mock:moderated-final:7]' });
    const { result } = renderWith(env, () => useImage(imageIds![0]));
    await until(() => result.current.data !== undefined);
    await tick(env, INTERVAL);
    expect(result.current.error).toBeInstanceOf(JobModeratedError);
  });
});
