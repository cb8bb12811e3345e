// Following a job: poll (distinct snapshots), waitFor (final snapshot or a typed error), createAndWait. The
// timing is the pure poll policy (poll-policy.ts); this file runs it with real sleeps, a deadline and a signal.
import type { MiniMaxCore } from './core.js';
import { AbortError, JobTimeoutError, MiniMaxError } from './errors.js';
import { jobGetters } from './generated/job-functions.js';
import { jobKinds } from './generated/jobs.js';
import type { JobKindInfo } from './job-kinds.js';
import { describeJobOf, jobErrorForMissingOf, jobErrorOf } from './job-state.js';
import type { JobKind } from './operation-descriptor.js';
import { nextPollOf, pollPolicyOf } from './poll-policy.js';
import type { PollOptions, RequestOptions, Snapshot, WaitOptions } from './resource-types.js';
import { sleep } from './retry.js';
import { anySignal, startTimer } from './signals.js';

type Snap = Record<string, any>;
/** Reads one snapshot of a job. */
export type GetJob = (id: string, options: RequestOptions) => Promise<Snap>;

/** The per-request part of poll options: what each GET of the wait is sent with. */
function requestOptions(options: RequestOptions, signal: AbortSignal): RequestOptions {
  const { timeoutMs, maxRetries, headers } = options;
  return { signal, timeoutMs, maxRetries, headers };
}

/**
 * Polls a job until it is final, yielding each distinct snapshot (state, percent, message or status changed). The
 * pauses are the poll policy's (`nextPoll`: interval, doubled after transient errors, the server's `Retry-After`,
 * never past the deadline); the deadline aborts the sleep and the GET in flight (`JobTimeoutError` with the last
 * snapshot); the caller's signal does the same (`AbortError`). A followed video that starts answering 404 was
 * moderated and removed: `JobModeratedError`. Each GET gets the call options (`timeoutMs`, `maxRetries`, `headers`).
 */
export async function* followJob(kind: JobKind, get: GetJob, id: string, options: PollOptions = {}): AsyncGenerator<Snap> {
  const facts: JobKindInfo = jobKinds[kind];
  const policy = pollPolicyOf(facts, options);
  const started = Date.now();
  const deadline = new AbortController();
  const clearDeadline = startTimer(policy.deadlineMs, () => deadline.abort());
  const combined = anySignal([options.signal, deadline.signal]);
  const { signal } = combined;
  const perRequest = requestOptions(options, signal);
  let last: Snap | undefined;
  let lastKey: string | undefined;
  let failures = 0;
  const stopped = (cause: unknown) =>
    options.signal?.aborted
      ? new AbortError({ cause: options.signal.reason })
      : new JobTimeoutError(
          `The ${kind} job ${id} was not final after ${policy.deadlineMs} ms: it may still finish; read it by id later or wait again with a longer deadlineMs`,
          kind,
          id,
          last,
          last && describeJobOf(facts, last),
          { cause },
        );
  try {
    for (;;) {
      let step;
      try {
        const snapshot = await get(id, perRequest);
        failures = 0;
        last = snapshot;
        const st = describeJobOf(facts, snapshot);
        const key = JSON.stringify([st.state, st.final, st.percent, st.message, snapshot?.status, snapshot?.statusLabel]);
        if (key !== lastKey) {
          lastKey = key;
          yield snapshot;
        }
        step = nextPollOf(facts, policy, { snapshot, failures, elapsedMs: Date.now() - started });
      } catch (error) {
        if (signal.aborted) throw stopped(error);
        const removed = jobErrorForMissingOf(facts, id, last, error);
        if (removed) throw removed;
        failures += 1;
        step = nextPollOf(facts, policy, { error, failures, elapsedMs: Date.now() - started });
        if (step.stop && step.reason === 'error') throw error;
      }
      if (step.stop) {
        if (step.reason === 'final') return;
        throw stopped(undefined);
      }
      try {
        await sleep(step.delayMs, signal);
      } catch (reason) {
        throw stopped(reason);
      }
    }
  } finally {
    clearDeadline();
    combined.release();
  }
}

