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
import { useCallback } from 'react';
import { applyCacheEffects, removeOptimistically, type CacheEffect } from './cache-effects.js';
import { useMiniMaxClient } from './provider.js';
import { singleFlight, useSingleFlight } from './single-flight.js';

/** Options of a `…MutationOptions` factory. */
export interface CacheUpdateOptions {
  /** Skip the built-in cache update (invalidations, removals, seeding) of this mutation. Default false. */
  skipCacheUpdate?: boolean | undefined;
  /**
   * Job creates only: while a create with the same variables is in flight (same QueryClient), another call returns
   * its promise and sends nothing; the hooks also hold one create per hook instance. Default true; `false` sends
   * every call (to create twice on purpose; or await the first call, then send the next).
   */
  singleFlight?: boolean | undefined;
}

/** Options of a mutation hook: TanStack's (all but `mutationFn` and `mutationKey`) plus `skipCacheUpdate` and `singleFlight`. */
export type MutationHookOptions<TData, TVariables, TOnMutateResult = unknown> = OmitKeyof<
  UseMutationOptions<TData, MiniMaxError, TVariables, TOnMutateResult>,
  'mutationFn' | 'mutationKey'
> &
  CacheUpdateOptions;

/** How the generated `mutationFn` of one operation runs. */
export interface MutationPlan {
  /** operationId. */
  readonly operation: string;
  /** Its cache effects. */
  readonly effects: readonly CacheEffect[];
  /** It starts a paid job: single-flight unless told otherwise. */
  readonly creates?: boolean;
}

/**
 * Runs the call (single-flight for job creates), removes deleted items from the cached lists before the call
 * (restored if it fails), then applies the other cache effects (unless skipped) and resolves with the answer. `scope`
 * is the client's (`scopeOf`): the effects touch only that client's cache entries.
 */
export function withCacheEffects<T>(
  context: MutationFunctionContext,
  options: CacheUpdateOptions | undefined,
  plan: MutationPlan,
  variables: unknown,
  call: () => Promise<T>,
  scope?: string,
): Promise<T> {
  const effects = options?.skipCacheUpdate ? [] : plan.effects;
  const run = async () => {
    const rollback = removeOptimistically(context.client, effects, variables, scope);
    let data: T;
    try {
      data = await call();
    } catch (error) {
      rollback();
      throw error;
    }
    if (effects.length > 0) await applyCacheEffects(context.client, effects, variables, data, scope);
    return data;
  };
  // Two clients on one QueryClient never share a flight: the scope is part of its name.
  const flight = scope === undefined ? plan.operation : `${plan.operation} ${scope}`;
  return plan.creates && options?.singleFlight !== false ? singleFlight(context.client, flight, variables, run) : run();
}

/** `useMutation` over a `…MutationOptions` factory and the caller's options; job creates are single-flight per hook instance. */
export function useMiniMaxMutation<TData, TVariables, TOnMutateResult, TFactoryOptions extends CacheUpdateOptions>(
  factory: (client: MiniMaxClient, options?: TFactoryOptions) => UseMutationOptions<TData, MiniMaxError, TVariables>,
  options: (MutationHookOptions<TData, TVariables, TOnMutateResult> & Omit<TFactoryOptions, 'skipCacheUpdate'>) | undefined,
  queryClient?: QueryClient,
  creates = false,
): UseMutationResult<TData, MiniMaxError, TVariables, TOnMutateResult> {
  const client = useMiniMaxClient();
  // `onEvent` (streaming operations), `skipCacheUpdate` and `singleFlight` go to the factory, the rest to TanStack.
  const { skipCacheUpdate, singleFlight: single, onEvent, ...rest } = (options ?? {}) as MutationHookOptions<TData, TVariables, TOnMutateResult> & { onEvent?: unknown };
  const result = useMutation(
    { ...factory(client, { skipCacheUpdate, singleFlight: single, onEvent } as unknown as TFactoryOptions), ...rest } as UseMutationOptions<TData, MiniMaxError, TVariables, TOnMutateResult>,
    queryClient,
  );
  const enabled = creates && single !== false;
  const mutateAsync = useSingleFlight(result.mutateAsync, enabled);
  const mutate = useCallback(
    ((variables: TVariables, callbacks?: never) => {
      if (!enabled) return result.mutate(variables, callbacks);
      mutateAsync(variables, callbacks).catch(() => {});
    }) as typeof result.mutate,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enabled, mutateAsync, result.mutate],
  );
  return enabled ? { ...result, mutate, mutateAsync } : result;
}
