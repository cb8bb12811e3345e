// Operations on batches in Redis: a status view (counts per state, per account), cancellation (nothing new is
// created; running jobs followed or abandoned), and cleanup of finished batches.
import { Queue } from 'bullmq';
import type { JobRecord } from '../ledger.js';
import { closeRedis, openRedis, type RedisConnection } from './connection.js';
import { BATCHES_KEY, QUEUE_PREFIX, batchKeys } from './keys.js';

/** Counts of one batch. */
export interface BatchStatus {
  readonly batch: string;
  /** Set when the batch was cancelled: what happens to its running jobs. */
  readonly cancelled: 'follow' | 'abandon' | undefined;
  readonly jobs: number;
  /** Jobs per state: `queued`, `sending`, `unknown`, `running` (created, not final), and each final outcome. */
  readonly states: Readonly<Record<string, number>>;
  /** The same, per account (jobs not yet placed are under `-`). */
  readonly accounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The queue: jobs waiting for a worker, taken, retried later, failed. */
  readonly queue: Readonly<Record<string, number>>;
  /** Every job is final or ended. */
  readonly finished: boolean;
}

const stateOf = (r: JobRecord) => (r.phase === 'final' || r.phase === 'ended' ? (r.outcome ?? 'unknown') : r.phase === 'created' ? 'running' : r.phase);

async function withRedis<T>(connection: RedisConnection, fn: (redis: ReturnType<typeof openRedis>) => Promise<T>): Promise<T> {
  const redis = openRedis(connection);
  try {
    return await fn(redis);
  } finally {
    await closeRedis(redis);
  }
}

/** The batches Redis knows. */
export function listBatches(connection: RedisConnection): Promise<string[]> {
  return withRedis(connection, async (redis) => (await redis.smembers(BATCHES_KEY)).sort());
}

/** The status of a batch. */
export async function batchStatus(connection: RedisConnection, batch: string): Promise<BatchStatus> {
  return withRedis(connection, async (redis) => {
    const keys = batchKeys(batch);
    const [all, cancelled] = await Promise.all([redis.hgetall(keys.records), redis.hget(keys.meta, 'cancelled')]);
    const states: Record<string, number> = {};
    const accounts: Record<string, Record<string, number>> = {};
    let finished = true;
    for (const json of Object.values(all)) {
      const r = JSON.parse(json) as JobRecord;
      const s = stateOf(r);
      if (r.phase !== 'final' && r.phase !== 'ended') finished = false;
      states[s] = (states[s] ?? 0) + 1;
      const a = (accounts[r.account ?? '-'] ??= {});
      a[s] = (a[s] ?? 0) + 1;
    }
    const own = redis.duplicate();
    const queue = new Queue(keys.queue, { connection: own, prefix: QUEUE_PREFIX });
    let counts: Record<string, number>;
    try {
      counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    } finally {
      await queue.close();
      await closeRedis(own);
    }
    return { batch, cancelled: (cancelled ?? undefined) as BatchStatus['cancelled'], jobs: Object.keys(all).length, states, accounts, queue: counts, finished };
  });
}

/**
 * Cancels a batch: no job of it is created any more (on every worker, at once: the ledger refuses the intent);
 * `running: 'follow'` (default) lets the created jobs be followed to their end, `'abandon'` stops following them
 * (they stay in the ledger: a resume follows them again).
 */
export async function cancelBatch(connection: RedisConnection, batch: string, options: { running?: 'follow' | 'abandon' } = {}): Promise<void> {
  await withRedis(connection, async (redis) => {
    const keys = batchKeys(batch);
    await redis.multi().hset(keys.meta, 'cancelled', options.running ?? 'follow').publish(keys.cancelChannel, options.running ?? 'follow').exec();
  });
}

/**
 * Deletes finished batches (every job final or ended, or the batch cancelled and nothing active in its queue):
 * their ledger, results and queue. `batch` limits it to one; `force` deletes it even when unfinished. Returns
 * the batches deleted.
 */
export async function cleanupBatches(connection: RedisConnection, options: { batch?: string; force?: boolean } = {}): Promise<string[]> {
  const names = options.batch ? [options.batch] : await listBatches(connection);
  const deleted: string[] = [];
  for (const batch of names) {
    const status = await batchStatus(connection, batch);
    const idle = (status.queue.active ?? 0) === 0;
    if (!options.force && !(status.finished && idle) && !(status.cancelled && idle)) continue;
    await withRedis(connection, async (redis) => {
      const keys = batchKeys(batch);
      const own = redis.duplicate();
      const queue = new Queue(keys.queue, { connection: own, prefix: QUEUE_PREFIX });
      try {
        await queue.obliterate({ force: true });
      } finally {
        await queue.close();
        await closeRedis(own);
      }
      for (let cursor = '0'; ; ) {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${keys.prefix}*`, 'COUNT', 500);
        if (found.length) await redis.del(...found);
        if ((cursor = next) === '0') break;
      }
      await redis.srem(BATCHES_KEY, batch);
    });
    deleted.push(batch);
  }
  return deleted;
}
