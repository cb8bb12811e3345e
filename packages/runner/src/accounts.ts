// The account book: which accounts may take which kind of job, how many slots each has per pool, and the
// account rules of the API: 429 → back that account off (Retry-After when given); 412 → out of credits (or no
// audio plan) for that pool; 596 → on hold (the account pauses, not the batch); an account with `error` is
// never used. Capacity comes from `GET /accounts` (`maxJobs`) and `GET /scheduler/available` (what runs there,
// ours and others').
import type { MiniMaxClient } from '@useapi-minimax/client';
import { submitKinds, type Pool } from './kinds.js';

/** What the runner knows of one configured account. */
export interface AccountInfo {
  readonly account: string;
  readonly maxJobs: number;
  /** Capabilities as `GET /accounts` states them (`undefined`: not stated). */
  readonly supportVideo: boolean | undefined;
  readonly supportAudio: boolean | undefined;
  readonly supportMusic: boolean | undefined;
  /** Set when useapi reports the account in an error state (never used then). */
  readonly error: string | undefined;
}

/** Why an account cannot take a job of a pool right now. */
export type AccountHold =
  | { reason: 'rate-limited'; until: number }
  | { reason: 'on-hold'; until: number }
  | { reason: 'out-of-credits' }
  | { reason: 'error'; message: string }
  | { reason: 'unsupported' };

/** Slots per pool per account when the API documents no count (default: the account's `maxJobs`). */
export type SlotLimits = Partial<Record<Pool, number>>;

/** An account the book offers for a pool, with its limit now. */
export interface Candidate {
  readonly account: string;
  readonly limit: number;
}

interface State {
  info: AccountInfo;
  onHoldUntil: number;
  exhausted: Set<Pool>;
  backoffUntil: Map<Pool, number>;
  /** Limits learned from 429s where the API documents none. */
  learned: Map<Pool, number>;
  /** Slots taken by jobs that are not this runner's (from the scheduler). */
  external: Map<Pool, number>;
  /** Consecutive 429s per pool (for the backoff without Retry-After). */
  strikes: Map<Pool, number>;
}

const ACCOUNT_IN_ID = /-minimax:(\d+)-(video|image|audio|music|file)/;

/** The account a job id embeds (`user:1-minimax:<account>-video:…`), if any. */
export function accountOfId(id: string): string | undefined {
  return ACCOUNT_IN_ID.exec(id)?.[1];
}

/** How long a 596 pauses an account before the runner tries it again (it "can last hours"). */
export const ON_HOLD_PAUSE_MS = 30 * 60_000;

/** Options of the account book. */
export interface AccountBookOptions {
  /** Use only these accounts. */
  only?: readonly string[] | undefined;
  /** Slots per pool where the API documents no count. */
  slots?: SlotLimits | undefined;
  /** Pause after a 596 (default 30 min). */
  onHoldPauseMs?: number | undefined;
  /** The clock (tests). */
  now?: () => number;
}

/** The accounts and their rules. */
export class AccountBook {
  private readonly states = new Map<string, State>();
  private readonly now: () => number;
  private loadedAt = -Infinity;

