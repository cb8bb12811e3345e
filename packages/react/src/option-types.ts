// The types the options factories return: TanStack's option types with a `DataTag`-typed key, named per
// operation so that `getQueryData(options.queryKey)` is typed and the declarations stay readable. A factory given
// real ids and a real input returns options whose `queryFn` is a function (`useSuspenseQuery`,
// `useSuspenseInfiniteQuery` accept them); given `skipToken` it returns the skippable kind (`useQuery` and the
// QueryClient methods only).
import type { DataTag, QueryFunction, UseInfiniteQueryOptions, UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';
import type { MiniMaxError, OperationId, Output } from '@useapi-minimax/client';
import type { InfiniteListData, MiniMaxInfiniteQueryKey, MiniMaxMutationKey, MiniMaxQueryKey, PageParam } from './keys.js';

/** What a `…QueryOptions` factory returns for real ids: options for `useQuery`, `useSuspenseQuery`, `useQueries`, `prefetchQuery`, `ensureQueryData`, `fetchQuery`. */
export type MiniMaxQueryOptions<K extends OperationId> = MiniMaxSkippableQueryOptions<K> & {
  queryFn: QueryFunction<Output<K>, MiniMaxQueryKey<K>>;
};

/** What a `…QueryOptions` factory returns when an id or the input may be `skipToken`: not for suspense hooks. */
export type MiniMaxSkippableQueryOptions<K extends OperationId> = UseQueryOptions<Output<K>, MiniMaxError, Output<K>, MiniMaxQueryKey<K>> & {
  queryKey: DataTag<MiniMaxQueryKey<K>, Output<K>, MiniMaxError>;
};

/** What a `…InfiniteQueryOptions` factory returns for a real input: options for `useInfiniteQuery`, `useSuspenseInfiniteQuery`, `prefetchInfiniteQuery`, `fetchInfiniteQuery`. */
export type MiniMaxInfiniteQueryOptions<K extends OperationId> = MiniMaxSkippableInfiniteQueryOptions<K> & {
  queryFn: QueryFunction<Output<K>, MiniMaxInfiniteQueryKey<K>, PageParam<K>>;
};

/** What a `…InfiniteQueryOptions` factory returns when the input may be `skipToken`: not for suspense hooks. */
export type MiniMaxSkippableInfiniteQueryOptions<K extends OperationId> = UseInfiniteQueryOptions<
  Output<K>,
  MiniMaxError,
  InfiniteListData<K>,
  MiniMaxInfiniteQueryKey<K>,
  PageParam<K>
> & {
  queryKey: DataTag<MiniMaxInfiniteQueryKey<K>, InfiniteListData<K>, MiniMaxError>;
};

/** What a `…MutationOptions` factory returns: options for `useMutation` (the cache update is in `mutationFn`). */
export type MiniMaxMutationOptions<K extends OperationId, TData, TVariables> = UseMutationOptions<TData, MiniMaxError, TVariables> & {
  mutationKey: MiniMaxMutationKey<K>;
};
