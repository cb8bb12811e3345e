// The one poll policy: after each poll of a job, whether to poll again and after how long. Pure (no timers, no
// clock of its own): `waitFor`/`poll` run it in a loop, React's `refetchInterval` calls it per query update, so
// the two can never disagree again (they did: 212 ms against 2 s after a 429 with `Retry-After: 2`).
import { ApiError, ConnectionError, RateLimitedError, TimeoutError, UnexpectedResponseError, ValidationError, parseRetryAfter, type ValidationIssue } from './errors.js';
import { jobKinds } from './generated/jobs.js';
import type { JobKindInfo } from './job-kinds.js';
import { describeJobOf } from './job-state.js';
import type { JobKind } from './operation-descriptor.js';
import { MAX_RETRY_AFTER_MS } from './retry.js';

/** Shortest pause between two polls: a smaller `intervalMs` (`0` included) is raised to it, so a wait never spins. */
export const MIN_POLL_INTERVAL_MS = 100;
/** Longest pause between polls after repeated errors, in ms (or the interval, if longer). */
export const MAX_POLL_INTERVAL_MS = 60_000;

/**
 * Whether an error is worth trying again later: a connection error, a timeout, an unusable 2xx body, or 408, 429
 * and 5xx other than 596. `waitFor`/`poll` keep polling through these (with backoff). Never true for
 * `OutcomeUnknownError`: a create whose outcome is unknown must be looked up, not sent again.
 */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof UnexpectedResponseError ||
    (error instanceof ApiError && (error.status === 408 || error.status === 429 || (error.status >= 500 && error.status !== 596)))
  );
}

/** The settings of one wait, checked: see {@link pollPolicy}. */
export interface PollPolicy {
  /** Pause between polls after a success, in ms (at least {@link MIN_POLL_INTERVAL_MS}). */
  readonly intervalMs: number;
  /** Budget of the whole wait, in ms (`Infinity`: none). */
  readonly deadlineMs: number;
  /** Longest pause after consecutive errors, in ms. */
  readonly maxIntervalMs: number;
}

/** What a wait may set; unset values are the kind's defaults (`jobKinds`). */
export interface PollSettings {
  /** Pause between polls, in ms (floored at {@link MIN_POLL_INTERVAL_MS}). */
  intervalMs?: number | undefined;
  /** Budget of the whole wait, in ms; `Infinity` for none. */
  deadlineMs?: number | undefined;
  /** Longest pause after consecutive errors (default {@link MAX_POLL_INTERVAL_MS}, at least the interval). */
  maxIntervalMs?: number | undefined;
}

/**
 * The policy of one wait for a job of `kind`: the kind's defaults overridden by `settings`. Throws
 * `ValidationError` for a negative or non-finite `intervalMs`, a `deadlineMs` that is not > 0 (or `Infinity`), or
 * a bad `maxIntervalMs`.
 */
export function pollPolicy(kind: JobKind, settings: PollSettings = {}): PollPolicy {
  return pollPolicyOf(jobKinds[kind], settings);
}

/** {@link pollPolicy} for the kind of `facts` (`musicJob`, …), so a bundle that polls one kind ships only its facts. */
export function pollPolicyOf(facts: JobKindInfo, settings: PollSettings = {}): PollPolicy {
  const { intervalMs = facts.intervalMs, deadlineMs = facts.deadlineMs, maxIntervalMs = MAX_POLL_INTERVAL_MS } = settings;
  const issues: ValidationIssue[] = [];
  if (!(Number.isFinite(intervalMs) && intervalMs >= 0)) issues.push({ field: 'intervalMs', message: 'must be a number of ms ≥ 0' });
  if (!(typeof deadlineMs === 'number' && deadlineMs > 0)) issues.push({ field: 'deadlineMs', message: 'must be a number of ms > 0 (Infinity for no deadline)' });
  if (!(typeof maxIntervalMs === 'number' && maxIntervalMs > 0)) issues.push({ field: 'maxIntervalMs', message: 'must be a number of ms > 0' });
  if (issues.length) throw new ValidationError(issues, 'poll');
  const interval = Math.max(MIN_POLL_INTERVAL_MS, intervalMs);
  return { intervalMs: interval, deadlineMs, maxIntervalMs: Math.max(maxIntervalMs, interval) };
}

/** What happened at the last poll. */
export interface PollOutcome {
  /** The snapshot read, when the poll succeeded. */
  snapshot?: unknown;
  /** The error, when it failed. */
  error?: unknown;
  /** Consecutive failed polls, this one included (0 after a success). */
  failures: number;
  /** Time since the wait started, in ms. */
  elapsedMs: number;
}

/** Poll again after `delayMs`, or stop: the job is final, the error is not worth polling through, or the deadline passed. */
export type PollStep = { readonly stop: false; readonly delayMs: number } | { readonly stop: true; readonly reason: 'final' | 'error' | 'deadline' };

/** The pause a failed poll asks for: the server's `Retry-After` (capped at 60 s), if it sent one. */
function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof RateLimitedError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  if (error instanceof ApiError) return parseRetryAfter(error.headers['retry-after']);
  return undefined;
}

/**
 * After a poll: stop on a final snapshot, on an error that is not transient (`isTransientError`) and at the
 * deadline; else poll again after the interval, doubled per consecutive error up to `maxIntervalMs`, never before
 * the server's `Retry-After`, and never after the deadline (so the deadline is noticed on time).
 */
export function nextPoll(kind: JobKind, policy: PollPolicy, last: PollOutcome): PollStep {
  return nextPollOf(jobKinds[kind], policy, last);
}

/** {@link nextPoll} for the kind of `facts` (`musicJob`, …). */
export function nextPollOf(facts: JobKindInfo, policy: PollPolicy, last: PollOutcome): PollStep {
  if (last.error === undefined && describeJobOf(facts, last.snapshot as Record<string, unknown>).final) return { stop: true, reason: 'final' };
  if (last.error !== undefined && !isTransientError(last.error)) return { stop: true, reason: 'error' };
  const remaining = policy.deadlineMs - last.elapsedMs;
  if (remaining <= 0) return { stop: true, reason: 'deadline' };
  let delay = policy.intervalMs;
  if (last.error !== undefined) {
    delay = Math.min(policy.intervalMs * 2 ** Math.max(1, last.failures), policy.maxIntervalMs);
    const hint = retryAfterOf(last.error);
    if (hint !== undefined) delay = Math.max(delay, Math.min(hint, MAX_RETRY_AFTER_MS));
  }
  return { stop: false, delayMs: Math.min(delay, remaining) };
}
