// Progress events: what the CLI draws and what user code subscribes to. Listeners run synchronously; an
// exception in one is reported as a `warning` and never stops the runner.
import type { JobState } from '@useapi-minimax/client';
import type { Pool, SubmitKind } from './kinds.js';
import type { DownloadProgress } from './downloads.js';
import type { JobOutcome } from './ledger.js';

/** Where a job is, as the runner sees it. */
export type JobStatus =
  /** Waiting for a free slot on an account. */
  | 'waiting'
  /** Uploading its files and sending the create. */
  | 'creating'
  /** Looking up a create whose outcome was unknown. */
  | 'reconciling'
  /** Created; queued or running upstream (`state` says which). */
  | 'running'
  | 'downloading'
  | 'done';

/** A job changed. */
export interface JobEvent {
  readonly key: string;
  readonly kind: SubmitKind;
  readonly status: JobStatus;
  readonly account: string | undefined;
  readonly ids: readonly string[];
  /** The upstream state while running (`describeJob`). */
  readonly state?: JobState | undefined;
  /** Set with `done`. */
  readonly outcome?: JobOutcome | undefined;
  readonly message?: string | undefined;
}

/** Bytes of a result file (the progress of one download, with its job's key). */
export interface DownloadEvent extends DownloadProgress {
  readonly key: string;
}

/** An account changed state (a 429 backoff, out of credits, on hold). */
export interface AccountEvent {
  readonly account: string;
  readonly pool: Pool;
  readonly state: 'rate-limited' | 'out-of-credits' | 'on-hold';
  /** For how long, when it is temporary. */
  readonly forMs?: number | undefined;
}

/** Something a person should know (a job created again after a lookup proved nothing existed, an expiring URL). */
export interface WarningEvent {
  readonly key?: string | undefined;
  readonly message: string;
}

/** Every event of a runner, by name. */
export interface RunnerEvents {
  job: JobEvent;
  download: DownloadEvent;
  account: AccountEvent;
  warning: WarningEvent;
}

/** A listener of event `E`. */
export type Listener<E extends keyof RunnerEvents> = (event: RunnerEvents[E]) => void;

/** A small typed emitter. */
export class Emitter {
  private readonly listeners = new Map<keyof RunnerEvents, Set<(value: never) => void>>();

  on<E extends keyof RunnerEvents>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  emit<E extends keyof RunnerEvents>(event: E, value: RunnerEvents[E]): void {
    for (const listener of (this.listeners.get(event) ?? []) as Set<Listener<E>>) {
      try {
        listener(value);
      } catch (error) {
        if (event !== 'warning') this.emit('warning', { message: `a ${event} listener threw: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
}
