// One lifecycle for every kind of job: describeJob() maps each resource's status fields onto it.
import { JobCancelledError, JobFailedError, JobModeratedError, NotFoundError } from './errors.js';
import { quote } from './quote.js';
import { jobKinds, jobLabels } from './generated/jobs.js';
import type { JobKindInfo } from './job-kinds.js';
import type { JobKind } from './operation-descriptor.js';
import type { Snapshot } from './resource-types.js';

/** Where a job is in its life. `succeeded`, `failed`, `moderated` and `cancelled` are the final states. */
export type JobLifecycle = 'queued' | 'running' | 'succeeded' | 'failed' | 'moderated' | 'cancelled';

/** A job snapshot, described the same way for every kind. */
export interface JobState {
  /** The job kind. */
  kind: JobKind;
  /** The job id read from the snapshot (`videoId`, `imageId`, `musicId`, `jobId`, `audio_id`/`audioId`). */
  id?: string;
  /** The lifecycle state. */
  state: JobLifecycle;
  /** True once the job will not change any more: polling can stop. */
  final: boolean;
  /** Progress in percent, when the API gives it. */
  percent?: number;
  /** Progress text, or the failure's message. */
  message?: string;
}

/** A snapshot of a job of kind `K`: the answer of its GET, or a webhook payload. */
export type JobSnapshot<K extends JobKind> = Snapshot<K>;

// Every state but `queued` and `running` is final.
const isFinal = (s: JobLifecycle | undefined) => !!s && s !== 'queued' && s !== 'running';

// A final failed snapshot that reads as cancelled by the kind's `cancelled` patterns (a spec Decision; generated
// as RegExp literals, so compiled once).
const wasCancelled = (facts: JobKindInfo, s: Record<string, any>) =>
  Object.entries(facts.cancelled ?? {}).some(([field, re]) => typeof s[field] === 'string' && re.test(s[field]));

/**
 * Describes a job snapshot of any kind on one lifecycle. `statusFinal` is the authority when present; then the
 * numeric status (video/image: 2 completed, 3 failed, 5/7/14 moderated; music: 2 completed, 4 moderated), the
 * agent's `started`/`completed`/`failed` and the speech `statusLabel`. Unknown statuses are never final unless
 * `statusFinal` says so. `undefined` (nothing read yet) is `queued`. A final failure that reads as cancelled (video:
 * `message` "Cancelled"; speech: an `error` saying so; how a cancelled job reads is a spec Decision) is `cancelled`.
 */
export function describeJob<K extends JobKind>(kind: K, snapshot: JobSnapshot<K> | Record<string, unknown> | null | undefined): JobState {
  return describeJobOf(jobKinds[kind] as JobKindInfo<K>, snapshot);
}

/**
 * {@link describeJob} for the kind of `facts` (`musicJob`, …: the spec's `x-sdk.jobs`, src/generated/jobs.ts), so a
 * bundle that follows one kind ships only that kind's facts.
 */
export function describeJobOf<K extends JobKind>(facts: JobKindInfo<K>, snapshot: JobSnapshot<K> | Record<string, unknown> | null | undefined): JobState {
  const s = (snapshot ?? {}) as Record<string, any>;
  const kind = facts.kind;
  const label = jobLabels[String(s[facts.labelField] ?? '').toLowerCase()] as JobLifecycle | undefined;
  const codes = facts.codes;
  let state = (codes && typeof s.status === 'number' ? codes[s.status] : undefined) ?? label;
  const final = typeof s.statusFinal === 'boolean' ? s.statusFinal : isFinal(state);
  if (final && !isFinal(state)) {
    // Final with a status we do not know: trust the label, else whether there is a result to fetch.
    state = isFinal(label) ? label : s.videoURL || s.downloadURL || s.audioURL || s.audio_url || s.response ? 'succeeded' : 'failed';
  } else if (!final) {
    // Not final: an unknown status is running; nothing to go by (no status yet) is queued.
    state = state === 'queued' || (!state && (kind === 'speech' || s.status === undefined)) ? 'queued' : 'running';
  }
  if (state === 'failed' && final && wasCancelled(facts, s)) state = 'cancelled';
  const error = s.error;
  const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : s.message;
  const id = s[facts.idField] ?? (facts.aliasIdField ? s[facts.aliasIdField] : undefined);
  return {
    kind,
    ...(typeof id === 'string' ? { id } : {}),
    state: state!,
    final,
    ...(typeof s.percent === 'number' ? { percent: s.percent } : {}),
    ...(typeof message === 'string' && message ? { message } : {}),
  };
}

/**
 * The typed error for a final snapshot that produced nothing (`JobFailedError`, its subclass `JobCancelledError`,
 * or `JobModeratedError`), else undefined.
 */
export function jobErrorFor<K extends JobKind>(
  kind: K,
  snapshot: JobSnapshot<K> | Record<string, unknown>,
): JobFailedError<JobSnapshot<K>> | JobModeratedError<JobSnapshot<K>> | undefined {
  return jobErrorOf(jobKinds[kind] as JobKindInfo<K>, snapshot);
}

/** {@link jobErrorFor} for the kind of `facts` (`musicJob`, …). */
export function jobErrorOf<K extends JobKind>(
  facts: JobKindInfo<K>,
  snapshot: JobSnapshot<K> | Record<string, unknown>,
): JobFailedError<JobSnapshot<K>> | JobModeratedError<JobSnapshot<K>> | undefined {
  const kind = facts.kind;
  const st = describeJobOf(facts, snapshot);
  if (!st.final || st.state === 'succeeded') return undefined;
  const Ctor = st.state === 'moderated' ? JobModeratedError : st.state === 'cancelled' ? JobCancelledError : JobFailedError;
  const job = `The ${kind} job${st.id ? ` ${st.id}` : ''}`;
  const what =
    st.state === 'moderated'
      ? `${job} was moderated: it was created but will produce nothing; change the input rather than resend it`
      : st.state === 'cancelled'
        ? `${job} was cancelled before it finished: it will produce nothing; create it again if you still want it`
        : `${job} failed: it was created but produced nothing usable; check the input (and the account), then create it again`;
  const said = st.message ? ` MiniMax said: ${quote(st.message, 'error.snapshot')}` : '';
  return new Ctor<JobSnapshot<K>>(`${what} (the last snapshot is on error.snapshot).${said}`, kind, st.id, snapshot as JobSnapshot<K>, st);
}

/**
 * The job error a failed poll means, if any: a followed video (one snapshot already read) that starts answering
 * 404 was moderated and removed after generation, so the wait ends with `JobModeratedError`. Otherwise undefined.
 */
export function jobErrorForMissing<K extends JobKind>(
  kind: K,
  jobId: string,
  last: JobSnapshot<K> | undefined,
  error: unknown,
): JobModeratedError<JobSnapshot<K>> | undefined {
  return jobErrorForMissingOf(jobKinds[kind] as JobKindInfo<K>, jobId, last, error);
}

/** {@link jobErrorForMissing} for the kind of `facts` (`videoJob`, …). */
export function jobErrorForMissingOf<K extends JobKind>(
  facts: JobKindInfo<K>,
  jobId: string,
  last: JobSnapshot<K> | undefined,
  error: unknown,
): JobModeratedError<JobSnapshot<K>> | undefined {
  if (facts.kind !== 'video' || last === undefined || !(error instanceof NotFoundError)) return undefined;
  return new JobModeratedError<JobSnapshot<K>>(`The video job ${jobId} was removed (404): MiniMax moderated it after generating it; change the input rather than resend it`, facts.kind, jobId, last, describeJobOf(facts, last), { cause: error });
}
