// The layer under every generated mutation: the built-in cache update runs inside the mutation function, right
// after the call succeeds, so it can never be replaced by an `onSuccess` of the caller (spread order does not
// matter); the caller's callbacks run after it.
import {
  useMutation,
  type MutationFunctionContext,
  type OmitKeyof,
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import type { MiniMaxClient, MiniMaxError } from '@useapi-minimax/client';
import { applyCacheEffects, type CacheEffect } from './cache-effects.js';
import { useMiniMaxClient } from './provider.js';

/** Options of a `…MutationOptions` factory. */
export interface CacheUpdateOptions {
  /** Skip the built-in cache update (invalidations, removals, seeding) of this mutation. Default false. */
  skipCacheUpdate?: boolean | undefined;
}

/** Options of a mutation hook: TanStack's (all but `mutationFn` and `mutationKey`) plus `skipCacheUpdate`. */
export type MutationHookOptions<TData, TVariables, TOnMutateResult = unknown> = OmitKeyof<
  UseMutationOptions<TData, MiniMaxError, TVariables, TOnMutateResult>,
  'mutationFn' | 'mutationKey'
> &
  CacheUpdateOptions;

/** Awaits the call, then applies the operation's cache effects (unless skipped) and resolves with its answer. */
export async function withCacheEffects<T>(
  context: MutationFunctionContext,
  options: CacheUpdateOptions | undefined,
  effects: readonly CacheEffect[],
  variables: unknown,
  call: Promise<T>,
): Promise<T> {
  const data = await call;
  if (!options?.skipCacheUpdate && effects.length > 0) await applyCacheEffects(context.client, effects, variables, data);
  return data;
}

/** `useMutation` over a `…MutationOptions` factory and the caller's options. */
export function useMiniMaxMutation<TData, TVariables, TOnMutateResult, TFactoryOptions extends CacheUpdateOptions>(
  factory: (client: MiniMaxClient, options?: TFactoryOptions) => UseMutationOptions<TData, MiniMaxError, TVariables>,
  options: (MutationHookOptions<TData, TVariables, TOnMutateResult> & Omit<TFactoryOptions, 'skipCacheUpdate'>) | undefined,
  queryClient?: QueryClient,
): UseMutationResult<TData, MiniMaxError, TVariables, TOnMutateResult> {
  const client = useMiniMaxClient();
  // `onEvent` (streaming operations) and `skipCacheUpdate` go to the factory, the rest to TanStack.
  const { skipCacheUpdate, onEvent, ...rest } = (options ?? {}) as MutationHookOptions<TData, TVariables, TOnMutateResult> & { onEvent?: unknown };
  return useMutation(
    { ...factory(client, { skipCacheUpdate, onEvent } as unknown as TFactoryOptions), ...rest } as UseMutationOptions<TData, MiniMaxError, TVariables, TOnMutateResult>,
    queryClient,
  );
}
