// Issue #12 point 7: a skipped query never shares the cache entry of "no input".
import { skipToken } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { miniMaxKeys, useVideos } from '../src/index.js';
import { renderWith, setup, until, useMswServer } from './helpers.js';

useMswServer();

describe('skipped keys', () => {
  it('useVideos(skipToken) does not show the list of useVideos()', async () => {
    const env = setup();
    const { result } = renderWith(env, () => ({ all: useVideos(), skipped: useVideos(skipToken) }));
    await until(() => result.current.all.isSuccess);
    expect(result.current.skipped.data).toBeUndefined();
    expect(result.current.skipped.status).toBe('pending');
    expect(miniMaxKeys.videos.listVideos(skipToken)).not.toEqual(miniMaxKeys.videos.listVideos());
  });
});
