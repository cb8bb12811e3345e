// The CLI on Redis: `batch FILE --redis URL` runs a batch as one worker of many (every process with the same
// `--batch` name shares its jobs), and the operations `batch status`, `batch cancel`, `batch cleanup`. The Redis
// entry of the runner (and its optional peers bullmq, ioredis) is loaded only when --redis is given.
import { basename, extname } from 'node:path';
import type { RunnerBackend } from '@useapi-minimax/runner';
import { EXIT } from './report.js';

type RedisEntry = typeof import('@useapi-minimax/runner/redis');
type Options = Record<string, string | boolean | undefined>;
type Out = (text: string) => void;

/** The batch commands that are operations, not manifests. */
export const BATCH_OPERATIONS = new Set(['status', 'cancel', 'cleanup']);

/** Loads the Redis entry, or says what to install. */
export async function loadRedis(err: Out): Promise<RedisEntry | undefined> {
  try {
    return await import('@useapi-minimax/runner/redis');
  } catch (error) {
    err(`--redis needs the packages bullmq and ioredis (npm install bullmq ioredis): ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

/** The batch name: `--batch`, else the manifest's file name (letters, digits, `.`, `_`, `-`). */
export function batchNameOf(o: Options, file?: string): string | undefined {
  if (typeof o.batch === 'string') return o.batch;
  if (!file) return undefined;
  return basename(file, extname(file)).replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 64) || 'default';
}

/** A Redis backend for `batch FILE --redis URL`. */
export async function batchBackend(o: Options, file: string, err: Out): Promise<(RunnerBackend & { batch: string; close(): Promise<void> }) | undefined> {
  const redis = await loadRedis(err);
  if (!redis) return undefined;
  return redis.redisBackend({ connection: String(o.redis), batch: batchNameOf(o, file) });
}

/** `batch status | cancel | cleanup --redis URL [--batch NAME]`. */
export async function batchOperation(operation: string, o: Options, json: boolean, out: Out, err: Out): Promise<number> {
  if (typeof o.redis !== 'string') {
    err(`batch ${operation}: give --redis URL (the Redis the batch runs on)\n`);
    return EXIT.usage;
  }
  const redis = await loadRedis(err);
  if (!redis) return EXIT.error;
  const connection = o.redis;
  const batch = batchNameOf(o);
  if (operation === 'status') {
    const names = batch ? [batch] : await redis.listBatches(connection);
    const all = [];
    for (const name of names) all.push(await redis.batchStatus(connection, name));
    if (json) out(`${JSON.stringify(batch ? all[0] : all, null, 2)}\n`);
    else if (!all.length) out('no batches in this Redis\n');
    else {
      for (const s of all) {
        const states = Object.entries(s.states).map(([k, v]) => `${v} ${k}`).join(', ') || 'no jobs';
        out(`${s.batch}: ${s.jobs} job(s): ${states}${s.cancelled ? ` (cancelled, running jobs ${s.cancelled === 'follow' ? 'followed' : 'abandoned'})` : ''}${s.finished ? ' (finished)' : ''}\n`);
        for (const [account, counts] of Object.entries(s.accounts)) out(`  account ${account}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
        out(`  queue: ${Object.entries(s.queue).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
      }
    }
    return EXIT.ok;
  }
  if (operation === 'cancel') {
    if (!batch) {
      err('batch cancel: give --batch NAME (see `batch status`)\n');
      return EXIT.usage;
    }
    const running = o.abandon ? 'abandon' : 'follow';
    await redis.cancelBatch(connection, batch, { running });
    if (json) out(`${JSON.stringify({ batch, cancelled: running })}\n`);
    else out(`batch ${batch} cancelled: nothing new will be created; running jobs are ${running === 'follow' ? 'followed to their end' : 'no longer followed (a resume follows them again)'}\n`);
    return EXIT.ok;
  }
  const deleted = await redis.cleanupBatches(connection, { ...(batch ? { batch } : {}), force: o.force === true });
  if (json) out(`${JSON.stringify({ deleted })}\n`);
  else out(deleted.length ? `deleted ${deleted.join(', ')}\n` : 'nothing to delete (only finished or cancelled batches with no running job are; --force for others)\n');
  return EXIT.ok;
}
