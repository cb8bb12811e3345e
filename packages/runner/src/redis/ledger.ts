// The ledger on Redis: a job's record is the fold of its events (the same `applyEvent` as every ledger), stored
// with a revision; an append is one Lua script that checks the revision (compare-and-set: a concurrent writer
// makes it retry), the claim's fencing token (a worker whose claim was taken over writes nothing), and writes the
// record, the event log and the indexes at once. So "intent" is in Redis before the create leaves, the ids right
// after; with persistence on (appendonly, `appendfsync always` for no loss at all) a restart keeps both.
// A cancelled batch: the script refuses an `intent` (checked with the write, atomically) and the job is ended as
// cancelled instead, so nothing new is created.
import type { Redis } from 'ioredis';
import { applyEvent, LedgerError, type Claim, type JobRecord, type Ledger, type LedgerEvent, type UploadRecord } from '../ledger.js';
import { batched, luaScript } from './connection.js';
import { BATCHES_KEY, type BatchKeys } from './keys.js';

// One append: ARGV key, revision, claim token ('' none), record, event, event type, replyRef, ids (JSON).
const APPEND_ONE = `
local function append(key, expected, token, record, event, kind, replyRef, ids)
  local rev = tonumber(redis.call('HGET', KEYS[2], key) or '0')
  if rev ~= tonumber(expected) then return 'conflict' end
  if token ~= '' then
    local c = redis.call('HGET', KEYS[3], key)
    if not c then return 'lost' end
    if string.match(c, '^.*|(%d+)|%d+$') ~= token then return 'lost' end
  end
  if kind == 'intent' and redis.call('HGET', KEYS[8], 'cancelled') then return 'cancelled' end
  redis.call('HSET', KEYS[1], key, record)
  redis.call('HSET', KEYS[2], key, rev + 1)
  redis.call('RPUSH', KEYS[7], event)
  if kind == 'submitted' then
    redis.call('RPUSH', KEYS[4], key)
    redis.call('HSET', KEYS[5], replyRef, key)
  end
  if kind == 'created' then
    for _, id in ipairs(cjson.decode(ids)) do redis.call('HSET', KEYS[6], id, key) end
  end
  return 'ok'
end
`;

// Several jobs' appends in one script run (8 ARGV each, in order; each checked and written as if alone).
const APPEND_MANY = `${APPEND_ONE}
local out = {}
for i = 1, #ARGV, 8 do out[#out + 1] = append(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5], ARGV[i + 6], ARGV[i + 7]) end
return out
`;

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// Several claims in one script run (ARGV per claim: key, owner, ttl). Each answers 0 (held by another) or
// {token, record, revision}: the drive reads the record with its claim.
const CLAIM_MANY = `${NOW}
local out = {}
for i = 1, #ARGV, 3 do
  local key = ARGV[i]
  local c = redis.call('HGET', KEYS[1], key)
  local free = true
  if c then
    local owner, _, untl = string.match(c, '^(.*)|(%d+)|(%d+)$')
    if tonumber(untl) > now and owner ~= ARGV[i + 1] then free = false end
  end
  if free then
    local token = redis.call('INCR', KEYS[2])
    redis.call('HSET', KEYS[1], key, ARGV[i + 1] .. '|' .. token .. '|' .. (now + tonumber(ARGV[i + 2])))
    out[#out + 1] = {token, redis.call('HGET', KEYS[3], key) or '', redis.call('HGET', KEYS[4], key) or ''}
  else
    out[#out + 1] = 0
  end
end
return out
`;

const RENEW = `${NOW}
local c = redis.call('HGET', KEYS[1], ARGV[1])
if not c then return 0 end
local owner, token = string.match(c, '^(.*)|(%d+)|%d+$')
if token ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], owner .. '|' .. token .. '|' .. (now + tonumber(ARGV[3])))
return 1
`;

const RELEASE = `
local c = redis.call('HGET', KEYS[1], ARGV[1])
if c and string.match(c, '^.*|(%d+)|%d+$') == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
return 1
`;

const canonical = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** Whether a `submitted` event is the one a record was made from. */
function sameSubmission(record: JobRecord, e: Extract<LedgerEvent, { type: 'submitted' }>): boolean {
  return record.kind === e.kind && record.replyRef === e.replyRef && canonical(record.input) === canonical(e.input) && canonical(record.files.map((f) => [f.field, f.sha256])) === canonical(e.files.map((f) => [f.field, f.sha256]));
}

/** The Redis ledger, and `forget`: drops what it keeps of a job this process is done with. */
export type RedisLedger = Ledger & { forget(key: string): void };

