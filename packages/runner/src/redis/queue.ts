// Jobs to workers through BullMQ: one queue per batch, one BullMQ job per ledger job (its whole life: create,
// reconcile, follow, download), so a job taken by a worker that dies is "stalled" (its lock expires) and BullMQ
// gives it to another worker, which continues from the ledger (the dead worker's claim expires first: the
// fencing token keeps its late writes out). Results go to a Redis hash; `dispatch` waits for them there.
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FinishJob, JobWork } from '../backend.js';
import type { JobResult } from '../batch-report.js';
import { LedgerError, type JobOutcome, type Ledger } from '../ledger.js';
import { sleep } from '../sleep.js';
import { QUEUE_PREFIX, queueJobId, type BatchKeys } from './keys.js';

/** Outcomes a later run need not redo (a result from before this dispatch is taken as it is). */
const SETTLED: ReadonlySet<JobOutcome | 'created'> = new Set(['succeeded', 'failed', 'moderated']);

/** A result as stored: when it was written. */
type StoredResult = JobResult & { at: number };

export interface QueueTimings {
  /** BullMQ's lock of an active job (a dead worker's job is stalled after this). */
  lockDurationMs: number;
  /** How often workers look for stalled jobs. */
  stalledIntervalMs: number;
  /** Jobs one worker process drives at once. */
  concurrency: number;
}

