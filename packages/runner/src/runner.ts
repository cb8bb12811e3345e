// The job runner: submit jobs (one, or a batch), and it places each on an account with a free slot, records the
// intent before sending the create and the id right after, reconciles creates whose outcome is unknown, follows
// every pending job concurrently (webhook-first when a receiver is configured), downloads the results, and
// reports progress. Everything it does to a job goes through the ledger, so a rerun (or a resume after a crash)
// continues where the last run stopped and never creates a job twice.
import { setMaxListeners } from 'node:events';
import { jobKinds, RateLimitedError, type JobKind, type MiniMaxClient } from '@useapi-minimax/client';
import { AccountBook, type SlotLimits } from './accounts.js';
import { createLocalCorrelation, type CallbackHint, type WakeRegistry, type WebhookCorrelation } from './correlation.js';
import { downloadResults } from './downloads.js';
import { Emitter, type JobStatus, type Listener, type RunnerEvents } from './events.js';
import { followJob, Waker, type FollowResult } from './follow.js';
import { canonicalJson, contentKey, keyProblem, replyRefFor } from './keys.js';
import { submitKinds, type KindInfo, type Pool, type SubmitInputs, type SubmitKind } from './kinds.js';
import { LedgerError, type Claim, type DownloadedFile, type FileRef, type FinalSnapshot, type JobOutcome, type JobRecord, type Ledger } from './ledger.js';
import { createMemoryLedger } from './memory-ledger.js';
import { classifyCreateError, type FindCreated } from './reconcile.js';
import { DOCUMENTED_RETENTION_MS, resultFiles } from './results.js';
import { createLocalSlots, type SlotLease, type SlotStore } from './slots.js';
import { describeFile, uploadTo } from './uploads.js';
import { isSubmitKind } from './kinds.js';

/** Options of {@link createJobRunner}. */
export interface JobRunnerOptions {
  /** The client every request goes through (its token, base URL, retries for reads). */
  client: MiniMaxClient;
  /** Where jobs are recorded (default: in memory; use `openFileLedger` for batches that must survive a crash). */
  ledger?: Ledger | undefined;
  /** Where slots are counted (default: in this process; a shared store lets several workers share accounts). */
  slots?: SlotStore | undefined;
  /** Webhook-first following: the public URL of your receiver (`createWebhookReceiver`), sent as `replyUrl`. */
  webhookUrl?: string | undefined;
  /** Matches callbacks to jobs (default: by `replyRef` in this process's ledger). */
  correlation?: (WebhookCorrelation & WakeRegistry) | undefined;
  /** Save results here (streamed, named from the job key). */
  downloadDir?: string | undefined;
  /** Use only these accounts. */
  accounts?: readonly string[] | undefined;
  /** Slots per pool for kinds the API documents no count for (default: the account's `maxJobs`). */
  slotLimits?: SlotLimits | undefined;
  /** At most this many jobs created and not final at once, across accounts (default: no limit but the slots). */
  concurrency?: number | undefined;
  /** Pause between polls per job kind (default: the client's `jobKinds` interval; webhook mode: 6 × that). */
  intervalMs?: number | Partial<Record<JobKind, number>> | undefined;
  /** Deadline of a job, from its creation (default: the client's per-kind deadline). */
  deadlineMs?: number | Partial<Record<JobKind, number>> | undefined;
  /** Re-read `GET /scheduler/available` at most this often while jobs wait on slots others hold (default 10 s). */
  schedulerRefreshMs?: number | undefined;
  /** Pause of an account after a 596 (default 30 min). */
  onHoldPauseMs?: number | undefined;
  /** The lookup of outcome-unknown creates (default: `client.findCreated`). */
  findCreated?: FindCreated | undefined;
  /** `fetch` for downloads (default: `globalThis.fetch`). */
  fetch?: ((input: string, init?: RequestInit) => Promise<Response>) | undefined;
  /** This worker's name in claims (default: `<pid>-<random>`). */
  owner?: string | undefined;
  /** Follow jobs to their end (default true); `false`: a job's result comes once it is created (`outcome: 'created'`). */
  follow?: boolean | undefined;
  /** Stops everything (followers, downloads); jobs stay in the ledger for a resume. */
  signal?: AbortSignal | undefined;
}

