// The end of a job in one Redis call (shared with the other jobs ending in the same turn): its last slot given back, its claim released and its result stored (and
// announced), by one Lua script fenced by the claim's token. A worker whose claim was taken over (it stalled,
// another worker went on with the job) changes nothing: not the slot (the same holder's lease is the new owner's
// now), not the claim, not the result. One round trip where there were two. (The job's ledger events are written
// before: its `created` right after the create's answer, so a crash after it never recreates the job.)
import type { Redis } from 'ioredis';
import type { FinishJob } from '../backend.js';
import { batched, luaScript } from './connection.js';
import { SLOTS_FREED_CHANNEL, type BatchKeys } from './keys.js';

// Several jobs' ends in one script run. KEYS: claims, results, then the distinct slot zsets. ARGV[1] the done
// channel, ARGV[2] the freed channel, then per job: key, token, result, the index of its zset in KEYS (0: none),
// its member. Each answers 1, or 0 when its claim is not (any more) the one given: that job changes nothing.
// The finished keys are announced in one message (joined by line breaks, which keys never contain), each freed
// zset once.
const FINISH_MANY = `
local out = {}
local done = {}
local freed = {}
for i = 3, #ARGV, 5 do
  local key = ARGV[i]
  local c = redis.call('HGET', KEYS[1], key)
  if not c or string.match(c, '^.*|(%d+)|%d+$') ~= ARGV[i + 1] then
    out[#out + 1] = 0
  else
    redis.call('HDEL', KEYS[1], key)
    local z = tonumber(ARGV[i + 3])
    if z > 0 then
      redis.call('ZREM', KEYS[z], ARGV[i + 4])
      freed[z] = true
    end
    redis.call('HSET', KEYS[2], key, ARGV[i + 2])
    done[#done + 1] = key
    out[#out + 1] = 1
  end
end
for z in pairs(freed) do redis.call('PUBLISH', ARGV[2], KEYS[z]) end
if #done > 0 then redis.call('PUBLISH', ARGV[1], table.concat(done, '\\n')) end
return out
`;

type FinishItem = { key: string; token: string; result: string; zset: string | undefined; member: string };

/** The finish of the batch's jobs (`slot`: names a lease and stops renewing it). Those of one turn share one script run. */
export function createFinish(redis: Redis, keys: BatchKeys, slot: (lease: NonNullable<Parameters<FinishJob>[1]>) => { zset: string; member: string }): FinishJob {
  const finishMany = luaScript(redis, 'ummFinishMany', -1, FINISH_MANY);
  const finish = batched<FinishItem, number>(async (items) => {
    const redisKeys = [keys.claims, keys.results];
    const index = new Map<string, number>();
    const args: (string | number)[] = [keys.doneChannel, SLOTS_FREED_CHANNEL];
    for (const item of items) {
      let z = 0;
      if (item.zset !== undefined) {
        z = index.get(item.zset) ?? 0;
        if (!z) index.set(item.zset, (z = redisKeys.push(item.zset)));
      }
      args.push(item.key, item.token, item.result, z, item.member);
    }
    return ((await finishMany(redisKeys, args)) as number[]).map(Number);
  });
  return async (claim, lease, result) => {
    const named = lease ? slot(lease) : undefined;
    return (await finish({ key: claim.key, token: String(claim.token), result: JSON.stringify({ ...result, at: Date.now() }), zset: named?.zset, member: named?.member ?? '' })) === 1;
  };
}
