// The types the options factories return: TanStack's option types with a `DataTag`-typed key, named per
// operation so that `getQueryData(options.queryKey)` is typed and the declarations stay readable.
import type { DataTag, UseInfiniteQueryOptions, UseMutationOptions, UseQueryOptions } from '@tanstack/react-query';
import type { MiniMaxError, OperationId, Output } from '@useapi-minimax/client';
import type { InfiniteListData, MiniMaxInfiniteQueryKey, MiniMaxMutationKey, MiniMaxQueryKey, PageParam } from './keys.js';

/** What a `…QueryOptions` factory returns: options for `useQuery`, `prefetchQuery`, `ensureQueryData`, `fetchQuery`. */
export type MiniMaxQueryOptions<K extends OperationId> = UseQueryOptions<Output<K>, MiniMaxError, Output<K>, MiniMaxQueryKey<K>> & {
  queryKey: DataTag<MiniMaxQueryKey<K>, Output<K>, MiniMaxError>;
};

/** What a `…InfiniteQueryOptions` factory returns: options for `useInfiniteQuery`, `prefetchInfiniteQuery`, … */
export type MiniMaxInfiniteQueryOptions<K extends OperationId> = UseInfiniteQueryOptions<
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
