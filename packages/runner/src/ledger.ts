// The ledger: the durable memory of a batch. Every step of a job is an event appended to it, and a job's record
// is the fold of its events. The order of writes is what makes a paid job impossible to lose or duplicate:
//   `submitted` → `intent` (durable BEFORE the create is sent) → `created` (the ids, right after the answer) → …
// After a crash, a job whose last event is `intent` or `unknown` may exist upstream: it is looked up, never
// created again blindly. The interface is asynchronous so that a shared backend (Redis, issue #14) fits.
import type { JobLifecycle } from '@useapi-minimax/client';
import type { SubmitKind } from './kinds.js';

/** How a job ended, or why it has not. */
export type JobOutcome =
  | 'succeeded'
  | 'failed'
  | 'moderated'
  /** The deadline passed before the job was final (it may still finish upstream; a resume follows it again). */
  | 'timed-out'
  /** The create's outcome could not be proven either way: the runner will not create it again by itself. */
  | 'unknown'
  /** No account can take the job now (out of credits, on hold, not configured); a resume tries again. */
  | 'blocked'
  /** Its batch was cancelled before it was created (nothing was sent), or while it ran (no longer followed). */
  | 'cancelled';

/** A local file that an input field refers to: uploaded to the job's account, its `fileID` sent in the field. */
export interface FileRef {
  /** The input field (`fileID`, `end_frame_fileID`, …; `file` for agent jobs, sent as a part). */
  readonly field: string;
  /** Path of the file. */
  readonly path: string;
  /** sha256 of the content, hex (uploads are cached per account and content). */
  readonly sha256: string;
  /** Size in bytes. */
  readonly size: number;
}

/** One saved result file. */
export interface DownloadedFile {
  /** Where it was saved. */
  readonly path: string;
  /** The URL it came from. */
  readonly url: string;
  /** Bytes on disk. */
  readonly size: number;
}

/** The final state of one id of a job (images: one per image). */
export interface FinalSnapshot {
  /** The job id. */
  readonly id: string;
  /** The lifecycle state (`succeeded`, `failed`, `moderated`). */
  readonly state: JobLifecycle;
  /** The failure's or moderation's message, if any. */
  readonly message?: string | undefined;
  /** The result URLs, best first (`downloadURL` before `videoURL`). */
  readonly urls: readonly string[];
  /** The snapshot as read by id (`GET`), JSON. */
  readonly snapshot: Readonly<Record<string, unknown>>;
}

/** What can happen to a job, in the order the runner writes it. */
export type LedgerEvent =
  | { type: 'submitted'; kind: SubmitKind; input: Record<string, unknown>; files: readonly FileRef[]; replyRef: string; at: number }
  /** A create is about to be sent (written and flushed before sending). */
  | { type: 'intent'; attempt: number; account: string | undefined; replyRef: string; sentAt: number }
  /** The create answered with the new id(s). */
  | { type: 'created'; attempt: number; ids: readonly string[]; account: string | undefined; at: number; reconciled?: boolean }
  /** The create was sent and its answer does not prove whether the job exists. */
  | { type: 'unknown'; attempt: number; reason: string; at: number }
  /** A lookup proved that the attempt created nothing: the job may be created again. */
  | { type: 'not-created'; attempt: number; reason: string; at: number }
  /** The job ended without running (422 at create, a 400, no account for it, a lookup that proved nothing). */
  | { type: 'ended'; outcome: JobOutcome; message: string; at: number }
  /** The job reached a final state (every id). */
  | { type: 'final'; outcome: JobOutcome; snapshots: readonly FinalSnapshot[]; at: number }
  /** Result files saved. */
  | { type: 'downloaded'; files: readonly DownloadedFile[]; at: number };

/** A job as the ledger knows it: the fold of its events. */
export interface JobRecord {
  /** The job's stable key (unique in the ledger). */
  readonly key: string;
  readonly kind: SubmitKind;
  /** The create's input as submitted (JSON). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly files: readonly FileRef[];
  /** The `replyRef` every create of this job carries (derived from the ledger id and the key). */
  readonly replyRef: string;
  /** Where the job is. */
  readonly phase: 'queued' | 'sending' | 'unknown' | 'created' | 'final' | 'ended';
  /** Create attempts sent so far. */
  readonly attempts: number;
  /** The account of the last attempt (or of the job once created). */
  readonly account: string | undefined;
  /** When the last create was sent (epoch ms). */
  readonly sentAt: number | undefined;
  /** The job's ids, once created. */
  readonly ids: readonly string[];
  /** When the ids were recorded. */
  readonly createdAt: number | undefined;
  /** The ids were found by a lookup after an outcome-unknown create (not from the create's answer). */
  readonly reconciled: boolean;
  /** The outcome, once ended or final. */
  readonly outcome: JobOutcome | undefined;
  readonly message: string | undefined;
  readonly snapshots: readonly FinalSnapshot[];
  /** Saved result files. */
  readonly downloads: readonly DownloadedFile[];
  /** Why the last attempt's outcome is unknown. */
  readonly unknownReason: string | undefined;
}

