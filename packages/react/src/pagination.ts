// Infinite lists: the page param is the operation's own cursor (`lastMusicId`, …) or page (`page`) query
// parameter; the first page sends none. When to stop follows the client's `listAll`: an empty page,
// `hasMoreField: false`, a page shorter than the requested size, or a cursor that does not advance.
import type { PaginationDescriptor } from '@useapi-minimax/client';

/** The items of one page of a list (`items: ''` means the body is the array). */
export function itemsOf(page: unknown, items: string): unknown[] {
  const value = items ? (page as Record<string, unknown> | null | undefined)?.[items] : page;
  return Array.isArray(value) ? value : [];
}

/** The input of one page: the list's input plus the page param, when there is one. */
export function pageInput<TInput>(pagination: PaginationDescriptor, input: object | undefined, pageParam: unknown): TInput {
  const name = pagination.cursorParam ?? pagination.pageParam!;
  return (pageParam === undefined ? { ...input } : { ...input, [name]: pageParam }) as TInput;
}

/** `getNextPageParam` for a list: the next cursor or page number, or `undefined` after the last page. */
export function nextPageParamOf<TPage, TPageParam>(pagination: PaginationDescriptor, input: object | undefined) {
  const { items, cursorParam, cursorField, pageParam, hasMoreField } = pagination;
  const sizeParam = pagination.limitParam ?? pagination.pageSizeParam;
  const requested = sizeParam ? (input as Record<string, unknown> | undefined)?.[sizeParam] : undefined;
  return (lastPage: TPage, allPages: TPage[], lastPageParam: TPageParam): TPageParam | undefined => {
    const list = itemsOf(lastPage, items);
    if (list.length === 0) return undefined;
    const more = hasMoreField ? (lastPage as Record<string, unknown>)?.[hasMoreField] : undefined;
    if (more === false) return undefined;
    if (more !== true) {
      const size = typeof requested === 'number' ? requested : pageParam ? itemsOf(allPages[0], items).length : undefined;
      if (size !== undefined && list.length < size) return undefined;
    }
    if (cursorParam) {
      const next = (list[list.length - 1] as Record<string, unknown> | undefined)?.[cursorField!];
      return next == null || next === lastPageParam ? undefined : (next as TPageParam);
    }
    return (((lastPageParam as number | undefined) ?? 1) + 1) as TPageParam;
  };
}
