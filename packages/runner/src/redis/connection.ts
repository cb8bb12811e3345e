// Connections to Redis: every part of the backend opens its own ioredis client from the one `connection` the
// user gives (a URL, ioredis options, or a client to copy). Commands wait through a Redis restart instead of
// failing (`maxRetriesPerRequest: null`, the offline queue on), as BullMQ requires of its own connections.
import { Redis, type RedisOptions } from 'ioredis';

/** Where Redis is: a `redis://` URL, ioredis options, or an ioredis client (its options are copied). */
export type RedisConnection = string | RedisOptions | Redis;

/** Commands that block their connection: never gathered into a pipeline (a copy of a pipelined client, as BullMQ makes for its fetch, keeps the option). */
const BLOCKING = ['bzpopmin', 'bzpopmax', 'blpop', 'brpop', 'brpoplpush', 'blmove', 'xread', 'xreadgroup'];

/**
 * A new client for `connection` that rides out restarts. `autoPipeline`: the commands issued in one tick go out
 * in one write (the backend's own connection, BullMQ's worker's; blocking commands are never gathered).
 */
export function openRedis(connection: RedisConnection, options: { autoPipeline?: boolean } = {}): Redis {
  const base = { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy: (times: number) => Math.min(1_000, 50 * times), ...(options.autoPipeline ? { enableAutoPipelining: true, autoPipeliningIgnoredCommands: BLOCKING } : {}) };
  if (typeof connection === 'string') return new Redis(connection, base);
  if (connection instanceof Redis) return new Redis({ ...connection.options, ...base });
  return new Redis({ ...connection, ...base });
}

/**
 * Defines a Lua script on a client; the returned function runs it (EVALSHA, loaded again after a restart).
 * `numberOfKeys` -1: as many keys as each call gives.
 */
export function luaScript(redis: Redis, name: string, numberOfKeys: number, lua: string) {
  if (numberOfKeys >= 0) redis.defineCommand(name, { numberOfKeys, lua });
  else redis.defineCommand(name, { lua });
  return (keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> =>
    (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[name]!(...(numberOfKeys >= 0 ? [] : [keys.length]), ...keys, ...args);
}

/**
 * Gathers the calls made in one turn of the event loop (the continuations of the replies one socket read
 * resolved, typically) into one call of `run` with all their items, at most `max` at a time: one command (one
 * script run) for many jobs instead of one each. `run` answers one output per item, in order; an error fails
 * every call of its group. The group goes out on `process.nextTick`, as ioredis's auto-pipelining does.
 */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, max = 128): (item: I) => Promise<O> {
  type Call = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Call[] | undefined;
  const flush = () => {
    const calls = queue!;
    queue = undefined;
    for (let i = 0; i < calls.length; i += max) {
      const group = calls.slice(i, i + max);
      run(group.map((c) => c.item)).then(
        (outs) => group.forEach((c, j) => c.resolve(outs[j]!)),
        (error: unknown) => group.forEach((c) => c.reject(error)),
      );
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (!queue) {
        queue = [];
        process.nextTick(flush);
      }
      queue.push({ item, resolve, reject });
    });
}

/** Closes a client (quit, and disconnect when Redis does not answer). */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await Promise.race([redis.quit(), new Promise((_, reject) => setTimeout(() => reject(new Error('quit timed out')), 1_000).unref())]);
  } catch {
    redis.disconnect();
  }
}
