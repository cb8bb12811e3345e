// `redisBackend`: the runner on Redis and BullMQ. The ledger, the slots and the webhook correlation live in
// Redis; every job of a batch is a BullMQ job that any worker process (any machine) may take. Each process that
// runs `createJobRunner({ client, backend: redisBackend({ connection, batch }) })` is a worker of that batch;
// `runner.batch(items)` there records the jobs (idempotent: several processes may submit the same manifest)
// and waits for every result, wherever it was driven.
import { createHash } from 'node:crypto';
import type { FinishJob, RunnerBackend } from '../backend.js';
import { closeRedis, openRedis, type RedisConnection } from './connection.js';
import { createRedisCorrelation } from './correlation.js';
import { createFinish } from './finish.js';
import { batchKeys, batchProblem } from './keys.js';
import { createRedisLedger } from './ledger.js';
import { createBatchQueue } from './queue.js';
import { createRedisSlots } from './slots.js';

/** Options of {@link redisBackend}. */
export interface RedisBackendOptions {
  /** Where Redis is (`redis://host:6379`, ioredis options or client). Run it with persistence on (`appendonly yes`). */
  connection: RedisConnection;
  /** The batch's name (default `default`): every process with the same name shares its jobs. */
  batch?: string | undefined;
  /** Take jobs in this process (default true); `false` for an instance that only submits or only receives webhooks. */
  work?: boolean | undefined;
  /** Jobs this process drives at once (default 16; jobs waiting for a slot count). */
  concurrency?: number | undefined;
  /** A claim on a job lasts this long without renewal (default 15 s): a dead worker's job is taken over after it. */
  claimTtlMs?: number | undefined;
  /** BullMQ's lock of an active job (default 10 s): a dead worker's job is stalled after it. */
  lockDurationMs?: number | undefined;
  /** How often workers look for stalled jobs (default 5 s). */
  stalledIntervalMs?: number | undefined;
  /** A slot lease lasts this long without renewal (default 60 s): a dead worker's slots come back after it. */
  slotLeaseMs?: number | undefined;
}

/** A Redis backend, with `close` for its connections (after `runner.close()`). */
export interface RedisBackend extends RunnerBackend {
  /** The batch's name. */
  readonly batch: string;
  /** Closes the backend's Redis connections. */
  close(): Promise<void>;
}

/** The ledger id of a batch: 12 base-32 characters derived from its name (every process derives the same). */
export function ledgerIdOf(batch: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...createHash('sha256').update(`useapi-minimax redis batch\u0000${batch}`).digest().subarray(0, 12)].map((b) => alphabet[b % 32]).join('');
}

/** The runner's backend on Redis (BullMQ for the jobs). */
export function redisBackend(options: RedisBackendOptions): RedisBackend {
  const batch = options.batch ?? 'default';
  const problem = batchProblem(batch);
  if (problem) throw new TypeError(`batch: ${problem}`);
  const keys = batchKeys(batch);
  const open = (o?: { autoPipeline?: boolean }) => openRedis(options.connection, o);
  // The backend's own commands (ledger, slots, results): many jobs' round trips share one write.
  const redis = openRedis(options.connection, { autoPipeline: true });
  const claimTtlMs = options.claimTtlMs ?? 15_000;
  const ledger = createRedisLedger(redis, keys, ledgerIdOf(batch), batch);
  const slots = createRedisSlots(redis, { scope: batch, leaseMs: options.slotLeaseMs ?? 60_000, subscriber: open });
  const correlation = createRedisCorrelation(redis, keys, open);
  const finishOne = createFinish(redis, keys, (lease) => slots.forget(lease));
  // A finished job's claim is gone either way (released, or stale): the ledger keeps nothing of it.
  const finish: FinishJob = (claim, lease, result) => finishOne(claim, lease, result).finally(() => ledger.forget(claim.key));
  const queue = createBatchQueue(redis, keys, ledger, open, {
    lockDurationMs: options.lockDurationMs ?? 10_000,
    stalledIntervalMs: options.stalledIntervalMs ?? 5_000,
    concurrency: options.concurrency ?? 16,
  });

  // Cancellation: `cancelBatch` sets meta.cancelled (`follow` or `abandon`) and publishes it.
  const abandon = new AbortController();
  let cancelled: string | null = null;
  let cancelKnown = false;
  const readCancel = async () => {
    cancelled = await redis.hget(keys.meta, 'cancelled');
    cancelKnown = true;
    if (cancelled === 'abandon' && !abandon.signal.aborted) abandon.abort(new Error(`batch ${batch} was cancelled (running jobs abandoned)`));
    return cancelled !== null;
  };
  let cancelWatch: { stop(): void } | undefined;
  const watchCancel = () => {
    const sub = open();
    void sub.subscribe(keys.cancelChannel).catch(() => undefined);
    sub.on('message', () => void readCancel().catch(() => undefined));
    const timer = setInterval(() => void readCancel().catch(() => undefined), 2_000);
    timer.unref();
    void readCancel().catch(() => undefined);
    return { stop: () => (clearInterval(timer), sub.disconnect()) };
  };

  // Whether the batch is cancelled, as the watcher last saw it (its message, its 2 s poll): no round trip per
  // job. A cancel it has not seen yet is still caught by the ledger, which turns the job's intent into `ended`.
  const cancelSeen = () => (cancelKnown ? Promise.resolve(cancelled !== null) : readCancel());
  const closers: (() => Promise<void>)[] = [];
  let runnerSignal: AbortSignal | undefined;
  return {
    batch,
    ledger,
    slots,
    correlation,
    claimTtlMs,
    signal: abandon.signal,
    attach(work) {
      runnerSignal = work.signal;
      cancelWatch ??= watchCancel();
      if (options.work === false) return async () => {};
      const stop = queue.work(work, { abandoned: () => cancelled === 'abandon', cancelled: cancelSeen, finish });
      closers.push(stop);
      return stop;
    },
    dispatch(jobKeys) {
      // The runner closed: stop waiting. An abandoned batch still gets every result (the workers write them).
      return queue.dispatch(jobKeys, () => (runnerSignal?.aborted && !abandon.signal.aborted ? runnerSignal.reason : undefined));
    },
    async close() {
      cancelWatch?.stop();
      await Promise.allSettled(closers.map((c) => c()));
      slots.close();
      correlation.close();
      await queue.close();
      await closeRedis(redis);
    },
  };
}