/** The record a first `submitted` event makes. */
function fresh(key: string, e: Extract<LedgerEvent, { type: 'submitted' }>): JobRecord {
  return {
    key,
    kind: e.kind,
    input: e.input,
    files: e.files,
    replyRef: e.replyRef,
    phase: 'queued',
    attempts: 0,
    account: undefined,
    sentAt: undefined,
    ids: [],
    createdAt: undefined,
    reconciled: false,
    outcome: undefined,
    message: undefined,
    snapshots: [],
    downloads: [],
    unknownReason: undefined,
  };
}

/**
 * Folds one event into a record (pure; every backend uses it, so they cannot disagree). Events that do not fit
 * the record's phase are rejected with an error, which a backend reports instead of storing: a bug, not data.
 */
export function applyEvent(record: JobRecord | undefined, key: string, event: LedgerEvent): JobRecord {
  if (event.type === 'submitted') {
    if (record) throw new LedgerError(`job ${key} was already submitted`);
    return fresh(key, event);
  }
  if (!record) throw new LedgerError(`job ${key}: ${event.type} before submitted`);
  switch (event.type) {
    case 'intent':
      if (record.phase !== 'queued') throw new LedgerError(`job ${key}: intent in phase ${record.phase}`);
      return { ...record, phase: 'sending', attempts: event.attempt, account: event.account, sentAt: event.sentAt, unknownReason: undefined };
    case 'created':
      if (record.phase !== 'sending' && record.phase !== 'unknown') throw new LedgerError(`job ${key}: created in phase ${record.phase}`);
      return { ...record, phase: 'created', ids: event.ids, account: event.account ?? record.account, createdAt: event.at, reconciled: event.reconciled === true, unknownReason: undefined };
    case 'unknown':
      if (record.phase !== 'sending' && record.phase !== 'unknown') throw new LedgerError(`job ${key}: unknown in phase ${record.phase}`);
      return { ...record, phase: 'unknown', unknownReason: event.reason };
    case 'not-created':
      if (record.phase !== 'sending' && record.phase !== 'unknown') throw new LedgerError(`job ${key}: not-created in phase ${record.phase}`);
      return { ...record, phase: 'queued', unknownReason: undefined };
    case 'ended':
      if (record.phase === 'created' || record.phase === 'final') throw new LedgerError(`job ${key}: ended in phase ${record.phase}`);
      return { ...record, phase: 'ended', outcome: event.outcome, message: event.message };
    case 'final':
      if (record.phase !== 'created' && record.phase !== 'final') throw new LedgerError(`job ${key}: final in phase ${record.phase}`);
      return { ...record, phase: 'final', outcome: event.outcome, snapshots: event.snapshots, message: event.snapshots.find((s) => s.message)?.message };
    case 'downloaded':
      if (record.phase !== 'final') throw new LedgerError(`job ${key}: downloaded in phase ${record.phase}`);
      return { ...record, downloads: event.files };
  }
}

/** An event the ledger refused (out of order, unknown job), or a ledger that cannot be used. */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
}

/** A job claimed by one worker: only the holder may write its events while the lease lasts. */
export interface Claim {
  /** The job's key. */
  readonly key: string;
  /** Who holds it. */
  readonly owner: string;
  /** Fencing token: a backend refuses writes of an older token once another worker took the job over. */
  readonly token: number;
}

/** An upload cached for an account and content. */
export interface UploadRecord {
  readonly account: string;
  readonly sha256: string;
  readonly fileID: string;
  readonly at: number;
}

/**
 * Where the runner keeps its jobs. The default is a file in the batch's directory ({@link openFileLedger});
 * {@link createMemoryLedger} keeps nothing; a shared backend (issue #14: Redis) implements the same interface.
 *
 * Contract: `append` resolves only once the event is durable (for the file ledger: written and flushed), and
 * events of one key are applied in order; `claim` gives a job to one worker at a time (a lease that `renew`
 * extends and that expires when its holder dies), so N workers can share one ledger.
 */
export interface Ledger {
  /** Stable id of this ledger, part of every `replyRef` it derives (so two batches never match each other's jobs). */
  readonly id: string;
  /** Where it lives (a path, a Redis key, `memory`), for messages. */
  readonly location: string;
  /** A job's record. */
  get(key: string): Promise<JobRecord | undefined>;
  /** Every job, in submission order. */
  list(): Promise<JobRecord[]>;
  /** The job whose creates carry this `replyRef` (webhook correlation). */
  findByReplyRef(replyRef: string): Promise<JobRecord | undefined>;
  /** Appends an event (durable when it resolves); `claim`, when given, must still be held. */
  append(key: string, event: LedgerEvent, claim?: Claim): Promise<JobRecord>;
  /** Takes a job for `owner` for `ttlMs`, unless another live claim holds it. */
  claim(key: string, owner: string, ttlMs: number): Promise<Claim | undefined>;
  /** Extends a claim; false when it was lost (expired and taken). */
  renew(claim: Claim, ttlMs: number): Promise<boolean>;
  /** Gives a claim up. */
  release(claim: Claim): Promise<void>;
  /** The cached upload of a content on an account. */
  getUpload(account: string, sha256: string): Promise<UploadRecord | undefined>;
  /** Records an upload. */
  putUpload(upload: UploadRecord): Promise<void>;
  /** Releases the ledger (file handles, locks, connections). */
  close(): Promise<void>;
}
