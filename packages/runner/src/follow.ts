// Following one job id until it is final: the client's own poll policy (`nextPoll`: the kind's interval, backoff
// after transient errors, Retry-After, the deadline; a followed video that answers 404 is moderated), and a
// wake-up: when a webhook says the job changed, the follower re-fetches it by id at once instead of waiting for
// the next poll (the callback itself is never trusted).
import { describeJob, type JobKind, type JobState } from '@useapi-minimax/client';
import { jobErrorForMissing, nextPoll, pollPolicy } from '@useapi-minimax/client/internal';

/** Wakes a follower early (a webhook arrived); a poke during a fetch makes the next pause end at once. */
export class Waker {
  private pending = false;
  private wake: (() => void) | undefined;

  /** Ends the current pause, or the next one. */
  poke(): void {
    if (this.wake) this.wake();
    else this.pending = true;
  }

  /** Pauses `ms`, or until poked or `signal` aborts (rejects with its reason). */
  pause(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.wake = undefined;
      };
      const onAbort = () => {
        done();
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, ms);
      this.wake = () => {
        done();
        resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** How one id ended. */
export type FollowResult =
  | { final: true; snapshot: Record<string, unknown>; state: JobState }
  | { final: false; snapshot: Record<string, unknown> | undefined; reason: 'deadline' };

/** What {@link followJob} needs. */
export interface FollowOptions {
  kind: JobKind;
  id: string;
  /** Reads the job by id. */
  get: (id: string, options: { signal: AbortSignal }) => Promise<Record<string, unknown>>;
  /** Pause between polls (webhook mode: the safety poll). */
  intervalMs: number;
  /** Epoch ms after which the follower gives up (the job may still finish upstream). */
  deadlineAt: number;
  signal: AbortSignal;
  waker: Waker;
  /** Each distinct snapshot (state, percent or message changed). */
  onSnapshot?: ((snapshot: Record<string, unknown>, state: JobState) => void) | undefined;
  /** Counts the requests (bench). */
  onRequest?: (() => void) | undefined;
  /** Wait before the first GET (webhook mode: the first callback, or the safety interval, starts the reads). */
  waitFirst?: boolean | undefined;
}

/** Polls `get` until final or the deadline; rethrows errors that are not transient (and the caller's abort). */
export async function followJob(o: FollowOptions): Promise<FollowResult> {
  const started = Date.now();
  // The policy's deadline is the time left to this job's own deadline (counted from its creation).
  const policy = pollPolicy(o.kind, { intervalMs: o.intervalMs, deadlineMs: Math.max(1, o.deadlineAt - started) });
  let last: Record<string, unknown> | undefined;
  let lastKey: string | undefined;
  let failures = 0;
  if (o.waitFirst) await o.waker.pause(Math.min(o.intervalMs, Math.max(0, o.deadlineAt - Date.now())), o.signal);
  for (;;) {
    if (Date.now() >= o.deadlineAt) return { final: false, snapshot: last, reason: 'deadline' };
    // The deadline also aborts a GET in flight (a timer of its own: fake timers in tests drive it too).
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(), Math.max(1, Math.min(2 ** 31 - 1, o.deadlineAt - Date.now())));
    const deadline = AbortSignal.any([o.signal, expiry.signal]);
    let outcome: { snapshot?: unknown; error?: unknown };
    try {
      o.onRequest?.();
      const snapshot = await o.get(o.id, { signal: deadline });
      failures = 0;
      last = snapshot;
      outcome = { snapshot };
      const state = describeJob(o.kind, snapshot);
      const key = JSON.stringify([state.state, state.final, state.percent, state.message]);
      if (key !== lastKey) {
        lastKey = key;
        o.onSnapshot?.(snapshot, state);
      }
      if (state.final) return { final: true, snapshot, state };
    } catch (error) {
      if (o.signal.aborted) throw o.signal.reason ?? error;
      if (deadline.aborted) return { final: false, snapshot: last, reason: 'deadline' };
      const removed = jobErrorForMissing(o.kind, o.id, last as never, error);
      if (removed) return { final: true, snapshot: last ?? {}, state: removed.state! };
      failures++;
      outcome = { error };
    } finally {
      clearTimeout(timer);
    }
    const step = nextPoll(o.kind, policy, { ...outcome, failures, elapsedMs: Date.now() - started });
    if (step.stop) {
      if (step.reason === 'error') throw outcome.error;
      return { final: false, snapshot: last, reason: 'deadline' };
    }
    await o.waker.pause(step.delayMs, o.signal);
  }
}
