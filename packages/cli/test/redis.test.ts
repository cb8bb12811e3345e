// `batch FILE --redis URL` and the batch operations on a real redis-server (scripts/ensure-redis.mjs finds or
// installs it) against the standalone mock server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with the runner's tests and the bench
import { startRedis } from '../../../scripts/lib/redis-server.mjs';
import { EXIT, main } from '../src/index.js';

const TOKEN = 'user:12345-useapiMiniMaxMockToken';
let redis: { url: string; stop(): Promise<void> };
let server: Awaited<ReturnType<typeof startMockServer>>;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  server = await startMockServer({ port: 0, jobMs: 300, accounts: [{ maxJobs: 3 }, { maxJobs: 3 }], validateResponses: false, deliverWebhooks: false });
  dir = mkdtempSync(join(tmpdir(), 'cli-redis-'));
}, 120_000);
afterAll(async () => {
  await server?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--redis', redis.url, '--base-url', server.baseUrl], {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t), isTTY: false, columns: 120 },
    env: { USEAPI_TOKEN: TOKEN },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const manifest = (name: string, n: number) => {
  writeFileSync(join(dir, name), JSON.stringify(Array.from({ length: n }, (_, i) => ({ prompt: `${name} shot ${i + 1}` }))));
  return name;
};
const createsOf = (batchWord: string) => server.mock.calls('createVideo').filter((e) => e.status < 300 && JSON.stringify(e.body).includes(batchWord)).length;

describe('batch on Redis', () => {
  it('runs a batch, shows its status per state and account, cancels another before it creates anything, cleans finished batches up', async () => {
    const run = await cli(['batch', manifest('first.json', 4), '--interval-ms', '50', '--json']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(JSON.parse(run.stdout).counts).toMatchObject({ submitted: 4, created: 4, succeeded: 4 });
    expect(createsOf('first.json')).toBe(4);

    const status = await cli(['batch', 'status', '--batch', 'first', '--json']);
    expect(status.code).toBe(EXIT.ok);
    const s = JSON.parse(status.stdout);
    expect(s).toMatchObject({ batch: 'first', jobs: 4, states: { succeeded: 4 }, finished: true });
    expect(Object.values(s.accounts as Record<string, { succeeded: number }>).reduce((n, a) => n + a.succeeded, 0)).toBe(4);
    expect((await cli(['batch', 'status'])).stdout).toMatch(/^first: 4 job\(s\): 4 succeeded \(finished\)/m);

    // The same batch again: nothing new.
    expect((await cli(['batch', 'first.json', '--interval-ms', '50', '--json'])).code).toBe(EXIT.ok);
    expect(createsOf('first.json')).toBe(4);

    // Cancelled: no job of it is created, on any worker.
    expect((await cli(['batch', 'cancel', '--batch', 'second'])).stdout).toMatch(/nothing new will be created/);
    const cancelled = await cli(['batch', manifest('second.json', 5), '--interval-ms', '50', '--json']);
    expect(cancelled.code).toBe(EXIT.incomplete);
    expect(JSON.parse(cancelled.stdout).counts).toMatchObject({ submitted: 5, created: 0, cancelled: 5 });
    expect(createsOf('second.json')).toBe(0);
    expect(JSON.parse((await cli(['batch', 'status', '--batch', 'second', '--json'])).stdout)).toMatchObject({ cancelled: 'follow', states: { cancelled: 5 } });

    const mixed = await cli(['batch', 'first.json', '--mock']);
    expect(mixed.code).toBe(EXIT.usage);
    expect(mixed.stderr).toMatch(/--redis with --mock/);

    const cleanup = await cli(['batch', 'cleanup', '--json']);
    expect(JSON.parse(cleanup.stdout).deleted.sort()).toEqual(['first', 'second']);
    expect((await cli(['batch', 'status'])).stdout).toBe('no batches in this Redis\n');
  }, 120_000);
});
