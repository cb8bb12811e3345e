// useAgent: run the agent asynchronously (its answer seeds the job query), then follow the job.
import { act } from '@testing-library/react';
import { JobFailedError } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it, vi } from 'vitest';
import { useAgent } from '../src/index.js';
import { renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

const INTERVAL = jobKinds.agent.intervalMs;

describe('useAgent', () => {
  it('submits with async: true, starts from the seeded snapshot (no immediate GET) and follows it to completed', async () => {
    const env = setup();
    const onSettled = vi.fn();
    const { result } = renderWith(env, () => useAgent({ onSettled }));
    act(() => result.current.submit({ prompt: 'A 10 second ad for a bakery', models: ['hailuo-2.3'] }));
    await until(() => result.current.job !== undefined);
    expect(result.current.status).toBe('running');
    expect(result.current.job?.status).toBe('started');
    expect(env.mock.calls('runAgent')[0]?.body).toMatchObject({ kind: 'multipart', fields: { async: true } });
    expect(env.calls('getAgentJob')).toBe(0);
    await tick(env, INTERVAL);
    expect(env.calls('getAgentJob')).toBe(1);
    expect(result.current.status).toBe('succeeded');
    expect(result.current.job?.status).toBe('completed');
    expect(onSettled).toHaveBeenCalledTimes(1);
    await tick(env, INTERVAL * 5);
    expect(env.calls('getAgentJob')).toBe(1);
  });

  it('a failed agent job: status failed, JobFailedError with the final snapshot', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useAgent());
    act(() => result.current.submit({ prompt: 'Impossible task [mock:failed]', models: ['hailuo-2.3'] }));
    await until(() => result.current.job !== undefined);
    await tick(env, INTERVAL);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(JobFailedError);
  });

  it('an expired agent job (15 minutes) ends failed', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useAgent({ pollIntervalMs: 5 * 60_000 }));
    act(() => result.current.submit({ prompt: 'Endless task [mock:agent-expired]', models: ['hailuo-2.3'] }));
    await until(() => result.current.job !== undefined);
    for (let i = 0; i < 3; i++) await tick(env, 5 * 60_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(JobFailedError);
    expect(env.calls('getAgentJob')).toBe(3);
  });
});
