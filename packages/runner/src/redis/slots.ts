// Slots on Redis, shared by every worker of every batch on the same accounts: per account and pool a sorted set
// of holders scored by their lease's expiry. Acquire is one Lua script ("drop expired leases; take one if fewer
// than the limit are held"), so two workers never over-fill an account; a worker renews the leases it holds,
// and a dead worker's leases expire (their slots come back) unless another worker adopted the job first.
import type { Redis } from 'ioredis';
import type { Pool } from '../kinds.js';
import type { SlotLease, SlotStore } from '../slots.js';
import { luaScript } from './connection.js';
import { SLOTS_FREED_CHANNEL, slotKey } from './keys.js';

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const ACQUIRE = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  return 1
end
local limit = tonumber(ARGV[2])
if limit >= 0 and redis.call('ZCARD', KEYS[1]) >= limit then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
return 1
`;

const RENEW = `${NOW}
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1]) return 1 end
return 0
`;

const HELD = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
`;

/** Options of the Redis slot store. */
export interface RedisSlotsOptions {
  /** Holder names are prefixed with this (the batch), so two batches' job keys never collide. */
  scope: string;
  /** A lease lasts this long without renewal (default 60 s; renewed every third of it). */
  leaseMs: number;
  /** Opens the subscriber connection (for `watch`). */
  subscriber: () => Redis;
}

/** A slot store on Redis. `close` stops the renewals. */
export function createRedisSlots(redis: Redis, options: RedisSlotsOptions): SlotStore & { close(): void } {
  const acquire = luaScript(redis, 'ummSlotAcquire', 1, ACQUIRE);
  const renew = luaScript(redis, 'ummSlotRenew', 1, RENEW);
  const held = luaScript(redis, 'ummSlotHeld', 1, HELD);
  const mine = new Map<string, { zset: string; member: string }>();
  const member = (holder: string) => `${options.scope}\u0000${holder}`;
  const timer = setInterval(() => {
    for (const { zset, member: m } of mine.values()) void renew([zset], [m, options.leaseMs]).catch(() => undefined);
  }, options.leaseMs / 3);
  timer.unref();
  let subscriber: Redis | undefined;
  const watchers = new Set<() => void>();
  let poll: ReturnType<typeof setInterval> | undefined;

  return {
    async acquire(account: string, pool: Pool, limit: number, holder: string): Promise<SlotLease | undefined> {
      const zset = slotKey(account, pool);
      const ok = await acquire([zset], [member(holder), Number.isFinite(limit) ? limit : -1, options.leaseMs]);
      if (ok !== 1) return undefined;
      mine.set(`${zset}\u0000${holder}`, { zset, member: member(holder) });
      return { account, pool, holder };
    },
    async release(lease) {
      const zset = slotKey(lease.account, lease.pool);
      mine.delete(`${zset}\u0000${lease.holder}`);
      await redis.multi().zrem(zset, member(lease.holder)).publish(SLOTS_FREED_CHANNEL, zset).exec();
    },
    async held(account, pool) {
      return Number(await held([slotKey(account, pool)], []));
    },
    watch(onFreed) {
      watchers.add(onFreed);
      if (!subscriber) {
        subscriber = options.subscriber();
        void subscriber.subscribe(SLOTS_FREED_CHANNEL).catch(() => undefined);
        subscriber.on('message', () => watchers.forEach((w) => w()));
        // Expired leases free slots without a message: look again now and then.
        poll = setInterval(() => watchers.forEach((w) => w()), Math.max(500, options.leaseMs / 4));
        poll.unref();
      }
      return () => {
        watchers.delete(onFreed);
        if (!watchers.size && subscriber) {
          clearInterval(poll);
          subscriber.disconnect();
          subscriber = undefined;
        }
      };
    },
    close() {
      clearInterval(timer);
      clearInterval(poll);
      subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}
