// The job runner: submit jobs (one, or a batch), and it places each on an account with a free slot, records the
// intent before sending the create and the id right after, reconciles creates whose outcome is unknown, follows
// every pending job concurrently (webhook-first when a receiver is configured), downloads the results, and
// reports progress. Everything it does to a job goes through the ledger, so a rerun (or a resume after a crash)
// continues where the last run stopped and never creates a job twice.
import { setMaxListeners } from 'node:events';
import type { MiniMaxClient, JobKind } from '@useapi-minimax/client';
import { AccountBook, type SlotLimits } from './accounts.js';
import type { FinishJob, RunnerBackend } from './backend.js';
import { countResults, resultOf, type BatchReport, type JobResult, type RequestPurpose } from './batch-report.js';
import type { JobContext } from './context.js';
import { createLocalCorrelation, type CallbackHint, type WakeRegistry, type WebhookCorrelation } from './correlation.js';
import { createJob, reconcileJob } from './create.js';
import { Emitter, type Listener, type RunnerEvents } from './events.js';
import { downloadRecord, followRecord } from './following.js';
import { canonicalJson, contentKey, keyProblem, replyRefFor } from './keys.js';
import { isSubmitKind, submitKinds, type SubmitInputs, type SubmitKind } from './kinds.js';
import { LedgerError, type FileRef, type JobRecord, type Ledger } from './ledger.js';
import { createMemoryLedger } from './memory-ledger.js';
import { createPlacement } from './placement.js';
import type { FindCreated } from './reconcile.js';
import { createLocalSlots, type SlotLease, type SlotStore } from './slots.js';
import { describeFile } from './uploads.js';

