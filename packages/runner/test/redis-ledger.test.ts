// The Redis ledger and slots as two processes see them (two backends on one real redis-server): writes by one
// worker after another went on with the job, fencing of a lost claim, concurrent submission of the same job,
// atomic slots with leases that expire; a dispatch that waits for results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS shared with the CLI's tests and the bench
import { startRedis } from '../../../scripts/lib/redis-server.mjs';
import type { LedgerEvent } from '../src/index.js';
import { redisBackend, type RedisBackend } from '../src/redis/index.js';
import { openRedis, closeRedis } from '../src/redis/connection.js';
import { createFinish } from '../src/redis/finish.js';
import { QUEUE_PREFIX, batchKeys, slotKey } from '../src/redis/keys.js';
import { Queue } from 'bullmq';

let redis: { url: string; stop(): Promise<void> };
const opened: RedisBackend[] = [];
beforeAll(async () => {
  redis = await startRedis();
}, 120_000);
afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
  await redis?.stop();
});
const two = (batch: string, o: { slotLeaseMs?: number } = {}) => {
  const pair = [redisBackend({ connection: redis.url, batch, work: false, ...o }), redisBackend({ connection: redis.url, batch, work: false, ...o })] as const;
  opened.push(...pair);
  return pair;
};
const submitted = (replyRef: string): LedgerEvent => ({ type: 'submitted', kind: 'video', input: { prompt: 'a' }, files: [], replyRef, at: 1 });

describe('the Redis ledger across processes', () => {
  it('a worker that recorded a job writes to it correctly after another worker took it further', async () => {
    const [a, b] = two('ledger-handover');
    await a.ledger.append('k', submitted('r1'));
    const cb = (await b.ledger.claim('k', 'b', 10_000))!;
    await b.ledger.append('k', { type: 'intent', attempt: 1, account: '1', replyRef: 'r1', sentAt: 2 }, cb);
    await b.ledger.append('k', { type: 'created', attempt: 1, ids: ['id-1'], account: '1', at: 3 }, cb);
    await b.ledger.append('k', { type: 'final', outcome: 'succeeded', snapshots: [], at: 4 }, cb);
    await b.ledger.release(cb);
    const ca = (await a.ledger.claim('k', 'a', 10_000))!;
    const record = await a.ledger.append('k', { type: 'downloaded', files: [{ path: '/x', url: 'u', size: 1 }], at: 5 }, ca);
    expect(record).toMatchObject({ phase: 'final', ids: ['id-1'], downloads: [{ path: '/x' }] });
    expect(await a.correlation!.match({ kind: 'video', id: 'id-1' })).toBe('k');
    expect(await b.correlation!.match({ kind: 'video', id: 'other', replyRef: 'r1' })).toBe('k');
  });

  it('one claim at a time; a worker whose claim was taken over writes nothing', async () => {
    const [a, b] = two('ledger-fencing');
    await a.ledger.append('k', submitted('r2'));
    // Claims expire on Redis's clock: a's lasts 3 s (room for a busy machine between the two calls below), and b
    // then polls until it expires instead of sleeping a fixed time.
    const old = (await a.ledger.claim('k', 'a', 3_000))!;
    expect(await b.ledger.claim('k', 'b', 10_000)).toBeUndefined();
    let taken: Awaited<ReturnType<typeof b.ledger.claim>>;
    while (!(taken = await b.ledger.claim('k', 'b', 10_000))) await new Promise((r) => setTimeout(r, 100));
    expect(taken.token).toBeGreaterThan(old.token);
    await expect(a.ledger.append('k', { type: 'intent', attempt: 1, account: '1', replyRef: 'r2', sentAt: 2 }, old)).rejects.toThrow(/claim .* was lost/);
    expect(await a.ledger.renew(old, 1_000)).toBe(false);
    expect((await b.ledger.append('k', { type: 'intent', attempt: 1, account: '1', replyRef: 'r2', sentAt: 2 }, taken)).phase).toBe('sending');
  });

  it('the same job submitted by several processes at once is recorded once; another input under its key is refused', async () => {
    const [a, b] = two('ledger-submit');
    const records = await Promise.all([a, b, a, b].map((x) => x.ledger.append('k', submitted('r3'))));
    expect(records.every((r) => r.phase === 'queued')).toBe(true);
    expect(await a.ledger.list()).toHaveLength(1);
    await expect(b.ledger.append('k', { ...submitted('r3'), input: { prompt: 'b' } } as LedgerEvent)).rejects.toThrow(/already submitted/);
  });
});

