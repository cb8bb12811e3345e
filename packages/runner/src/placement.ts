// Placement: which account a job goes to and when. Waiters are served in submission order (a job that cannot be
// placed does not hold up other pools); a slot is granted when the account book allows the account one more job
// of the pool (its limit, its rules) and the slot store agrees (across workers, with a shared store). Reads
// GET /accounts once and GET /scheduler/available when slots others hold may have freed up.
import type { MiniMaxClient } from '@useapi-minimax/client';
import { AccountBook } from './accounts.js';
import { isReplyRefOf } from './keys.js';
import type { Pool } from './kinds.js';
import type { SlotLease, SlotRequest, SlotStore } from './slots.js';

/** Where a waiting job was placed, or why it cannot be. */
export type PlacementResult = { lease: SlotLease } | { blocked: string };

/** What placement needs from the runner. */
export interface PlacementDeps {
  client: MiniMaxClient;
  book: AccountBook;
  slots: SlotStore;
  /** The ledger's id (a scheduler entry whose replyRef is this ledger's is one of ours, whichever worker made it). */
  ledgerId: string;
  signal: AbortSignal;
  requests: { accountReads: number; schedulerReads: number };
  concurrency: number;
  schedulerRefreshMs: number;
  warn: (message: string) => void;
}

/** The placement of one runner. */
export interface Placement {
  readonly book: AccountBook;
  /** Waits for a slot of `pool` for job `key` (first come, first served). */
  place(key: string, pool: Pool): Promise<PlacementResult>;
  /** Gives job `key`'s slot back (idempotent) and places the next waiters. */
  release(key: string): Promise<void>;
  /** Takes job `key`'s slot out of this runner's count without giving it back to the store (the caller does). */
  detach(key: string): SlotLease | undefined;
  /** A resumed running job keeps its account's slot. */
  adopt(key: string, account: string, pool: Pool): Promise<void>;
  /** The create sent after a placement was answered (`proven`: the account takes creates of the pool). */
  answered(account: string, pool: Pool, proven: boolean): void;
  /** Slots of `pool` this runner holds on `account`. */
  held(pool: Pool, account: string): number;
  /** The scheduler must be read again before the next placement of a counted pool (after a 429). */
  stale(): void;
  /** Ids this runner follows (they are not others' jobs in the scheduler). */
  readonly following: Set<string>;
  /** Places waiters again (a slot may have freed elsewhere). */
  pump(): void;
  /** Stops the placement timer. */
  close(): void;
}

interface Waiter {
  key: string;
  pool: Pool;
  resolve: (placement: PlacementResult) => void;
}

