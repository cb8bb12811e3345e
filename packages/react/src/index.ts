// @useapi-minimax/react: TanStack Query v5 hooks over @useapi-minimax/client.
export { MiniMaxError } from '@useapi-minimax/client';
export { MiniMaxProvider, useMiniMaxClient, type MiniMaxProviderProps } from './provider.js';
export {
  MINIMAX_KEY_ROOT,
  infiniteQueryKeyOf,
  mutationKeyOf,
  queryKeyOf,
  scopeOf,
  setCacheScope,
  type InfiniteInput,
  type InfiniteListData,
  type KeyParams,
  type MiniMaxInfiniteQueryKey,
  type MiniMaxMutationKey,
  type MiniMaxQueryKey,
  type PageParam,
  type PageParamName,
  type PathParams,
  type Skippable,
  type TagOf,
} from './keys.js';
export { MAX_POLL_BACKOFF_MS, isTransientError, jobQueryOptions, type JobGetter, type JobPollOptions } from './polling.js';
export { useJobQuery, useSuspenseJobQuery, type BaseOptions, type JobCallbacks, type JobQueryHookOptions, type SuspenseJobQueryHookOptions } from './job-hooks.js';
export type {
  MiniMaxInfiniteQueryOptions,
  MiniMaxMutationOptions,
  MiniMaxQueryOptions,
  MiniMaxSkippableInfiniteQueryOptions,
  MiniMaxSkippableQueryOptions,
} from './option-types.js';
export type { InfiniteQueryHookOptions, QueryHookOptions, SuspenseInfiniteQueryHookOptions, SuspenseQueryHookOptions } from './query-hooks.js';
export type { CacheUpdateOptions, MutationHookOptions } from './mutations.js';
export type { CacheEffect, KeyPrefix } from './cache-effects.js';
export { pendingJobIds, type PersistOptions, type StorageLike } from './persist.js';
export { useAgent, useGenerateMusic, type AgentInput, type FlowOptions, type FlowStatus, type GenerateMusicInput, type JobFlow } from './flows.js';
export { miniMaxKeys } from './generated/keys.js';
export * from './generated/options.js';
export * from './generated/hooks.js';