describe('the jobs in flight share script runs', () => {
  it("appends, claims and finishes of one turn go out as one command each; every item is judged alone (a stale claim fails only its own job)", async () => {
    const batch = 'ledger-gathered';
    const keys = batchKeys(batch);
    const backend = redisBackend({ connection: redis.url, batch, work: false });
    opened.push(backend);
    const { ledger } = backend;
    const client = openRedis(redis.url);
    const listen = openRedis(redis.url);
    const monitor = await openRedis(redis.url).monitor();
    const seen: string[] = [];
    monitor.on('monitor', (_time: number, args: string[]) => seen.push(String(args[0]).toLowerCase()));
    try {
      const names = ['g1', 'g2', 'g3', 'g4'];
      for (const k of names) await ledger.append(k, submitted(`r-${k}`));
      const announced: string[] = [];
      listen.on('message', (_channel: string, message: string) => announced.push(message));
      await listen.subscribe(keys.doneChannel);
      // g4 is held by another worker: its claim in the same turn is refused, the others granted.
      const other = (await ledger.claim('g4', 'other', 10_000))!;
      // MONITOR's messages come asynchronously: a marker command tells where this test's commands start and end.
      const mark = async () => {
        const at = seen.length;
        await client.echo('mark');
        while (!seen.slice(at).includes('echo')) await new Promise((r) => setTimeout(r, 10));
        return seen.lastIndexOf('echo');
      };
      const from = await mark();
      const claims = await Promise.all(names.map((k) => ledger.claim(k, 'me', 10_000)));
      expect(claims.slice(0, 3).every((c) => c !== undefined)).toBe(true);
      expect(claims[3]).toBeUndefined();
      // g3's claim is then taken over (a stale worker): in one turn, its intent is refused, g1's and g2's written.
      await client.hset(keys.claims, 'g3', `thief|999999|${Date.now() + 60_000}`);
      const intent = (k: string) => ({ type: 'intent' as const, attempt: 1, account: '1', replyRef: `r-${k}`, sentAt: 2 });
      const appended = await Promise.allSettled(names.slice(0, 3).map((k, i) => ledger.append(k, intent(k), claims[i])));
      expect(appended.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect(String((appended[2] as PromiseRejectedResult).reason)).toMatch(/claim .* was lost/);
      expect(JSON.parse((await client.hget(keys.records, 'g3'))!)).toMatchObject({ phase: 'queued' });
      const finish = createFinish(client, keys, (lease) => ({ zset: slotKey(lease.account, lease.pool), member: `${batch}\u0000${lease.holder}` }));
      const result = (k: string) => ({ key: k, kind: 'video' as const, outcome: 'created' as const, ids: [], account: '1', createdNow: true, reconciled: false, message: undefined, snapshots: [], files: [], downloadedNow: 0 });
      expect(await Promise.all([finish(claims[0]!, undefined, result('g1')), finish(claims[1]!, undefined, result('g2')), finish(other, undefined, result('g4')), finish(claims[2]!, undefined, result('g3'))])).toEqual([true, true, true, false]);
      while (!announced.length) await new Promise((r) => setTimeout(r, 20));
      // One message for the three finished keys; g3 (stale) changed nothing.
      expect(announced).toEqual(['g1\ng2\ng4']);
      expect(await client.hget(keys.results, 'g3')).toBeNull();
      expect(await client.hexists(keys.claims, 'g3')).toBe(1);
      // 4 claims, 3 appends and 4 finishes were 11 script runs before; gathered they are 3 (plus the hset above).
      const to = await mark();
      const scripts = seen.slice(from, to).filter((c) => c === 'evalsha' || c === 'eval');
      // (the finish's script is new to `client`: ioredis sends it as EVAL the first time, EVALSHA after)
      expect(scripts).toHaveLength(3);
    } finally {
      await closeRedis(client);
      listen.disconnect();
      monitor.disconnect();
    }
  });
});

describe('Redis slots', () => {
  it('never more than the limit across processes; a dead holder’s lease expires', async () => {
    // Leases of 3 s renewed every second: a busy machine cannot make a live holder lose its slot mid-test.
    const [a, b] = two('slots', { slotLeaseMs: 3_000 });
    const tries = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).slots!.acquire('acct-slots', 'video', 3, `job-${i}`)));
    expect(tries.filter(Boolean)).toHaveLength(3);
    expect(await a.slots!.held('acct-slots', 'video')).toBe(3);
    // The same holder again keeps its slot; a release frees one for another worker.
    const first = tries.find(Boolean)!;
    expect(await a.slots!.acquire('acct-slots', 'video', 3, first.holder)).toBeDefined();
    await (tries.indexOf(first) % 2 ? a : b).slots!.release(first);
    expect(await b.slots!.acquire('acct-slots', 'video', 3, 'late')).toBeDefined();
    // A holder that stops renewing (its process died: here a backend that is closed) loses its lease.
    const [c] = two('slots-dead', { slotLeaseMs: 1_000 });
    await c.slots!.acquire('acct-dead', 'video', 1, 'dead');
    await c.close();
    // Then the lease runs out on Redis's clock: polled, not slept for a fixed time.
    while (!(await a.slots!.acquire('acct-dead', 'video', 1, 'alive'))) await new Promise((r) => setTimeout(r, 100));
  });

  it('acquireMany grants in order up to each limit, partially, and never over-fills under parallel callers', async () => {
    const [a, b] = two('slots-many', { slotLeaseMs: 30_000 });
    // One call across two accounts and two pools: each request sees the grants before it.
    const first = await a.slots!.acquireMany!([
      { account: 'many-1', pool: 'image', limit: 2, holder: 'j1' },
      { account: 'many-1', pool: 'image', limit: 2, holder: 'j2' },
      { account: 'many-1', pool: 'image', limit: 2, holder: 'j3' },
      { account: 'many-2', pool: 'image', limit: 1, holder: 'j4' },
      { account: 'many-1', pool: 'video', limit: 1, holder: 'j5' },
      { account: 'many-2', pool: 'image', limit: 1, holder: 'j6' },
      { account: 'many-1', pool: 'image', limit: 2, holder: 'j1' },
    ]);
    expect(first.map((l) => l?.holder)).toEqual(['j1', 'j2', undefined, 'j4', 'j5', undefined, 'j1']);
    expect(await b.slots!.held('many-1', 'image')).toBe(2);
    expect(await b.slots!.held('many-2', 'image')).toBe(1);
    // A released slot is granted to the next caller, once.
    await a.slots!.release(first[0]!);
    const again = await b.slots!.acquireMany!([
      { account: 'many-1', pool: 'image', limit: 2, holder: 'k1' },
      { account: 'many-1', pool: 'image', limit: 2, holder: 'k2' },
    ]);
    expect(again.map((l) => l?.holder)).toEqual(['k1', undefined]);
    // Parallel callers in two processes, singles and batches mixed, on one pool of 5: exactly 5 granted.
    const calls = Array.from({ length: 12 }, (_, i) => {
      const backend = i % 2 ? a : b;
      const holders = Array.from({ length: (i % 3) + 1 }, (_, j) => `p${i}-${j}`);
      return i % 4 === 0
        ? backend.slots!.acquire('many-par', 'video', 5, holders[0]!).then((l) => [l])
        : backend.slots!.acquireMany!(holders.map((holder) => ({ account: 'many-par', pool: 'video' as const, limit: 5, holder })));
    });
    const granted = (await Promise.all(calls)).flat().filter(Boolean);
    expect(granted).toHaveLength(5);
    expect(await a.slots!.held('many-par', 'video')).toBe(5);
    // No limit (an adopted job): always granted.
    expect((await a.slots!.acquireMany!([{ account: 'many-par', pool: 'video', limit: Infinity, holder: 'adopted' }]))[0]).toBeDefined();
    expect(await a.slots!.acquireMany!([])).toEqual([]);
  });

  it('finish gives back the slot and the claim and stores the result in one step; a stale claim changes nothing', async () => {
    const [a, b] = two('ledger-finish', { slotLeaseMs: 30_000 });
    const keys = batchKeys('ledger-finish');
    const client = openRedis(redis.url);
    const listen = openRedis(redis.url);
    try {
      const announced: string[] = [];
      listen.on('message', (_channel: string, key: string) => announced.push(key));
      await listen.subscribe(keys.doneChannel);
      const finish = createFinish(client, keys, (lease) => ({ zset: slotKey(lease.account, lease.pool), member: `ledger-finish\u0000${lease.holder}` }));
      await a.ledger.append('k', submitted('r-fin'));
      const old = (await a.ledger.claim('k', 'a', 2_000))!;
      let taken: Awaited<ReturnType<typeof b.ledger.claim>>;
      while (!(taken = await b.ledger.claim('k', 'b', 10_000))) await new Promise((r) => setTimeout(r, 100));
      const lease = (await b.slots!.acquire('fin-1', 'video', 1, 'k'))!;
      await b.ledger.append('k', { type: 'intent', attempt: 1, account: 'fin-1', replyRef: 'r-fin', sentAt: 2 }, taken);
      await b.ledger.append('k', { type: 'created', attempt: 1, ids: ['id-f'], account: 'fin-1', at: 3 }, taken);
      const result = { key: 'k', kind: 'video' as const, outcome: 'created' as const, ids: ['id-f'], account: 'fin-1', createdNow: true, reconciled: false, message: undefined, snapshots: [], files: [], downloadedNow: 0 };
      // The worker whose claim was taken over: its finish does nothing (the new owner's slot and claim, no result).
      expect(await finish(old, lease, { ...result, message: 'stale' })).toBe(false);
      const stored = async () => JSON.parse((await client.hget(keys.records, 'k'))!) as { phase: string };
      expect((await stored()).phase).toBe('created');
      expect(await b.slots!.held('fin-1', 'video')).toBe(1);
      expect(await a.ledger.claim('k', 'c', 10_000)).toBeUndefined();
      expect(await client.hget(keys.results, 'k')).toBeNull();
      // The owner's: all three at once, and the result is announced.
      expect(await finish(taken, lease, result)).toBe(true);
      expect(await stored()).toMatchObject({ phase: 'created', ids: ['id-f'] });
      expect(await a.correlation!.match({ kind: 'video', id: 'id-f' })).toBe('k');
      expect(await b.slots!.held('fin-1', 'video')).toBe(0);
      expect(JSON.parse((await client.hget(keys.results, 'k'))!)).toMatchObject({ key: 'k', outcome: 'created', ids: ['id-f'] });
      expect(await a.ledger.claim('k', 'c', 10_000)).toBeDefined();
      // Without a slot (already given back earlier): the claim and the result only; fenced the same way.
      expect(await finish(taken, undefined, result)).toBe(false);
      while (!announced.length) await new Promise((r) => setTimeout(r, 20));
      expect(announced).toEqual(['k']);
    } finally {
      await closeRedis(client);
      listen.disconnect();
    }
  });});

