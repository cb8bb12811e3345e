// The end of a job in one Redis call: its last slot given back, its claim released and its result stored (and
// announced), by one Lua script fenced by the claim's token; when given, a last ledger event not yet written goes
// in the same step (compare-and-set on the revision, as `append`). A worker whose claim was taken over (it
// stalled, another worker went on with the job) changes nothing: not the record, not the slot (the same holder's
// lease is the new owner's now), not the claim, not the result. One round trip where there were two.
import type { Redis } from 'ioredis';
import type { FinishJob } from '../backend.js';
import type { Ledger } from '../ledger.js';
import { luaScript } from './connection.js';
import { SLOTS_FREED_CHANNEL, type BatchKeys } from './keys.js';
import type { RevisionCache } from './ledger.js';

// KEYS: claims, results, records, revisions, events, ids[, slot zset].
// ARGV: key, token, result, done channel, revision, record ('' : no event), event, ids (JSON)[, member, freed channel].
const FINISH = `
local c = redis.call('HGET', KEYS[1], ARGV[1])
if not c or string.match(c, '^.*|(%d+)|%d+$') ~= ARGV[2] then return 0 end
if ARGV[6] ~= '' then
  local rev = tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0')
  if rev ~= tonumber(ARGV[5]) then return -1 end
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[6])
  redis.call('HSET', KEYS[4], ARGV[1], rev + 1)
  redis.call('RPUSH', KEYS[5], ARGV[7])
  for _, id in ipairs(cjson.decode(ARGV[8])) do redis.call('HSET', KEYS[6], id, ARGV[1]) end
end
redis.call('HDEL', KEYS[1], ARGV[1])
if KEYS[7] then
  redis.call('ZREM', KEYS[7], ARGV[9])
  redis.call('PUBLISH', ARGV[10], KEYS[7])
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[1])
return 1
`;

/** The finish of the batch's jobs (`slot`: names a lease and stops renewing it). */
export function createFinish(redis: Redis, keys: BatchKeys, ledger: Ledger & RevisionCache, slot: (lease: NonNullable<Parameters<FinishJob>[1]>) => { zset: string; member: string }): FinishJob {
  const finish = luaScript(redis, 'ummFinish', -1, FINISH);
  const run = async (...[claim, lease, result, last]: Parameters<FinishJob>): Promise<number> => {
    const stored = JSON.stringify({ ...result, at: Date.now() });
    const known = last && ledger.known(claim.key);
    const record = last && known ? JSON.stringify(last.record) : '';
    const ids = last && known && last.event.type === 'created' ? last.event.ids : [];
    const args = [claim.key, String(claim.token), stored, keys.doneChannel, known?.[1] ?? '0', record, record && JSON.stringify({ key: claim.key, ...last!.event }), JSON.stringify(ids)];
    const redisKeys = [keys.claims, keys.results, keys.records, keys.revisions, keys.events, keys.ids];
    if (last && !known) {
      // This process does not know the record's revision: the event goes through the ledger first.
      await ledger.append(claim.key, last.event, claim);
      return run(claim, lease, result);
    }
    const answer = Number(await (lease ? (({ zset, member }) => finish([...redisKeys, zset], [...args, member, SLOTS_FREED_CHANNEL]))(slot(lease)) : finish(redisKeys, args)));
    if (answer === 1 && record) ledger.wrote(claim.key, record, String(Number(known![1]) + 1));
    if (answer === -1) {
      // Another write since (under this claim: none of the job's steps; a concurrent writer): the ledger's
      // compare-and-set loop appends it, then the finish without it.
      ledger.wrote(claim.key);
      await ledger.append(claim.key, last!.event, claim);
      return run(claim, lease, result);
    }
    return answer;
  };
  return async (...a) => (await run(...a)) === 1;
}
