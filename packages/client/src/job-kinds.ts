// The shape of the job facts. The facts themselves are the spec's root `x-sdk.jobs`, generated into
// src/generated/jobs.ts (one object per kind, `musicJob`…, gathered in `jobKinds`); nothing here restates them.
import type { JobKind } from './generated/jobs.js';
import type { JobLifecycle } from './job-state.js';

/** Where a create whose answer was lost is looked up (`findCreated`). */
export interface JobFindInfo {
  /** `GET /scheduler` tracks running jobs of this kind with their `replyRef`. */
  readonly scheduler?: boolean;
  /** operationId of the list that holds the kind's jobs, newest first. */
  readonly list?: string;
  /** Item field with the creation time (epoch ms) in that list. */
  readonly time?: string;
  /** Input field → list item field that echoes it (compared as text; a trailing `…` is a truncation). */
  readonly match?: Readonly<Record<string, string>>;
  /** operationId of the list of running jobs (ids only); each one's GET is read. */
  readonly running?: string;
  /** Dotted path of the `replyRef` in the job's GET (`request.replyRef`). */
  readonly ref?: string;
}

/** How a job kind is followed: its GET (operation and resource method), id field and polling defaults. */
export interface JobKindInfo<K extends JobKind = JobKind> {
  /** The job kind these facts are of. */
  readonly kind: K;
  /** operationId of the GET that reads the job. */
  readonly operation: string;
  /** Resource (tag) of that GET: `client[tag].get(id)`. */
  readonly tag: string;
  /** Resource method of that GET. */
  readonly method: string;
  /** Field of the snapshot that holds the job id. */
  readonly idField: string;
  /** Another field that holds it in create answers and webhooks (`audioId` for speech). */
  readonly aliasIdField?: string;
  /** Default pause between polls, in ms. */
  readonly intervalMs: number;
  /** Default deadline of a whole wait, in ms. */
  readonly deadlineMs: number;
  /** Numeric `status` codes and their state, for kinds that have them. */
  readonly codes?: Readonly<Record<number, JobLifecycle>>;
  /**
   * How a cancelled job reads (a spec Decision: the docs do not say): snapshot field → the case-insensitive
   * pattern (the spec's string, compiled with the `i` flag) that a final failed snapshot's field matches when the
   * job was cancelled.
   */
  readonly cancelled?: Readonly<Record<string, RegExp>>;
  /** The field holding the status text (`statusLabel`; the agent's `status`). */
  readonly labelField: string;
  /** Where a lost create is looked up. */
  readonly find: JobFindInfo;
}
