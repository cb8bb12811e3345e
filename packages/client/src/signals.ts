// Abort signals and timers that hold on every platform: a combinator for where `AbortSignal.any` is missing
// (Safari < 17.4, React Native, older webviews), and timers that neither fire early past setTimeout's limit nor
// at all for `Infinity`.

const noop = () => {};

/** The longest delay `setTimeout` honours (2³¹ − 1 ms, about 24.8 days); a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A signal that aborts when any of its inputs does; `release()` detaches it from them (needed by the fallback only). */
export interface CombinedSignal {
  /** Aborts with the reason of the first input that aborts. */
  readonly signal: AbortSignal;
  /** Stops listening to the inputs. Call it when the signal is no longer needed; idempotent. */
  release(): void;
}

type AnyFn = (signals: AbortSignal[]) => AbortSignal;

/**
 * Combines signals (`undefined` and `null` are skipped) into one that aborts with the first one's reason.
 * Uses `AbortSignal.any` where it exists (it holds its inputs weakly: `release` has nothing to do); elsewhere it
 * listens on each input until `release()` or the first abort, so a long-lived input collects no listeners.
 * `native` is the `AbortSignal.any` to use (`null`: the fallback, for tests).
 */
export function anySignal(signals: readonly (AbortSignal | null | undefined)[], native: AnyFn | null | undefined = (AbortSignal as { any?: AnyFn }).any): CombinedSignal {
  const inputs = signals.filter((s): s is AbortSignal => !!s);
  if (native) return { signal: native.call(AbortSignal, inputs), release: noop };
  const controller = new AbortController();
  const listeners = new Map<AbortSignal, () => void>();
  const release = () => {
    for (const [input, listener] of listeners) input.removeEventListener('abort', listener);
    listeners.clear();
  };
  for (const input of inputs) {
    if (input.aborted) {
      controller.abort(input.reason);
      release();
      break;
    }
    const listener = () => {
      release();
      controller.abort(input.reason);
    };
    listeners.set(input, listener);
    input.addEventListener('abort', listener);
  }
  return { signal: controller.signal, release };
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
