// useSpeech: speech polls every 3 s; only statusLabel/statusFinal carry meaning.
import { JobFailedError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useSpeech } from '../src/index.js';
import { renderWith, setup, tick, until, useMswServer, type TestEnv } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.speech.intervalMs;

async function newClip(env: TestEnv, text: string): Promise<string> {
  const voices = await env.client.speech.voices();
  const voice = voices.voice_list?.[0]?.voice_id ?? '308172940561327';
  const { audioId } = await env.client.speech.create({ text, voice_id: voice });
  env.mock.clearRequests();
  return audioId!;
}

describe('useSpeech', () => {
  it('follows a clip to completed at 3 s intervals', async () => {
    const env = setup();
    const audioId = await newClip(env, 'Hello from the mock.');
    const { result } = renderWith(env, () => useSpeech(audioId));
    await until(() => result.current.data !== undefined);
    for (let i = 0; i < 4; i++) await tick(env, INTERVAL);
    expect(result.current.data?.statusFinal).toBe(true);
    const calls = env.calls('getSpeech');
    expect(calls).toBe(5); // 0, 3, 6, 9, 12 s: final at 10 s of a 10 s job
    await tick(env, INTERVAL * 10);
    expect(env.calls('getSpeech')).toBe(calls);
  });

  it('a failed clip surfaces JobFailedError', async () => {
    const env = setup();
    const audioId = await newClip(env, 'This will fail [mock:failed]');
    const { result } = renderWith(env, () => useSpeech(audioId));
    await until(() => result.current.data !== undefined);
    for (let i = 0; i < 4; i++) await tick(env, INTERVAL);
    expect(result.current.error).toBeInstanceOf(JobFailedError);
  });
});
