// "Recovered and followed": a create answered 502/504 (or a lost connection) by a scenario that still creates the
// job is `unknown`; `recover()` finds the job without creating anything (music: in GET /music by title within the
// time window; agent: among the running jobs by replyRef) and follows it to `succeeded`.
import { act } from '@testing-library/react';
import { OutcomeUnknownError, type CreatedLookup } from '@useapi-minimax/client';
import { jobKinds } from '@useapi-minimax/client/internal';
import { describe, expect, it } from 'vitest';
import { useAgent, useGenerateMusic } from '../src/index.js';
import { finishSong, renderWith, setup, tick, until, useMswServer } from './helpers.js';

useMswServer();

describe('recovered and followed', () => {
  it('music: a 502 that still created the song → unknown → recover() finds it in the list → succeeded, one create', async () => {
    const env = setup();
    env.mock.scenarios.once('bad-gateway', { operationId: 'createMusic' });
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ title: 'Lost answer', prompt: 'Lost answer' }));
    await until(() => result.current.status === 'unknown');
    expect(result.current.error).toBeInstanceOf(OutcomeUnknownError);
    expect(env.calls('getMusic')).toBe(0);
    let lookup: CreatedLookup | undefined;
    await act(async () => {
      const pending = result.current.recover();
      await tick(env, 0);
      lookup = await pending;
    });
    expect(lookup, JSON.stringify(lookup)).toMatchObject({ found: true, kind: 'music', via: 'list' });
    await until(() => result.current.status === 'running');
    expect(result.current.jobId).toBe(lookup?.found ? lookup.ids[0] : 'none');
    await finishSong(env, () => result.current.status === 'succeeded');
    expect(result.current.error).toBeNull();
    expect(result.current.job?.audioURL).toBeTruthy();
    expect(env.calls('createMusic')).toBe(1);
  });

  for (const scenario of ['bad-gateway', 'gateway-timeout', 'connection-lost'] as const) {
    it(`agent, ${scenario}: unknown → recover() finds the running job by replyRef → succeeded, one create`, async () => {
      const env = setup();
      env.mock.scenarios.once(scenario, { operationId: 'runAgent' });
      const { result } = renderWith(env, () => useAgent());
      act(() => result.current.submit({ prompt: 'Lost answer', models: ['hailuo-2.3'] }));
      await until(() => result.current.status !== 'submitting' && result.current.status !== 'idle');
      expect(result.current.status).toBe('unknown');
      expect(result.current.isPolling).toBe(false);
      await tick(env, 1_000);
      expect(env.calls('getAgentJob')).toBe(0);
      let lookup: CreatedLookup | undefined;
      await act(async () => {
        const pending = result.current.recover();
        await tick(env, 0);
        lookup = await pending;
      });
      expect(lookup, JSON.stringify(lookup)).toMatchObject({ found: true, match: 'replyRef' });
      await until(() => result.current.jobId !== undefined);
      for (let i = 0; i < 10 && result.current.status !== 'succeeded'; i++) await tick(env, jobKinds.agent.intervalMs);
      expect(result.current.status).toBe('succeeded');
      expect(result.current.error).toBeNull();
      expect(env.calls('runAgent')).toBe(1);
    });
  }

  it('bad-gateway-not-created: recover() says none was found, the flow stays unknown, a resubmit is one new create', async () => {
    const env = setup();
    env.mock.scenarios.once('bad-gateway-not-created', { operationId: 'createMusic' });
    const { result } = renderWith(env, () => useGenerateMusic());
    act(() => result.current.submit({ title: 'Never made', prompt: 'Never made' }));
    await until(() => result.current.status === 'unknown');
    await act(async () => {
      const pending = result.current.recover();
      await tick(env, 0);
      await pending;
    });
    expect(result.current.lookup).toMatchObject({ found: false });
    expect(result.current.status).toBe('unknown');
    expect(result.current.jobId).toBeUndefined();
    act(() => result.current.submit({ title: 'Never made', prompt: 'Never made' }));
    await until(() => result.current.status === 'running');
    expect(result.current.lookup).toBeUndefined();
    expect(env.calls('createMusic')).toBe(2);
  });

  it('recover() outside unknown looks nothing up', async () => {
    const env = setup();
    const { result } = renderWith(env, () => useGenerateMusic());
    await expect(result.current.recover()).resolves.toBeUndefined();
    expect(env.mock.requests).toHaveLength(0);
  });
});
