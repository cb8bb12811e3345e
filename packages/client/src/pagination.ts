// `listAll`: an async iterator over every item of a paginated list, from the table's `pagination`.
import type { PaginationDescriptor } from './operation-descriptor.js';

/**
 * Yields every item, page by page. Cursor lists pass the last item's `cursorField` as `cursorParam`; page lists
 * count `pageParam` up from the input's page (default 1). A list stops on an empty page, when `hasMoreField` is
 * false, or (without `hasMoreField`) on a page shorter than the requested size (or than the first page). A cursor
 * that does not advance, or a page list that repeats a page, stops the iteration instead of looping forever.
 */
export async function* paginate(
  pagination: PaginationDescriptor,
  fetchPage: (input: Record<string, unknown>) => Promise<unknown>,
  input: Record<string, unknown> = {},
  warn: (message: string) => void = () => {},
): AsyncGenerator<unknown> {
  const { items: itemsField, cursorParam, cursorField, pageParam, hasMoreField } = pagination;
  const query: Record<string, any> = { ...input };
  let size: number | undefined = query[(pagination.pageSizeParam ?? pagination.limitParam)!];
  if (pageParam) query[pageParam] ??= 1;
  let previous: string | undefined;
  for (;;) {
    const body = (await fetchPage({ ...query })) as any;
    const page = itemsField ? body?.[itemsField] : body;
    const items: unknown[] = Array.isArray(page) ? page : [];
    yield* items;
    if (!items.length) return;
    const more = hasMoreField ? body?.[hasMoreField] : undefined;
    if (more === false || (more !== true && size !== undefined && items.length < size)) return;
    if (cursorParam) {
      const next = (items[items.length - 1] as any)?.[cursorField!];
      if (next == null || next === query[cursorParam]) {
        warn(`list cursor ${cursorParam} did not advance; stopping`);
        return;
      }
      query[cursorParam] = next;
    } else {
      size ??= items.length;
      const key = JSON.stringify([items.length, items[0], items[items.length - 1]]);
      if (key === previous) {
        warn(`list page ${query[pageParam!]} repeats the previous page; stopping`);
        return;
      }
      previous = key;
      query[pageParam!] += 1;
    }
  }
}
