// Where a runner's state lives and where its jobs run. By default everything is in this process (the ledger you
// give, slots and wake-ups in memory, every job driven here). A shared backend (`@useapi-minimax/runner/redis`)
// keeps the ledger, the slots and the webhook wake-ups in one place for every worker, and hands each job to
// whichever worker takes it: the runner's core does not change, it only asks the backend.
import type { WakeRegistry, WebhookCorrelation } from './correlation.js';
import type { Claim, JobRecord, Ledger } from './ledger.js';
import type { JobResult } from './runner.js';
import type { SlotLease, SlotStore } from './slots.js';

/**
 * Ends a driven job in one step on a shared store: gives back its last slot (`lease`, if it still holds one) and
 * its claim, and stores its result. Fenced by the claim: a claim taken over since does nothing and gets `false`.
 */
export type FinishJob = (claim: Claim, lease: SlotLease | undefined, result: JobResult) => Promise<boolean>;

/** What a backend's worker gets from the runner it serves. */
export interface JobWork {
  /**
   * Takes one job through every step left, under the ledger's claim (one drive per key at a time in a process).
   * With `finish`, the job's end (last slot, claim, result) goes through it instead of separate releases.
   */
  drive(key: string, finish?: FinishJob): Promise<JobResult>;
  /** A job's result as its record stands, for a job this process stopped driving (the batch was cancelled). */
  resultOf(record: JobRecord): JobResult;
  /** Aborted when the runner closes (or the backend's own `signal` aborts). */
  readonly signal: AbortSignal;
}

/** A runner's backend: its ledger, slots and webhook correlation, and how its jobs reach workers. */
export interface RunnerBackend {
  /** The shared ledger. */
  readonly ledger: Ledger;
  /** The shared slot store (default: slots counted in this process). */
  readonly slots?: SlotStore | undefined;
  /** The shared webhook correlation (default: over the ledger, wake-ups in this process). */
  readonly correlation?: (WebhookCorrelation & WakeRegistry) | undefined;
  /** How long a claim on a job lasts without renewal (default 60 s; renewed every third of it). */
  readonly claimTtlMs?: number | undefined;
  /** Stops every job of the runner when it aborts (a batch cancelled with its running jobs abandoned). */
  readonly signal?: AbortSignal | undefined;
  /**
   * Called once by `createJobRunner`: the backend may start taking jobs for this runner (a worker). Returns what
   * `runner.close()` awaits after aborting its jobs (stop taking jobs, hand the unfinished ones back).
   */
  attach?(work: JobWork): () => Promise<void>;
  /** Runs these jobs to their end on whichever worker takes them; resolves with their results (default: here). */
  dispatch?(keys: readonly string[]): Promise<JobResult[]>;
}
