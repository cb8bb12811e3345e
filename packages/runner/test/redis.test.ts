// The Redis backend against real processes: a real redis-server (found or installed by scripts/ensure-redis.mjs,
// persistence on), the standalone mock server (2 accounts × 3 slots, short jobs; its journal is the witness) and
// worker processes running the same batch. Bounded: each scenario ends in well under its timeout.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMiniMaxClient, describeJob } from '@useapi-minimax/client';
import { startMockServer } from '@useapi-minimax/mock-server/server';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with scripts/bench/redis.mjs
import { journal, mixedItems, savedFiles, spawnWorker, withStack } from './redis/harness.mjs';

type Result = { key: string; outcome: string; ids: string[]; files: number; createdNow: boolean };
type Exit = { code: number | null; signal: string | null; output: string; last: string };
type Mock = Awaited<ReturnType<typeof startMockServer>>;

const until = async (check: () => boolean, what: string, ms = 180_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Samples the mock's scheduler: the most slots in use on any account (videos, speech). */
function sampleSlots(server: Mock) {
  const max = { video: 0, speech: 0 };
  const client = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', baseUrl: server.baseUrl, logLevel: 'silent' });
  let on = true;
  const loop = (async () => {
    while (on) {
      const s = (await client.scheduler.available().catch(() => undefined)) as { executing?: Record<string, unknown>[] } | undefined;
      const per = new Map<string, { video: number; speech: number }>();
      for (const e of s?.executing ?? []) {
        const id = String(e.videoId ?? e.audioId ?? '');
        const account = /minimax:(\d+)-/.exec(id)?.[1];
        if (!account) continue;
        const m = per.get(account) ?? { video: 0, speech: 0 };
        if (e.videoId) m.video++;
        else m.speech++;
        per.set(account, m);
      }
      for (const m of per.values()) {
        max.video = Math.max(max.video, m.video);
        max.speech = Math.max(max.speech, m.speech);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return { max, stop: () => ((on = false), loop) };
}

/** Every result is the job's real final state upstream (re-read from the mock by id). */
async function checkFinalStates(server: Mock, results: Result[]) {
  const client = createMiniMaxClient({ token: 'user:12345-useapiMiniMaxMockToken', baseUrl: server.baseUrl, logLevel: 'silent' });
  for (const r of results) {
    expect(r.ids.length, r.key).toBeGreaterThan(0);
    for (const id of r.ids) {
      const kind = id.includes('-video:') ? 'video' : id.includes('-image:') ? 'image' : 'speech';
      const tag = { video: 'videos', image: 'images', speech: 'speech' }[kind] as 'videos';
      const job = await client[tag].get(id);
      const state = describeJob(kind as never, job as never);
      expect(state.final, `${r.key} ${id}`).toBe(true);
      expect(state.state, `${r.key} ${id}`).toBe(r.outcome);
    }
  }
}

const resultsOf = (exit: Exit): Result[] => (JSON.parse(exit.last) as { results: Result[] }).results;

describe('the runner on Redis, several worker processes', () => {
  it('3 workers, 60 mixed jobs, one killed with kill -9 mid-batch: every job final, created once, no result lost, slots never exceeded', async () => {
    await withStack({ startMockServer, jobMs: 1_500 }, async ({ redis, server, dir, manifest }: { redis: { url: string }; server: Mock; dir: string; manifest: (items: unknown) => string }) => {
      const items = mixedItems(60, 'kill');
      const path = manifest(items);
      const out = join(dir, 'out');
      const slots = sampleSlots(server);
      const workers = [0, 1, 2].map(() => spawnWorker([redis.url, server.baseUrl, path, 'kill', out], { WORKER_CONCURRENCY: '6' }));
      // Mid-batch: a third of the jobs created; kill the worker that created the most so far.
      await until(() => journal(server.mock).creates.size >= 20, '20 creates');
      const victim = workers.reduce((a, b) => ((a.output.match(/creating/g)?.length ?? 0) >= (b.output.match(/creating/g)?.length ?? 0) ? a : b));
      victim.child.kill('SIGKILL');
      const exits = (await Promise.all(workers.map((w) => w.exit))) as Exit[];
      await slots.stop();
      const survivors = exits.filter((e, i) => workers[i] !== victim);
      expect(exits[workers.indexOf(victim)]!.signal).toBe('SIGKILL');
      for (const e of survivors) expect(e.code, e.output.slice(-2000)).toBe(0);
      const { creates, refused } = journal(server.mock);
      expect(creates.size).toBe(60);
      expect([...creates.values()]).toEqual(Array(60).fill(1));
      expect(refused).toBe(0);
      expect(slots.max.video).toBeLessThanOrEqual(3);
      expect(slots.max.speech).toBeLessThanOrEqual(3);
      for (const e of survivors) {
        const results = resultsOf(e);
        expect(results).toHaveLength(60);
        expect(results.filter((r) => r.files !== 1)).toEqual([]);
        await checkFinalStates(server, results);
      }
      expect(savedFiles(out)).toHaveLength(60);
    });
  }, 480_000);

  it('Redis restarted mid-batch (persistence on): the batch resumes, nothing lost or duplicated', async () => {
    await withStack({ startMockServer, jobMs: 1_200 }, async ({ redis, server, dir, manifest }: { redis: { url: string; restart(ms?: number): Promise<void> }; server: Mock; dir: string; manifest: (items: unknown) => string }) => {
      const path = manifest(mixedItems(30, 'restart'));
      const out = join(dir, 'out');
      const workers = [0, 1].map(() => spawnWorker([redis.url, server.baseUrl, path, 'restart', out]));
      await until(() => journal(server.mock).creates.size >= 10, '10 creates');
      await redis.restart(1_000);
      const exits = (await Promise.all(workers.map((w) => w.exit))) as Exit[];
      for (const e of exits) expect(e.code, e.output.slice(-2000)).toBe(0);
      const { creates, refused } = journal(server.mock);
      expect([...creates.values()]).toEqual(Array(30).fill(1));
      expect(refused).toBe(0);
      for (const e of exits) {
        const results = resultsOf(e);
        expect(results).toHaveLength(30);
        expect(results.every((r) => r.outcome === 'succeeded' && r.files === 1)).toBe(true);
      }
      expect(savedFiles(out)).toHaveLength(30);
    });
  }, 480_000);

  it('webhook-first with two receiver instances behind a round-robin: every callback is matched', async () => {
    await withStack({ startMockServer, jobMs: 1_000, deliverWebhooks: true }, async ({ redis, server, dir, manifest }: { redis: { url: string }; server: Mock; dir: string; manifest: (items: unknown) => string }) => {
      const receiverPath = fileURLToPath(new URL('./redis/receiver.mjs', import.meta.url));
      const receivers = [0, 1].map(() => {
        const child = spawn(process.execPath, [receiverPath, redis.url, 'hooks'], { stdio: ['ignore', 'pipe', 'pipe'] });
        const r = { child, output: '' };
        child.stdout.on('data', (d) => (r.output += d));
        child.stderr.on('data', (d) => (r.output += d));
        return r;
      });
      let proxy: Server | undefined;
      try {
        await until(() => receivers.every((r) => /listening /.test(r.output)), 'the receivers');
        const targets = receivers.map((r) => new URL(/listening (\S+)/.exec(r.output)![1]!));
        let turn = 0;
        proxy = createServer((req, res) => {
          const target = targets[turn++ % targets.length]!;
          const forward = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          });
          forward.on('error', () => res.writeHead(502).end());
          req.pipe(forward);
        });
        await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
        const address = proxy.address() as { port: number };
        const path = manifest(mixedItems(24, 'hooks'));
        const out = join(dir, 'out');
        // Polls every 10 minutes (webhook mode: 6 × that): without matched callbacks the batch would not end.
        const workers = [0, 1].map(() => spawnWorker([redis.url, server.baseUrl, path, 'hooks', out, `http://127.0.0.1:${address.port}/hook`], { WORKER_INTERVAL_MS: '600000' }));
        const exits = (await Promise.all(workers.map((w) => w.exit))) as Exit[];
        for (const e of exits) expect(e.code, e.output.slice(-2000)).toBe(0);
        const lines = receivers.flatMap((r) => r.output.split('\n').filter((l) => l.startsWith('callback ')));
        expect(receivers.every((r) => /callback /.test(r.output))).toBe(true);
        expect(lines.length).toBeGreaterThanOrEqual(24);
        expect(lines.filter((l) => l.endsWith(' -'))).toEqual([]);
        expect([...journal(server.mock).creates.values()]).toEqual(Array(24).fill(1));
        for (const e of exits) expect(resultsOf(e).every((r) => r.outcome === 'succeeded')).toBe(true);
      } finally {
        proxy?.close();
        for (const r of receivers) r.child.kill('SIGTERM');
        await Promise.all(receivers.map((r) => new Promise((resolve) => (r.child.exitCode !== null ? resolve(undefined) : r.child.once('exit', resolve)))));
      }
    });
  }, 480_000);
});
