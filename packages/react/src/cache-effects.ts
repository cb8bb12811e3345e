// What a mutation does to the cache once it succeeded, declared per operation as data (see the generated
// `…MutationOptions`): remove a deleted item from the cached lists and its own query, seed a job's query with
// the create's answer, and invalidate key prefixes. A deleted item leaves the cached lists before the call is sent
// (optimistic; put back if it fails); after the call: removals, seeds, then invalidations. An invalidated infinite
// list keeps only its first page after a create (a create changes the newest page, and refetching every loaded page
// one after another is what made creates slow); a delete keeps every page and does not wait for them to refetch.
// Every effect stays within the client's scope (`$client` in the key, see keys.ts): a mutation of one client never
// touches the cached lists of another client sharing the QueryClient.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { MINIMAX_KEY_ROOT } from './keys.js';

/** `[tag]` or `[tag, operationId]`: a key prefix under `'useapi-minimax'`. */
export type KeyPrefix = readonly [string] | readonly [string, string];

/** One cache update of a mutation. `from` names the variable that holds the id. */
export type CacheEffect =
  /** Invalidate every query under a prefix (regular and infinite lists alike). */
  | { readonly invalidate: KeyPrefix }
  /** Invalidate the query of one item: `[tag, operationId, { [param]: variables[from] }]`. */
  | { readonly invalidateItem: readonly [string, string]; readonly param: string; readonly from: string }
  /** Drop the item whose `idField` is `variables[from]` from every cached page of a list (`items`: '' = the body is the array). */
  | { readonly removeFromList: readonly [string, string]; readonly items: string; readonly idField: string; readonly from: string }
  /** Cancel and remove the query of one item. */
  | { readonly removeItem: readonly [string, string]; readonly param: string; readonly from: string }
  /** Put the mutation's answer in the query of the item whose id is `data[idField]`. */
  | { readonly seed: readonly [string, string]; readonly param: string; readonly idField: string };

const idOf = (source: unknown, field: string): string | undefined => {
  const value = (source as Record<string, unknown> | null | undefined)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const itemKey = (prefix: readonly [string, string], param: string, id: string, scope?: string) => [
  MINIMAX_KEY_ROOT,
  ...prefix,
  scope === undefined ? { [param]: id } : { [param]: id, $client: scope },
];

/** The client scope a key belongs to: `$client` of its params object (the last element). */
const scopeOfKey = (key: QueryKey): string | undefined => {
  const params = key[key.length - 1] as { $client?: unknown } | null | undefined;
  return params && typeof params === 'object' && typeof params.$client === 'string' ? params.$client : undefined;
};

/** Query filters: the queries under `queryKey` that belong to `scope`. */
const within = (queryKey: readonly unknown[], scope: string | undefined) => ({ queryKey, predicate: (query: Query) => scopeOfKey(query.queryKey) === scope });

/** The list (or infinite list) data without the item, or `undefined` when it was not there. */
function withoutItem(data: unknown, items: string, idField: string, id: string): unknown {
  const keep = (item: unknown) => (item as Record<string, unknown> | null)?.[idField] !== id;
  const page = (body: unknown): unknown => {
    const list = items ? (body as Record<string, unknown> | null)?.[items] : body;
    if (!Array.isArray(list) || list.every(keep)) return body;
    const filtered = list.filter(keep);
    return items ? { ...(body as object), [items]: filtered } : filtered;
  };
  if (data && typeof data === 'object' && Array.isArray((data as { pages?: unknown }).pages)) {
    const infinite = data as { pages: unknown[]; pageParams: unknown[] };
    const pages = infinite.pages.map(page);
    return pages.some((p, i) => p !== infinite.pages[i]) ? { ...infinite, pages } : undefined;
  }
  const next = page(data);
  return next === data ? undefined : next;
}

/**
 * Removes the item of each `removeFromList` effect from the cached lists now, before the call; returns the function
 * that puts the previous data back (when the call fails).
 */
export function removeOptimistically(client: QueryClient, effects: readonly CacheEffect[], variables: unknown, scope?: string): () => void {
  const previous: [QueryKey, unknown][] = [];
  for (const effect of effects) {
    if (!('removeFromList' in effect)) continue;
    const id = idOf(variables, effect.from);
    if (!id) continue;
    for (const [key, old] of client.getQueriesData(within([MINIMAX_KEY_ROOT, ...effect.removeFromList], scope))) {
      const next = withoutItem(old, effect.items, effect.idField, id);
      if (next === undefined) continue;
      previous.push([key, old]);
      client.setQueryData(key, next);
    }
  }
  return () => {
    for (const [key, old] of previous) client.setQueryData(key, old);
  };
}

/** Keeps the first page of every cached infinite list under `prefix`, so its refetch is one request. */
function keepFirstPages(client: QueryClient, prefix: readonly unknown[], scope: string | undefined): void {
  for (const query of client.getQueryCache().findAll(within(prefix, scope))) {
    const data = query.state.data as { pages?: unknown[]; pageParams?: unknown[] } | undefined;
    if (query.queryKey[3] !== 'infinite' || !Array.isArray(data?.pages) || data.pages.length <= 1) continue;
    client.setQueryData(query.queryKey, { pages: data.pages.slice(0, 1), pageParams: (data.pageParams ?? []).slice(0, 1) });
  }
}

/** Applies a mutation's cache effects (after the call; `removeFromList` ran before it, see `removeOptimistically`). */
export async function applyCacheEffects(client: QueryClient, effects: readonly CacheEffect[], variables: unknown, data: unknown, scope?: string): Promise<void> {
  const invalidations: Promise<void>[] = [];
  // A delete changes pages the user may have scrolled to: its lists keep every page (refetched in the background).
  const deletes = effects.some((effect) => 'removeFromList' in effect || 'removeItem' in effect);
  for (const effect of effects) {
    if ('removeFromList' in effect) {
      const id = idOf(variables, effect.from);
      // Again, in case a list refetched while the call was in flight.
      if (id) client.setQueriesData(within([MINIMAX_KEY_ROOT, ...effect.removeFromList], scope), (old: unknown) => withoutItem(old, effect.items, effect.idField, id));
    } else if ('removeItem' in effect) {
      const id = idOf(variables, effect.from);
      if (!id) continue;
      const filters = within(itemKey(effect.removeItem, effect.param, id), scope);
      await client.cancelQueries(filters);
      client.removeQueries(filters);
    } else if ('seed' in effect) {
      const id = idOf(data, effect.idField);
      if (id) client.setQueryData(itemKey(effect.seed, effect.param, id, scope), data);
    } else if ('invalidateItem' in effect) {
      const id = idOf(variables, effect.from);
      if (id) invalidations.push(client.invalidateQueries(within(itemKey(effect.invalidateItem, effect.param, id), scope)));
    } else {
      const prefix = [MINIMAX_KEY_ROOT, ...effect.invalidate];
      if (!deletes) keepFirstPages(client, prefix, scope);
      invalidations.push(client.invalidateQueries(within(prefix, scope)));
    }
  }
  // A delete resolves once the item is gone from the cache; the lists refetch in the background.
  if (!deletes) await Promise.all(invalidations);
  else void Promise.all(invalidations).catch(() => {});
}
