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

// Many slots in one step: KEYS are the distinct sorted sets, ARGV[1] the lease, then per request the index of
// its key, its member and its limit (-1: none). Each request sees the grants before it, so no set over-fills.
const ACQUIRE_MANY = `${NOW}
for i = 1, #KEYS do redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now) end
local expiry = now + tonumber(ARGV[1])
local granted = {}
for i = 2, #ARGV, 3 do
  local key = KEYS[tonumber(ARGV[i])]
  local member = ARGV[i + 1]
  local limit = tonumber(ARGV[i + 2])
  if redis.call('ZSCORE', key, member) or limit < 0 or redis.call('ZCARD', key) < limit then
    redis.call('ZADD', key, expiry, member)
    granted[#granted + 1] = 1
  else
    granted[#granted + 1] = 0
  end
end
return granted
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

/** A slot store on Redis. `close` stops the renewals; `forget` stops renewing a lease and names it (for a script that releases it). */
export function createRedisSlots(redis: Redis, options: RedisSlotsOptions): SlotStore & { close(): void; forget(lease: SlotLease): { zset: string; member: string } } {
  const acquire = luaScript(redis, 'ummSlotAcquire', 1, ACQUIRE);
  const acquireMany = luaScript(redis, 'ummSlotAcquireMany', -1, ACQUIRE_MANY);
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
    async acquireMany(requests) {
      if (!requests.length) return [];
      const zsets: string[] = [];
      const index = new Map<string, number>();
      const args: (string | number)[] = [options.leaseMs];
      for (const r of requests) {
        const zset = slotKey(r.account, r.pool);
        let i = index.get(zset);
        if (i === undefined) index.set(zset, (i = zsets.push(zset)));
        args.push(i, member(r.holder), Number.isFinite(r.limit) ? r.limit : -1);
      }
      const granted = (await acquireMany(zsets, args)) as number[];
      return requests.map((r, i) => {
        if (granted[i] !== 1) return undefined;
        const zset = slotKey(r.account, r.pool);
        mine.set(`${zset}\u0000${r.holder}`, { zset, member: member(r.holder) });
        return { account: r.account, pool: r.pool, holder: r.holder };
      });
    },
    forget(lease) {
      const zset = slotKey(lease.account, lease.pool);
      mine.delete(`${zset}\u0000${lease.holder}`);
      return { zset, member: member(lease.holder) };
    },
    async release(lease) {
      const zset = slotKey(lease.account, lease.pool);
      mine.delete(`${zset}\u0000${lease.holder}`);
      // Two commands on one connection run in order (and, auto-pipelined, go out in one write): no MULTI needed.
      await Promise.all([redis.zrem(zset, member(lease.holder)), redis.publish(SLOTS_FREED_CHANNEL, zset)]);
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
