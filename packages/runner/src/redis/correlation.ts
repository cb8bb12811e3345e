// Webhook correlation through Redis: any instance matches a callback to its job (the ledger's replyRef and id
// indexes are in Redis) and publishes the wake-up; the instance that follows the job (whichever worker took it)
// is subscribed and wakes its follower, which re-fetches the job by id. A wake-up that arrives before the
// follower listens is kept for a while (`early:<key>`) and taken when it starts listening.
import type { Redis } from 'ioredis';
import type { CallbackHint, WakeRegistry, WebhookCorrelation } from '../correlation.js';
import type { BatchKeys } from './keys.js';

/** How long an early wake-up is kept. */
const EARLY_TTL_S = 3_600;

/** Correlation of one batch on Redis. `close` drops the subscriber. */
export function createRedisCorrelation(redis: Redis, keys: BatchKeys, subscriber: () => Redis): WebhookCorrelation & WakeRegistry & { close(): void } {
  const listeners = new Map<string, Set<(hint: CallbackHint) => void>>();
  let sub: Redis | undefined;
  const subscribe = () => {
    if (sub) return;
    sub = subscriber();
    void sub.subscribe(keys.wakeChannel).catch(() => undefined);
    sub.on('message', (_channel: string, message: string) => {
      const { key, hint } = JSON.parse(message) as { key: string; hint: CallbackHint };
      const set = listeners.get(key);
      if (!set?.size) return;
      void redis.del(keys.early(key)).catch(() => undefined);
      for (const wake of set) wake(hint);
    });
  };
  return {
    async match(hint) {
      if (hint.replyRef) {
        const key = await redis.hget(keys.replyRefs, hint.replyRef);
        if (key !== null) return key;
      }
      return (await redis.hget(keys.ids, hint.id)) ?? undefined;
    },
    async notify(key, hint) {
      await redis.multi().set(keys.early(key), JSON.stringify(hint), 'EX', EARLY_TTL_S).publish(keys.wakeChannel, JSON.stringify({ key, hint })).exec();
    },
    listen(key, wake) {
      subscribe();
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(wake);
      void redis.getdel(keys.early(key)).then(
        (json) => json && set.has(wake) && wake(JSON.parse(json) as CallbackHint),
        () => undefined,
      );
      return () => {
        set.delete(wake);
        if (!set.size) listeners.delete(key);
      };
    },
    close() {
      sub?.disconnect();
      sub = undefined;
    },
  };
}
