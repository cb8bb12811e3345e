// The end of a job in one Redis call: its last slot given back, its claim released and its result stored (and
// announced), by one Lua script fenced by the claim's token. A worker whose claim was taken over (it stalled,
// another worker went on with the job) changes nothing: not the slot (the same holder's lease is the new owner's
// now), not the claim, not the result. One round trip where there were two. (The job's ledger events are written
// before: its `created` right after the create's answer, so a crash after it never recreates the job.)
import type { Redis } from 'ioredis';
import type { FinishJob } from '../backend.js';
import { luaScript } from './connection.js';
import { SLOTS_FREED_CHANNEL, type BatchKeys } from './keys.js';

// KEYS: claims, results[, slot zset]. ARGV: key, token, result, done channel[, member, freed channel].
const FINISH = `
local c = redis.call('HGET', KEYS[1], ARGV[1])
if not c or string.match(c, '^.*|(%d+)|%d+$') ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
if KEYS[3] then
  redis.call('ZREM', KEYS[3], ARGV[5])
  redis.call('PUBLISH', ARGV[6], KEYS[3])
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[1])
return 1
`;

/** The finish of the batch's jobs (`slot`: names a lease and stops renewing it). */
export function createFinish(redis: Redis, keys: BatchKeys, slot: (lease: NonNullable<Parameters<FinishJob>[1]>) => { zset: string; member: string }): FinishJob {
  const finish = luaScript(redis, 'ummFinish', -1, FINISH);
  return async (claim, lease, result) => {
    const args = [claim.key, String(claim.token), JSON.stringify({ ...result, at: Date.now() }), keys.doneChannel];
    const redisKeys = [keys.claims, keys.results];
    if (!lease) return Number(await finish(redisKeys, args)) === 1;
    const { zset, member } = slot(lease);
    return Number(await finish([...redisKeys, zset], [...args, member, SLOTS_FREED_CHANNEL])) === 1;
  };
}
