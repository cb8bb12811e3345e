// Opt-in persistence of pending jobs (`persist: localStorage`, sessionStorage, AsyncStorage…): a flow records the
// id of the job it follows and, after a reload, resumes following it until its real final state; a job hook
// records the ids it watches while they are not final. Before a flow sends its create it records what a lookup
// needs (the `replyRef` it sends, the send time, the fields `findCreated` matches on, e.g. a song's title), so a
// reload while submitting comes back `unknown` with `recover()` instead of idle. Never tokens; removed once final.
import type { CreatedTarget, JobKind } from '@useapi-minimax/client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** Any `Storage`-like store, sync (`localStorage`) or async (React Native's `AsyncStorage`). */
export interface StorageLike {
  /** The stored string, or null. */
  getItem(key: string): string | null | undefined | Promise<string | null | undefined>;
  /** Stores a string. */
  setItem(key: string, value: string): void | Promise<void>;
  /** Removes a key. */
  removeItem(key: string): void | Promise<void>;
}

/** The `persist` options of the flow and job hooks. */
export interface PersistOptions {
  /** Records pending job ids here, so a reload resumes following them. Off by default. */
  persist?: StorageLike | undefined;
  /** The storage key (default `useapi-minimax:<kind>` for a flow, `useapi-minimax:<kind>:pending` for job hooks); one per flow on a page. */
  persistKey?: string | undefined;
}

const ignore = () => {};
const run = (fn: () => unknown) => {
  try {
    void Promise.resolve(fn()).catch(ignore);
  } catch {
    // A full or unavailable storage must not break the hooks.
  }
};
const read = async (storage: StorageLike, key: string): Promise<string | undefined> => (await storage.getItem(key)) ?? undefined;

/** The storage key of a flow of `kind`. */
export const flowKey = (kind: JobKind, options: PersistOptions | undefined) => options?.persistKey ?? `useapi-minimax:${kind}`;
/** The storage key of the pending ids of the job hooks of `kind`. */
export const pendingKey = (kind: JobKind, options: PersistOptions | undefined) => options?.persistKey ?? `useapi-minimax:${kind}:pending`;

/** The ids recorded by the job hooks of `kind` (with `persist`) that were not final yet: render them after a reload. */
export async function pendingJobIds(storage: StorageLike, kind: JobKind, persistKey?: string): Promise<string[]> {
  try {
    const value = JSON.parse((await read(storage, pendingKey(kind, { persistKey }))) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

// Read-modify-write of the pending list, one at a time per storage and key.
const queues = new WeakMap<StorageLike, Map<string, Promise<void>>>();
function updatePending(storage: StorageLike, key: string, change: (ids: string[]) => string[]): void {
  let map = queues.get(storage);
  if (!map) queues.set(storage, (map = new Map()));
  const next = (map.get(key) ?? Promise.resolve()).then(async () => {
    let ids: string[] = [];
    try {
      const value = JSON.parse((await read(storage, key)) ?? '[]') as unknown;
      if (Array.isArray(value)) ids = value.filter((v): v is string => typeof v === 'string');
    } catch {
      // unreadable: start over
    }
    const changed = change(ids);
    if (changed.length) await storage.setItem(key, JSON.stringify(changed));
    else await storage.removeItem(key);
  });
  map.set(key, next.catch(ignore));
}

/** Job hooks: records `id` while it is not `settled`, and removes it once it is. */
export function usePersistPending(kind: JobKind, options: PersistOptions | undefined, id: string | undefined, settled: boolean): void {
  const storage = options?.persist;
  const key = pendingKey(kind, options);
  useEffect(() => {
    if (!storage || !id) return;
    run(() => updatePending(storage, key, (ids) => (settled ? ids.filter((x) => x !== id) : ids.includes(id) ? ids : [...ids, id])));
  }, [storage, key, id, settled]);
}

/** A create recorded before it was sent: what `findCreated` needs if the page reloads before its answer. */
export type PendingCreate = Required<Pick<CreatedTarget, 'operation' | 'replyRef' | 'sentAt'>> & Pick<CreatedTarget, 'input' | 'account'>;

/** What a flow records: the job it follows, or the create in flight. */
type FlowRecord = { jobId: string } | { create: PendingCreate };

/** Reads a flow record (a bare string is a job id, as written by earlier versions). */
function parseRecord(value: string | undefined): FlowRecord | undefined {
  if (!value) return undefined;
  if (!value.startsWith('{')) return { jobId: value };
  try {
    const record = JSON.parse(value) as Partial<{ jobId: unknown; create: Partial<PendingCreate> }>;
    if (typeof record.jobId === 'string' && record.jobId) return { jobId: record.jobId };
    const c = record.create;
    if (c && typeof c.operation === 'string' && typeof c.replyRef === 'string' && typeof c.sentAt === 'number') return { create: c as PendingCreate };
  } catch {
    // unreadable: nothing to resume
  }
  return undefined;
}

/** What a flow gets from {@link usePersistedFlow}. */
export interface PersistedFlow {
  /** The job id recorded before the reload, once read. */
  resumed: string | undefined;
  /** The create that was in flight when the page was left, once read (its outcome is unknown). */
  lost: PendingCreate | undefined;
  /** Records a create about to be sent; with an async storage, the promise to await before sending. */
  recordCreate: (create: PendingCreate) => Promise<void> | undefined;
  /** Forgets the record. */
  clear: () => void;
}

/** Flows: reads the record left before a reload, records the create in flight, then the followed `jobId` until it is `settled`. */
export function usePersistedFlow(kind: JobKind, options: PersistOptions | undefined, jobId: string | undefined, settled: boolean): PersistedFlow {
  const storage = options?.persist;
  const key = flowKey(kind, options);
  const [record, setRecord] = useState<FlowRecord | undefined>(undefined);
  const touched = useRef(false);
  useEffect(() => {
    if (!storage) return;
    let live = true;
    read(storage, key)
      .then((value) => {
        if (live && !touched.current) setRecord(parseRecord(value));
      })
      .catch(ignore);
    return () => {
      live = false;
    };
  }, [storage, key]);
  useEffect(() => {
    if (!storage || !jobId) return;
    run(() => (settled ? storage.removeItem(key) : storage.setItem(key, JSON.stringify({ jobId }))));
  }, [storage, key, jobId, settled]);
  const recordCreate = useCallback(
    (create: PendingCreate): Promise<void> | undefined => {
      touched.current = true;
      setRecord(undefined);
      if (!storage) return undefined;
      try {
        const stored = storage.setItem(key, JSON.stringify({ create }));
        // A sync storage (localStorage) has it on record now; an async one once its promise settles.
        return stored instanceof Promise ? stored.catch(ignore) : undefined;
      } catch {
        // A full or unavailable storage must not stop the create.
        return undefined;
      }
    },
    [storage, key],
  );
  const clear = useCallback(() => {
    touched.current = true;
    setRecord(undefined);
    if (storage) run(() => storage.removeItem(key));
  }, [storage, key]);
  return {
    resumed: record && 'jobId' in record ? record.jobId : undefined,
    lost: record && 'create' in record ? record.create : undefined,
    recordCreate,
    clear,
  };
}