/** Options of {@link createJobRunner}. */
export interface JobRunnerOptions {
  /** The client every request goes through (its token, base URL, retries for reads). */
  client: MiniMaxClient;
  /** Where jobs are recorded (default: in memory; use `openFileLedger` for batches that must survive a crash). */
  ledger?: Ledger | undefined;
  /** Where slots are counted (default: in this process; a shared store lets several workers share accounts). */
  slots?: SlotStore | undefined;
  /** A shared backend (ledger, slots, correlation and workers; `@useapi-minimax/runner/redis`), instead of those three. */
  backend?: RunnerBackend | undefined;
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
  /**
   * Passed to the lookup: `settleMs` (default the client's 30 s: MiniMax may still be queueing a job it answered
   * 502/504 for, so absence is proven only that long after the create) and `windowMs` (the list's time window).
   */
  lookup?: { settleMs?: number | undefined; windowMs?: number | undefined } | undefined;
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

export type { BatchCounts, BatchReport, JobResult, RequestPurpose } from './batch-report.js';

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
/** Creates a job runner. */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { client, backend } = options;
  for (const part of ['ledger', 'slots', 'correlation'] as const) {
    if (backend && options[part]) throw new TypeError(`${part}: give either a backend or a ${part}, not both (the backend brings its own)`);
  }
  const ledger = backend?.ledger ?? options.ledger ?? createMemoryLedger();
  const slots = backend?.slots ?? options.slots ?? createLocalSlots();
  const correlation = backend?.correlation ?? options.correlation ?? createLocalCorrelation(ledger);
  const claimTtlMs = backend?.claimTtlMs ?? CLAIM_TTL_MS;
  const owner = options.owner ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const book = new AccountBook({ only: options.accounts, slots: options.slotLimits, onHoldPauseMs: options.onHoldPauseMs });
  const emitter = new Emitter();
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, ...(options.signal ? [options.signal] : []), ...(backend?.signal ? [backend.signal] : [])]);
  // Every job in flight listens on this signal (its pauses, its placement): many listeners are expected.
  setMaxListeners(0, signal);
  const downloadFetch = options.fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
  const concurrency = options.concurrency ?? Infinity;
  const schedulerRefreshMs = options.schedulerRefreshMs ?? 10_000;
  const findCreated: FindCreated = options.findCreated ?? ((target, o) => client.findCreated(target, { ...options.lookup, ...o }));
  const requests: Record<RequestPurpose, number> = { creates: 0, uploads: 0, polls: 0, schedulerReads: 0, accountReads: 0, lookups: 0 };

  const tasks = new Map<string, Promise<JobResult>>();
  const warn = (message: string, key?: string) => emitter.emit('warning', { key, message });
  const placement = createPlacement({ client, book, slots, ledgerId: ledger.id, signal, requests, concurrency, schedulerRefreshMs, warn: (message) => warn(message) });
  const ctx: JobContext = {
    client,
    ledger,
    correlation,
    options,
    placement,
    emitter,
    signal,
    requests,
    findCreated,
    downloadFetch,
    createdNow: new Set(),
    downloadedNow: new Map(),
    status: (record, value, extra = {}) => emitter.emit('job', { key: record.key, kind: record.kind, status: value, account: record.account, ids: record.ids, ...extra }),
    warn: (message, key) => warn(message, key),
  };
  const { status } = ctx;
  const result = (record: JobRecord) => resultOf(record, ctx.createdNow, ctx.downloadedNow);
  const releaseSlot = (key: string) => placement.release(key);
  const pump = () => placement.pump();

  /** Takes a job through every step left, from whatever its record says (`finish`: see {@link FinishJob}). */
  async function drive(key: string, finish?: FinishJob): Promise<JobResult> {
    const claim = await ledger.claim(key, owner, claimTtlMs);
    if (!claim) throw new LedgerError(`job ${key} is claimed by another worker`);
    const renew = setInterval(() => {
      void ledger.renew(claim, claimTtlMs).then(
        (ok) => ok || warn(`lost the claim on job ${key}`, key),
        () => undefined, // the next write under the claim fails if it is really gone
      );
    }, claimTtlMs / 3);
    const notSent = { count: 0 };
    // A job's last slot release goes out with its claim's release (one round trip on a shared store, not two);
    // with `finish`, slot, claim and result are one step (the backend's, fenced by the claim).
    let releasing: Promise<void> | undefined;
    let lease: SlotLease | undefined;
    let finished = false;
    const releaseLast = () => {
      if (finish) lease = placement.detach(key);
      else releasing = releaseSlot(key);
    };
    const done = async (r: JobResult): Promise<JobResult> => {
      if (!finish) return r;
      const ok = await finish(claim, lease, r);
      finished = true; // either way: a stale claim has nothing left to give back (its slot is the new owner's)
      if (lease) pump();
      if (!ok) throw new LedgerError(`job ${key}: the claim of ${owner} was lost`);
      return r;
    };
    try {
      const first = await ledger.get(key);
      if (!first) throw new LedgerError(`job ${key} is not in the ledger`);
      let record = first;
      const info = submitKinds[record.kind];
      for (;;) {
        if (record.phase === 'queued') record = await createJob(ctx, record, info, claim, notSent);
        else if (record.phase === 'sending' || record.phase === 'unknown') record = await reconcileJob(ctx, record, info, claim);
        else if (record.phase === 'created' && options.follow === false) {
          releaseLast();
          status(record, 'done', { outcome: undefined });
          return await done({ ...result(record), outcome: 'created' as const });
        } else if (record.phase === 'created') {
          const followed = await followRecord(ctx, record, info, claim);
          if (followed === 'timed-out') {
            releaseLast();
            const r = { ...result(record), outcome: 'timed-out' as const, message: `not final after the deadline; the job may still finish upstream: resume later` };
            status(record, 'done', { outcome: 'timed-out', message: r.message });
            return await done(r);
          }
          record = followed;
        } else if (record.phase === 'final') {
          try {
            record = await downloadRecord(ctx, record, info, claim);
          } catch (error) {
            if (signal.aborted) throw error;
            const downloadError = error instanceof Error ? error.message : String(error);
            const r = { ...result(record), downloadError };
            warn(`download failed: ${downloadError}`, key);
            status(record, 'done', { outcome: record.outcome, message: `download failed: ${downloadError}` });
            return await done(r);
          }
          status(record, 'done', { outcome: record.outcome, message: record.message });
          return await done(result(record));
        } else {
          releaseLast();
          status(record, 'done', { outcome: record.outcome, message: record.message });
          return await done(result(record));
        }
      }
    } finally {
      clearInterval(renew);
      if (!finished) {
        const slot = lease && slots.release(lease).then(pump);
        await Promise.all([releasing, slot, ledger.release(claim)]);
      }
    }
  }

  const start = (key: string, finish?: FinishJob) => {
    let task = tasks.get(key);
    if (!task) {
      task = drive(key, finish).finally(() => tasks.delete(key));
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


  // A shared backend takes the jobs through this runner's own drive (its workers) and runs batches anywhere.
  const detach = backend?.attach?.({ drive: start, resultOf: result, signal });
  const unwatch = slots.watch?.(pump);

  const report = async (keys: string[]): Promise<BatchReport> => {
    const results = backend?.dispatch ? await backend.dispatch(keys) : await Promise.all(keys.map((k) => start(k)));
    return { results, counts: countResults(results), requests: { ...requests } };
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
      placement.close();
      unwatch?.();
      await Promise.allSettled([...tasks.values(), detach?.()]);
    },
  };
}

export type { CallbackHint };
