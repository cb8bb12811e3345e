// The hooks under `useMusic`, `useVideo`, `useImage`, `useSpeech`, `useAgentJob` (and their suspense variants):
// a job query plus callbacks for the outcome, fired once per job id per hook.
import {
  skipToken,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
  type DataTag,
  type OmitKeyof,
  type QueryClient,
  type QueryKey,
  type SkipToken,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
} from '@tanstack/react-query';
import type { JobKind, MiniMaxError, Snapshot } from '@useapi-minimax/client';
import { describeJobOf, jobKinds, type JobKindInfo } from '@useapi-minimax/client/internal';
import { useEffect, useRef } from 'react';
import { usePersistPending, type PersistOptions } from './persist.js';
import { isTransientError, type JobPollOptions } from './polling.js';

/** Callbacks for the outcome of a followed job; each hook calls them at most once per job id. */
export interface JobCallbacks<J extends JobKind> {
  /** The job succeeded: its final snapshot. */
  onSuccess?: ((snapshot: Snapshot<J>) => void) | undefined;
  /**
   * Polling stopped on an error: `JobFailedError` / `JobModeratedError` (the final snapshot is `error.snapshot`),
   * `JobTimeoutError` (`maxPollMs`), `AccountOnHoldError`, `NotFoundError`, … The snapshot is the last one read.
   */
  onFailure?: ((error: MiniMaxError, snapshot: Snapshot<J> | undefined) => void) | undefined;
  /** After `onSuccess` or `onFailure`. */
  onSettled?: ((snapshot: Snapshot<J> | undefined, error: MiniMaxError | null) => void) | undefined;
}

/** Options of a job hook: TanStack's query options (minus the ones it owns), polling options and outcome callbacks. */
export type JobQueryHookOptions<J extends JobKind, TData = Snapshot<J>, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseQueryOptions<Snapshot<J>, MiniMaxError, TData, TKey>,
  'queryKey' | 'queryFn' | 'refetchInterval'
> &
  JobPollOptions &
  JobCallbacks<J> &
  PersistOptions;

/** Options of a suspense job hook. */
export type SuspenseJobQueryHookOptions<J extends JobKind, TData = Snapshot<J>, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseSuspenseQueryOptions<Snapshot<J>, MiniMaxError, TData, TKey>,
  'queryKey' | 'queryFn' | 'refetchInterval'
> &
  JobPollOptions &
  JobCallbacks<J>;

/** The TanStack options a job query carries: typed data and error, and a `DataTag` key. */
export type BaseOptions<J extends JobKind, TKey extends QueryKey> = UseQueryOptions<Snapshot<J>, MiniMaxError, Snapshot<J>, TKey> & {
  queryKey: DataTag<TKey, Snapshot<J>, MiniMaxError>;
};

/** TanStack's part of a hook's options: without the polling, callback and persist options (read from `options` itself). */
function queryPart<J extends JobKind>(options: (JobPollOptions & JobCallbacks<J> & PersistOptions) | undefined) {
  const { pollIntervalMs: _i, maxPollMs: _m, maxBackoffMs: _b, onSuccess: _s, onFailure: _f, onSettled: _d, persist: _p, persistKey: _k, ...query } = options ?? {};
  return query;
}

/** Calls the outcome callbacks once per job id when the job is final or polling stopped on an error. */
function useOutcome<J extends JobKind>(
  facts: JobKindInfo<J>,
  id: string | SkipToken,
  queryKey: QueryKey,
  error: MiniMaxError | null,
  dataUpdatedAt: number,
  callbacks: JobCallbacks<J> | undefined,
  queryClient: QueryClient | undefined,
): void {
  const client = useQueryClient(queryClient);
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const fired = useRef(new Set<string>());
  useEffect(() => {
    if (id === skipToken || fired.current.has(id)) return;
    const snapshot = client.getQueryData<Snapshot<J>>(queryKey);
    const { onSuccess, onFailure, onSettled } = latest.current ?? {};
    if (error && !isTransientError(error)) {
      fired.current.add(id);
      onFailure?.(error, snapshot);
      onSettled?.(snapshot, error);
    } else if (!error && snapshot !== undefined && describeJobOf(facts, snapshot).state === 'succeeded') {
      fired.current.add(id);
      onSuccess?.(snapshot);
      onSettled?.(snapshot, null);
    }
    // queryKey follows id; the callbacks are read through the ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, error, dataUpdatedAt, client]);
}

/** `useQuery` over job query options, with the outcome callbacks. */
export function useJobQuery<J extends JobKind, TData, TKey extends QueryKey>(
  kind: J,
  id: string | SkipToken,
  base: BaseOptions<J, TKey>,
  options: JobQueryHookOptions<J, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseQueryResult<TData, MiniMaxError> {
  return useJobQueryOf(jobKinds[kind] as JobKindInfo<J>, id, base, options, queryClient);
}

/** {@link useJobQuery} for the kind of `facts` (the client's `musicJob`, …): what the generated hooks call. */
export function useJobQueryOf<J extends JobKind, TData, TKey extends QueryKey>(
  facts: JobKindInfo<J>,
  id: string | SkipToken,
  base: BaseOptions<J, TKey>,
  options: JobQueryHookOptions<J, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseQueryResult<TData, MiniMaxError> {
  const result = useQuery({ ...base, ...queryPart(options) } as UseQueryOptions<Snapshot<J>, MiniMaxError, TData, TKey>, queryClient);
  useOutcome(facts, id, base.queryKey, result.error, result.dataUpdatedAt, options, queryClient);
  const snapshot = useQueryClient(queryClient).getQueryData<Snapshot<J>>(base.queryKey);
  const settled = (result.error !== null && !isTransientError(result.error)) || (snapshot !== undefined && describeJobOf(facts, snapshot).final);
  usePersistPending(facts.kind, options, id === skipToken ? undefined : id, settled);
  return result;
}

/** `useSuspenseQuery` over job query options, with the outcome callbacks. */
export function useSuspenseJobQuery<J extends JobKind, TData, TKey extends QueryKey>(
  kind: J,
  id: string,
  base: BaseOptions<J, TKey>,
  options: SuspenseJobQueryHookOptions<J, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseSuspenseQueryResult<TData, MiniMaxError> {
  return useSuspenseJobQueryOf(jobKinds[kind] as JobKindInfo<J>, id, base, options, queryClient);
}

/** {@link useSuspenseJobQuery} for the kind of `facts` (the client's `musicJob`, …): what the generated hooks call. */
export function useSuspenseJobQueryOf<J extends JobKind, TData, TKey extends QueryKey>(
  facts: JobKindInfo<J>,
  id: string,
  base: BaseOptions<J, TKey>,
  options: SuspenseJobQueryHookOptions<J, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseSuspenseQueryResult<TData, MiniMaxError> {
  const result = useSuspenseQuery({ ...base, ...queryPart(options) } as UseSuspenseQueryOptions<Snapshot<J>, MiniMaxError, TData, TKey>, queryClient);
  useOutcome(facts, id, base.queryKey, result.error, result.dataUpdatedAt, options, queryClient);
  return result;
}
