// The thin layer under every generated read hook: the factory's options, then the caller's TanStack options
// (everything but `queryKey` and `queryFn`, which the factory owns).
import {
  useInfiniteQuery,
  useQuery,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
  type InfiniteData,
  type OmitKeyof,
  type QueryClient,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSuspenseInfiniteQueryOptions,
  type UseSuspenseInfiniteQueryResult,
  type UseSuspenseQueryOptions,
  type UseSuspenseQueryResult,
} from '@tanstack/react-query';
import type { MiniMaxError } from '@useapi-minimax/client';

/** TanStack options a read hook accepts: all of `useQuery`'s but `queryKey` and `queryFn`. */
export type QueryHookOptions<TQueryFnData, TData = TQueryFnData, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseQueryOptions<TQueryFnData, MiniMaxError, TData, TKey>,
  'queryKey' | 'queryFn'
>;

/** TanStack options a suspense read hook accepts. */
export type SuspenseQueryHookOptions<TQueryFnData, TData = TQueryFnData, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseSuspenseQueryOptions<TQueryFnData, MiniMaxError, TData, TKey>,
  'queryKey' | 'queryFn'
>;

/** TanStack options an infinite list hook accepts: all but the key, the query function and the paging rules. */
export type InfiniteQueryHookOptions<TQueryFnData, TPageParam, TData = InfiniteData<TQueryFnData, TPageParam>, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseInfiniteQueryOptions<TQueryFnData, MiniMaxError, TData, TKey, TPageParam>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam'
>;

/** TanStack options a suspense infinite list hook accepts. */
export type SuspenseInfiniteQueryHookOptions<TQueryFnData, TPageParam, TData = InfiniteData<TQueryFnData, TPageParam>, TKey extends QueryKey = QueryKey> = OmitKeyof<
  UseSuspenseInfiniteQueryOptions<TQueryFnData, MiniMaxError, TData, TKey, TPageParam>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam'
>;

/** `useQuery` over a factory's options and the caller's. */
export function useReadQuery<TQueryFnData, TData, TKey extends QueryKey>(
  base: UseQueryOptions<TQueryFnData, MiniMaxError, TQueryFnData, TKey>,
  options: QueryHookOptions<TQueryFnData, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseQueryResult<TData, MiniMaxError> {
  return useQuery({ ...base, ...options } as UseQueryOptions<TQueryFnData, MiniMaxError, TData, TKey>, queryClient);
}

/** `useSuspenseQuery` over a factory's options and the caller's. */
export function useSuspenseReadQuery<TQueryFnData, TData, TKey extends QueryKey>(
  base: UseQueryOptions<TQueryFnData, MiniMaxError, TQueryFnData, TKey>,
  options: SuspenseQueryHookOptions<TQueryFnData, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseSuspenseQueryResult<TData, MiniMaxError> {
  return useSuspenseQuery({ ...base, ...options } as UseSuspenseQueryOptions<TQueryFnData, MiniMaxError, TData, TKey>, queryClient);
}

/** `useInfiniteQuery` over a factory's options and the caller's. */
export function useInfiniteListQuery<TQueryFnData, TPageParam, TData, TKey extends QueryKey>(
  base: object,
  options: InfiniteQueryHookOptions<TQueryFnData, TPageParam, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseInfiniteQueryResult<TData, MiniMaxError> {
  return useInfiniteQuery(
    { ...base, ...options } as UseInfiniteQueryOptions<TQueryFnData, MiniMaxError, TData, TKey, TPageParam>,
    queryClient,
  );
}

/** `useSuspenseInfiniteQuery` over a factory's options and the caller's. */
export function useSuspenseInfiniteListQuery<TQueryFnData, TPageParam, TData, TKey extends QueryKey>(
  base: object,
  options: SuspenseInfiniteQueryHookOptions<TQueryFnData, TPageParam, TData, TKey> | undefined,
  queryClient?: QueryClient,
): UseSuspenseInfiniteQueryResult<TData, MiniMaxError> {
  return useSuspenseInfiniteQuery(
    { ...base, ...options } as UseSuspenseInfiniteQueryOptions<TQueryFnData, MiniMaxError, TData, TKey, TPageParam>,
    queryClient,
  );
}
