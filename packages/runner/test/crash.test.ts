// The crash test, bounded (the full form, 60 kills, runs under `pnpm soak`): SIGKILL at random instants, then
// resume; every job created exactly once (the mock's journal), every result downloaded, none lost.
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with scripts/bench/runner.mjs
import { crashTest } from './crash/harness.mjs';

describe('kill -9 at random instants', () => {
  it('every job created exactly once, every result present, none lost', async () => {
    const kills = Number(process.env.RUNNER_CRASH_KILLS ?? 8);
    const r = await crashTest({ startMockServer, kills, jobs: 6, jobMs: 500, seed: Number(process.env.RUNNER_CRASH_SEED ?? 7) });
    expect(r.kills).toBe(kills);
    expect(r.distinctReplyRefs).toBe(r.jobs);
    expect(r.createsPerJob).toEqual(Array(r.jobs).fill(1));
    expect(r.resultsPresent).toBe(r.jobs);
    expect(r.lost).toBe(0);
  }, 180_000);
});