/** Per-job options of `submit`. */
export interface SubmitOptions {
  /** The job's stable key: the same key is the same job (a rerun does nothing new). Default: from the content. */
  key?: string | undefined;
  /** Local files for input fields (`{ fileID: './first-frame.png' }`; agent jobs: `{ file: './brief.pdf' }`). */
  files?: Readonly<Record<string, string>> | undefined;
}

/** One job of a batch. */
export type BatchItem = { [K in SubmitKind]: { kind: K; input: SubmitInputs[K] } & SubmitOptions }[SubmitKind];

/** How a job ended (or stands). */
export interface JobResult {
  readonly key: string;
  readonly kind: SubmitKind;
  /** How it ended; `created` when the runner does not follow jobs (`follow: false`). */
  readonly outcome: JobOutcome | 'created';
  readonly ids: readonly string[];
  readonly account: string | undefined;
  /** This run sent the create that made it (or found it after an unknown outcome). */
  readonly createdNow: boolean;
  /** Its ids were found by a lookup after a create whose outcome was unknown. */
  readonly reconciled: boolean;
  readonly message: string | undefined;
  readonly snapshots: readonly FinalSnapshot[];
  /** Result files on disk. */
  readonly files: readonly DownloadedFile[];
  /** Files written by this run (the others were already complete). */
  readonly downloadedNow: number;
  /** Why saving the results failed (the job itself succeeded; a rerun downloads again). */
  readonly downloadError?: string | undefined;
}

/** Counts of a run, by outcome class. */
export interface BatchCounts {
  submitted: number;
  created: number;
  succeeded: number;
  moderated: number;
  failed: number;
  unknownReconciled: number;
  unknown: number;
  timedOut: number;
  blocked: number;
  /** Result files written by this run. */
  downloaded: number;
  /** Jobs whose results could not be saved. */
  downloadFailed: number;
}

/** What a batch (or a resume) did. */
export interface BatchReport {
  readonly results: readonly JobResult[];
  readonly counts: BatchCounts;
  /** Requests the runner made, by purpose (creates, uploads, polls, scheduler reads, account reads, lookups). */
  readonly requests: Readonly<Record<RequestPurpose, number>>;
}

/** What the runner's requests were for. */
export type RequestPurpose = 'creates' | 'uploads' | 'polls' | 'schedulerReads' | 'accountReads' | 'lookups';

/** The runner. */
export interface JobRunner {
  /** Submits one job and resolves when it is final (and downloaded), or has ended otherwise. */
  submit<K extends SubmitKind>(kind: K, input: SubmitInputs[K], options?: SubmitOptions): Promise<JobResult>;
  /** Submits every item (all recorded first, then run concurrently within the slots); resolves with the report. */
  batch(items: Iterable<BatchItem> | AsyncIterable<BatchItem>): Promise<BatchReport>;
  /** Continues every job of the ledger that is not done (created → followed, unknown → looked up, …). */
  resume(): Promise<BatchReport>;
  /** Subscribes to progress; returns the unsubscribe function. */
  on<E extends keyof RunnerEvents>(event: E, listener: Listener<E>): () => void;
  /** Matches callbacks to this runner's jobs (give it to `createWebhookReceiver`). */
  readonly correlation: WebhookCorrelation;
  /** The ledger. */
  readonly ledger: Ledger;
  /** Requests made so far, by purpose. */
  readonly requests: Readonly<Record<RequestPurpose, number>>;
  /** Stops following and downloading (jobs stay in the ledger), releases claims. Does not close the ledger. */
  close(): Promise<void>;
}

/** A key submitted again with another kind or input. */
export class KeyConflictError extends Error {
  override readonly name = 'KeyConflictError';
}

/** How long a claim lasts without renewal. */
const CLAIM_TTL_MS = 60_000;
/** Extra lookups of an uncertain reconciliation, and the pause before each. */
const LOOKUP_RETRIES = 2;
const LOOKUP_PAUSE_MS = 10_000;
/** Attempts of a create whose connection was refused before the job ends failed. */
const MAX_NOT_SENT = 5;

interface Waiter {
  key: string;
  pool: Pool;
  resolve: (placement: { lease: SlotLease } | { blocked: string }) => void;
}

