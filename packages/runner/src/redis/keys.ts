// The names of everything the Redis backend keeps. One batch is one key space (`umm:b:{<batch>}:…`, braces so a
// Redis Cluster keeps a batch on one node); slots are per account across batches (`umm:slots:…`), since every
// batch on the same accounts shares the same slots.
import { createHash } from 'node:crypto';

/** A batch name: 1–64 letters, digits, `.`, `_`, `-`. */
export function batchProblem(batch: string): string | undefined {
  return /^[A-Za-z0-9._-]{1,64}$/.test(batch) ? undefined : 'must be 1–64 letters, digits, ".", "_" or "-"';
}

/** The keys of one batch. */
export function batchKeys(batch: string) {
  const p = `umm:b:{${batch}}:`;
  return {
    prefix: p,
    meta: `${p}meta`,
    records: `${p}rec`,
    revisions: `${p}rev`,
    order: `${p}order`,
    events: `${p}events`,
    replyRefs: `${p}refs`,
    ids: `${p}ids`,
    claims: `${p}claims`,
    tokens: `${p}tokens`,
    uploads: `${p}uploads`,
    results: `${p}results`,
    early: (key: string) => `${p}early:${key}`,
    /** Pub/sub: callbacks' wake-ups, finished jobs, cancellation. */
    wakeChannel: `${p}wake`,
    doneChannel: `${p}done`,
    cancelChannel: `${p}cancel`,
    /** The BullMQ queue of the batch (under the `umm:q` prefix). */
    queue: `batch-${batch}`,
  };
}

export type BatchKeys = ReturnType<typeof batchKeys>;

/** Every batch ever opened (for status and cleanup). */
export const BATCHES_KEY = 'umm:batches';
/** The BullMQ prefix of the backend's queues. */
export const QUEUE_PREFIX = 'umm:q';
/** Pub/sub: some slot was given back. */
export const SLOTS_FREED_CHANNEL = 'umm:slots:freed';

/** The sorted set of leases of one pool on one account. */
export const slotKey = (account: string, pool: string) => `umm:slots:${account}:${pool}`;

/** A BullMQ job id for a job key (ids must not contain `:`; keys may). */
export const queueJobId = (key: string) => `k-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