/** The batch's queue: `dispatch` on any instance, `work` on workers. */
export function createBatchQueue(redis: Redis, keys: BatchKeys, ledger: Ledger, open: (options?: { autoPipeline?: boolean }) => Redis, timings: QueueTimings) {
  let queue: Queue | undefined;
  let queueConnection: Redis | undefined;
  const getQueue = () => {
    if (!queue) {
      queueConnection = open();
      queue = new Queue(keys.queue, {
        connection: queueConnection,
        prefix: QUEUE_PREFIX,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: 1_000, attempts: 1_000, backoff: { type: 'fixed', delay: 500 } },
      });
    }
    return queue;
  };
  const add = (keysToAdd: readonly string[]) => getQueue().addBulk(keysToAdd.map((key) => ({ name: 'job', data: { key }, opts: { jobId: queueJobId(key) } })));

  const writeResult = async (result: JobResult) => {
    // In order on one connection (the result is stored before it is announced), one write when auto-pipelined.
    await Promise.all([redis.hset(keys.results, result.key, JSON.stringify({ ...result, at: Date.now() })), redis.publish(keys.doneChannel, result.key)]);
  };

  /** Starts a worker for `work`; `abandoned()` says whether an abort is the batch's cancellation. */
  function work(job: JobWork, state: { abandoned(): boolean; cancelled(): Promise<boolean>; finish?: FinishJob }): () => Promise<void> {
    // Auto-pipelined: the jobs that end in one turn (a gathered finish answers many at once) send their
    // moveToFinished in one socket write instead of one each; BullMQ copies it for its blocking fetch, whose
    // BZPOPMIN is kept out of the pipelines (connection.ts): a blocking command in a pipeline would hold back the
    // commands behind it (the failure reported for Bull's pipelined connections, taskforcesh/bullmq#457).
    const connection = open({ autoPipeline: true });
    const processor = async (bull: Job<{ key: string }>) => {
      const { key } = bull.data;
      const missing = () => writeResult({ key, kind: 'video', outcome: 'unknown', ids: [], account: undefined, createdNow: false, reconciled: false, message: 'not in the ledger', snapshots: [], files: [], downloadedNow: 0 });
      for (let tries = 0; ; tries++) {
        // The record is read here only when the batch is (or may be) cancelled; else the drive's claim reads it.
        const cancelled = await state.cancelled();
        const record = cancelled || tries > 0 ? await ledger.get(key) : undefined;
        if ((cancelled || tries > 0) && !record) return missing();
        if (cancelled && record!.phase === 'queued') {
          const claim = await ledger.claim(key, `cancel-${process.pid}`, 10_000);
          if (claim) {
            try {
              const ended = await ledger.append(key, { type: 'ended', outcome: 'cancelled', message: 'the batch was cancelled before this job was created (nothing was sent)', at: Date.now() }, claim);
              return writeResult(job.resultOf(ended));
            } finally {
              await ledger.release(claim);
            }
          }
        }
        // The drive ends the job through `finish` (slot, claim and result in one script); a drive already running
        // in this process for the key (a local submit) does not, and its result is written here.
        let finished = false;
        const finish: FinishJob | undefined = state.finish && (async (claim, lease, result) => (finished = await state.finish!(claim, lease, result)));
        try {
          const result = await job.drive(key, finish);
          if (!finished) await writeResult(result);
          return;
        } catch (error) {
          if (error instanceof LedgerError && / is not in the ledger$/.test(error.message)) return missing();
          if (state.abandoned()) {
            const now = (await ledger.get(key))!;
            const done = now.phase === 'final' || now.phase === 'ended';
            return writeResult({ ...job.resultOf(now), ...(done ? {} : { outcome: 'cancelled' as const, message: 'the batch was cancelled: this job is no longer followed (a resume follows it again)' }) });
          }
          // The runner is closing: the job goes back to the queue for another worker.
          if (job.signal.aborted) throw error;
          // Another worker's claim (one that stalled, or died and its claim has not expired yet): wait for it.
          if (error instanceof LedgerError && /claimed by another worker|claim of .* was lost/.test(error.message)) {
            await sleep(500, job.signal);
            continue;
          }
          if (tries >= 5) {
            const now = record ?? (await ledger.get(key));
            if (!now) return missing();
            return writeResult({ ...job.resultOf(now), outcome: 'unknown', message: `the job could not be driven: ${error instanceof Error ? error.message : String(error)}` });
          }
          await sleep(1_000, job.signal);
        }
      }
    };
    const worker = new Worker(keys.queue, processor, {
      connection,
      prefix: QUEUE_PREFIX,
      concurrency: timings.concurrency,
      lockDuration: timings.lockDurationMs,
      stalledInterval: timings.stalledIntervalMs,
      maxStalledCount: 1_000,
    });
    worker.on('error', () => undefined); // connection errors while Redis restarts: BullMQ reconnects
    return async () => {
      await worker.close();
      connection.disconnect();
    };
  }

  /**
   * Runs `keys` on whichever workers take them; resolves with every result (`stopped`: a reason to give up).
   * A finished job is announced on the done channel: only the announced keys are read then; every key still
   * missing is read once a second (a result announced before this listened), and put in the queue again every
   * 5 s (a queue entry gone without a fresh result: a race with a finishing earlier run).
   */
  async function dispatch(jobKeys: readonly string[], stopped: () => unknown): Promise<JobResult[]> {
    const startedAt = Date.now();
    const found = new Map<string, JobResult>();
    const pending = new Set(jobKeys);
    const take = async (some: Iterable<string> = pending) => {
      const asked = [...some].filter((k) => pending.has(k));
      if (!asked.length) return;
      const values = await redis.hmget(keys.results, ...asked);
      asked.forEach((k, i) => {
        const json = values[i];
        if (!json) return;
        const r = JSON.parse(json) as StoredResult;
        const { at, ...result } = r;
        if (at >= startedAt) found.set(k, result);
        else if (SETTLED.has(r.outcome)) found.set(k, { ...result, createdNow: false, downloadedNow: 0 });
        else return;
        pending.delete(k);
      });
    };
    await take();
    if (pending.size) await add([...pending]);
    const sub = open();
    const announced = new Set<string>();
    let wake: (() => void) | undefined;
    // A message names one finished key, or several joined by line breaks (a finish of several jobs at once).
    sub.on('message', (_channel: string, message: string) => {
      let any = false;
      for (const key of message.split('\n')) {
        if (!pending.has(key)) continue;
        announced.add(key);
        any = true;
      }
      if (any) wake?.();
    });
    await sub.subscribe(keys.doneChannel);
    try {
      await take();
      let sweptAt = Date.now();
      let addedAt = sweptAt;
      while (pending.size) {
        const reason = stopped();
        if (reason) throw reason;
        if (!announced.size) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 1_000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
        const now = Date.now();
        const some = now - sweptAt >= 1_000 ? pending : [...announced];
        if (some === pending) sweptAt = now;
        announced.clear();
        await take(some);
        if (pending.size && now - addedAt >= 5_000) {
          addedAt = now;
          await add([...pending]);
        }
      }
    } finally {
      sub.disconnect();
    }
    return jobKeys.map((k) => found.get(k)!);
  }

  return {
    work,
    dispatch,
    async close() {
      await queue?.close();
      queueConnection?.disconnect();
    },
  };
}
