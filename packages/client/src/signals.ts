// Abort signals and timers that hold on every platform: one shared listener per caller signal and a combinator on
// it (no `AbortSignal.any`, missing in Safari < 17.4, React Native and older webviews), and timers that neither fire
// early past setTimeout's limit nor at all for `Infinity`.

const noop = () => {};

/** The longest delay `setTimeout` honours (2³¹ − 1 ms, about 24.8 days); a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A signal that aborts when any of its inputs does; `release()` detaches it from them. */
export interface CombinedSignal {
  /** Aborts with the reason of the first input that aborts. */
  readonly signal: AbortSignal;
  /** Stops listening to the inputs. Call it when the signal is no longer needed; idempotent. */
  release(): void;
}

/**
 * Combines signals (`undefined` and `null` are skipped) into one that aborts with the first one's reason. It hears
 * its inputs through {@link onAbortOf} until `release()` or the first abort, so a long-lived input collects no
 * listeners, on every platform alike (`AbortSignal.any`, missing in Safari < 17.4 and React Native, is not needed).
 */
export function anySignal(signals: readonly (AbortSignal | null | undefined)[]): CombinedSignal {
  const controller = new AbortController();
  const offs: (() => void)[] = [];
  const release = () => {
    for (const off of offs.splice(0)) off();
  };
  for (const input of signals) {
    if (!input) continue;
    offs.push(onAbortOf(input, () => {
      release();
      controller.abort(input.reason);
    }));
    if (controller.signal.aborted) break;
  }
  return { signal: controller.signal, release };
}

/** The calls listening to each caller signal through {@link onAbortOf}. */
const listening = new WeakMap<AbortSignal, Set<() => void>>();

/** The one listener {@link onAbortOf} puts on a signal (`this`): calls who still listen. */
function heard(this: AbortSignal): void {
  // The live set: a subscriber that an earlier one unsubscribed is not called (deleting while iterating is safe).
  for (const call of listening.get(this) ?? []) call();
}

/**
 * Calls `listener` when `signal` aborts (at once if it has), until the returned function is called. However many
 * calls listen to one signal (a batch's, an app's shutdown signal), it holds a single listener, and none once they
 * are done: no Node MaxListenersExceededWarning, and a call pays a Set entry instead of an `AbortSignal.any` signal
 * of its own and a listener on that (~2 µs, and the largest part of a create's client time in the runner's bench).
 */
export function onAbortOf(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return noop;
  }
  let calls = listening.get(signal);
  if (!calls) listening.set(signal, (calls = new Set()));
  const mine = calls;
  if (!mine.size) signal.addEventListener('abort', heard);
  mine.add(listener);
  return () => {
    if (mine.delete(listener) && !mine.size) signal.removeEventListener('abort', heard);
  };
}

/**
 * Calls `fn` once after `ms`: never for `Infinity`, and in steps of at most {@link MAX_TIMER_MS} beyond it (a
 * 30-day deadline really waits 30 days). The timer is unref'd: it bounds work that keeps Node's process alive by
 * itself (a request in flight, a poll's sleep), and an unref'd timer set and cleared per call costs a fraction of
 * the event-loop work of a ref'd one. Returns the function that cancels it.
 */
export function startTimer(ms: number, fn: () => void): () => void {
  if (ms === Infinity) return noop;
  let handle: ReturnType<typeof setTimeout>;
  const due = Date.now() + ms;
  const step = () => {
    const left = due - Date.now();
    handle = setTimeout(left > MAX_TIMER_MS ? step : fn, Math.min(Math.max(left, 0), MAX_TIMER_MS));
    (handle as { unref?: () => void }).unref?.();
  };
  step();
  return () => clearTimeout(handle);
}
