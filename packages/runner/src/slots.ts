// Slot accounting: how many slots of each pool each account has in use by this runner (or, with a shared store,
// by every worker). The store only counts; the limits come from the account book. A shared backend (issue #14)
// implements `SlotStore` atomically ("take one if fewer than limit are held", leases that expire with their
// holder), so every worker sees every other worker's jobs and no account is over-filled.
import type { Pool } from './kinds.js';

/** One slot held: released when the job is final (or its create definitively failed). */
export interface SlotLease {
  readonly account: string;
  readonly pool: Pool;
  /** The job holding it. */
  readonly holder: string;
}

/** One slot asked for in {@link SlotStore.acquireMany}. */
export interface SlotRequest {
  readonly account: string;
  readonly pool: Pool;
  /** Granted only while fewer than this many of `pool` on `account` are held (Infinity: no limit). */
  readonly limit: number;
  readonly holder: string;
}

/** Where slots are counted. */
export interface SlotStore {
  /** Takes a slot when fewer than `limit` of `pool` on `account` are held; undefined when full. */
  acquire(account: string, pool: Pool, limit: number, holder: string): Promise<SlotLease | undefined>;
  /**
   * Takes several slots at once, in order, as one atomic step (a shared store: one round trip): each request is
   * granted as `acquire` would grant it after the ones before it. Optional: placement falls back to `acquire`.
   */
  acquireMany?(requests: readonly SlotRequest[]): Promise<(SlotLease | undefined)[]>;
  /** Gives a slot back (idempotent). */
  release(lease: SlotLease): Promise<void>;
  /** Slots of `pool` on `account` held now. */
  held(account: string, pool: Pool): Promise<number>;
  /**
   * Calls `onFreed` when a slot may have been freed elsewhere (a shared store: another worker's job ended, a dead
   * worker's lease expired), so that the runner places its waiting jobs again. Returns the unsubscribe function.
   */
  watch?(onFreed: () => void): () => void;
}

/** Slots counted in this process. */
export function createLocalSlots(): SlotStore {
  const holders = new Map<string, Set<string>>();
  const set = (account: string, pool: Pool) => {
    const key = `${account}\u0000${pool}`;
    let s = holders.get(key);
    if (!s) holders.set(key, (s = new Set()));
    return s;
  };
  const take = (account: string, pool: Pool, limit: number, holder: string): SlotLease | undefined => {
    const s = set(account, pool);
    if (s.has(holder)) return { account, pool, holder };
    if (s.size >= limit) return undefined;
    s.add(holder);
    return { account, pool, holder };
  };
  return {
    acquire: async (account, pool, limit, holder) => take(account, pool, limit, holder),
    acquireMany: async (requests) => requests.map((r) => take(r.account, r.pool, r.limit, r.holder)),
    release: async (lease) => {
      set(lease.account, lease.pool).delete(lease.holder);
    },
    held: async (account, pool) => set(account, pool).size,
  };
}