describe('dispatch on Redis', () => {
  it('dispatch reads the announced results and does not put the batch in the queue again while they come in', async () => {
    const [a] = two('dispatch-once');
    const keys = batchKeys('dispatch-once');
    const jobKeys = Array.from({ length: 8 }, (_, i) => `d${i}`);
    for (const k of jobKeys) await a.ledger.append(k, submitted(`r-${k}`));
    const client = openRedis(redis.url);
    const queue = new Queue(keys.queue, { connection: openRedis(redis.url), prefix: QUEUE_PREFIX });
    try {
      const dispatched = a.dispatch!(jobKeys);
      while (((await queue.getJobCounts('waiting')).waiting ?? 0) < 8) await new Promise((r) => setTimeout(r, 20));
      // As if workers had taken every job: their queue entries are gone, their results come in one by one.
      await queue.drain();
      const write = async (k: string) => {
        await client.hset(keys.results, k, JSON.stringify({ key: k, kind: 'video', outcome: 'created', ids: [`id-${k}`], account: '1', createdNow: true, reconciled: false, snapshots: [], files: [], downloadedNow: 0, at: Date.now() }));
        await client.publish(keys.doneChannel, k);
      };
      for (const k of jobKeys.slice(0, 6)) await write(k);
      await new Promise((r) => setTimeout(r, 300));
      // Six results announced: the two jobs still running are not queued again (a new run of them each).
      expect((await queue.getJobCounts('waiting')).waiting).toBe(0);
      for (const k of jobKeys.slice(6)) await write(k);
      const results = await dispatched;
      expect(results.map((r) => r.ids[0])).toEqual(jobKeys.map((k) => `id-${k}`));
    } finally {
      await queue.close();
      await closeRedis(client);
    }
  });
});
