// Cancelling a batch on Redis while it runs: nothing new is created; running jobs are followed to their end, or
// abandoned (no longer followed; they stay in the ledger). A worker in this process, a real redis-server and the
// standalone mock server.
import { createMiniMaxClient } from '@useapi-minimax/client';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with the CLI's tests and the bench
import { startRedis } from '../../../scripts/lib/redis-server.mjs';
import { createJobRunner } from '../src/index.js';
import { batchStatus, cancelBatch, redisBackend } from '../src/redis/index.js';

let redis: { url: string; stop(): Promise<void> };
let server: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  redis = await startRedis();
  // Jobs of 6 s: the cancel must land before a slot frees, even on a busy machine (it is sent as soon as six are
  // created; a seventh create would need one of them to end first).
  server = await startMockServer({ port: 0, jobMs: 6_000, accounts: [{ maxJobs: 3 }, { maxJobs: 3 }], validateResponses: false, deliverWebhooks: false });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

const created = (word: string) => server.mock.calls('createVideo').filter((e) => e.status < 300 && JSON.stringify(e.body).includes(word)).length;
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

async function runAndCancel(batch: string, running: 'follow' | 'abandon') {
  const client = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', baseUrl: server.baseUrl, logLevel: 'silent' });
  const backend = redisBackend({ connection: redis.url, batch, claimTtlMs: 3_000 });
  const runner = createJobRunner({ client, backend, intervalMs: 50, schedulerRefreshMs: 100, lookup: { settleMs: 0 } });
  const items = Array.from({ length: 18 }, (_, i) => ({ kind: 'video' as const, key: `shot-${i + 1}`, input: { prompt: `${batch} shot ${i + 1}` } }));
  const done = runner.batch(items);
  await until(() => created(batch) >= 6); // the six slots full, twelve jobs waiting
  await cancelBatch(redis.url, batch, { running });
  const report = await done;
  await runner.close();
  await backend.close();
  return report;
}

describe('cancelling a batch on Redis', () => {
  it('follow: nothing new is created, the running jobs end as they really do', async () => {
    const report = await runAndCancel('cancel-follow', 'follow');
    const n = created('cancel-follow');
    expect(n).toBe(6);
    expect(report.counts).toMatchObject({ submitted: 18, created: 6, succeeded: 6, cancelled: 12 });
    for (const r of report.results) expect(r.outcome === 'succeeded' ? r.ids.length : r.ids.length === 0 && !r.createdNow).toBeTruthy();
    const status = await batchStatus(redis.url, 'cancel-follow');
    expect(status).toMatchObject({ cancelled: 'follow', jobs: 18, states: { succeeded: 6, cancelled: 12 }, finished: true });
    expect(Object.keys(status.accounts).sort()).toEqual([...new Set(report.results.map((r) => r.account ?? '-'))].sort());
  }, 300_000);

  it('abandon: the running jobs are no longer followed (they stay in the ledger as created)', async () => {
    const report = await runAndCancel('cancel-abandon', 'abandon');
    expect(created('cancel-abandon')).toBe(6);
    expect(report.counts.succeeded).toBe(0);
    expect(report.results.filter((r) => r.ids.length > 0)).toHaveLength(6);
    expect(report.results.every((r) => r.outcome === 'cancelled')).toBe(true);
    const status = await batchStatus(redis.url, 'cancel-abandon');
    expect(status.states).toMatchObject({ running: 6 });
    expect(status.finished).toBe(false);
  }, 300_000);
});
