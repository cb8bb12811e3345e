// Environment probes that work in Node and in browsers without importing Node modules.

/** The `process.env` object when running in Node (or a bundler's shim), else an empty object. */
function env(): Record<string, string | undefined> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

/** True under vitest or jest, or when NODE_ENV is `test`: the mock then validates its own responses. */
export function isTestEnvironment(): boolean {
  const e = env();
  return Boolean(e.VITEST || e.JEST_WORKER_ID || e.NODE_ENV === 'test');
}

// Real timers and the real clock, captured when this module loads, so that a test's global fake timers
// (`vi.useFakeTimers()`, installed later) cannot stall the mock.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
const realDateNow = Date.now.bind(Date);

/** `setTimeout` as it was when the mock was imported (immune to fake timers installed afterwards). */
export function setRealTimeout(fn: () => void, ms: number): { cancel(): void } {
  const handle = realSetTimeout(fn, ms) as unknown as { unref?: () => void };
  if (typeof handle === 'object' && handle && typeof handle.unref === 'function') handle.unref();
  return { cancel: () => realClearTimeout(handle as unknown as number) };
}

/** Resolves after `ms` milliseconds of real time (immune to fake timers installed after import). */
export function sleepReal(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setRealTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { timer.cancel(); resolve(); }, { once: true });
  });
}

/** `Date.now()` as it was when the mock was imported. */
export function realNow(): number {
  return realDateNow();
}
