// What every step of a job shares: the runner's parts, its counters and its events.
import type { MiniMaxClient } from '@useapi-minimax/client';
import type { WakeRegistry, WebhookCorrelation } from './correlation.js';
import type { Emitter, JobStatus, RunnerEvents } from './events.js';
import type { JobRecord, Ledger } from './ledger.js';
import type { Placement } from './placement.js';
import type { FindCreated } from './reconcile.js';
import type { JobRunnerOptions, RequestPurpose } from './runner.js';

/** The runner as its steps see it. */
export interface JobContext {
  readonly client: MiniMaxClient;
  readonly ledger: Ledger;
  readonly correlation: WebhookCorrelation & Partial<WakeRegistry>;
  readonly options: JobRunnerOptions;
  readonly placement: Placement;
  readonly emitter: Emitter;
  readonly signal: AbortSignal;
  readonly requests: Record<RequestPurpose, number>;
  readonly findCreated: FindCreated;
  readonly downloadFetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Keys this run created (or found after an unknown outcome). */
  readonly createdNow: Set<string>;
  /** Files written by this run, per key. */
  readonly downloadedNow: Map<string, number>;
  /** Emits a job event. */
  status(record: JobRecord, value: JobStatus, extra?: Partial<RunnerEvents['job']>): void;
  /** Emits a warning. */
  warn(message: string, key?: string): void;
}