/** The Redis ledger of one batch (`id`: the batch's ledger id, part of every replyRef). */
export function createRedisLedger(redis: Redis, keys: BatchKeys, id: string, batch: string): RedisLedger {
  // Appends and claims of the jobs in flight are gathered: one script run for all those of one turn.
  const appendMany = luaScript(redis, 'ummAppendMany', 8, APPEND_MANY);
  const appendKeys = [keys.records, keys.revisions, keys.claims, keys.order, keys.replyRefs, keys.ids, keys.events, keys.meta];
  const append = batched<(string | number)[], string>(async (items) => (await appendMany(appendKeys, items.flat())) as string[]);
  const claimMany = luaScript(redis, 'ummClaimMany', 4, CLAIM_MANY);
  const claimKeys = [keys.claims, keys.tokens, keys.records, keys.revisions];
  const claimScript = batched<(string | number)[], [number, string, string] | 0>(async (items) => (await claimMany(claimKeys, items.flat())) as ([number, string, string] | 0)[]);
  const renewScript = luaScript(redis, 'ummRenew', 1, RENEW);
  const releaseScript = luaScript(redis, 'ummRelease', 1, RELEASE);
  let registered: Promise<unknown> | undefined;
  const register = () => (registered ??= redis.multi().sadd(BATCHES_KEY, batch).hsetnx(keys.meta, 'id', id).hsetnx(keys.meta, 'createdAt', String(Date.now())).exec());
  // The record and revision of each job this process holds the claim of, as it last read or wrote them: kept
  // parsed (records are never changed in place: every event folds into a new one), so a job's appends neither
  // read it back nor parse it again. Dropped when the claim is released or the job finished (`forget`).
  const written = new Map<string, { record: JobRecord; rev: number }>();
  // Keys just claimed here: the claim script read the record too, and the next `get` (the drive's) takes it.
  const claimedNow = new Set<string>();
  const parse = (json: string | null | undefined) => (json ? (JSON.parse(json) as JobRecord) : undefined);
  const forget = (key: string) => {
    written.delete(key);
    claimedNow.delete(key);
  };

  const ledger: RedisLedger = {
    id,
    location: `redis batch ${batch}`,
    forget,
    async get(key) {
      const known = claimedNow.delete(key) ? written.get(key) : undefined;
      if (known) return known.record;
      return parse(await redis.hget(keys.records, key));
    },
    async list() {
      const [order, all] = await Promise.all([redis.lrange(keys.order, 0, -1), redis.hgetall(keys.records)]);
      return order.map((k) => parse(all[k])).filter((r): r is JobRecord => r !== undefined);
    },
    async findByReplyRef(replyRef) {
      const key = await redis.hget(keys.replyRefs, replyRef);
      return key === null ? undefined : parse(await redis.hget(keys.records, key));
    },
    async append(key, event, claim) {
      await register();
      for (let tries = 0; tries < 50; tries++) {
        // The last revision this process wrote is the current one while it holds the claim (one round trip
        // saved per write); the script's compare-and-set catches any other writer, and then the record is read.
        const known = tries === 0 ? written.get(key) : undefined;
        let before = known?.record;
        let rev = known?.rev ?? 0;
        if (!known) {
          const [json, revision] = (await redis.multi().hget(keys.records, key).hget(keys.revisions, key).exec())!.map(([, v]) => v as string | null);
          before = parse(json);
          rev = Number(revision ?? '0');
        }
        // Several processes may submit the same manifest at once: the same job again is no error.
        if (event.type === 'submitted' && before && sameSubmission(before, event)) return before;
        let next: JobRecord;
        try {
          next = applyEvent(before, key, event);
        } catch (error) {
          // What this process wrote last is not the job's state any more (another worker went on with it since):
          // read it and fold again.
          if (known) {
            written.delete(key);
            continue;
          }
          throw error;
        }
        const record = JSON.stringify(next);
        const ids = event.type === 'created' ? event.ids : [];
        const answer = await append([key, rev, claim ? String(claim.token) : '', record, JSON.stringify({ key, ...event }), event.type, event.type === 'submitted' ? event.replyRef : '', JSON.stringify(ids)]);
        if (answer === 'ok') {
          // Kept for the next append under the claim (a submitter without one reads the record when it needs it).
          if (claim) written.set(key, { record: next, rev: rev + 1 });
          return next;
        }
        // The batch was cancelled: the script refused the intent (nothing written); the job ends instead.
        if (answer === 'cancelled') return ledger.append(key, { type: 'ended', outcome: 'cancelled', message: 'the batch was cancelled before this job was created (nothing was sent)', at: Date.now() }, claim);
        written.delete(key);
        if (answer === 'lost') throw new LedgerError(`job ${key}: the claim of ${claim?.owner} was lost`);
      }
      throw new LedgerError(`job ${key}: too many concurrent writes`);
    },
    async claim(key, owner, ttlMs) {
      const answer = await claimScript([key, owner, Math.ceil(ttlMs)]);
      if (answer === 0) return undefined;
      const [token, json, rev] = answer;
      if (json) {
        written.set(key, { record: parse(json)!, rev: Number(rev || '0') });
        claimedNow.add(key);
      }
      return { key, owner, token: Number(token) };
    },
    async renew(claim: Claim, ttlMs) {
      return (await renewScript([keys.claims], [claim.key, String(claim.token), Math.ceil(ttlMs)])) === 1;
    },
    async release(claim) {
      forget(claim.key);
      await releaseScript([keys.claims], [claim.key, String(claim.token)]);
    },
    async getUpload(account, sha256) {
      const json = await redis.hget(keys.uploads, `${account}\u0000${sha256}`);
      return json ? (JSON.parse(json) as UploadRecord) : undefined;
    },
    async putUpload(upload) {
      await redis.hset(keys.uploads, `${upload.account}\u0000${upload.sha256}`, JSON.stringify(upload));
    },
    async close() {},
  };
  return ledger;
}
