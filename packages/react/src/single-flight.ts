// Single-flight creates: a second call while the first is in flight returns the first's promise and sends nothing.
// Per hook instance (a ref), and, for the options factories, per QueryClient for the same create with the same
// variables (so a double-click reaches one create even when the component re-rendered between the clicks).
import { useCallback, useRef } from 'react';

/** A stable function that, while a call of `fn` is in flight, returns that call's promise instead of calling again. */
export function useSingleFlight<A extends unknown[], R>(fn: (...args: A) => Promise<R>, enabled = true): (...args: A) => Promise<R> {
  const latest = useRef(fn);
  latest.current = fn;
  const inFlight = useRef<Promise<R> | undefined>(undefined);
  return useCallback(
    (...args: A) => {
      if (enabled && inFlight.current) return inFlight.current;
      const promise = latest.current(...args);
      if (!enabled) return promise;
      const settled = promise.finally(() => {
        if (inFlight.current === settled) inFlight.current = undefined;
      });
      inFlight.current = settled;
      return settled;
    },
    [enabled],
  );
}

/** A stable JSON of plain data, or `undefined` when the value holds anything else (a Blob, a stream: never deduplicated). */
function plainKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value ?? null, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object') return v;
      if (Array.isArray(v)) return v;
      if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error('not plain');
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    });
  } catch {
    return undefined;
  }
}

const flights = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `start` unless the same `operation` with the same `variables` is already in flight under `scope` (a
 * QueryClient): then returns that call's promise. Variables that are not plain data are never deduplicated.
 */
export function singleFlight<T>(scope: object, operation: string, variables: unknown, start: () => Promise<T>): Promise<T> {
  const key = plainKey(variables);
  if (key === undefined) return start();
  let map = flights.get(scope);
  if (!map) flights.set(scope, (map = new Map()));
  const id = `${operation} ${key}`;
  const running = map.get(id);
  if (running) return running as Promise<T>;
  const promise = start().finally(() => {
    if (map.get(id) === promise) map.delete(id);
  });
  map.set(id, promise);
  return promise;
}