/** Polls until final: resolves with the succeeded snapshot, throws JobFailedError / JobModeratedError otherwise. */
export async function waitFollowing(kind: JobKind, get: GetJob, id: string, options: WaitOptions = {}): Promise<Snap> {
  const facts: JobKindInfo = jobKinds[kind];
  let last: Snap | undefined;
  for await (const snapshot of followJob(kind, get, id, options)) {
    last = snapshot;
    options.onProgress?.(snapshot as never, describeJobOf(facts, snapshot));
  }
  const error = jobErrorOf(facts, last!);
  if (error) throw error;
  return last!;
}

const getterOf =
  (core: MiniMaxCore, kind: JobKind): GetJob =>
  (id, options) =>
    (jobGetters[kind] as (core: MiniMaxCore, id: string, options: RequestOptions) => Promise<Snap>)(core, id, options);

/**
 * Yields each distinct snapshot of a job until it is final (the final one included); `break` stops polling.
 * The tree-shakable form of `client.<resource>.poll(id)`: `pollJob(core, 'music', musicId)`.
 */
export function pollJob<J extends JobKind>(core: MiniMaxCore, kind: J, id: string, options?: PollOptions): AsyncIterableIterator<Snapshot<J>> {
  return followJob(kind, getterOf(core, kind), id, options) as AsyncIterableIterator<Snapshot<J>>;
}

/**
 * Polls a job until it is final and resolves with its final snapshot; throws `JobFailedError` /
 * `JobModeratedError` for a failed / moderated job and `JobTimeoutError` at the deadline. The tree-shakable form
 * of `client.<resource>.waitFor(id)`: `waitForJob(core, 'video', videoId, { deadlineMs })`.
 */
export function waitForJob<J extends JobKind>(core: MiniMaxCore, kind: J, id: string, options?: WaitOptions<J>): Promise<Snapshot<J>> {
  return waitFollowing(kind, getterOf(core, kind), id, options as unknown as WaitOptions) as Promise<Snapshot<J>>;
}

/** Where a create puts the new job's id, and what `<create>AndWait` forces. */
export interface JobCreator {
  readonly kind: JobKind;
  readonly idField: string;
  readonly many?: boolean;
  readonly fixed?: Readonly<Record<string, unknown>>;
}

/**
 * Creates, then waits for the job (every job, for creates that answer a list of ids). The call options
 * (`signal`, `timeoutMs`, `maxRetries`, `headers`) go to the create and to every poll; `intervalMs`,
 * `deadlineMs` and `onProgress` to the wait; `options.create` (request options) to the create alone.
 */
export async function createAndWait(
  creator: JobCreator,
  create: (input: Record<string, unknown>, options: RequestOptions) => Promise<Snap>,
  get: GetJob,
  input: Record<string, unknown> | undefined,
  options: WaitOptions = {},
): Promise<Snap | Snap[]> {
  const { signal, timeoutMs, maxRetries, headers, create: only, ...wait } = options;
  const shared: RequestOptions = { signal, timeoutMs, maxRetries, headers };
  const createOptions: RequestOptions = only ? { ...shared, ...only, headers: { ...headers, ...only.headers } } : shared;
  const created = await create({ ...input, ...creator.fixed }, createOptions);
  const ids: unknown[] = ([] as unknown[]).concat(created?.[creator.idField] ?? []);
  if (!ids.length || ids.some((id) => typeof id !== 'string')) {
    throw new MiniMaxError(`The create answered without a ${creator.idField}: cannot wait for the ${creator.kind} job`);
  }
  // One failure stops the other waits.
  const stop = new AbortController();
  const combined = anySignal([signal, stop.signal]);
  try {
    const results = await Promise.all(ids.map((id) => waitFollowing(creator.kind, get, id as string, { ...wait, timeoutMs, maxRetries, headers, signal: combined.signal })));
    return creator.many ? results : results[0]!;
  } finally {
    stop.abort();
    combined.release();
  }
}