  constructor(private readonly options: AccountBookOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** The accounts known (after `load`). */
  get accounts(): AccountInfo[] {
    return [...this.states.values()].map((s) => s.info);
  }

  /** When `load` last read the accounts (epoch ms). */
  get loaded(): number {
    return this.loadedAt;
  }

  /** Reads `GET /accounts` (the accounts that exist, their `maxJobs`, capabilities and errors). */
  async load(client: MiniMaxClient, signal?: AbortSignal): Promise<void> {
    let list: Record<string, Record<string, unknown>>;
    try {
      list = (await client.accounts.list({ signal })) as unknown as Record<string, Record<string, unknown>>;
    } catch (error) {
      // 404 "Configuration not found": no account is configured.
      if ((error as { status?: number }).status === 404) list = {};
      else throw error;
    }
    const seen = new Set<string>();
    for (const [id, a] of Object.entries(list ?? {})) {
      const account = String(a.account ?? id);
      if (this.options.only && !this.options.only.includes(account)) continue;
      seen.add(account);
      const info: AccountInfo = {
        account,
        maxJobs: typeof a.maxJobs === 'number' && a.maxJobs > 0 ? a.maxJobs : 1,
        supportVideo: typeof a.supportVideo === 'boolean' ? a.supportVideo : undefined,
        supportAudio: typeof a.supportAudio === 'boolean' ? a.supportAudio : undefined,
        supportMusic: typeof a.supportMusic === 'boolean' ? a.supportMusic : undefined,
        error: typeof a.error === 'string' && a.error ? a.error : undefined,
      };
      const old = this.states.get(account);
      if (old) old.info = info;
      else this.states.set(account, { info, onHoldUntil: 0, exhausted: new Set(), backoffUntil: new Map(), learned: new Map(), external: new Map(), strikes: new Map() });
    }
    for (const account of this.states.keys()) if (!seen.has(account)) this.states.delete(account);
    this.loadedAt = this.now();
  }

  /**
   * Takes in `GET /scheduler/available`: per account, the slots taken by jobs that are not ours (`ours`: whether
   * a running entry is one of this runner's jobs — the ids it follows, the replyRefs of its ledger). Videos count
   * against `maxJobs` (`executing`), speech is `executingAudio`. An account missing from `available` has no free
   * slot (the API lists only accounts with one).
   */
  observeScheduler(
    snapshot: { executing?: readonly Record<string, unknown>[]; available?: readonly Record<string, unknown>[] },
    ours: (id: string, entry: Record<string, unknown>) => boolean,
  ): void {
    const byAccount = new Map((snapshot.available ?? []).map((a) => [String(a.account), a]));
    const mine = new Map<string, { video: number; speech: number; audioEntries: number }>();
    for (const entry of snapshot.executing ?? []) {
      const video = typeof entry.videoId === 'string' ? entry.videoId : undefined;
      const audio = typeof entry.audioId === 'string' ? entry.audioId : undefined;
      const id = video ?? audio;
      const account = id && accountOfId(id);
      if (!account) continue;
      const m = mine.get(account) ?? { video: 0, speech: 0, audioEntries: 0 };
      if (video && ACCOUNT_IN_ID.exec(video)?.[2] === 'video' && ours(video, entry)) m.video++;
      if (audio) {
        m.audioEntries++;
        if (ours(audio, entry)) m.speech++;
      }
      mine.set(account, m);
    }
    for (const s of this.states.values()) {
      const a = byAccount.get(s.info.account);
      const m = mine.get(s.info.account) ?? { video: 0, speech: 0, audioEntries: 0 };
      const executing = a
        ? typeof a.executing === 'number'
          ? a.executing
          : typeof a.available === 'number'
            ? s.info.maxJobs - a.available
            : 0
        : s.info.maxJobs;
      s.external.set('video', Math.max(0, executing - m.video));
      const audio = a && typeof a.executingAudio === 'number' ? a.executingAudio : m.audioEntries;
      s.external.set('speech', Math.max(0, audio - m.speech));
    }
  }

  /** Whether some account's free slots for `pool` are taken by jobs that are not ours (a re-read may free them). */
  externallyBusy(pool: Pool): boolean {
    for (const s of this.states.values()) if ((s.external.get(pool) ?? 0) > 0) return true;
    return false;
  }

  /** The slots of `pool` an account has for this runner now. */
  limit(account: string, pool: Pool): number {
    const s = this.states.get(account);
    if (!s) return 0;
    if (pool === 'music-legacy') return 1; // "one generation at a time" per account
    const base = pool === 'video' ? s.info.maxJobs : this.options.slots?.[pool] ?? s.info.maxJobs;
    const learned = s.learned.get(pool) ?? Infinity;
    return Math.max(0, Math.min(base, learned) - (s.external.get(pool) ?? 0));
  }

  /** Why `account` cannot take `pool` now, or undefined when it can. */
  hold(account: string, pool: Pool): AccountHold | undefined {
    const s = this.states.get(account);
    if (!s) return { reason: 'unsupported' };
    if (s.info.error) return { reason: 'error', message: s.info.error };
    // Video and audio accounts say so (the vendor's scripts require the flag); `supportMusic` is missing from
    // the docs' current examples, so only an explicit `false` rules a legacy music account out.
    const flag = submitKinds[pool].support;
    if (flag && (flag === 'supportMusic' ? s.info[flag] === false : s.info[flag] !== true)) return { reason: 'unsupported' };
    if (s.exhausted.has(pool)) return { reason: 'out-of-credits' };
    const now = this.now();
    if (s.onHoldUntil > now) return { reason: 'on-hold', until: s.onHoldUntil };
    const until = s.backoffUntil.get(pool) ?? 0;
    if (until > now) return { reason: 'rate-limited', until };
    return undefined;
  }

  /**
   * The accounts that may take `pool` now, most free slots first (`held`: slots of ours per account), and, when
   * none can, the earliest time one might (a 429 backoff ending), or `blocked` when none can without a person:
   * every account is out of credits, on hold (596 "can last hours": the batch pauses; a resume tries again),
   * in an error state or without the capability.
   */
  candidates(pool: Pool, held: (account: string) => number): { usable: Candidate[]; retryAt: number | undefined; blocked: string | undefined } {
    const usable: Candidate[] = [];
    let retryAt: number | undefined;
    const reasons = new Set<string>();
    for (const s of this.states.values()) {
      const h = this.hold(s.info.account, pool);
      if (!h) {
        usable.push({ account: s.info.account, limit: this.limit(s.info.account, pool) });
        continue;
      }
      reasons.add(h.reason);
      if (h.reason === 'rate-limited') retryAt = Math.min(retryAt ?? Infinity, h.until);
    }
    usable.sort((a, b) => b.limit - held(b.account) - (a.limit - held(a.account)));
    const some = usable.length > 0 || retryAt !== undefined;
    const blocked = some ? undefined : this.states.size === 0 ? 'no MiniMax account is configured (GET /accounts)' : `no account can take ${pool} jobs (${[...reasons].join(', ')})`;
    return { usable, retryAt, blocked };
  }

  /**
   * A 429 from `account` for `pool`: back off (Retry-After, else 2 s doubling to 60 s); where the API documents
   * no slot count, the account's limit becomes what it was running (at least 1), so it is never over-filled again.
   */
  rateLimited(account: string, pool: Pool, retryAfterMs: number | undefined, running: number): number {
    const s = this.states.get(account);
    if (!s) return 0;
    const strikes = (s.strikes.get(pool) ?? 0) + 1;
    s.strikes.set(pool, strikes);
    const wait = retryAfterMs ?? Math.min(60_000, 2_000 * 2 ** (strikes - 1));
    s.backoffUntil.set(pool, this.now() + wait);
    if (pool !== 'video' && pool !== 'music-legacy') s.learned.set(pool, Math.max(1, running));
    return wait;
  }

  /** A create of `pool` succeeded on `account`: its 429 streak ends. */
  accepted(account: string, pool: Pool): void {
    this.states.get(account)?.strikes.delete(pool);
  }

  /** A 412: `account` has no credits (or, for speech and music, no audio plan) for `pool`. */
  outOfCredits(account: string, pool: Pool): void {
    const s = this.states.get(account);
    if (!s) return;
    s.exhausted.add(pool);
    // Speech and music bill the same audio plan.
    if (pool === 'speech' || pool === 'music') for (const p of ['speech', 'music'] as const) s.exhausted.add(p);
  }

  /** A 596: `account` is on hold; it pauses (every pool) for `onHoldPauseMs`. */
  onHold(account: string): number {
    const s = this.states.get(account);
    const pause = this.options.onHoldPauseMs ?? ON_HOLD_PAUSE_MS;
    if (s) s.onHoldUntil = this.now() + pause;
    return pause;
  }
}