/** Creates the placement of a runner. */
export function createPlacement(deps: PlacementDeps): Placement {
  const { client, book, slots, signal, requests, concurrency, schedulerRefreshMs, warn } = deps;
  const following = new Set<string>();
  const leases = new Map<string, SlotLease>();
  const heldLocal = new Map<string, number>();
  // Until an account has answered one create of a pool, one create at a time goes there: an account out of
  // credits (412) or on hold (596) costs one refused request, not one per slot.
  const proven = new Set<string>();
  const probing = new Map<string, number>();
  const waiters: Waiter[] = [];
  let accountsLoaded: Promise<void> | undefined;
  let schedulerReadAt = -Infinity;
  let schedulerStale = true;
  let schedulerRead: Promise<void> | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let pumping = false;
  let pumpAgain = false;

  const loadAccounts = () =>
    (accountsLoaded ??= (async () => {
      requests.accountReads++;
      await book.load(client, signal);
    })().catch((error) => {
      accountsLoaded = undefined;
      throw error;
    }));

  /** Reads the scheduler (throttled), so that slots others hold are counted. */
  const readScheduler = (force = false): Promise<void> => {
    if (schedulerRead) return schedulerRead;
    if (!force && !schedulerStale && Date.now() - schedulerReadAt < schedulerRefreshMs) return Promise.resolve();
    schedulerRead = (async () => {
      try {
        requests.schedulerReads++;
        const snapshot = (await client.scheduler.available({ signal })) as Parameters<AccountBook['observeScheduler']>[0];
        // Ours: the ids this runner follows, and every job of this ledger (other workers' included).
        book.observeScheduler(snapshot, (id, entry) => following.has(id) || isReplyRefOf(deps.ledgerId, entry.replyRef));
        schedulerReadAt = Date.now();
        schedulerStale = false;
      } finally {
        schedulerRead = undefined;
      }
    })();
    return schedulerRead;
  };

  const heldKey = (account: string, pool: Pool) => `${account}\u0000${pool}`;
  const held = (pool: Pool) => (account: string) => heldLocal.get(heldKey(account, pool)) ?? 0;
  const bump = (lease: SlotLease, by: number) => heldLocal.set(heldKey(lease.account, lease.pool), (heldLocal.get(heldKey(lease.account, lease.pool)) ?? 0) + by);

  const release = async (key: string) => {
    const lease = leases.get(key);
    if (!lease) return;
    leases.delete(key);
    bump(lease, -1);
    await slots.release(lease);
    pump();
  };

  const detach = (key: string) => {
    const lease = leases.get(key);
    if (!lease) return undefined;
    leases.delete(key);
    bump(lease, -1);
    return lease;
  };

  const schedule = (at: number) => {
    const ms = Math.max(0, at - Date.now());
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(pump, ms);
  };

  /** Takes the planned slots: one `acquireMany` (one round trip on a shared store), else one `acquire` each. */
  const acquireAll = async (plan: readonly SlotRequest[]): Promise<(SlotLease | undefined)[]> => {
    if (!plan.length) return [];
    if (slots.acquireMany) return slots.acquireMany(plan);
    const out: (SlotLease | undefined)[] = [];
    for (const r of plan) out.push(await slots.acquire(r.account, r.pool, r.limit, r.holder));
    return out;
  };

  /**
   * Grants slots to waiters, in submission order (a job that cannot be placed does not hold up other pools).
   * Each round plans one account for every waiter that fits (as if the slots before it in the round were
   * granted), takes them all in one step, and plans the refused ones again without the accounts that refused.
   */
  function pump(): void {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    void (async () => {
      try {
        do {
          pumpAgain = false;
          let nextAt = Infinity;
          // Accounts that refused a slot of a pool in this pass (full with others' jobs).
          const full = new Set<string>();
          for (let again = true; again; ) {
            again = false;
            const planned = new Map<string, number>();
            const probes = new Set<string>();
            const plan: { w: Waiter; request: SlotRequest }[] = [];
            const heldNow = (pool: Pool) => (account: string) => held(pool)(account) + (planned.get(heldKey(account, pool)) ?? 0);
            for (const w of [...waiters]) {
              if (signal.aborted) return;
              if (leases.size + plan.length >= concurrency) break;
              if (w.pool === 'video' || w.pool === 'speech') await Promise.all([loadAccounts(), readScheduler()]);
              else await loadAccounts();
              const { usable, retryAt, blocked } = book.candidates(w.pool, heldNow(w.pool));
              if (blocked) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve({ blocked });
                continue;
              }
              const c = usable.find((u) => {
                const k = heldKey(u.account, w.pool);
                if (full.has(k) || heldNow(w.pool)(u.account) >= u.limit) return false;
                return proven.has(k) || ((probing.get(k) ?? 0) === 0 && !probes.has(k));
              });
              if (c) {
                const k = heldKey(c.account, w.pool);
                planned.set(k, (planned.get(k) ?? 0) + 1);
                if (!proven.has(k)) probes.add(k);
                plan.push({ w, request: { account: c.account, pool: w.pool, limit: c.limit, holder: w.key } });
                continue;
              }
              if (retryAt !== undefined) nextAt = Math.min(nextAt, retryAt);
              // Slots taken by others' jobs free up without us seeing it: look again later.
              if (book.externallyBusy(w.pool)) nextAt = Math.min(nextAt, Date.now() + schedulerRefreshMs);
            }
            const granted = await acquireAll(plan.map((p) => p.request));
            plan.forEach(({ w, request }, i) => {
              const placed = granted[i];
              if (!placed) {
                full.add(heldKey(request.account, request.pool));
                again = true;
                return;
              }
              const at = waiters.indexOf(w);
              if (at < 0) {
                // Aborted while the slots were being taken: give it back.
                void slots.release(placed).catch(() => undefined);
                return;
              }
              waiters.splice(at, 1);
              leases.set(w.key, placed);
              bump(placed, 1);
              probing.set(heldKey(placed.account, w.pool), (probing.get(heldKey(placed.account, w.pool)) ?? 0) + 1);
              w.resolve({ lease: placed });
            });
          }
          if (nextAt < Infinity && waiters.length) schedule(nextAt);
        } while (pumpAgain);
      } catch (error) {
        if (!signal.aborted) {
          warn(`could not read the accounts or the scheduler: ${error instanceof Error ? error.message : String(error)}; retrying in 5 s`);
          schedule(Date.now() + 5_000);
        }
      } finally {
        pumping = false;
      }
    })();
  }

  const place = (key: string, pool: Pool) =>
    new Promise<{ lease: SlotLease } | { blocked: string }>((resolve, reject) => {
      const onAbort = () => {
        const i = waiters.findIndex((w) => w.key === key);
        if (i >= 0) waiters.splice(i, 1);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      waiters.push({
        key,
        pool,
        resolve: (p) => {
          signal.removeEventListener('abort', onAbort);
          resolve(p);
        },
      });
      pump();
    });

  return {
    book,
    place,
    release,
    detach,
    async adopt(key, account, pool) {
      if (leases.has(key)) return;
      const lease = await slots.acquire(account, pool, Infinity, key);
      if (lease) {
        leases.set(key, lease);
        bump(lease, 1);
      }
    },
    answered(account, pool, ok) {
      const k = heldKey(account, pool);
      probing.set(k, Math.max(0, (probing.get(k) ?? 0) - 1));
      if (ok) proven.add(k);
    },
    held: (pool, account) => held(pool)(account),
    stale: () => {
      schedulerStale = true;
    },
    following,
    pump,
    close: () => clearTimeout(wakeTimer),
  };
}