function perKind(value: number | Partial<Record<JobKind, number>> | undefined, kind: JobKind, fallback: number): number {
  if (typeof value === 'number') return value;
  return value?.[kind] ?? fallback;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Creates a job runner. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { client } = options;
  const ledger = options.ledger ?? createMemoryLedger();
  const slots = options.slots ?? createLocalSlots();
  const correlation = options.correlation ?? createLocalCorrelation(ledger);
  const owner = options.owner ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const book = new AccountBook({ only: options.accounts, slots: options.slotLimits, onHoldPauseMs: options.onHoldPauseMs });
  const emitter = new Emitter();
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every job in flight listens on this signal (its pauses, its placement): many listeners are expected.
  setMaxListeners(0, signal);
  const downloadFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const concurrency = options.concurrency ?? Infinity;
  const schedulerRefreshMs = options.schedulerRefreshMs ?? 10_000;
  const findCreated: FindCreated =
    options.findCreated ??
    ((target, o) => {
      const find = (client as unknown as { findCreated?: FindCreated }).findCreated;
      if (typeof find !== 'function') throw new Error('looking up an outcome-unknown create needs a client with findCreated (@useapi-minimax/client ≥ 0.2)');
      return find(target, o);
    });
  const requests: Record<RequestPurpose, number> = { creates: 0, uploads: 0, polls: 0, schedulerReads: 0, accountReads: 0, lookups: 0 };

  const tasks = new Map<string, Promise<JobResult>>();
  const createdNow = new Set<string>();
  const downloadedNow = new Map<string, number>();
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

  const status = (record: JobRecord, value: JobStatus, extra: Partial<RunnerEvents['job']> = {}) =>
    emitter.emit('job', { key: record.key, kind: record.kind, status: value, account: record.account, ids: record.ids, ...extra });
  const warn = (message: string, key?: string) => emitter.emit('warning', { key, message });

  // ───────────────────────────── accounts and slots ─────────────────────────────

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
        book.observeScheduler(snapshot, following);
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

  const releaseSlot = async (key: string) => {
    const lease = leases.get(key);
    if (!lease) return;
    leases.delete(key);
    bump(lease, -1);
    await slots.release(lease);
    pump();
  };

  const schedule = (at: number) => {
    const ms = Math.max(0, at - Date.now());
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(pump, ms);
  };

  /** Grants slots to waiters, in submission order (a job that cannot be placed does not hold up other pools). */
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
          for (const w of [...waiters]) {
            if (signal.aborted) return;
            if (leases.size >= concurrency) break;
            if (w.pool === 'video' || w.pool === 'speech') await Promise.all([loadAccounts(), readScheduler()]);
            else await loadAccounts();
            const { usable, retryAt, blocked } = book.candidates(w.pool, held(w.pool));
            if (blocked) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve({ blocked });
              continue;
            }
            let placed: SlotLease | undefined;
            for (const c of usable) {
              if (held(w.pool)(c.account) >= c.limit) continue;
              if (!proven.has(heldKey(c.account, w.pool)) && (probing.get(heldKey(c.account, w.pool)) ?? 0) > 0) continue;
              placed = await slots.acquire(c.account, w.pool, c.limit, w.key);
              if (placed) break;
            }
            if (placed) {
              waiters.splice(waiters.indexOf(w), 1);
              leases.set(w.key, placed);
              bump(placed, 1);
              probing.set(heldKey(placed.account, w.pool), (probing.get(heldKey(placed.account, w.pool)) ?? 0) + 1);
              w.resolve({ lease: placed });
              continue;
            }
            if (retryAt !== undefined) nextAt = Math.min(nextAt, retryAt);
            // Slots taken by others' jobs free up without us seeing it: look again later.
            if (book.externallyBusy(w.pool)) nextAt = Math.min(nextAt, Date.now() + schedulerRefreshMs);
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

  // ───────────────────────────── one job ─────────────────────────────

  const result = (record: JobRecord): JobResult => ({
    key: record.key,
    kind: record.kind,
    outcome: record.outcome ?? 'unknown',
    ids: record.ids,
    account: record.account,
    createdNow: createdNow.has(record.key),
    reconciled: record.reconciled,
    message: record.message ?? record.unknownReason,
    snapshots: record.snapshots,
    files: record.downloads,
    downloadedNow: downloadedNow.get(record.key) ?? 0,
  });

  /** Uploads, records the intent, sends the create, records what it answered. Returns the record after. */
  async function create(record: JobRecord, info: KindInfo, claim: Claim, notSent: { count: number }): Promise<JobRecord> {
    status(record, 'waiting');
    const placement = await place(record.key, info.pool);
    if ('blocked' in placement) return ledger.append(record.key, { type: 'ended', outcome: 'blocked', message: placement.blocked, at: Date.now() }, claim);
    const { account } = placement.lease;
    // Counted from the placement (pump) until the create's answer.
    const probe = heldKey(account, info.pool);
    const endProbe = (() => {
      let ended = false;
      return (k: string) => {
        if (ended) return;
        ended = true;
        probing.set(k, probing.get(k)! - 1);
      };
    })();
    status({ ...record, account }, 'creating');
    const input: Record<string, unknown> = { ...record.input, ...info.fixed, account };
    try {
      for (const file of record.files) {
        if (info.kind === 'agent') {
          const { readFile } = await import('node:fs/promises');
          const parts = ([] as unknown[]).concat(input.file ?? []);
          input.file = [...parts, new Blob([await readFile(file.path)])];
        } else {
          input[file.field] = await uploadTo(client, ledger, account, file, signal, () => requests.uploads++);
        }
      }
    } catch (error) {
      endProbe(probe);
      await releaseSlot(record.key);
      if (signal.aborted) throw error;
      return ledger.append(record.key, { type: 'ended', outcome: 'failed', message: `upload: ${error instanceof Error ? error.message : String(error)}`, at: Date.now() }, claim);
    }
    if (info.replyRef) {
      input.replyRef = record.replyRef;
      if (options.webhookUrl) input.replyUrl = options.webhookUrl;
    }
    const attempt = record.attempts + 1;
    let current = await ledger.append(record.key, { type: 'intent', attempt, account, replyRef: record.replyRef, sentAt: Date.now() }, claim);
    let answer: Record<string, unknown> | undefined;
    let failure: unknown;
    try {
      requests.creates++;
      const method = (client as unknown as Record<string, Record<string, (input: unknown, options: unknown) => Promise<Record<string, unknown>>>>)[info.tag]![info.method]!;
      answer = await method(input, { signal, maxRetries: 0 });
    } catch (error) {
      failure = error;
    } finally {
      endProbe(probe);
    }
    if (answer !== undefined || failure instanceof RateLimitedError) proven.add(probe);
    if (answer !== undefined) {
      const raw = answer?.[info.idField];
      const ids = ([] as unknown[]).concat(raw ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
      if (ids.length) {
        book.accepted(account, info.pool);
        createdNow.add(record.key);
        for (const id of ids) following.add(id);
        const created = await ledger.append(record.key, { type: 'created', attempt, ids, account, at: Date.now() }, claim);
        pump();
        return created;
      }
      failure = new Error(`the create answered without ${info.idField}`);
    }
    const verdict = classifyCreateError(failure);
    if (verdict.kind === 'unknown') {
      current = await ledger.append(record.key, { type: 'unknown', attempt, reason: verdict.reason, at: Date.now() }, claim);
      pump();
      return current; // the caller reconciles (the slot stays taken: the job may be running)
    }
    // The account's rule first, then the slot back: the next placement must already see it.
    if (verdict.kind === 'retry' && verdict.reason === 'rate-limited') {
      const forMs = book.rateLimited(account, info.pool, verdict.retryAfterMs, held(info.pool)(account));
      if (info.pool === 'video' || info.pool === 'speech') schedulerStale = true;
      emitter.emit('account', { account, pool: info.pool, state: 'rate-limited', forMs });
    } else if (verdict.kind === 'retry' && verdict.reason === 'out-of-credits') {
      book.outOfCredits(account, info.pool);
      emitter.emit('account', { account, pool: info.pool, state: 'out-of-credits' });
    } else if (verdict.kind === 'retry' && verdict.reason === 'on-hold') {
      const forMs = book.onHold(account);
      emitter.emit('account', { account, pool: info.pool, state: 'on-hold', forMs });
    }
    current = await ledger.append(record.key, { type: 'not-created', attempt, reason: verdict.kind === 'end' ? verdict.message : verdict.reason, at: Date.now() }, claim);
    await releaseSlot(record.key);
    if (verdict.kind === 'end') return ledger.append(record.key, { type: 'ended', outcome: verdict.outcome, message: verdict.message, at: Date.now() }, claim);
    if (verdict.reason === 'not-sent') {
      if (++notSent.count >= MAX_NOT_SENT) {
        return ledger.append(record.key, { type: 'ended', outcome: 'failed', message: `the API could not be reached ${MAX_NOT_SENT} times (nothing was sent)`, at: Date.now() }, claim);
      }
      await sleep(Math.min(30_000, 1_000 * 2 ** notSent.count), signal);
    }
    return current;
  }

  /** Looks up a create whose outcome is unknown; records what the lookup proves. */
  async function reconcile(record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord> {
    status(record, 'reconciling');
    let current = record;
    if (current.phase === 'sending') {
      current = await ledger.append(record.key, { type: 'unknown', attempt: record.attempts, reason: 'the run stopped after the create was sent, before its answer was recorded', at: Date.now() }, claim);
    }
    const { account: _account, ...sent } = { ...current.input, ...info.fixed } as Record<string, unknown>;
    void _account;
    const target = { operation: info.operation, replyRef: info.replyRef ? current.replyRef : undefined, input: sent, sentAt: current.sentAt, account: current.account };
    for (let i = 0; ; i++) {
      requests.lookups++;
      let lookup;
      try {
        lookup = await findCreated(target, { signal });
      } catch (error) {
        if (signal.aborted) throw error;
        lookup = { found: false as const, certain: false, reason: `the lookup failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (lookup.found) {
        createdNow.add(record.key);
        for (const id of lookup.ids) following.add(id);
        const found = await ledger.append(record.key, { type: 'created', attempt: current.attempts, ids: lookup.ids, account: current.account, at: Date.now(), reconciled: true }, claim);
        warn(`the create's outcome was unknown (${current.unknownReason}); the job was found (${lookup.via}, by ${lookup.match}): ${lookup.ids.join(', ')}`, record.key);
        return found;
      }
      if (lookup.certain) {
        await releaseSlot(record.key);
        warn(`the create's outcome was unknown (${current.unknownReason}); the lookup proved nothing was created (${lookup.reason}): creating it again`, record.key);
        return ledger.append(record.key, { type: 'not-created', attempt: current.attempts, reason: lookup.reason, at: Date.now() }, claim);
      }
      if (i >= LOOKUP_RETRIES) {
        await releaseSlot(record.key);
        const message = `the create's outcome is unknown (${current.unknownReason}) and the lookup could not prove it either way (${lookup.reason}); not created again: check the account's jobs before resubmitting`;
        warn(message, record.key);
        return ledger.append(record.key, { type: 'ended', outcome: 'unknown', message, at: Date.now() }, claim);
      }
      await sleep(LOOKUP_PAUSE_MS, signal);
    }
  }

  /** Follows every id of a created job concurrently until final (or the deadline). */
  async function follow(record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord | 'timed-out'> {
    const kind = info.job;
    if (!leases.has(record.key) && record.account) {
      // Resumed: the running job holds a slot of its account.
      const lease = await slots.acquire(record.account, info.pool, Infinity, record.key);
      if (lease) {
        leases.set(record.key, lease);
        bump(lease, 1);
      }
    }
    for (const id of record.ids) following.add(id);
    const base = jobKinds[kind].intervalMs;
    const intervalMs = perKind(options.intervalMs, kind, options.webhookUrl ? base * 6 : base);
    const deadlineAt = (record.createdAt ?? Date.now()) + perKind(options.deadlineMs, kind, jobKinds[kind].timeoutMs);
    const retention = DOCUMENTED_RETENTION_MS[kind];
    if (retention !== undefined && record.createdAt !== undefined && Date.now() - record.createdAt > retention * 0.85) {
      warn(`created ${new Date(record.createdAt).toISOString()}: the API keeps ${kind} jobs readable by this id for ${Math.round(retention / 86_400_000)} days`, record.key);
    }
    const waker = new Waker();
    // A callback that claims the job is final: re-fetch now; a progress callback: at most once per poll interval.
    let progressPokeAt = Date.now();
    const unlisten = (correlation as WakeRegistry).listen?.(record.key, (hint) => {
      if (hint.claimsFinal !== false) return waker.poke();
      if (Date.now() - progressPokeAt < base) return;
      progressPokeAt = Date.now();
      waker.poke();
    });
    const get = (client as unknown as Record<string, { get: (id: string, o: unknown) => Promise<Record<string, unknown>> }>)[jobKinds[kind].tag]!.get;
    let results: FollowResult[];
    try {
      status(record, 'running');
      results = await Promise.all(
        record.ids.map((id) =>
          followJob({
            kind,
            id,
            get: (jobId, o) => get(jobId, o),
            intervalMs,
            deadlineAt,
            signal,
            waker,
            onRequest: () => requests.polls++,
            waitFirst: options.webhookUrl !== undefined,
            onSnapshot: (_snapshot, state) => status(record, 'running', { state }),
          }),
        ),
      );
    } finally {
      unlisten?.();
    }
    if (results.some((r) => !r.final)) return 'timed-out';
    const snapshots: FinalSnapshot[] = results.map((r, i) => {
      const f = r as Extract<FollowResult, { final: true }>;
      const id = record.ids[i]!;
      return { id, state: f.state.state, message: f.state.message, urls: resultFiles(kind, f.snapshot).map((u) => u[0]!), snapshot: f.snapshot };
    });
    const outcome: JobOutcome = snapshots.every((s) => s.state === 'succeeded') ? 'succeeded' : snapshots.some((s) => s.state === 'failed') ? 'failed' : snapshots.some((s) => s.state === 'moderated') ? 'moderated' : 'succeeded';
    for (const id of record.ids) following.delete(id);
    const final = await ledger.append(record.key, { type: 'final', outcome, snapshots, at: Date.now() }, claim);
    await releaseSlot(record.key);
    return final;
  }

  async function download(record: JobRecord, info: KindInfo, claim: Claim): Promise<JobRecord> {
    if (!options.downloadDir || !record.snapshots.some((s) => s.state === 'succeeded')) return record;
    status(record, 'downloading');
    let written = 0;
    const files = await downloadResults({
      key: record.key,
      kind: info.job,
      snapshots: record.snapshots,
      files: (s) => resultFiles(info.job, s.snapshot as Record<string, unknown>),
      dir: options.downloadDir,
      fetch: downloadFetch,
      signal,
      previous: record.downloads,
      onWarning: (message) => warn(message, record.key),
      onProgress: (p) => {
        if (p.done && !p.skipped) written++;
        emitter.emit('download', { key: record.key, ...p });
      },
    });
    downloadedNow.set(record.key, written);
    const same = files.length === record.downloads.length && files.every((f, i) => f.path === record.downloads[i]?.path && f.size === record.downloads[i]?.size);
    return same ? record : ledger.append(record.key, { type: 'downloaded', files, at: Date.now() }, claim);
  }

  /** Takes a job through every step left, from whatever its record says. */
  async function drive(key: string): Promise<JobResult> {
    const claim = await ledger.claim(key, owner, CLAIM_TTL_MS);
    if (!claim) throw new LedgerError(`job ${key} is claimed by another worker`);
    const renew = setInterval(() => {
      void ledger.renew(claim, CLAIM_TTL_MS).then((ok) => ok || warn(`lost the claim on job ${key}`, key));
    }, CLAIM_TTL_MS / 3);
    const notSent = { count: 0 };
    try {
      let record = (await ledger.get(key))!;
      const info = submitKinds[record.kind];
      for (;;) {
        if (record.phase === 'queued') record = await create(record, info, claim, notSent);
        else if (record.phase === 'sending' || record.phase === 'unknown') record = await reconcile(record, info, claim);
        else if (record.phase === 'created' && options.follow === false) {
          await releaseSlot(key);
          status(record, 'done', { outcome: undefined });
          return { ...result(record), outcome: 'created' as const };
        } else if (record.phase === 'created') {
          const followed = await follow(record, info, claim);
          if (followed === 'timed-out') {
            await releaseSlot(key);
            const r = { ...result(record), outcome: 'timed-out' as const, message: `not final after the deadline; the job may still finish upstream: resume later` };
            status(record, 'done', { outcome: 'timed-out', message: r.message });
            return r;
          }
          record = followed;
        } else if (record.phase === 'final') {
          try {
            record = await download(record, info, claim);
          } catch (error) {
            if (signal.aborted) throw error;
            const downloadError = error instanceof Error ? error.message : String(error);
            const r = { ...result(record), downloadError };
            warn(`download failed: ${downloadError}`, key);
            status(record, 'done', { outcome: record.outcome, message: `download failed: ${downloadError}` });
            return r;
          }
          status(record, 'done', { outcome: record.outcome, message: record.message });
          return result(record);
        } else {
          await releaseSlot(key);
          status(record, 'done', { outcome: record.outcome, message: record.message });
          return result(record);
        }
      }
    } finally {
      clearInterval(renew);
      await ledger.release(claim);
    }
  }

  const start = (key: string) => {
    let task = tasks.get(key);
    if (!task) {
      task = drive(key).finally(() => tasks.delete(key));
      tasks.set(key, task);
    }
    return task;
  };

  /** Records a submitted job (or checks it against the ledger) and returns its key. */
  async function record(kind: SubmitKind, input: Record<string, unknown>, submit: SubmitOptions, occurrence?: number): Promise<string> {
    if (!isSubmitKind(kind)) throw new TypeError(`kind: must be one of ${Object.keys(submitKinds).join(', ')} (got ${String(kind)})`);
    if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new TypeError('input: must be an object');
    const info = submitKinds[kind];
    const files: FileRef[] = [];
    for (const [field, path] of Object.entries(submit.files ?? {})) {
      if (info.kind === 'agent' ? field !== 'file' : !info.fileFields.includes(field)) {
        throw new TypeError(`files.${field}: ${kind} jobs take files in ${info.kind === 'agent' ? 'file' : info.fileFields.join(', ')}`);
      }
      files.push(await describeFile(field, path, info.kind === 'agent'));
    }
    const clean = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    for (const field of ['account', 'replyRef', 'replyUrl', ...Object.keys(info.fixed)]) delete clean[field];
    const content = { input: clean, files: files.map((f) => [f.field, f.sha256]) };
    const key = submit.key ?? contentKey(kind, content, occurrence);
    const problem = keyProblem(key);
    if (problem) throw new TypeError(`key: ${problem}`);
    const existing = await ledger.get(key);
    if (existing) {
      const before = { input: existing.input, files: existing.files.map((f) => [f.field, f.sha256]) };
      if (existing.kind !== kind || canonicalJson(before) !== canonicalJson(content)) {
        throw new KeyConflictError(`key ${key} was submitted before with another ${existing.kind !== kind ? 'kind' : 'input'}: give this job its own key`);
      }
      return key;
    }
    await ledger.append(key, { type: 'submitted', kind, input: clean, files, replyRef: replyRefFor(ledger.id, key), at: Date.now() });
    return key;
  }

  const counts = (results: readonly JobResult[]): BatchCounts => {
    const c: BatchCounts = { submitted: results.length, created: 0, succeeded: 0, moderated: 0, failed: 0, unknownReconciled: 0, unknown: 0, timedOut: 0, blocked: 0, downloaded: 0, downloadFailed: 0 };
    for (const r of results) {
      if (r.createdNow) c.created++;
      if (r.createdNow && r.reconciled) c.unknownReconciled++;
      if (r.outcome === 'succeeded') c.succeeded++;
      else if (r.outcome === 'moderated') c.moderated++;
      else if (r.outcome === 'failed') c.failed++;
      else if (r.outcome === 'unknown') c.unknown++;
      else if (r.outcome === 'timed-out') c.timedOut++;
      else if (r.outcome === 'blocked') c.blocked++;
      c.downloaded += r.downloadedNow;
      if (r.downloadError) c.downloadFailed++;
    }
    return c;
  };

  const report = async (keys: string[]): Promise<BatchReport> => {
    const results = await Promise.all(keys.map(start));
    return { results, counts: counts(results), requests: { ...requests } };
  };

  return {
    async submit(kind, input, submitOptions = {}) {
      return start(await record(kind, input as Record<string, unknown>, submitOptions));
    },
    async batch(items) {
      const keys: string[] = [];
      const seen = new Map<string, number>();
      for await (const item of items as AsyncIterable<BatchItem>) {
        // Identical jobs without a key are told apart by their order among themselves.
        const contentId = item.key === undefined ? canonicalJson([item.kind, item.input, item.files ?? {}]) : undefined;
        const occurrence = contentId === undefined ? undefined : (seen.get(contentId) ?? 0) + 1;
        if (contentId !== undefined) seen.set(contentId, occurrence!);
        const key = await record(item.kind, item.input as Record<string, unknown>, item, occurrence);
        if (keys.includes(key)) throw new KeyConflictError(`key ${key} appears twice in the batch`);
        keys.push(key);
      }
      return report(keys);
    },
    async resume() {
      const keys = (await ledger.list()).filter((r) => r.phase !== 'ended').map((r) => r.key);
      return report(keys);
    },
    on: (event, listener) => emitter.on(event, listener),
    correlation,
    ledger,
    get requests() {
      return { ...requests };
    },
    async close() {
      stop.abort(new Error('the runner was closed'));
      clearTimeout(wakeTimer);
      await Promise.allSettled([...tasks.values()]);
    },
  };
}

export type { CallbackHint };
