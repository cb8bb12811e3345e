// Query and mutation keys: `['useapi-minimax', tag, operationId, params]`, plain JSON, never headers or tokens.
// Infinite lists put `'infinite'` where the params would be, so they never share a key (or a key prefix that
// `setQueriesData` would hit) with the regular list: `['useapi-minimax', tag, operationId, 'infinite', params]`.
// The factories scope their keys by client: a client with another base URL or a default account adds
// `$client: '<baseUrl> <account>'` to the params (never the token), so two clients can share one QueryClient. A
// client on the production URL without an account adds nothing: its keys are `miniMaxKeys`' exactly.
import { skipToken, type DataTag, type InfiniteData, type SkipToken } from '@tanstack/react-query';
import { DEFAULT_BASE_URL, type Input, type MiniMaxCore, type MiniMaxError, type OperationId, type Output } from '@useapi-minimax/client';
import type { operations } from '@useapi-minimax/client/internal';

/** The first element of every key this package writes: `invalidateQueries({ queryKey: [MINIMAX_KEY_ROOT] })`. */
export const MINIMAX_KEY_ROOT = 'useapi-minimax';

type Table = typeof operations;
type Simplify<T> = { [P in keyof T]: T[P] } & {};

/** The tag (resource) of an operation: `music` for `getMusic`. */
export type TagOf<K extends OperationId> = Table[K]['tag'];

/** The path parameters of an operation, by name (`{ musicId: string }`). */
export type PathParams<K extends OperationId> = { [P in Table[K]['pathParams'][number]]: string };

/** The params object of a query key: the path parameters and the input. */
export type KeyParams<K extends OperationId> = Simplify<PathParams<K> & Input<K>>;

/** The query parameter an infinite list pages with: its cursor (`lastMusicId`) or page number (`page`). */
export type PageParamName<K extends OperationId> = Table[K] extends { pagination: { cursorParam: infer C extends string } }
  ? C
  : Table[K] extends { pagination: { pageParam: infer P extends string } }
    ? P
    : never;

/** The input of an infinite list: the list's input without its cursor or page parameter. */
export type InfiniteInput<K extends OperationId> = Simplify<Omit<Input<K>, PageParamName<K>>>;

/** The page param of an infinite list: the cursor's or the page number's type (`undefined` for the first page). */
export type PageParam<K extends OperationId> = NonNullable<Input<K>[PageParamName<K> & keyof Input<K>]> | undefined;

/** The cached data of an infinite list. */
export type InfiniteListData<K extends OperationId> = InfiniteData<Output<K>, PageParam<K>>;

/** The key of a query of operation `K`, tagged with its data and error types (typed `getQueryData`). */
export type MiniMaxQueryKey<K extends OperationId> = DataTag<
  readonly [typeof MINIMAX_KEY_ROOT, TagOf<K>, K, KeyParams<K>],
  Output<K>,
  MiniMaxError
>;

/** The key of an infinite query of list operation `K`, tagged with its `InfiniteData`. */
export type MiniMaxInfiniteQueryKey<K extends OperationId> = DataTag<
  readonly [typeof MINIMAX_KEY_ROOT, TagOf<K>, K, 'infinite', InfiniteInput<K>],
  InfiniteListData<K>,
  MiniMaxError
>;

/** The mutation key of operation `K` (for `useIsMutating`, `useMutationState`). */
export type MiniMaxMutationKey<K extends OperationId> = readonly [typeof MINIMAX_KEY_ROOT, TagOf<K>, K];

/** A value, or `skipToken` (the query is disabled). */
export type Skippable<T> = T | SkipToken;

/** Copies the defined, non-skipped entries of each source into one plain object. */
function params(...sources: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    for (const [name, value] of Object.entries(source)) {
      if (value !== undefined && value !== skipToken) out[name] = value;
    }
  }
  return out;
}

/**
 * The cache scope of a client: its base URL and default account (`'http://localhost:8787 987654321'`), or
 * `undefined` for the production URL without an account. Never the token.
 */
export function scopeOf(client: Pick<MiniMaxCore, 'baseUrl' | 'account'> | undefined): string | undefined {
  if (!client) return undefined;
  const baseUrl = client.baseUrl.replace(/\/+$/, '');
  if (baseUrl === DEFAULT_BASE_URL && !client.account) return undefined;
  return client.account ? `${baseUrl} ${client.account}` : baseUrl;
}

const scoped = (key: Record<string, unknown>, scope: string | undefined) => (scope === undefined ? key : { ...key, $client: scope });

/** The key of a query of `operationId`; a skipped path parameter or input is left out; `scope` is {@link scopeOf} the client. */
export function queryKeyOf<K extends OperationId>(
  tag: TagOf<K>,
  operationId: K,
  path: { [P in keyof PathParams<K>]: Skippable<string> },
  input?: Skippable<Input<K>> | undefined,
  scope?: string | undefined,
): MiniMaxQueryKey<K> {
  // A skipped query never shares its entry with a real one (`useVideos(skipToken)` is not `useVideos()`).
  const skipped = input === skipToken || Object.values(path).some((v) => v === skipToken);
  const key = skipped ? { ...params(path, input), $skipped: true } : params(path, input);
  return [MINIMAX_KEY_ROOT, tag, operationId, scoped(key, scope)] as unknown as MiniMaxQueryKey<K>;
}

/** The key of an infinite query of list `operationId` (distinct from its regular key); `scope` as in {@link queryKeyOf}. */
export function infiniteQueryKeyOf<K extends OperationId>(
  tag: TagOf<K>,
  operationId: K,
  input?: Skippable<InfiniteInput<K>> | undefined,
  scope?: string | undefined,
): MiniMaxInfiniteQueryKey<K> {
  const key = input === skipToken ? { $skipped: true } : params(input);
  return [MINIMAX_KEY_ROOT, tag, operationId, 'infinite', scoped(key, scope)] as unknown as MiniMaxInfiniteQueryKey<K>;
}

/** The mutation key of `operationId`. */
export function mutationKeyOf<K extends OperationId>(tag: TagOf<K>, operationId: K): MiniMaxMutationKey<K> {
  return [MINIMAX_KEY_ROOT, tag, operationId] as const;
}
