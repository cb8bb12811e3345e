// useAgentJob: agent jobs are `started` → `completed` / `failed`; an expired job fails after 15 minutes.
import { JobFailedError, type Snapshot } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useAgentJob } from '../src/index.js';
import { renderWith, setup, tick, until, useMswServer, type TestEnv } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.agent.intervalMs;

async function newJob(env: TestEnv, prompt: string): Promise<string> {
  const job = await env.client.agent.run({ prompt, models: ['hailuo-2.3'], async: true });
  env.mock.clearRequests();
  return job.jobId!;
}

describe('useAgentJob', () => {
  it('follows an agent job to completed', async () => {
    const env = setup();
    const jobId = await newJob(env, 'Generate a video of a cat playing piano');
    const { result } = renderWith(env, () => useAgentJob(jobId));
    await until(() => result.current.data !== undefined);
    expect(result.current.data?.status).toBe('started');
    await tick(env, INTERVAL);
    expect(result.current.data?.status).toBe('completed');
    await tick(env, INTERVAL * 5);
    expect(env.calls('getAgentJob')).toBe(2);
  });

  it('an expired agent job (still `started` after 15 minutes) ends in JobFailedError', async () => {
    const env = setup();
    const jobId = await newJob(env, 'A very long task [mock:agent-expired]');
    const { result } = renderWith(env, () => useAgentJob(jobId, { pollIntervalMs: 60_000 }));
    await until(() => result.current.data !== undefined);
    for (let minute = 1; minute <= 14; minute++) {
      await tick(env, 60_000);
      expect(result.current.data?.status).toBe('started');
    }
    await tick(env, 60_000);
    expect(result.current.error).toBeInstanceOf(JobFailedError);
    const error = result.current.error as JobFailedError<Snapshot<'agent'>>;
    expect(error.snapshot?.status).toBe('failed');
    expect(env.calls('getAgentJob')).toBe(16);
    await tick(env, 60_000 * 5);
    expect(env.calls('getAgentJob')).toBe(16);
  });
});
