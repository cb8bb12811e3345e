// Following a job: poll (distinct snapshots), waitFor (final snapshot or a typed error), createAndWait.
import { AbortError, ApiError, ConnectionError, JobTimeoutError, MiniMaxError, TimeoutError } from './errors.js';
import { jobKinds } from './job-kinds.js';
import { describeJob, jobErrorFor, jobErrorForMissing } from './job-state.js';
import type { JobKind } from './operation-descriptor.js';
import type { PollOptions, RequestOptions, WaitOptions } from './resource-types.js';
import { sleep } from './retry.js';

type Snap = Record<string, any>;
/** Reads one snapshot of a job. */
export type GetJob = (id: string, options: RequestOptions) => Promise<Snap>;

/** Longest pause between polls after repeated errors, in ms (or the interval, if longer). */
export const MAX_POLL_INTERVAL_MS = 60_000;

/**
 * Whether an error is worth trying again later: a connection error, a timeout, or 408, 429 and 5xx other than 596.
 * `waitFor`/`poll` keep polling through these (with backoff); React hooks can use it for their retry decision.
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    (error instanceof ApiError && (error.status === 408 || error.status === 429 || (error.status >= 500 && error.status !== 596)))
  );
}

/**
 * Polls a job until it is final, yielding each distinct snapshot (state, percent, message or status changed).
 * The interval doubles after transient errors (up to 60 s) and resets on success; the deadline aborts the
 * sleep and the in-flight GET (`JobTimeoutError` with the last snapshot); the caller's signal does the same
 * (`AbortError`). A followed video that starts answering 404 was moderated and removed: `JobModeratedError`.
 */
export async function* pollJob(kind: JobKind, get: GetJob, id: string, options: PollOptions = {}): AsyncGenerator<Snap> {
  const info = jobKinds[kind];
  const interval = options.intervalMs ?? info.intervalMs;
  const timeoutMs = options.timeoutMs ?? info.timeoutMs;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  let last: Snap | undefined;
  let lastKey: string | undefined;
  let delay = interval;
  const stopped = (cause: unknown) =>
    options.signal?.aborted
      ? new AbortError({ cause: options.signal.reason })
      : new JobTimeoutError(`${kind} job ${id} was not final after ${timeoutMs} ms`, kind, id, last, last && describeJob(kind, last), { cause });
  try {
    for (;;) {
      try {
        const snapshot = await get(id, { signal });
        delay = interval;
        last = snapshot;
        const st = describeJob(kind, snapshot);
        const key = JSON.stringify([st.state, st.final, st.percent, st.message, snapshot.status, snapshot.statusLabel]);
        if (key !== lastKey) {
          lastKey = key;
          yield snapshot;
        }
        if (st.final) return;
      } catch (error) {
        if (signal.aborted) throw stopped(error);
        const removed = jobErrorForMissing(kind, id, last, error);
        if (removed) throw removed;
        if (!isTransientError(error)) throw error;
        delay = Math.min(delay * 2, Math.max(MAX_POLL_INTERVAL_MS, interval));
      }
      try {
        await sleep(delay, signal);
      } catch (reason) {
        throw stopped(reason);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until final: resolves with the succeeded snapshot, throws JobFailedError / JobModeratedError otherwise. */
export async function waitForJob(kind: JobKind, get: GetJob, id: string, options: WaitOptions = {}): Promise<Snap> {
  let last: Snap | undefined;
  for await (const snapshot of pollJob(kind, get, id, options)) {
    last = snapshot;
    options.onProgress?.(snapshot as never, describeJob(kind, snapshot));
  }
  const error = jobErrorFor(kind, last!);
  if (error) throw error;
  return last!;
}

/** Where a create puts the new job's id, and what `<create>AndWait` forces. */
export interface JobCreator {
  readonly kind: JobKind;
  readonly idField: string;
  readonly many?: boolean;
  readonly fixed?: Readonly<Record<string, unknown>>;
}

/** Creates, then waits for the job (every job, for creates that answer a list of ids). */
export async function createAndWait(
  creator: JobCreator,
  create: (input: Record<string, unknown>, options: RequestOptions) => Promise<Snap>,
  get: GetJob,
  input: Record<string, unknown> | undefined,
  options: WaitOptions = {},
): Promise<Snap | Snap[]> {
  const created = await create({ ...input, ...creator.fixed }, { signal: options.signal });
  const ids: unknown[] = ([] as unknown[]).concat(created?.[creator.idField] ?? []);
  if (!ids.length || ids.some((id) => typeof id !== 'string')) {
    throw new MiniMaxError(`The create answered without a ${creator.idField}: cannot wait for the ${creator.kind} job`);
  }
  // One failure stops the other waits.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  try {
    const results = await Promise.all(ids.map((id) => waitForJob(creator.kind, get, id as string, { ...options, signal })));
    return creator.many ? results : results[0]!;
  } finally {
    stop.abort();
  }
}
