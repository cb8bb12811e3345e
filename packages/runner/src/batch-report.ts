// A run's bookkeeping: a job's result from its record, and the counts of a batch by outcome class.
import type { SubmitKind } from './kinds.js';
import type { DownloadedFile, FinalSnapshot, JobOutcome, JobRecord } from './ledger.js';

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
  /** Ended by a cancelled batch (never created, or not followed any more). */
  cancelled: number;
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

/** A job's result as its record stands (`createdNow`, `downloadedNow`: this run's bookkeeping). */
export function resultOf(record: JobRecord, createdNow: ReadonlySet<string>, downloadedNow: ReadonlyMap<string, number>): JobResult {
  return {
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
  };
}

/** Counts results by outcome class. */
export const countResults = (results: readonly JobResult[]): BatchCounts => {
  const c: BatchCounts = { submitted: results.length, created: 0, succeeded: 0, moderated: 0, failed: 0, unknownReconciled: 0, unknown: 0, timedOut: 0, blocked: 0, cancelled: 0, downloaded: 0, downloadFailed: 0 };
  for (const r of results) {
    if (r.createdNow) c.created++;
    if (r.createdNow && r.reconciled) c.unknownReconciled++;
    if (r.outcome === 'succeeded') c.succeeded++;
    else if (r.outcome === 'moderated') c.moderated++;
    else if (r.outcome === 'failed') c.failed++;
    else if (r.outcome === 'unknown') c.unknown++;
    else if (r.outcome === 'timed-out') c.timedOut++;
    else if (r.outcome === 'blocked') c.blocked++;
    else if (r.outcome === 'cancelled') c.cancelled++;
    c.downloaded += r.downloadedNow;
    if (r.downloadError) c.downloadFailed++;
  }
  return c;
};
